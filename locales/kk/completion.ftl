# Курсты аяқтау, ағынды аяқтау, қорытынды экраны (bot/completion, handlers/completion.py).

completion-told = 🎓 <b>Құттықтаймыз!</b> Сіз «{ $course }» курсын аяқтадыңыз ({ $hours } сағат оқу).
completion-done = 🎓 Сіз курсты аяқтадыңыз.
completion-ended = 🏁 Курс аяқталды.
completion-needed-quiz = • тесттерде кемінде { $mark }% дұрыс жауап (қазір { $percent }%)
completion-card-missing = 🎯 Курсты аяқтау үшін тағы керек: { $missing }
completion-part-homework = { $lessons }-сабақтардың үй тапсырмалары
completion-part-quizzes = тесттер: қазір { $percent }%, керегі { $mark }%
completion-part-questionnaire = сауалнама

completion-button-results = 📊 Қорытынды
completion-button-finish = 🏁 Ағынды аяқтау
completion-button-finish-yes = ✅ Иә, аяқтау
completion-button-finish-no = ↩️ Жоқ, қалдыру
completion-finish-confirm = «{ $name }» ағынын қазір аяқтайсыз ба? Әлі жіберілмеген сабақтар мен еске салғыштар тоқтатылады, ал тыңдаушылар курстың аяқталғанын көреді. Мұны қайтару мүмкін емес.
completion-finished = 🏁 «{ $name }» ағыны аяқталды. Еске салғыштар тоқтатылды.
completion-finish-kept = «{ $name }» ағыны жалғасып жатыр.
completion-already-finished = Бұл ағын аяқталып қойған.

completion-results-none = Қорытындысын көре алатын ағындарыңыз жоқ.
completion-results-pick = Қай ағынның қорытындысы?
completion-results-title = 📊 <b>Қорытынды: { $name }</b>
    { $course }
completion-results-completed = Курсты аяқтағандар: { $total } тыңдаушының <b>{ $count }</b>
completion-results-finished = 🏁 Ағын аяқталды.
completion-results-rules = <b>Аяқтау шарттарын орындағандар</b>
completion-results-rule-homework = • үй тапсырмалары қабылданды: { $total } ішінен { $count }
completion-results-rule-quizzes = • тесттер { $mark }% және одан жоғары: { $total } ішінен { $count }
completion-results-rule-questionnaire = • сауалнама толтырылды: { $total } ішінен { $count }
completion-results-no-rules = Курста аяқтау шарттары жоқ: тыңдаушылар ағын аяқталғанда курсты аяқтайды.
completion-results-self = <b>Өзін-өзі бағалау</b>, 1-ден 5-ке дейінгі орташа, дейін → кейін (қанша адам бағалады):
completion-results-self-line = • { $statement }: { $before } → { $after } ({ $rated_before } / { $rated_after })
completion-results-questionnaire = <b>Сауалнама</b>: { $count } жауап
completion-results-withheld = Әзірге тек { $count } анонимді жауап бар. Қорытынды { $min } жауаптан бастап көрсетіледі: одан аз болса, кімнің не жауап бергенін білуге болады.
completion-results-scale = • { $question }: орташа <b>{ $mean }</b> ({ $count } жауап)
completion-results-choice = • { $question } ({ $count } жауап):
completion-results-option = ◦ { $option }: { $count }
completion-results-texts = • { $question } ({ $count } жазбаша жауап):
completion-results-text = ◦ «{ $text }»
completion-results-no-questionnaire = Курста сауалнама жоқ.

cmd-results = Ағын қорытындысы: аяқтау, өзін-өзі бағалау, сауалнама
