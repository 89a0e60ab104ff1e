## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ Куратор { $lesson }-сабақтың «{ $title }» үй тапсырмасын қабылдады.
homework-result-returned = ↩️ Куратор { $lesson }-сабақтың «{ $title }» үй тапсырмасын пысықтауға қайтарды.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Баға: { $max } ұпайдан { $score }
homework-result-comment = 💬 <b>Куратордың пікірі:</b> { $comment }
homework-result-voice = 🎙 Куратордың пікірі төмендегі дауыстық хабарда.
homework-result-again = Тапсырманы түзетіп, жаңа нұсқасын төмендегі батырмамен жіберіңіз.
homework-button-hand-in-again = 📝 Қайта тапсыру

## The learner's draft: one status message, edited as parts arrive.
homework-button-hand-in = 📝 Тапсыру
homework-button-send = ✅ Кураторға жіберу
homework-button-start-over = 🗑 Қайта бастау
# $lesson: the lesson's number, $title: its title
homework-draft-title = 📝 <b>{ $lesson }-сабақтың үй тапсырмасы</b> «{ $title }»
# $kinds: what the homework takes ("text, photo, document")
homework-draft-how = Жұмысыңызды осында хабарлама етіп жіберіңіз: { $kinds }. Альбоммен де, бірнеше хабарламамен де болады. Содан кейін «✅ Кураторға жіберу» батырмасын басыңыз.
homework-draft-deadline = ⏰ Тапсыру мерзімі: { $deadline }
homework-draft-late = ⚠️ Тапсыру мерзімі өтіп кетті: жұмыс бәрібір қабылданады, бірақ кешігіп тапсырылды деп белгіленеді.
# $version: 2, 3, ...
homework-draft-version = ↩️ Куратор алдыңғы нұсқаны қайтарды: бұл { $version }-нұсқа болады.
homework-draft-empty = 📎 Әзірге ештеңе қосылған жоқ.
# $count: all parts; $summary: "2 photos, 1 text"
homework-draft-parts = 📎 { $count } бөлік: { $summary }
homework-count-text = { $count } мәтін
homework-count-link = { $count } сілтеме
homework-count-photo = { $count } сурет
homework-count-document = { $count } құжат
homework-count-video = { $count } бейне
homework-count-voice = { $count } дауыстық хабар
homework-count-audio = { $count } аудиофайл
homework-count-video_note = { $count } бейнехабар
# $count: parts handed in
homework-sent = ✅ <b>Кураторға жіберілді</b>: { $lesson }-сабақтың «{ $title }» үй тапсырмасы, { $count } бөлік. Куратордың жауабы осында келеді.
# $deadline: the deadline, in the cohort's time
homework-sent-late = ⚠️ Мерзімнен кейін тапсырылды ({ $deadline }), сондықтан кешігіп тапсырылды деп белгіленді.
homework-sent-already = Бұл жұмыс кураторға жіберіліп қойған.
homework-empty = Әзірге жіберетін ештеңе жоқ: алдымен жұмысыңызды осында хабарлама етіп жіберіңіз.
# $kinds: what the homework takes; $got: what was sent (a homework-got-* word)
homework-not-accepted = ⛔ Бұл тапсырмаға тек мыналар қабылданады: { $kinds }. Сіз { $got } жібердіңіз, ол қосылмады.
homework-got-text = мәтін
homework-got-link = сілтеме
homework-got-photo = сурет
homework-got-document = құжат
homework-got-video = бейне
homework-got-voice = дауыстық хабар
homework-got-audio = аудиофайл
homework-got-video_note = бейнехабар
homework-got-other = жұмыс ретінде тапсыруға болмайтын хабарлама
# $deadline: when it closed
homework-closed = ⛔ { $lesson }-сабақтың үй тапсырмасын қабылдау мерзімі { $deadline } аяқталды: жұмыстар енді қабылданбайды.
# $curators: their names
homework-closed-ask-curators = Себебіңіз дәлелді болса, кураторыңызға жазыңыз: { $curators }.
homework-closed-ask-organizer = Себебіңіз дәлелді болса, курс ұйымдастырушысына жазыңыз.
homework-waiting = ⏳ { $lesson }-сабақтың үй тапсырмасы куратордың тексеруінде. Жауабы осында келеді.
homework-accepted-final = ✅ { $lesson }-сабақтың үй тапсырмасы қабылданды: енді ештеңе жіберудің қажеті жоқ.
homework-not-yet = Бұл тапсырма сізге әлі берілген жоқ: ол өз сабағымен бірге келеді.
# $number: the lesson's number, $title: its title
homework-which-button = 📝 { $number }. { $title }
homework-which = 📝 Бұл қай тапсырмаға жатады? Таңдаңыз, жібергеніңіз соған қосылады.
homework-none-open = Қазір тапсыруға болатын тапсырмаңыз жоқ, сондықтан бұл сақталмады. Әр тапсырма өз сабағымен бірге келеді, астында «📝 Тапсыру» батырмасы бар.

