## Сабақ тесттері: сабақпен келетін карточка, нәтиже, еске салу, батырмалар

# $lesson: сабақтың нөмірі, $title: оның атауы, $count: сұрақ саны, $mark: өту шегі, пайызбен,
# $attempts: тыңдаушының неше әрекеті бар.
quiz-card =
    📝 <b>{ $lesson }-сабақтың тесті</b> «{ $title }»: { $count } сұрақ, өту шегі { $mark }%.
    { $attempts ->
        [one] Сізде бір әрекет бар.
       *[other] Сізде { $attempts } әрекет бар; ең жақсы нәтиже есептеледі.
    }
quiz-button-start = ▶️ Тестті бастау
quiz-button-retake = 🔁 Қайта тапсыру
quiz-button-continue = ▶️ Тестті жалғастыру

# $total сұрақтың $right сұрағына дұрыс жауап берілді, бұл $percent пайыз.
quiz-result-heading = 📝 <b>{ $lesson }-сабақтың тесті</b> «{ $title }»: { $total } сұрақтың { $right } сұрағына дұрыс жауап бердіңіз ({ $percent }%).
quiz-result-passed = ✅ Тест тапсырылды: өту шегі { $mark }%.
quiz-result-failed = ❌ Тест тапсырылмады: өту шегі { $mark }%.
quiz-result-wrong-heading = <b>Қате жауаптар:</b>
# $number: сұрақтың нөмірі, $question: оның мәтіні, $answer: дұрыс нұсқа.
quiz-result-wrong =
    { $number }. { $question }
    ✅ Дұрыс жауап: { $answer }
quiz-result-best = Ең жақсы нәтижеңіз есептеледі: { $total } сұрақтың { $best } сұрағы.
quiz-result-attempts-left = { $left ->
        [0] Әрекет қалған жоқ.
       *[other] Тағы { $left } әрекет қалды.
    }

# $total сұрақтың $left сұрағына әлі жауап жоқ.
quiz-reminder =
    ⏰ <b>Еске салу</b>: сіз { $lesson }-сабақтың тестін «{ $title }» бастадыңыз, бірақ аяқтаған жоқсыз: { $total } сұрақтың { $left } сұрағы қалды.
    Жоғарыдағы сұраққа жауап беріңіз немесе оны қайта алу үшін батырманы басыңыз.

## Тест батырмаларына жауаптар (қысқа хабар немесе жабатын терезе)
quiz-start-started = 📝 Бірінші сұрақ жіберілді.
quiz-start-continued = 📝 Ағымдағы сұрақ қайта жіберілді.
quiz-start-nothing-open = Бұл тест аяқталды: нәтижесі жоғарыда.
quiz-start-no-attempts = Бұл тесттің барлық әрекетін пайдаландыңыз. Ең жақсы нәтижеңіз есептеледі.
quiz-start-not-enrolled = Сіз бұл курсқа енді қатыспайсыз.
quiz-start-not-yet = Бұл тест өз сабағымен бірге келеді: ол әлі ашылған жоқ.
quiz-start-unknown = Бұл батырма енді жұмыс істемейді.

## /courses ішіндегі тесттер
# $lesson: сабақтың нөмірі; ең жақсы әрекетте $total сұрақтың $right сұрағына дұрыс жауап.
quiz-progress-heading = 📝 Тесттер:
quiz-progress-passed = { $lesson }-сабақ: { $total } сұрақтың { $right } сұрағы ✅
quiz-progress-failed = { $lesson }-сабақ: { $total } сұрақтың { $right } сұрағы, әзірге тапсырылмады
quiz-progress-open = { $lesson }-сабақ: басталды, аяқталған жоқ
quiz-progress-none = { $lesson }-сабақ: әлі тапсырылған жоқ
# $percent: курстың барлық тест сұрақтары бойынша дұрыс жауаптар; $mark: курс талап ететіні.
quiz-progress-standing = Барлық тесттердегі дұрыс жауаптар: { $percent }% (курс талабы: { $mark }%) { $met ->
        [yes] ✅
       *[no] ⏳
    }

## Тікелей тест (/livequiz): жүргізушінің жағы
cmd-livequiz = Топқа тікелей тест өткізу (қызметкерлер)
cmd-bindgroup = Осы Telegram тобын ағынның тобы ету (ұйымдастырушылар)
live-no-cohorts = Сізде ойнауға болатын жүріп жатқан ағын жоқ.
live-pick-cohort = 🎮 <b>Тікелей тест</b>: қай ағын ойнайды?
live-no-quizzes = Бұл ағынның курсында тест жоқ.
live-pick-quiz = Қай тест?
# $title: тест (тікелей тесттің атауы немесе тест тиесілі сабақтың атауы).
live-pick-mode = «{ $title }»: қатысушылар қай жерде жауап береді?
live-no-group = Ағынның Telegram тобында ойнау үшін мені топқа қосып, сол жерде /bindgroup жіберіңіз.
live-button-mode-group = 👥 Топта
live-button-mode-private = 💬 Жеке чаттарда
live-create-no-group = Ағынның әлі тобы жоқ: мені топқа қосып, сол жерде /bindgroup жіберіңіз.
live-create-busy = Бұл ағында немесе оның тобында тікелей тест жүріп жатыр. Алдымен оны тоқтатыңыз.
live-create-unknown = Бұл тест енді жоқ; /livequiz командасын қайта жіберіңіз.
# $mode: group немесе private; $players: қанша адам қосылды.
live-lobby =
    🎮 «{ $title }» тікелей тестіне <b>қатысушылар жиналуда</b> ({ $mode ->
        [group] топта
       *[private] жеке чаттарда
    }).
    Қатысушылар: <b>{ $players }</b>. Бәрі жиналғанда «Бастау» батырмасын басыңыз.
