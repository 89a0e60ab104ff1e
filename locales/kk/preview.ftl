## Курсты HTML түрінде алдын ала қарау (python -m bot course preview): ұйымдастырушы беттен оқитын сөздер.
## Күн мен уақытты Babel пішімдейді (bot/services/dates.py); мұнда тек сөздер.

preview-title = Алдын ала қарау
preview-reader = Қазақ тілінде оқитын тыңдаушы көретіні
preview-start = Ағынның басталуы
preview-time-zone = Уақыт белдеуі
preview-utc-offset = UTC{ $offset }
preview-hours = Оқу сағаты
preview-enrolment = Курсқа жазылғанда

# $number: сабақтың нөмірі, $total: курстағы сабақ саны.
preview-lesson-of = Сабақ { $number }/{ $total }
preview-open = Ашу

# $count: тесттегі сұрақ саны, $mark: өту шегі, пайызбен.
# Сан есімнен кейін зат есім жекеше тұрады: «1 сұрақ», «5 сұрақ».
preview-quiz-intro = Тест: { $count } сұрақ. Өту шегі: { $mark }%.
# $attempts: тыңдаушының неше әрекеті бар (тесттің attempts өрісі).
preview-quiz-attempts = { $attempts ->
        [one] Бір әрекет.
       *[other] { $attempts } әрекет; ең жақсы нәтиже есептеледі.
    }
preview-quiz-shuffled = Жауап нұсқалары әр тыңдаушыға әртүрлі ретпен беріледі.
preview-start-quiz = ▶️ Тестті бастау
preview-poll = Тест сұрағы
preview-correct = дұрыс жауап

preview-deadline = Тапсыру мерзімі
preview-accepts = Жіберуге болады
preview-reminders = Еске салу
preview-send-homework = 📝 Тапсырманы жіберу
preview-accept-text = мәтін
preview-accept-photo = сурет
preview-accept-document = құжат
preview-accept-video = бейне
preview-accept-voice = дауыстық хабар
preview-accept-link = сілтеме

preview-questionnaire = Сауалнама
preview-anonymous = анонимді
preview-named = анонимді емес
preview-self-assessment = Өзін-өзі бағалау
preview-self-assessment-before = курсқа жазылған бойда, 1-сабаққа дейін
preview-self-assessment-after = сауалнамамен бірге тағы да; содан кейін әр тыңдаушы өзінің «дейін» және «кейін» бағасын көреді
preview-begin = Бастау
preview-done = Дайын
preview-skip = Өткізіп жіберу
preview-type-answer = ✍️ Жауабыңызды хабарлама етіп жазыңыз.
preview-choose-many = Бірнешеуін таңдап, «Дайын» батырмасын басыңыз.

# $size: тілге сай пішімделген сан («23,1»).
preview-size-kb = { $size }{"\u00A0"}КБ
preview-size-mb = { $size }{"\u00A0"}МБ

preview-completion = Курсты аяқтау шарттары
# $lessons: сабақтардың нөмірлері («1, 3»), $count: олардың саны.
preview-need-homework = { $count ->
        [1] қабылданған үй тапсырмасы: { $lessons }-сабақ
       *[other] қабылданған үй тапсырмалары: { $lessons }-сабақтар
    }
preview-need-quiz = тесттегі дұрыс жауаптар: кемінде { $mark }%
preview-need-questionnaire = толтырылған сауалнама
preview-certificate = Сертификат (тексеруге арналған QR коды бар PDF)
preview-certificate-hours = академиялық сағат саны: { $hours }
preview-certificate-languages = { $languages } тілдерінде, қатар
preview-certificate-own-language = әр тыңдаушының өз тілінде
preview-certificate-issuer = берген ұйым: { $issuer }
preview-certificate-signatory = қол қойған: { $signatory }

# Курстың батырмалардағы қысқа атауы (short_title, болмаса атаудың басы).
preview-short-title = Батырмада

# Homework that differs from the defaults (late work is taken and marked; no score).
preview-late-refused = Мерзімнен кейін жұмыс қабылданбайды
# $points: the most points the curator can give
preview-max-score = Баға: { $points } ұпайға дейін
