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

## The live quiz (/livequiz): the host's side
cmd-livequiz = Run a live quiz for a group (staff)
cmd-bindgroup = Make this Telegram group a cohort's group (organizers)
live-no-cohorts = There is no running cohort of yours to play with.
live-pick-cohort = 🎮 <b>Live quiz</b>: which cohort plays?
live-no-quizzes = This cohort's course has no quiz to play.
live-pick-quiz = Which quiz?
# $title: the quiz (a live quiz's title, or the title of the lesson whose quiz it is).
live-pick-mode = «{ $title }»: where do the players answer?
live-no-group = To play in the cohort's Telegram group, add me to the group and send /bindgroup there.
live-button-mode-group = 👥 In the group
live-button-mode-private = 💬 In private chats
live-create-no-group = The cohort has no group yet: add me to the group and send /bindgroup there.
live-create-busy = A live quiz is already going in this cohort or in its group. Stop it first.
live-create-unknown = This quiz is no longer there; send /livequiz again.
# $mode: group or private; $players: how many joined.
live-lobby =
    🎮 <b>Lobby</b> of the live quiz «{ $title }» ({ $mode ->
        [group] in the group
       *[private] in private chats
    }).
    Players in: <b>{ $players }</b>. Press Start when everyone is in.
live-button-start = ▶️ Start
live-button-cancel = ✖️ Cancel
live-button-skip = ⏭ Skip
live-button-stop = ⏹ Stop
live-host-start-done = ▶️ Started: the first question is on its way.
live-host-start-not-host = Only the host can start this quiz.
live-host-start-no-players = Nobody has joined yet.
live-host-start-gone = This quiz has already started or ended.
live-host-cancel-done = The lobby is closed.
live-host-cancel-not-host = Only the host can do this.
live-host-cancel-no-players = Nobody has joined yet.
live-host-cancel-gone = This quiz has already started or ended.
live-host-skip-done = ⏭ The question is closed.
live-host-skip-not-host = Only the host can do this.
live-host-skip-no-players = Nobody has joined yet.
live-host-skip-gone = This quiz is not running.
live-host-stop-done = ⏹ Stopped: the standings so far are final.
live-host-stop-not-host = Only the host can do this.
live-host-stop-no-players = Nobody has joined yet.
live-host-stop-gone = This quiz is not running.
# $number of $total questions.
live-host-question = ❓ Question { $number } of { $total } is on.
live-host-board = All players ({ $players }):
live-interrupted = ⚠️ The bot restarted during your live quiz, so it was stopped. The answers given so far are saved.
live-already-here = A live quiz is already going in this group.
live-open-in-private = Send /livequiz to me in a private chat: I will ask you which quiz to play here.

## /bindgroup
live-bind-pick = Which cohort is this group for?
live-bind-in-group = Send /bindgroup in the Telegram group itself, after adding me to it.
group-bind-purpose = What is this group for, in «{ $cohort }»?
group-button-quiz = 🎯 Live quizzes
group-button-review = 📥 Homework review
group-button-both = 🎯📥 Both
group-bind-done-quiz = ✅ This group is now the group of «{ $cohort }»: live quizzes can be played here.
group-bind-done-review = ✅ This group now reviews the homework of «{ $cohort }»: each new submission is posted here, and the cohort's curators accept or return it with the buttons under it.
group-bind-done-both = ✅ This group is now the group of «{ $cohort }»: live quizzes can be played here, and each new homework submission is posted here for the curators to review.

## The players' side
# $title: the quiz; $count questions, $seconds for each.
live-invite =
    🎮 <b>Live quiz</b> «{ $title }» is about to start: { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }, { $seconds } seconds each. The faster the right answer, the more points.
    Press the button to play.
live-button-join = 🙋 I'm in
live-join-joined = 🙋 You are in! The first question comes when the host starts.
live-join-already = You are already in.
live-join-closed = This quiz has already started or ended.
live-join-not-a-learner = This quiz is for the learners of the course.
# $number: the question's number, $answer: the right option.
live-right-answer = ✅ Question { $number }: the right answer is «{ $answer }».
live-answered-right = { $right } of { $players } answered right.
# $points this question gave the player.
live-you-right = 🎉 Right: +{ $points } points.
live-you-wrong = ❌ Not this time: 0 points.
live-you-late = ⌛ No answer: 0 points.
live-top = 🏆 Top five:
live-podium = 🏁 <b>The live quiz «{ $title }» is over!</b>
# $place of $players, with $points.
live-your-place = Your place: <b>{ $place }</b> of { $players }, { $points } points.
