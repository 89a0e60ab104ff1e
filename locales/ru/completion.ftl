# Завершение курса, окончание потока, экран итогов (bot/completion, handlers/completion.py).

completion-told = 🎓 <b>Поздравляем!</b> Вы завершили курс «{ $course }» ({ $hours } ч обучения).
completion-done = 🎓 Вы завершили курс.
completion-ended = 🏁 Курс окончен.
completion-needed-quiz = • не меньше { $mark }% правильных ответов в тестах (сейчас { $percent }%)
completion-card-missing = 🎯 Для завершения ещё нужно: { $missing }
completion-part-homework = домашние задания уроков { $lessons }
completion-part-quizzes = тесты: сейчас { $percent }%, нужно { $mark }%
completion-part-questionnaire = анкета

completion-button-results = 📊 Итоги
completion-button-finish = 🏁 Завершить поток
completion-button-finish-yes = ✅ Да, завершить
completion-button-finish-no = ↩️ Нет, оставить
completion-finish-confirm = Завершить поток «{ $name }» сейчас? Ещё не отправленные уроки и напоминания отменятся, а слушатели увидят, что курс окончен. Отменить это нельзя.
completion-finished = 🏁 Поток «{ $name }» завершён. Напоминания остановлены.
completion-finish-kept = Поток «{ $name }» продолжается.
completion-already-finished = Этот поток уже завершён.

completion-results-none = Нет потоков, итоги которых вы можете посмотреть.
completion-results-pick = Итоги какого потока?
completion-results-title = 📊 <b>Итоги: { $name }</b>
    { $course }
completion-results-completed = Завершили курс: <b>{ $count }</b> (слушателей в потоке: { $total })
completion-results-finished = 🏁 Поток завершён.
completion-results-rules = <b>Выполнены условия завершения</b>
completion-results-rule-homework = • домашние задания приняты: { $count } из { $total }
completion-results-rule-quizzes = • тесты на { $mark }% и выше: { $count } из { $total }
completion-results-rule-questionnaire = • анкета заполнена: { $count } из { $total }
completion-results-no-rules = У курса нет условий завершения: слушатели завершают его, когда поток заканчивается.
completion-results-self = <b>Самооценка</b>, среднее от 1 до 5, до → после (сколько оценили):
completion-results-self-line = • { $statement }: { $before } → { $after } ({ $rated_before } / { $rated_after })
completion-results-questionnaire = <b>Анкета</b>: ответов — { $count }
completion-results-withheld = Пока анонимных ответов: { $count }. Итоги показываются, когда ответов не меньше { $min }: по меньшему числу можно понять, кто что ответил.
completion-results-scale = • { $question }: среднее <b>{ $mean }</b> (ответов: { $count })
completion-results-choice = • { $question } (ответов: { $count }):
completion-results-option = ◦ { $option }: { $count }
completion-results-texts = • { $question } (письменных ответов: { $count }):
completion-results-text = ◦ «{ $text }»
completion-results-no-questionnaire = У курса нет анкеты.

cmd-results = Итоги потока: завершение, самооценка, анкета
