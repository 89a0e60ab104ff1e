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
