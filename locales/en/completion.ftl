# Completion, finishing a cohort, the results screen (bot/completion, handlers/completion.py).

completion-told = 🎓 <b>Congratulations!</b> You have completed the course «{ $course }» ({ $hours } hours of study).
completion-done = 🎓 You have completed the course.
completion-ended = 🏁 The course has ended.
completion-needed-quiz = • at least { $mark }% right answers in the quizzes (now { $percent }%)
completion-card-missing = 🎯 Still needed to complete: { $missing }
completion-part-homework = homework of lessons { $lessons }
completion-part-quizzes = quizzes: { $percent }% now, { $mark }% needed
completion-part-questionnaire = the questionnaire

completion-button-results = 📊 Results
completion-button-finish = 🏁 Finish the cohort
completion-button-finish-yes = ✅ Yes, finish it
completion-button-finish-no = ↩️ No, keep it
completion-finish-confirm = Finish the cohort «{ $name }» now? Lessons and reminders not sent yet are cancelled, and its learners see that the course has ended. This cannot be undone.
completion-finished = 🏁 The cohort «{ $name }» is finished. Reminders have stopped.
completion-finish-kept = The cohort «{ $name }» goes on.
completion-already-finished = This cohort is already finished.

completion-results-none = There are no cohorts whose results you can see.
completion-results-pick = Which cohort's results?
completion-results-title = 📊 <b>Results: { $name }</b>
    { $course }
completion-results-completed = Completed the course: <b>{ $count }</b> of { $total ->
        [one] { $total } learner
       *[other] { $total } learners
    }
completion-results-finished = 🏁 The cohort is finished.
completion-results-rules = <b>Completion rules met</b>
completion-results-rule-homework = • homework accepted: { $count } of { $total }
completion-results-rule-quizzes = • quizzes, { $mark }% or more: { $count } of { $total }
completion-results-rule-questionnaire = • questionnaire answered: { $count } of { $total }
completion-results-no-rules = The course has no completion rules: learners complete it when the cohort finishes.
completion-results-self = <b>Self-assessment</b>, mean from 1 to 5, before → after (how many rated):
completion-results-self-line = • { $statement }: { $before } → { $after } ({ $rated_before } / { $rated_after })
completion-results-questionnaire = <b>Questionnaire</b>: { $count ->
        [one] { $count } response
       *[other] { $count } responses
    }
completion-results-withheld = Only { $count ->
        [one] { $count } anonymous response
       *[other] { $count } anonymous responses
    } so far. The results are shown from { $min } responses on: fewer could tell who answered what.
completion-results-scale = • { $question }: mean <b>{ $mean }</b> ({ $count ->
        [one] { $count } answer
       *[other] { $count } answers
    })
completion-results-choice = • { $question } ({ $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }):
completion-results-option = ◦ { $option }: { $count }
completion-results-texts = • { $question } ({ $count ->
        [one] { $count } written answer
       *[other] { $count } written answers
    }):
completion-results-text = ◦ «{ $text }»
completion-results-no-questionnaire = The course has no questionnaire.

cmd-results = A cohort's results: completion, self-assessment, questionnaire
