## Рассылки: сообщение организатора слушателям потока (/broadcast)

cmd-broadcast = Сообщение слушателям (организаторам)
broadcast-button-cohort = 📣 Сообщение слушателям
broadcast-no-cohorts = 📣 Некому писать: потоков ещё нет или все завершены.
broadcast-which-cohort = 📣 Слушателям какого потока?
broadcast-audience = 📣 <b>Сообщение слушателям потока { $name }</b>
broadcast-audience-lines =
    Область: { $region }
    Библиотеки: { $settlement }
broadcast-region-all = все области
broadcast-settlement-all = сельские и городские
broadcast-recipients = 👥 Получат: <b>{ $count }</b> { $count ->
        [one] слушатель
        [few] слушателя
       *[other] слушателей
    }.
broadcast-recipients-none = 👥 Под эти условия никто не подходит: измените их.
broadcast-blocked-left-out = 🚫 Заблокировавшие бота ({ $count }) не получат.
broadcast-button-region = 🗺 Выбрать область
broadcast-button-settlement = 🏘 Село / город / все
broadcast-filter-homework = 📝 Не сдал(а) задание
broadcast-filter-homework-choice = домашнее задание урока { $lesson }
broadcast-filter-questionnaire = 📋 Не ответил(а) на анкету
broadcast-filter-questionnaire-choice = анкета в конце курса
broadcast-filter-off = 👥 Все (без фильтра)
broadcast-ask-filter = { $filter }: что именно?
broadcast-filter-line = Не сдали или не ответили: { $choice }
broadcast-button-write = ✍️ Написать сообщение
broadcast-ask-region = 🗺 Какая область? (сколько слушателей потока из каждой)
broadcast-region-choice = { $region } · { $count } 👤
broadcast-ask-message =
    ✍️ Пришлите сообщение: текст, или фото, документ или видео с подписью.
    Жирный шрифт, курсив и ссылки сохранятся. Перед отправкой вы увидите его точно так, как увидят слушатели.
broadcast-error-kind = 🤔 Я могу разослать текст, фото, документ или видео; пришлите, пожалуйста, что-то из этого.
broadcast-confirm =
    ☝️ Так его увидят слушатели.
    Отправить { $count ->
        [one] { $count } слушателю
       *[other] { $count } слушателям
    } потока { $name }?
broadcast-waits-quiet = 🌙 У потока сейчас тихие часы: сообщения уйдут с { $time }.
broadcast-waits-paused = ⏸ Поток на паузе: сообщения уйдут, когда вы его возобновите (/delivery).
broadcast-button-send = 📣 Отправить ({ $count })
broadcast-button-rewrite = ✏️ Изменить сообщение
broadcast-button-audience = 👥 Изменить получателей
broadcast-cancelled = ✖️ Отменено: ничего не отправлено.
broadcast-use-buttons = Воспользуйтесь кнопками под сообщением выше или /cancel.
broadcast-progress = 📣 { $name }: отправлено { $sent } из { $total }…
broadcast-progress-problems = 🚫 недоступны: { $unreachable } · ⚠️ ошибки: { $failed }
broadcast-progress-stopping = ⏹ { $name }: останавливаю; отправлено { $sent } из { $total }…
broadcast-report-done =
    ✅ <b>Сообщение потоку { $name } отправлено</b>
    Отправлено: { $sent } из { $total }
    🚫 Недоступны (заблокировали бота): { $unreachable }
    ⚠️ Ошибки: { $failed }{ $cancelled ->
        [0] {""}
       *[other] {"\u000A"}✖️ Не отправлено (покинули курс): { $cancelled }
    }
broadcast-report-stopped =
    ⏹ <b>Сообщение потоку { $name } остановлено</b>
    Отправлено: { $sent } из { $total }
    ✖️ Не отправлено: { $cancelled }
    🚫 Недоступны (заблокировали бота): { $unreachable }
    ⚠️ Ошибки: { $failed }
broadcast-button-stop = ⏹ Остановить рассылку
broadcast-stopped = ⏹ Остановлено: то, что ещё не ушло, отправлено не будет.
broadcast-not-running = Это сообщение уже разослано полностью.
