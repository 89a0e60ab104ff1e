## Lesson quizzes: the card with the lesson, the result, the reminder, the buttons

# $lesson: the lesson's number, $title: its title, $count: questions, $mark: the pass mark in
# percent, $attempts: how many attempts a learner has.
quiz-card =
    📝 <b>Quiz for lesson { $lesson }</b> «{ $title }»: { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }, pass mark { $mark }%.
    { $attempts ->
        [one] You have one attempt.
       *[other] You have { $attempts } attempts; the best one counts.
    }
quiz-button-start = ▶️ Start the quiz
quiz-button-retake = 🔁 Try again
quiz-button-continue = ▶️ Continue the quiz

# $right of $total questions answered right, $percent of them.
quiz-result-heading = 📝 <b>Quiz for lesson { $lesson }</b> «{ $title }»: { $right } of { $total } right ({ $percent }%).
quiz-result-passed = ✅ Passed: the pass mark is { $mark }%.
quiz-result-failed = ❌ Not passed: the pass mark is { $mark }%.
quiz-result-wrong-heading = <b>Where the answer was wrong:</b>
# $number: the question's number, $question: its text, $answer: the right option.
quiz-result-wrong =
    { $number }. { $question }
    ✅ Right answer: { $answer }
quiz-result-best = Your best result counts: { $best } of { $total }.
quiz-result-attempts-left = { $left ->
        [0] No attempts left.
        [one] One attempt left.
       *[other] { $left } attempts left.
    }

# $left of $total questions are still unanswered.
quiz-reminder =
    ⏰ <b>Reminder</b>: you started the quiz for lesson { $lesson } «{ $title }» and have not finished it: { $left } of { $total } { $total ->
        [one] question is
       *[other] questions are
    } left.
    Answer the question above, or press the button to get it again.

## Answers to the quiz buttons (a short note, or a box to read and close)
quiz-start-started = 📝 The first question is coming.
quiz-start-continued = 📝 The current question is coming again.
quiz-start-nothing-open = This quiz is already finished: its result is above.
quiz-start-no-attempts = You have used every attempt at this quiz. Your best result counts.
quiz-start-not-enrolled = You are no longer in this course.
quiz-start-not-yet = This quiz comes with its lesson: it is not open yet.
quiz-start-unknown = This button is no longer active.

## The quizzes in /courses
# $lesson: the lesson's number; $right of $total right in the best attempt.
quiz-progress-heading = 📝 Quizzes:
quiz-progress-passed = lesson { $lesson }: { $right } of { $total } ✅
quiz-progress-failed = lesson { $lesson }: { $right } of { $total }, not passed yet
quiz-progress-open = lesson { $lesson }: started, not finished
quiz-progress-none = lesson { $lesson }: not taken yet
# $percent: right answers over all the course's quiz questions; $mark: what the course requires.
quiz-progress-standing = Right answers in all quizzes: { $percent }% (the course requires { $mark }%) { $met ->
        [yes] ✅
       *[no] ⏳
    }
