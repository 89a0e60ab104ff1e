## Тесты к урокам: карточка с уроком, результат, напоминание, кнопки

# $lesson: номер урока, $title: его название, $count: вопросов, $mark: проходной балл в процентах,
# $attempts: сколько попыток у слушателя.
quiz-card =
    📝 <b>Тест к уроку { $lesson }</b> «{ $title }»: { $count } { $count ->
        [one] вопрос
        [few] вопроса
       *[other] вопросов
    }, проходной балл { $mark }%.
    { $attempts ->
        [one] У вас одна попытка.
        [few] У вас { $attempts } попытки; засчитывается лучшая.
       *[other] У вас { $attempts } попыток; засчитывается лучшая.
    }
quiz-button-start = ▶️ Начать тест
quiz-button-retake = 🔁 Пройти ещё раз
quiz-button-continue = ▶️ Продолжить тест

# $right из $total вопросов отвечены верно, это $percent процентов.
quiz-result-heading = 📝 <b>Тест к уроку { $lesson }</b> «{ $title }»: верно { $right } из { $total } ({ $percent }%).
quiz-result-passed = ✅ Тест пройден: проходной балл { $mark }%.
quiz-result-failed = ❌ Тест не пройден: проходной балл { $mark }%.
quiz-result-wrong-heading = <b>Где ответ был неверным:</b>
# $number: номер вопроса, $question: его текст, $answer: правильный вариант.
quiz-result-wrong =
    { $number }. { $question }
    ✅ Правильный ответ: { $answer }
quiz-result-best = Засчитывается лучший результат: { $best } из { $total }.
quiz-result-attempts-left = { $left ->
        [0] Попыток больше нет.
        [one] Осталась { $left } попытка.
        [few] Осталось { $left } попытки.
       *[other] Осталось { $left } попыток.
    }

# $left из $total вопросов ещё без ответа.
quiz-reminder =
    ⏰ <b>Напоминание</b>: вы начали тест к уроку { $lesson } «{ $title }» и не закончили: осталось вопросов: { $left } из { $total }.
    Ответьте на вопрос выше или нажмите кнопку, чтобы получить его снова.

## Ответы на кнопки теста (короткая подсказка или окно, которое нужно закрыть)
quiz-start-started = 📝 Первый вопрос уже в пути.
quiz-start-continued = 📝 Текущий вопрос придёт ещё раз.
quiz-start-nothing-open = Этот тест уже закончен: результат выше.
quiz-start-no-attempts = Все попытки этого теста использованы. Засчитывается лучший результат.
quiz-start-not-enrolled = Вы больше не участвуете в этом курсе.
quiz-start-not-yet = Этот тест придёт вместе со своим уроком: он ещё не открыт.
quiz-start-unknown = Эта кнопка больше не действует.

## Тесты в /courses
# $lesson: номер урока; $right из $total верно в лучшей попытке.
quiz-progress-heading = 📝 Тесты:
quiz-progress-passed = урок { $lesson }: { $right } из { $total } ✅
quiz-progress-failed = урок { $lesson }: { $right } из { $total }, пока не пройден
quiz-progress-open = урок { $lesson }: начат, не закончен
quiz-progress-none = урок { $lesson }: ещё не пройден
# $percent: верные ответы по всем вопросам тестов курса; $mark: сколько требует курс.
quiz-progress-standing = Верные ответы во всех тестах: { $percent }% (курс требует { $mark }%) { $met ->
        [yes] ✅
       *[no] ⏳
    }
