## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ Куратор принял ваше домашнее задание к уроку { $lesson } «{ $title }».
homework-result-returned = ↩️ Куратор вернул ваше домашнее задание к уроку { $lesson } «{ $title }» на доработку.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Оценка: { $score } из { $max }
homework-result-comment = 💬 <b>Комментарий куратора:</b> { $comment }
homework-result-voice = 🎙 Комментарий куратора — в голосовом сообщении ниже.
homework-result-again = Доработайте задание и отправьте новую версию кнопкой ниже.
homework-button-hand-in-again = 📝 Сдать заново

## The learner's draft: one status message, edited as parts arrive.
homework-button-hand-in = 📝 Сдать задание
homework-button-send = ✅ Отправить куратору
homework-button-start-over = 🗑 Начать заново
# $lesson: the lesson's number, $title: its title
homework-draft-title = 📝 <b>Домашнее задание к уроку { $lesson }</b> «{ $title }»
# $kinds: what the homework takes ("text, photo, document")
homework-draft-how = Присылайте работу сюда сообщениями: { $kinds }. Можно альбомом и несколькими сообщениями. Затем нажмите «✅ Отправить куратору».
homework-draft-deadline = ⏰ Срок сдачи: { $deadline }
homework-draft-late = ⚠️ Срок сдачи прошёл: работу всё равно примут, но отметят как сданную с опозданием.
# $version: 2, 3, ...
homework-draft-version = ↩️ Куратор вернул предыдущую версию: это будет версия { $version }.
homework-draft-empty = 📎 Пока ничего не добавлено.
# $count: all parts; $summary: "2 photos, 1 text"
homework-draft-parts = 📎 { $count ->
        [one] { $count } часть
        [few] { $count } части
       *[many] { $count } частей
    }: { $summary }
homework-count-text = { $count ->
        [one] { $count } текст
        [few] { $count } текста
       *[many] { $count } текстов
    }
homework-count-link = { $count ->
        [one] { $count } ссылка
        [few] { $count } ссылки
       *[many] { $count } ссылок
    }
homework-count-photo = { $count } фото
homework-count-document = { $count ->
        [one] { $count } документ
        [few] { $count } документа
       *[many] { $count } документов
    }
homework-count-video = { $count } видео
homework-count-voice = { $count ->
        [one] { $count } голосовое
        [few] { $count } голосовых
       *[many] { $count } голосовых
    }
homework-count-audio = { $count } аудио
homework-count-video_note = { $count ->
        [one] { $count } видеосообщение
        [few] { $count } видеосообщения
       *[many] { $count } видеосообщений
    }
# $count: parts handed in
homework-sent = ✅ <b>Отправлено куратору</b>: домашнее задание к уроку { $lesson } «{ $title }», { $count ->
        [one] { $count } часть
        [few] { $count } части
       *[many] { $count } частей
    }. Ответ куратора придёт сюда.
# $deadline: the deadline, in the cohort's time
homework-sent-late = ⚠️ Сдано после срока ({ $deadline }), поэтому отмечено как сданное с опозданием.
homework-sent-already = Эта работа уже отправлена куратору.
homework-empty = Пока нечего отправлять: сначала пришлите работу сюда сообщениями.
# $kinds: what the homework takes; $got: what was sent (a homework-got-* word)
homework-not-accepted = ⛔ В этом задании принимаются только: { $kinds }. Вы прислали { $got }, это не добавлено.
homework-got-text = текст
homework-got-link = ссылку
homework-got-photo = фото
homework-got-document = документ
homework-got-video = видео
homework-got-voice = голосовое сообщение
homework-got-audio = аудиофайл
homework-got-video_note = видеосообщение
homework-got-other = сообщение, которое нельзя сдать как работу
# $deadline: when it closed
homework-closed = ⛔ Приём домашнего задания к уроку { $lesson } закрыт по сроку, { $deadline }: работы больше не принимаются.
# $curators: their names
homework-closed-ask-curators = Если у вас уважительная причина, напишите куратору: { $curators }.
homework-closed-ask-organizer = Если у вас уважительная причина, напишите организатору курса.
homework-waiting = ⏳ Ваше домашнее задание к уроку { $lesson } у куратора. Ответ придёт сюда.
homework-accepted-final = ✅ Ваше домашнее задание к уроку { $lesson } принято: больше ничего присылать не нужно.
homework-not-yet = Это задание вам ещё не выдано: оно придёт вместе со своим уроком.
# $number: the lesson's number, $title: its title
homework-which-button = 📝 { $number }. { $title }
homework-which = 📝 К какому заданию это относится? Выберите, и присланное попадёт в него.
homework-none-open = Сейчас у вас нет заданий, которые можно сдать, поэтому это не сохранено. Каждое задание приходит со своим уроком, под ним есть кнопка «📝 Сдать задание».

