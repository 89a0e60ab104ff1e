## Рассылка: уроки, домашние задания, напоминания; что видит организатор

delivery-button-again = 🔁 Прислать урок ещё раз
delivery-again-queued = 🔁 Отправляю ещё раз: сейчас придёт.
delivery-again-already = ⏳ Уже отправляется, подождите немного.
delivery-again-not-yet = Это вам ещё не отправлялось: придёт в свой день.
delivery-again-not-enrolled = Вы больше не участвуете в этом курсе.
delivery-again-unknown = Эта кнопка больше не действует.

delivery-lesson-heading = 📘 <b>{ $title }</b>
delivery-homework-deadline = ⏰ <b>Срок сдачи:</b> { $deadline }
delivery-homework-accepts = 📎 <b>Можно прислать:</b> { $kinds }
delivery-accepts-text = текст
delivery-accepts-photo = фото
delivery-accepts-document = документ
delivery-accepts-video = видео
delivery-accepts-voice = голосовое сообщение
delivery-accepts-link = ссылку
delivery-reminder =
    ⏰ <b>Напоминание</b>: домашнее задание к уроку { $lesson } «{ $title }».
    Срок сдачи: { $deadline }. Если вы уже отправили его, спасибо: больше ничего делать не нужно.
delivery-questionnaire-invite =
    📝 <b>{ $course }</b>: курс подходит к концу.
    Пожалуйста, ответьте на несколько вопросов о нём: это займёт около пяти минут, а ваши ответы помогут сделать следующий курс лучше.
delivery-questionnaire-anonymous = 🔒 Анкета анонимная.
delivery-questionnaire-reminder = 📝 Напоминание: пожалуйста, заполните анкету о курсе «{ $course }». Это займёт около пяти минут.

## Что видит организатор (/delivery)

cmd-delivery = Кто получил какой урок (организаторам)
delivery-report-choose = 📬 <b>Рассылка уроков</b>: выберите поток.
delivery-report-no-cohorts = 📬 Потоков пока нет.
delivery-report-header =
    📬 <b>{ $cohort }</b>
    { $course }
    Слушателей: { $learners } · { $status }
delivery-status-active = ▶️ идёт
delivery-status-paused = ⏸ приостановлен
delivery-status-finished = 🏁 завершён
delivery-report-legend = 🕓 запланировано · ✅ отправлено · 🚫 недоступны · ⚠️ ошибка
delivery-report-lesson = <b>Урок { $number }</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-questionnaire = <b>Анкета</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-paused-hint = ⏸ Поток приостановлен: ничего не отправляется. При возобновлении выберите: сдвинуть расписание на пропущенные дни или сразу отправить пропущенное.
delivery-report-lesson-title =
    📘 <b>Урок { $number }. { $title }</b>
    { $when }
delivery-report-part-lesson = Материалы урока: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-homework = Домашнее задание: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-reminders = Напоминания: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-unreachable-title =
    🚫 <b>Слушатели, до которых бот не может достучаться: { $count }</b>
    Они заблокировали бота или удалили аккаунт Telegram. Позвоните им, пожалуйста: когда они снова откроют бота, они получат всё пропущенное.
delivery-report-learner = • { $name }, { $district }, { $library }
delivery-report-failed-title = ⚠️ <b>Не отправлено: { $count }</b>
delivery-report-failed-learner = • { $name }: { $reason }
delivery-report-nobody = Таких нет.
delivery-report-blank = —

delivery-button-lesson = Урок { $number }
delivery-button-unreachable = 🚫 Недоступны ({ $count })
delivery-button-pause = ⏸ Приостановить
delivery-button-resume-shift = ▶️ Сдвинуть расписание
delivery-button-resume-missed = ▶️ Отправить пропущенное
delivery-button-refresh = 🔄 Обновить
delivery-button-back = ⬅️ Назад

delivery-paused = ⏸ Приостановлено: ничего не отправляется, пока вы не возобновите.
delivery-resumed-shift =
    { $days ->
        [0] ▶️ Возобновлено: ничего не пропущено, расписание осталось прежним.
        [one] ▶️ Возобновлено: расписание сдвинулось на { $days } день.
        [few] ▶️ Возобновлено: расписание сдвинулось на { $days } дня.
       *[other] ▶️ Возобновлено: расписание сдвинулось на { $days } дней.
    }
delivery-resumed-missed = ▶️ Возобновлено: пропущенное уходит сейчас, по одному уроку.
delivery-not-changed = Ничего не изменилось: поток уже не в этом состоянии.

## Почему не доставлено: вместо английского текста Telegram (bot/delivery/reasons.py)
delivery-reason-blocked = слушатель заблокировал бота
delivery-reason-chat-not-found = Telegram не нашёл этот чат
delivery-reason-too-long = сообщение слишком длинное для Telegram
delivery-reason-bad-html = ошибка в оформлении текста
delivery-reason-file = не удалось отправить файл
delivery-reason-other = другая ошибка
