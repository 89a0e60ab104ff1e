## Жеткізу: сабақтар, үй тапсырмалары, еске салулар; ұйымдастырушы не көреді

delivery-button-again = 🔁 Сабақты қайта жіберу
delivery-again-queued = 🔁 Қайта жіберіп жатырмын: қазір келеді.
delivery-again-already = ⏳ Жіберіліп жатыр, сәл күте тұрыңыз.
delivery-again-not-yet = Бұл сізге әлі жіберілген жоқ: өз күнінде келеді.
delivery-again-not-enrolled = Сіз енді бұл курсқа қатыспайсыз.
delivery-again-unknown = Бұл батырма енді жұмыс істемейді.

delivery-lesson-heading = 📘 <b>{ $title }</b>
delivery-homework-deadline = ⏰ <b>Тапсыру мерзімі:</b> { $deadline }
delivery-homework-accepts = 📎 <b>Жіберуге болады:</b> { $kinds }
delivery-accepts-text = мәтін
delivery-accepts-photo = сурет
delivery-accepts-document = құжат
delivery-accepts-video = бейне
delivery-accepts-voice = дауыстық хабарлама
delivery-accepts-link = сілтеме
delivery-reminder =
    ⏰ <b>Еске салу</b>: { $lesson }-сабақтың «{ $title }» үй тапсырмасы.
    Тапсыру мерзімі: { $deadline }. Егер жіберіп қойсаңыз, рақмет: басқа ештеңе істеудің қажеті жоқ.
delivery-questionnaire-invite =
    📝 <b>{ $course }</b>: курс аяқталуға жақын.
    Курс туралы бірнеше сұраққа жауап беріңізші: бұл шамамен бес минут алады, ал сіздің жауаптарыңыз келесі курсты жақсартуға көмектеседі.
delivery-questionnaire-anonymous = 🔒 Сауалнама анонимді.
delivery-questionnaire-reminder = 📝 Еске салу: «{ $course }» курсы туралы сауалнаманы толтырыңызшы. Бұл шамамен бес минут алады.

## Ұйымдастырушы не көреді (/delivery)

cmd-delivery = Кім қай сабақты алды (ұйымдастырушыларға)
delivery-report-choose = 📬 <b>Сабақтардың жеткізілуі</b>: ағынды таңдаңыз.
delivery-report-no-cohorts = 📬 Әзірге ағындар жоқ.
delivery-report-header =
    📬 <b>{ $cohort }</b>
    { $course }
    Тыңдаушылар: { $learners } · { $status }
delivery-status-active = ▶️ жүріп жатыр
delivery-status-paused = ⏸ уақытша тоқтатылған
delivery-status-finished = 🏁 аяқталған
delivery-report-legend = 🕓 жоспарда · ✅ жіберілді · 🚫 жеткізілмеді · ⚠️ қате
delivery-report-lesson = <b>{ $number }-сабақ</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-questionnaire = <b>Сауалнама</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-paused-hint = ⏸ Ағын уақытша тоқтатылған: ештеңе жіберілмейді. Қайта жалғастырғанда таңдаңыз: кестені өткізіп алған күндерге жылжыту немесе өткізіп алғанды бірден жіберу.
delivery-report-lesson-title =
    📘 <b>{ $number }-сабақ. { $title }</b>
    { $when }
delivery-report-part-lesson = Сабақ материалдары: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-homework = Үй тапсырмасы: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-reminders = Еске салулар: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-unreachable-title =
    🚫 <b>Бот хабарлама жеткізе алмайтын тыңдаушылар: { $count }</b>
    Олар ботты бұғаттаған немесе Telegram-дағы аккаунтын жойған. Оларға телефон соғыңызшы: ботты қайта ашқанда, өткізіп алғанның бәрін алады.
delivery-report-learner = • { $name }, { $district }, { $library }
delivery-report-failed-title = ⚠️ <b>Жіберілмеді: { $count }</b>
delivery-report-failed-learner = • { $name }: { $reason }
delivery-report-nobody = Ондай тыңдаушы жоқ.
delivery-report-blank = —

delivery-button-lesson = { $number }-сабақ
delivery-button-unreachable = 🚫 Жеткізілмеді ({ $count })
delivery-button-pause = ⏸ Тоқтата тұру
delivery-button-resume-shift = ▶️ Жалғастыру, кестені жылжыту
delivery-button-resume-missed = ▶️ Өткізгенді қазір жіберу
delivery-button-refresh = 🔄 Жаңарту
delivery-button-back = ⬅️ Артқа

delivery-paused = ⏸ Уақытша тоқтатылды: қайта жалғастырмайынша ештеңе жіберілмейді.
delivery-resumed-shift =
    { $days ->
        [0] ▶️ Жалғасты: ештеңе өткізілмеді, кесте өзгерген жоқ.
       *[other] ▶️ Жалғасты: кесте { $days } күнге жылжыды.
    }
delivery-resumed-missed = ▶️ Жалғасты: өткізіп алған сабақтар қазір бір-бірден жіберіледі.
delivery-not-changed = Ештеңе өзгерген жоқ: ағын енді бұл күйде емес.

## Неге жеткізілмеді: Telegram-ның ағылшынша хабарының орнына (bot/delivery/reasons.py)
delivery-reason-blocked = тыңдаушы ботты бұғаттаған
delivery-reason-chat-not-found = Telegram бұл чатты таппады
delivery-reason-too-long = хабарлама Telegram үшін тым ұзын
delivery-reason-bad-html = мәтіннің пішімдеуінде қате бар
delivery-reason-file = файлды жіберу мүмкін болмады
delivery-reason-other = басқа қате
