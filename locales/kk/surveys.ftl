# Сауалнама және өзін-өзі бағалау (handlers/surveys.py, bot/telegram/views/surveys.py).

surveys-button-fill-in = 📝 Толтыру
surveys-button-rate-myself = 📊 Өзімді бағалау
surveys-button-skip = ⏭ Өткізіп жіберу
surveys-button-done = ✔️ Дайын
surveys-button-send = 📤 Жіберу

surveys-progress = <b>{ $current } / { $total }</b>
surveys-optional = (міндетті емес)
surveys-statement-scale = Қаншалықты сенімдісіз? 1 — мүлде сенімді емеспін, 5 — толық сенімдімін.
surveys-statement-named = 👤 Бұл бөлім анонимді емес: курс соңында өзгерісті көру үшін бағаларыңыз атыңызбен сақталады.
surveys-choose-one = Бір жауапты таңдаңыз.
surveys-choose-any = Сәйкес келетіндердің бәрін таңдап, ✔️ Дайын түймесін басыңыз.
surveys-type-answer = Жауабыңызды хабарлама етіп жазыңыз ({ $limit } таңбаға дейін).
surveys-your-answer = Сіздің жауабыңыз: { $answer }
surveys-before-title = 📊 <b>Өзін-өзі бағалау</b>, курс басталар алдында
surveys-after-title = 📊 <b>Өзін-өзі бағалау</b>, қазір, курс соңында

surveys-check-title = <b>Жауаптарыңызды тексеріңіз.</b> Жауапты өзгерту үшін ⬅️ Артқа түймесін, бәрі дұрыс болса, 📤 Жіберу түймесін басыңыз.
surveys-skipped = — өткізілді
surveys-sent-anonymous = ✅ Рақмет! Жауаптарыңыз анонимді түрде жіберілді.
surveys-sent = ✅ Рақмет! Жауаптарыңыз жіберілді.
surveys-before-sent = ✅ Рақмет! Курс соңында өзіңізді тағы бағалап, өзгерісті көресіз.
surveys-before-after = 📊 <b>Өзін-өзі бағалауыңыз</b>: курсқа дейін өзіңізді { $before } деп бағаладыңыз, қазір — { $after }.
surveys-after-only = 📊 <b>Өзін-өзі бағалауыңыз</b>: қазір — { $after }.
surveys-before-after-line = • { $statement }: { $before } → { $after }
surveys-not-rated = —

surveys-before-invite =
    📊 <b>{ $course }</b>: бірінші сабаққа дейін өзіңізді бірнеше тұжырым ({ $count }) бойынша 1-ден 5-ке дейін бағалаңыз. Бұл бір минут алады.
    Курс соңында өзіңізді тағы бағалап, өзгерісті көресіз.
    👤 Бұл анонимді емес: бағаларыңыз атыңызбен сақталады.

surveys-answered = Сіз жауап беріп қойдыңыз. Рақмет!
surveys-not-enrolled = Бұл курс тыңдаушыларына арналған.
surveys-no-form = Мұнда толтыратын ештеңе жоқ.
surveys-stale = Бұл түйме алдыңғы сұрақтан қалған.
surveys-invalid = Мұндай жауап нұсқасы жоқ.
surveys-choose-at-least-one = Кемінде бір нұсқаны таңдаңыз.
surveys-incomplete = Кейбір міндетті сұрақтарға әлі жауап жоқ.
surveys-text-too-long = Тым ұзын: { $limit } таңбадан аспауы керек.
surveys-text-only = Жауапты мәтінмен жазыңыз.
surveys-paused = Жауаптарыңыз сақталды. Ыңғайлы кезде жалғастыру үшін 📝 Толтыру түймесін басыңыз.