## Progress (/progress and the course card)
cmd-progress = Мои успехи в курсах
# $course: the course's title
homework-progress-title = 📊 <b>{ $course }</b>
# $received, $total: lessons
homework-progress-lessons = 📘 Получено уроков: { $received } из { $total }
# $bar: ▓▓▓░░, $done and $total: required homework accepted
homework-progress-bar = { $bar } принято заданий: { $done } из { $total }
homework-progress-homework = <b>Домашние задания</b>
homework-status-accepted = ✅ Урок { $lesson }: принято
homework-status-accepted-score = ✅ Урок { $lesson }: принято, оценка { $score } из { $max }
homework-status-waiting = ⏳ Урок { $lesson }: ждёт проверки
homework-status-returned = ↩️ Урок { $lesson }: возвращено, сдайте заново
homework-status-late = ⚠️ Урок { $lesson }: не сдано, срок прошёл
homework-status-not-handed-in = ▫️ Урок { $lesson }: ещё не сдано, срок до { $deadline }
homework-status-not-yet = 🔒 Урок { $lesson }: будет позже
homework-status-was-late = (сдано с опозданием)
homework-progress-needed = <b>Что ещё нужно для завершения курса:</b>
# $lessons: lesson numbers ("1, 3")
homework-needed-homework = • принятые домашние задания { $count ->
        [one] к уроку
       *[other] к урокам
    } { $lessons }
homework-needed-quiz = • не меньше { $mark }% правильных ответов в тестах
homework-needed-questionnaire = • анкета в конце курса
homework-progress-done = 🎉 Все домашние задания, нужные для завершения курса, приняты.
homework-button-hand-in-lesson = 📝 Сдать: урок { $number }

## The curator's side (/review)
cmd-review = Домашние задания на проверку (кураторы)
review-choose = 📥 <b>Работы на проверку</b>: выберите поток. Число — сколько работ ждёт.
review-nothing = 📥 В ваших потоках нет работ, ожидающих проверки.
# $name: the cohort's name, $count: waiting
review-cohort-button = { $name } ({ $count })
review-header =
    📥 <b>Домашнее задание к уроку { $lesson }</b> «{ $title }»
    👤 { $name }
    🏛 { $library }, { $district }
    🕓 Сдано: { $when }
    📄 Версия { $version } · { $count ->
        [one] { $count } часть
        [few] { $count } части
       *[many] { $count } частей
    }
review-late = ⚠️ Сдано с опозданием: срок был { $deadline }.
review-unknown = —
# $text: what the learner wrote
review-part-text = 💬 { $text }
review-part-link = 🔗 { $text }
review-controls = { $waiting ->
        [0] Ваше решение?
       *[other] Ваше решение? (В этом потоке ждут ещё: { $waiting }.)
    }
review-button-return-short = ↩️ Вернуть
review-group-controls = 📥 Кураторы потока: примите работу или верните её с комментарием.
review-group-accepted = ✅ Принял(а) { $curator }: { $name }{ $score }.
review-group-returned = ↩️ Вернул(а) { $curator }: { $name }.
review-group-not-curator = Решение по этой работе принимают только кураторы потока.
review-group-done = Готово. Слушатель получит сообщение.
review-group-pick-score = Выберите оценку: от 0 до { $max }.
review-group-score-private = Это задание оценивается больше чем из 10: поставьте оценку в личном чате со мной, /review.
review-group-ask-comment = ✍️ { $curator }, ответьте на это сообщение: что нужно исправить (текстом или голосом). /cancel — оставить работу на проверке.
review-group-placeholder = Что исправить
review-button-accept = ✅ Принять
review-button-return = ↩️ Вернуть с комментарием
review-button-next = ⏭ Следующая
review-ask-score = 🏅 Оценка за работу: от 0 до { $max }. Нажмите число или напишите его.
review-bad-score = Напишите целое число от 0 до { $max }.
review-ask-accept-comment = ✍️ Добавьте комментарий для слушателя (текстом или голосом) или примите без комментария.
review-button-accept-no-comment = ✅ Принять без комментария
review-ask-return-comment = ✍️ Напишите, что доработать (текстом или голосом). Слушатель получит это вместе с кнопкой, чтобы сдать заново.
review-comment-too-long = Комментарий слишком длинный: не больше { $limit } символов, сократите его, пожалуйста.
review-comment-kind = Пришлите комментарий текстом или голосовым сообщением.
# $name: the learner, $score: "" or ", 9 of 10"
review-done-accepted = ✅ Принято: { $name }, урок { $lesson }{ $score }. Слушатель получит уведомление.
review-done-returned = ↩️ Возвращено: { $name }, урок { $lesson }, с вашим комментарием. Слушатель получит уведомление.
review-score-suffix = , { $score } из { $max }
# $curator: who decided first; $decision: accepted | returned
review-already = По этой работе уже есть решение: { $decision ->
        [accepted] принята
       *[returned] возвращена
    } ({ $curator }).
review-someone = другой куратор
review-not-yours = Этот поток не входит в те, что вы проверяете.
review-no-more = 📥 В этом потоке больше нет работ на проверку.
review-cancelled = Отменено: решение не сохранено.

## The curators' daily digest (bot/delivery/render.py, kind review-digest)
# $cohort: the cohort's name, $count: submissions waiting longer than $hours, $since: the oldest's hand-in time
review-digest = 📥 <b>{ $cohort }</b>: дольше { $hours } ч ждут вашей проверки { $count ->
        [one] { $count } работа
        [few] { $count } работы
       *[many] { $count } работ
    }; самая давняя — с { $since }.
review-button-open = 📥 Проверить
