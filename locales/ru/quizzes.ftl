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

## Живой тест (/livequiz): сторона ведущего
cmd-livequiz = Провести живой тест для группы (сотрудники)
cmd-bindgroup = Сделать эту группу Telegram группой потока (организаторы)
live-no-cohorts = У вас нет идущего потока, с которым можно сыграть.
live-pick-cohort = 🎮 <b>Живой тест</b>: какой поток играет?
live-no-quizzes = В курсе этого потока нет тестов.
live-pick-quiz = Какой тест?
# $title: тест (название живого теста или урока, к которому относится тест).
live-pick-mode = «{ $title }»: где участники отвечают?
live-no-group = Чтобы играть в группе потока в Telegram, добавьте меня в группу и отправьте там /bindgroup.
live-button-mode-group = 👥 В группе
live-button-mode-private = 💬 В личных чатах
live-create-no-group = У потока ещё нет группы: добавьте меня в группу и отправьте там /bindgroup.
live-create-busy = В этом потоке или в его группе уже идёт живой тест. Сначала остановите его.
live-create-unknown = Этого теста больше нет; отправьте /livequiz ещё раз.
# $mode: group или private; $players: сколько присоединилось.
live-lobby =
    🎮 <b>Сбор участников</b> живого теста «{ $title }» ({ $mode ->
        [group] в группе
       *[private] в личных чатах
    }).
    Участников: <b>{ $players }</b>. Нажмите «Начать», когда все соберутся.
live-button-start = ▶️ Начать
live-button-cancel = ✖️ Отменить
live-button-skip = ⏭ Пропустить
live-button-stop = ⏹ Остановить
live-host-start-done = ▶️ Начали: первый вопрос уже в пути.
live-host-start-not-host = Начать этот тест может только ведущий.
live-host-start-no-players = Ещё никто не присоединился.
live-host-start-gone = Этот тест уже начался или закончился.
live-host-cancel-done = Сбор участников закрыт.
live-host-cancel-not-host = Это может сделать только ведущий.
live-host-cancel-no-players = Ещё никто не присоединился.
live-host-cancel-gone = Этот тест уже начался или закончился.
live-host-skip-done = ⏭ Вопрос закрыт.
live-host-skip-not-host = Это может сделать только ведущий.
live-host-skip-no-players = Ещё никто не присоединился.
live-host-skip-gone = Этот тест не идёт.
live-host-stop-done = ⏹ Остановлено: текущие результаты окончательные.
live-host-stop-not-host = Это может сделать только ведущий.
live-host-stop-no-players = Ещё никто не присоединился.
live-host-stop-gone = Этот тест не идёт.
# $number из $total вопросов.
live-host-question = ❓ Идёт вопрос { $number } из { $total }.
live-host-board = Все участники ({ $players }):
live-interrupted = ⚠️ Бот перезапустился во время вашего живого теста, поэтому тест остановлен. Данные ответы сохранены.
live-already-here = В этой группе уже идёт живой тест.
live-open-in-private = Отправьте мне /livequiz в личном чате: я спрошу, какой тест провести здесь.

## /bindgroup
live-bind-pick = Для какого потока эта группа?
live-bind-in-group = Отправьте /bindgroup в самой группе Telegram, добавив меня туда.
group-bind-purpose = Для чего эта группа в потоке «{ $cohort }»?
group-button-quiz = 🎯 Живые тесты
group-button-review = 📥 Проверка заданий
group-button-both = 🎯📥 И то, и другое
group-bind-done-quiz = ✅ Теперь это группа потока «{ $cohort }»: здесь можно проводить живые тесты.
group-bind-done-review = ✅ Теперь в этой группе проверяют домашние задания потока «{ $cohort }»: каждая новая работа приходит сюда, и кураторы потока принимают или возвращают её кнопками под ней.
group-bind-done-both = ✅ Теперь это группа потока «{ $cohort }»: здесь можно проводить живые тесты, и сюда приходит каждая новая домашняя работа на проверку кураторам.

## Сторона участников
# $title: тест; $count вопросов, по $seconds секунд.
live-invite =
    🎮 Скоро начнётся <b>живой тест</b> «{ $title }»: { $count } { $count ->
        [one] вопрос
        [few] вопроса
       *[other] вопросов
    }, на каждый { $seconds } с. Чем быстрее верный ответ, тем больше очков.
    Нажмите кнопку, чтобы участвовать.
live-button-join = 🙋 Участвую
live-join-joined = 🙋 Вы в игре! Первый вопрос придёт, когда ведущий начнёт.
live-join-already = Вы уже в игре.
live-join-closed = Этот тест уже начался или закончился.
live-join-not-a-learner = Этот тест для слушателей курса.
# $number: номер вопроса, $answer: правильный вариант.
live-right-answer = ✅ Вопрос { $number }: правильный ответ «{ $answer }».
live-answered-right = Верно ответили { $right } из { $players }.
# $points: сколько очков дал этот вопрос.
live-you-right = 🎉 Верно: +{ $points } очков.
live-you-wrong = ❌ На этот раз мимо: 0 очков.
live-you-late = ⌛ Нет ответа: 0 очков.
live-top = 🏆 Первая пятёрка:
live-podium = 🏁 <b>Живой тест «{ $title }» закончился!</b>
# $place из $players, $points очков (цифрами, как в таблице).
live-your-place = Ваше место: <b>{ $place }</b> из { $players }, очков: { $points }.