## Progress (/progress and the course card)
cmd-progress = Курстардағы жетістіктерім
# $course: the course's title
homework-progress-title = 📊 <b>{ $course }</b>
# $received, $total: lessons
homework-progress-lessons = 📘 Алынған сабақтар: { $total } сабақтың { $received }
# $bar: ▓▓▓░░, $done and $total: required homework accepted
homework-progress-bar = { $bar } қабылданған тапсырмалар: { $total } тапсырманың { $done }
homework-progress-homework = <b>Үй тапсырмалары</b>
homework-status-accepted = ✅ { $lesson }-сабақ: қабылданды
homework-status-accepted-score = ✅ { $lesson }-сабақ: қабылданды, бағасы { $max } ұпайдан { $score }
homework-status-waiting = ⏳ { $lesson }-сабақ: тексеруді күтуде
homework-status-returned = ↩️ { $lesson }-сабақ: қайтарылды, қайта тапсырыңыз
homework-status-late = ⚠️ { $lesson }-сабақ: тапсырылмады, мерзімі өтті
homework-status-not-handed-in = ▫️ { $lesson }-сабақ: әлі тапсырылмады, мерзімі { $deadline } дейін
homework-status-not-yet = 🔒 { $lesson }-сабақ: кейін беріледі
homework-status-was-late = (кешігіп тапсырылды)
homework-progress-needed = <b>Курсты аяқтау үшін тағы не керек:</b>
# $lessons: lesson numbers ("1, 3")
homework-needed-homework = • { $count ->
        [one] { $lessons }-сабақтың қабылданған үй тапсырмасы
       *[other] { $lessons }-сабақтардың қабылданған үй тапсырмалары
    }
homework-needed-quiz = • тесттерде кемінде { $mark }% дұрыс жауап
homework-needed-questionnaire = • курс соңындағы сауалнама
homework-progress-done = 🎉 Курсты аяқтауға қажет барлық үй тапсырмасы қабылданды.
homework-button-hand-in-lesson = 📝 Тапсыру: { $number }-сабақ

## The curator's side (/review)
cmd-review = Тексеруді күтетін үй тапсырмалары (кураторлар)
review-choose = 📥 <b>Тексерілетін жұмыстар</b>: ағынды таңдаңыз. Сан — күтіп тұрған жұмыстар саны.
review-nothing = 📥 Сіздің ағындарыңызда тексеруді күтетін жұмыс жоқ.
# $name: the cohort's name, $count: waiting
review-cohort-button = { $name } ({ $count })
review-header =
    📥 <b>{ $lesson }-сабақтың үй тапсырмасы</b> «{ $title }»
    👤 { $name }
    🏛 { $library }, { $district }
    🕓 Тапсырылған уақыты: { $when }
    📄 { $version }-нұсқа · { $count } бөлік
