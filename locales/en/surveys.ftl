# The questionnaire and the self-assessment (handlers/surveys.py, bot/telegram/views/surveys.py).

surveys-button-fill-in = 📝 Fill in
surveys-button-rate-myself = 📊 Rate myself
surveys-button-skip = ⏭ Skip
surveys-button-done = ✔️ Done
surveys-button-send = 📤 Send

surveys-progress = <b>{ $current } of { $total }</b>
surveys-optional = (optional)
surveys-statement-scale = How sure are you? 1 = not at all, 5 = completely sure.
surveys-statement-named = 👤 This part is not anonymous: your ratings are kept with your name, so that at the end you can see your progress.
surveys-choose-one = Choose one answer.
surveys-choose-any = Choose all that apply, then press ✔️ Done.
surveys-type-answer = Type your answer in a message (up to { $limit } characters).
surveys-your-answer = Your answer: { $answer }
surveys-before-title = 📊 <b>Self-assessment</b>, before the course
surveys-after-title = 📊 <b>Self-assessment</b>, now at the end of the course

surveys-check-title = <b>Please check your answers.</b> To change one, press ⬅️ Back; when all is well, 📤 Send.
surveys-skipped = — skipped
surveys-sent-anonymous = ✅ Thank you! Your answers were sent anonymously.
surveys-sent = ✅ Thank you! Your answers were sent.
surveys-before-sent = ✅ Thank you! At the end of the course you will rate yourself again and see the change.
surveys-before-after = 📊 <b>Your self-assessment</b>: you rated yourself { $before } before the course and { $after } now.
surveys-after-only = 📊 <b>Your self-assessment</b>: { $after } now.
surveys-before-after-line = • { $statement }: { $before } → { $after }
surveys-not-rated = —

surveys-before-invite =
    📊 <b>{ $course }</b>: before the first lesson, please rate yourself on a few statements ({ $count }), from 1 to 5. It takes a minute.
    At the end of the course you will rate yourself again and see the change.
    👤 This is not anonymous: your ratings are kept with your name.

surveys-answered = You have already answered. Thank you!
surveys-not-enrolled = This is for the learners of the course.
surveys-no-form = There is nothing to fill in here.
surveys-stale = This button belongs to an earlier question.
surveys-invalid = That is not one of the answers.
surveys-choose-at-least-one = Please choose at least one option.
surveys-incomplete = Some required questions have no answer yet.
surveys-text-too-long = That is too long: { $limit } characters at most, please.
surveys-text-only = Please type the answer as text.
surveys-paused = Your answers are kept. Press 📝 Fill in to go on whenever it suits you.