live-button-start = ▶️ Бастау
live-button-cancel = ✖️ Болдырмау
live-button-skip = ⏭ Өткізіп жіберу
live-button-stop = ⏹ Тоқтату
live-host-start-done = ▶️ Басталды: бірінші сұрақ жіберілді.
live-host-start-not-host = Бұл тестті тек жүргізуші бастай алады.
live-host-start-no-players = Әзірге ешкім қосылған жоқ.
live-host-start-gone = Бұл тест басталып кеткен немесе аяқталған.
live-host-cancel-done = Қатысушылар жинау жабылды.
live-host-cancel-not-host = Мұны тек жүргізуші істей алады.
live-host-cancel-no-players = Әзірге ешкім қосылған жоқ.
live-host-cancel-gone = Бұл тест басталып кеткен немесе аяқталған.
live-host-skip-done = ⏭ Сұрақ жабылды.
live-host-skip-not-host = Мұны тек жүргізуші істей алады.
live-host-skip-no-players = Әзірге ешкім қосылған жоқ.
live-host-skip-gone = Бұл тест қазір жүріп жатқан жоқ.
live-host-stop-done = ⏹ Тоқтатылды: қазіргі нәтижелер түпкілікті.
live-host-stop-not-host = Мұны тек жүргізуші істей алады.
live-host-stop-no-players = Әзірге ешкім қосылған жоқ.
live-host-stop-gone = Бұл тест қазір жүріп жатқан жоқ.
# $number: сұрақтың нөмірі, $total: сұрақ саны.
live-host-question = ❓ Сұрақ { $number }/{ $total } жүріп жатыр.
live-host-board = Барлық қатысушылар ({ $players }):
live-interrupted = ⚠️ Тікелей тест кезінде бот қайта іске қосылды, сондықтан тест тоқтатылды. Берілген жауаптар сақталды.
live-already-here = Бұл топта тікелей тест жүріп жатыр.
live-open-in-private = Маған жеке чатта /livequiz жіберіңіз: мұнда қай тестті өткізетінін сұраймын.

## /bindgroup
live-bind-pick = Бұл топ қай ағынға арналған?
live-bind-in-group = Мені Telegram тобына қосып, /bindgroup командасын сол топтың өзінде жіберіңіз.
group-bind-purpose = «{ $cohort }» ағынында бұл топ не үшін керек?
group-button-quiz = 🎯 Тікелей тест
group-button-review = 📥 Үй тапсырмасын тексеру
group-button-both = 🎯📥 Екеуіне де
group-bind-done-quiz = ✅ Енді бұл «{ $cohort }» ағынының тобы: мұнда тікелей тест өткізуге болады.
group-bind-done-review = ✅ Енді бұл топта «{ $cohort }» ағынының үй тапсырмалары тексеріледі: әр жаңа жұмыс осында келеді, ағын кураторлары оны астындағы батырмалармен қабылдайды не қайтарады.
group-bind-done-both = ✅ Енді бұл «{ $cohort }» ағынының тобы: мұнда тікелей тест өткізуге болады және әр жаңа үй жұмысы кураторлардың тексеруіне осында келеді.

## Қатысушылардың жағы
# $title: тест; $count сұрақ, әрқайсысына $seconds секунд.
live-invite =
    🎮 «{ $title }» <b>тікелей тесті</b> басталғалы жатыр: { $count } сұрақ, әрқайсысына { $seconds } секунд. Дұрыс жауапты неғұрлым тез берсеңіз, соғұрлым көп ұпай аласыз.
    Қатысу үшін батырманы басыңыз.
live-button-join = 🙋 Қатысамын
live-join-joined = 🙋 Сіз ойындасыз! Жүргізуші бастағанда бірінші сұрақ келеді.
live-join-already = Сіз ойынға қосылып қойғансыз.
live-join-closed = Бұл тест басталып кеткен немесе аяқталған.
live-join-not-a-learner = Бұл тест курс тыңдаушыларына арналған.
# $number: сұрақтың нөмірі, $answer: дұрыс нұсқа.
live-right-answer = ✅ { $number }-сұрақ: дұрыс жауап «{ $answer }».
live-answered-right = { $players } қатысушының { $right } қатысушысы дұрыс жауап берді.
# $points: осы сұрақ берген ұпай.
live-you-right = 🎉 Дұрыс: +{ $points } ұпай.
live-you-wrong = ❌ Бұл жолы қате: 0 ұпай.
live-you-late = ⌛ Жауап жоқ: 0 ұпай.
live-top = 🏆 Алғашқы бестік:
live-podium = 🏁 <b>«{ $title }» тікелей тесті аяқталды!</b>
# $place: орын, $players: қатысушы саны, $points: ұпай.
live-your-place = Сіздің орныңыз: <b>{ $place }</b> ({ $players } қатысушы ішінде), { $points } ұпай.