review-late = ⚠️ Кешігіп тапсырылды: мерзімі { $deadline } болатын.
review-unknown = —
# $text: what the learner wrote
review-part-text = 💬 { $text }
review-part-link = 🔗 { $text }
review-controls = { $waiting ->
        [0] Шешіміңіз қандай?
       *[other] Шешіміңіз қандай? (Бұл ағында тағы { $waiting } жұмыс күтуде.)
    }
review-button-return-short = ↩️ Қайтару
review-group-controls = 📥 Ағын кураторлары: жұмысты қабылдаңыз немесе пікірмен қайтарыңыз.
review-group-accepted = ✅ { $curator } қабылдады: { $name }{ $score }.
review-group-returned = ↩️ { $curator } қайтарды: { $name }.
review-group-not-curator = Бұл жұмыс бойынша шешімді тек ағын кураторлары қабылдайды.
review-group-done = Дайын. Тыңдаушыға хабар барады.
review-group-pick-score = Бағаны таңдаңыз: ең азы 0, ең көбі { $max }.
review-group-score-private = Бұл тапсырма 10-нан көп ұпаймен бағаланады: бағаны менімен жеке чатта қойыңыз, /review.
review-group-ask-comment = ✍️ { $curator }, осы хабарламаға жауап беріп, нені түзету керектігін жазыңыз (мәтінмен немесе дауыспен). /cancel — жұмысты тексеруде қалдыру.
review-group-placeholder = Нені түзету керек
review-button-accept = ✅ Қабылдау
review-button-return = ↩️ Пікірмен қайтару
review-button-next = ⏭ Келесі
review-ask-score = 🏅 Жұмысқа баға қойыңыз: 0 мен { $max } аралығындағы сан. Санды басыңыз немесе жазыңыз.
review-bad-score = 0 мен { $max } аралығындағы бүтін санды жазыңыз.
review-ask-accept-comment = ✍️ Тыңдаушыға пікір қалдырыңыз (мәтінмен немесе дауыспен) не пікірсіз қабылдаңыз.
review-button-accept-no-comment = ✅ Пікірсіз қабылдау
review-ask-return-comment = ✍️ Нені түзету керектігін жазыңыз (мәтінмен немесе дауыспен). Тыңдаушы оны қайта тапсыру батырмасымен бірге алады.
review-comment-too-long = Пікір тым ұзын: ең көбі { $limit } таңба, қысқартыңызшы.
review-comment-kind = Пікірді мәтінмен немесе дауыстық хабармен жіберіңіз.
# $name: the learner, $score: "" or ", 9 of 10"
review-done-accepted = ✅ Қабылданды: { $name }, { $lesson }-сабақ{ $score }. Тыңдаушыға хабар барады.
review-done-returned = ↩️ Қайтарылды: { $name }, { $lesson }-сабақ, пікіріңізбен бірге. Тыңдаушыға хабар барады.
review-score-suffix = , { $max } ұпайдан { $score }
# $curator: who decided first; $decision: accepted | returned
review-already = Бұл жұмыс бойынша шешім қабылданып қойған: { $curator } оны { $decision ->
        [accepted] қабылдады
       *[returned] қайтарды
    }.
review-someone = басқа куратор
review-not-yours = Бұл ағын сіз тексеретін ағындардың қатарында жоқ.
review-no-more = 📥 Бұл ағында тексеруді күтетін жұмыс енді жоқ.
review-cancelled = Тоқтатылды: шешім сақталмады.

## The curators' daily digest (bot/delivery/render.py, kind review-digest)
# $cohort: the cohort's name, $count: submissions waiting longer than $hours, $since: the oldest's hand-in time
review-digest = 📥 <b>{ $cohort }</b>: { $count } жұмыс { $hours } сағаттан астам уақыт бойы тексеруіңізді күтіп тұр; ең ертесінің тапсырылған уақыты: { $since }.
review-button-open = 📥 Тексеру
