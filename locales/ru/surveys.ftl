# Анкета и самооценка (handlers/surveys.py, bot/telegram/views/surveys.py).

surveys-button-fill-in = 📝 Заполнить
surveys-button-rate-myself = 📊 Оценить себя
surveys-button-skip = ⏭ Пропустить
surveys-button-done = ✔️ Готово
surveys-button-send = 📤 Отправить

surveys-progress = <b>{ $current } из { $total }</b>
surveys-optional = (необязательно)
surveys-statement-scale = Насколько вы уверены? 1 — совсем не уверен(а), 5 — полностью уверен(а).
surveys-statement-named = 👤 Эта часть не анонимна: оценки хранятся с вашим именем, чтобы в конце вы увидели, что изменилось.
surveys-choose-one = Выберите один ответ.
surveys-choose-any = Выберите все подходящие варианты и нажмите ✔️ Готово.
surveys-type-answer = Напишите ответ сообщением (до { $limit } символов).
surveys-your-answer = Ваш ответ: { $answer }
surveys-before-title = 📊 <b>Самооценка</b> до начала курса
surveys-after-title = 📊 <b>Самооценка</b> сейчас, в конце курса

surveys-check-title = <b>Проверьте ответы.</b> Чтобы изменить ответ, нажмите ⬅️ Назад; если всё верно — 📤 Отправить.
surveys-skipped = — пропущено
surveys-sent-anonymous = ✅ Спасибо! Ваши ответы отправлены анонимно.
surveys-sent = ✅ Спасибо! Ваши ответы отправлены.
surveys-before-sent = ✅ Спасибо! В конце курса вы оцените себя ещё раз и увидите, что изменилось.
surveys-before-after = 📊 <b>Ваша самооценка</b>: до курса вы оценили себя на { $before }, сейчас — на { $after }.
surveys-after-only = 📊 <b>Ваша самооценка</b>: сейчас — { $after }.
surveys-before-after-line = • { $statement }: { $before } → { $after }
surveys-not-rated = —

surveys-before-invite =
    📊 <b>{ $course }</b>: перед первым уроком оцените, пожалуйста, себя по нескольким утверждениям ({ $count }) от 1 до 5. Это займёт минуту.
    В конце курса вы оцените себя ещё раз и увидите, что изменилось.
    👤 Это не анонимно: оценки хранятся с вашим именем.

surveys-answered = Вы уже ответили. Спасибо!
surveys-not-enrolled = Это для слушателей курса.
surveys-no-form = Здесь нечего заполнять.
surveys-stale = Эта кнопка от предыдущего вопроса.
surveys-invalid = Такого варианта ответа нет.
surveys-choose-at-least-one = Выберите хотя бы один вариант.
surveys-incomplete = На некоторые обязательные вопросы ещё нет ответа.
surveys-text-too-long = Слишком длинно: не больше { $limit } символов, пожалуйста.
surveys-text-only = Пожалуйста, напишите ответ текстом.
surveys-paused = Ваши ответы сохранены. Чтобы продолжить, когда будет удобно, нажмите 📝 Заполнить.
