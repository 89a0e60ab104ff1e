## Предпросмотр курса в HTML (python -m bot course preview): что организатор читает на странице.
## Даты и время форматирует Babel (bot/services/dates.py); здесь только слова.

preview-title = Предпросмотр
preview-reader = Что увидит слушатель, читающий по-русски
preview-start = Начало потока
preview-time-zone = Часовой пояс
preview-utc-offset = UTC{ $offset }
preview-hours = Часов обучения
preview-enrolment = При записи на курс

# $number: номер урока, $total: сколько уроков в курсе.
preview-lesson-of = Урок { $number } из { $total }
preview-open = Открыть

# $count: вопросов в тесте, $mark: проходной балл в процентах.
preview-quiz-intro = Тест: { $count } { $count ->
        [one] вопрос
        [few] вопроса
       *[many] вопросов
    }. Проходной балл: { $mark }%.
# $attempts: сколько попыток у слушателя (attempts теста).
preview-quiz-attempts = { $attempts ->
        [one] Одна попытка.
        [few] { $attempts } попытки; засчитывается лучшая.
       *[other] { $attempts } попыток; засчитывается лучшая.
    }
preview-quiz-shuffled = Варианты ответа идут в своём порядке у каждого слушателя.
preview-start-quiz = ▶️ Начать тест
preview-poll = Вопрос теста
preview-correct = правильный ответ

preview-deadline = Срок сдачи
preview-accepts = Можно отправить
preview-reminders = Напоминания
preview-send-homework = 📝 Отправить задание
preview-accept-text = текст
preview-accept-photo = фото
preview-accept-document = документ
preview-accept-video = видео
preview-accept-voice = голосовое сообщение
preview-accept-link = ссылку

preview-questionnaire = Анкета
preview-anonymous = анонимная
preview-named = не анонимная
preview-self-assessment = Самооценка
preview-self-assessment-before = сразу после записи, до 1-го урока
preview-self-assessment-after = ещё раз вместе с анкетой; затем каждый слушатель видит свои оценки «до» и «после»
preview-begin = Начать
preview-done = Готово
preview-skip = Пропустить
preview-type-answer = ✍️ Напишите ответ сообщением.
preview-choose-many = Выберите несколько и нажмите «Готово».

# $size: число, уже отформатированное для языка («23,1»).
preview-size-kb = { $size }{"\u00A0"}КБ
preview-size-mb = { $size }{"\u00A0"}МБ

preview-completion = Условия завершения курса
# $lessons: номера уроков («1, 3»), $count: сколько их.
preview-need-homework = принятые домашние задания: { $count ->
        [1] урок
       *[other] уроки
    } { $lessons }
preview-need-quiz = правильные ответы в тестах: не меньше { $mark }%
preview-need-questionnaire = заполненная анкета
preview-certificate = Сертификат (PDF с QR-кодом для проверки)
preview-certificate-hours = академических часов: { $hours }
preview-certificate-languages = на языках { $languages }, рядом
preview-certificate-own-language = на языке каждого слушателя
preview-certificate-issuer = выдаёт: { $issuer }
preview-certificate-signatory = подпись: { $signatory }

# Название курса на кнопках (short_title или начало названия).
preview-short-title = На кнопках

# Homework that differs from the defaults (late work is taken and marked; no score).
preview-late-refused = После срока работы не принимаются
# $points: the most points the curator can give
preview-max-score = Оценка: до { $points } { $points ->
        [one] балла
       *[other] баллов
    }
