## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ The curator accepted your homework for lesson { $lesson } «{ $title }».
homework-result-returned = ↩️ The curator returned your homework for lesson { $lesson } «{ $title }» to be improved.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Score: { $score } of { $max }
homework-result-comment = 💬 <b>The curator's comment:</b> { $comment }
homework-result-voice = 🎙 The curator's comment is in the voice message below.
homework-result-again = Improve it and send a new version with the button below.
homework-button-hand-in-again = 📝 Hand in again

## The learner's draft: one status message, edited as parts arrive.
homework-button-hand-in = 📝 Hand in
homework-button-send = ✅ Send to the curator
homework-button-start-over = 🗑 Start over
# $lesson: the lesson's number, $title: its title
homework-draft-title = 📝 <b>Homework for lesson { $lesson }</b> «{ $title }»
# $kinds: what the homework takes ("text, photo, document")
homework-draft-how = Send your work here as messages: { $kinds }. Albums and several messages are fine. Then press «✅ Send to the curator».
homework-draft-deadline = ⏰ Deadline: { $deadline }
homework-draft-late = ⚠️ The deadline has passed: your work is still accepted and will be marked late.
# $version: 2, 3, ...
homework-draft-version = ↩️ The curator returned the previous version: this will be version { $version }.
homework-draft-empty = 📎 Nothing added yet.
# $count: all parts; $summary: "2 photos, 1 text"
homework-draft-parts = 📎 { $count ->
        [one] { $count } part
       *[other] { $count } parts
    }: { $summary }
homework-count-text = { $count ->
        [one] { $count } text
       *[other] { $count } texts
    }
homework-count-link = { $count ->
        [one] { $count } link
       *[other] { $count } links
    }
homework-count-photo = { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    }
homework-count-document = { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }
homework-count-video = { $count ->
        [one] { $count } video
       *[other] { $count } videos
    }
homework-count-voice = { $count ->
        [one] { $count } voice message
       *[other] { $count } voice messages
    }
homework-count-audio = { $count ->
        [one] { $count } audio file
       *[other] { $count } audio files
    }
homework-count-video_note = { $count ->
        [one] { $count } video message
       *[other] { $count } video messages
    }
# $count: parts handed in
homework-sent = ✅ <b>Sent to the curator</b>: homework for lesson { $lesson } «{ $title }», { $count ->
        [one] { $count } part
       *[other] { $count } parts
    }. The curator's answer will come here.
# $deadline: the deadline, in the cohort's time
homework-sent-late = ⚠️ Handed in after the deadline ({ $deadline }), so it is marked late.
homework-sent-already = This work has already been sent to the curator.
homework-empty = Nothing to send yet: first send your work here as messages.
# $kinds: what the homework takes; $got: what was sent (a homework-got-* word)
homework-not-accepted = ⛔ This homework takes only: { $kinds }. That was { $got }, so it was not added.
homework-got-text = a text
homework-got-link = a link
homework-got-photo = a photo
homework-got-document = a document
homework-got-video = a video
homework-got-voice = a voice message
homework-got-audio = an audio file
homework-got-video_note = a video message
homework-got-other = a kind of message that cannot be handed in
# $deadline: when it closed
homework-closed = ⛔ The homework for lesson { $lesson } closed at its deadline, { $deadline }: work is no longer accepted.
# $curators: their names
homework-closed-ask-curators = If you have a good reason, write to your curator: { $curators }.
homework-closed-ask-organizer = If you have a good reason, write to the organizer of the course.
homework-waiting = ⏳ Your homework for lesson { $lesson } is with the curator. The answer will come here.
homework-accepted-final = ✅ Your homework for lesson { $lesson } is accepted: there is nothing more to send.
homework-not-yet = This homework has not been given to you yet: it comes with its lesson.
# $number: the lesson's number, $title: its title
homework-which-button = 📝 { $number }. { $title }
homework-which = 📝 Which homework is this for? Choose it, and what you sent goes into it.
homework-none-open = You have no homework to hand in right now, so this was not saved. Each homework comes with its lesson and has a «📝 Hand in» button.

## Progress (/progress and the course card)
cmd-progress = My progress in the courses
# $course: the course's title
homework-progress-title = 📊 <b>{ $course }</b>
# $received, $total: lessons
homework-progress-lessons = 📘 Lessons received: { $received } of { $total }
# $bar: ▓▓▓░░, $done and $total: required homework accepted
homework-progress-bar = { $bar } homework accepted: { $done } of { $total }
homework-progress-homework = <b>Homework</b>
homework-status-accepted = ✅ Lesson { $lesson }: accepted
homework-status-accepted-score = ✅ Lesson { $lesson }: accepted, score { $score } of { $max }
homework-status-waiting = ⏳ Lesson { $lesson }: waiting for review
homework-status-returned = ↩️ Lesson { $lesson }: returned, hand it in again
homework-status-late = ⚠️ Lesson { $lesson }: not handed in, the deadline has passed
homework-status-not-handed-in = ▫️ Lesson { $lesson }: not handed in yet, until { $deadline }
homework-status-not-yet = 🔒 Lesson { $lesson }: comes later
homework-status-was-late = (handed in late)
homework-progress-needed = <b>Still needed to complete the course:</b>
# $lessons: lesson numbers ("1, 3")
homework-needed-homework = • accepted homework for { $count ->
        [one] lesson
       *[other] lessons
    } { $lessons }
homework-needed-quiz = • at least { $mark }% right answers in the quizzes
homework-needed-questionnaire = • the questionnaire at the end of the course
homework-progress-done = 🎉 All the homework needed to complete the course is accepted.
homework-button-hand-in-lesson = 📝 Hand in: lesson { $number }

## The curator's side (/review)
cmd-review = Homework waiting for review (curators)
review-choose = 📥 <b>Homework to review</b>: choose a cohort. The number is how many are waiting.
review-nothing = 📥 Nothing is waiting for review in your cohorts.
# $name: the cohort's name, $count: waiting
review-cohort-button = { $name } ({ $count })
review-header =
    📥 <b>Homework for lesson { $lesson }</b> «{ $title }»
    👤 { $name }
    🏛 { $library }, { $district }
    🕓 Handed in: { $when }
    📄 Version { $version } · { $count ->
        [one] { $count } part
       *[other] { $count } parts
    }
review-late = ⚠️ Handed in late: the deadline was { $deadline }.
review-unknown = —
# $text: what the learner wrote
review-part-text = 💬 { $text }
review-part-link = 🔗 { $text }
review-controls = { $waiting ->
        [0] What is your decision?
       *[other] What is your decision? ({ $waiting } more waiting in this cohort.)
    }
review-button-return-short = ↩️ Return
review-group-controls = 📥 Curators of the cohort: accept the work or return it with a comment.
review-group-accepted = ✅ Accepted by { $curator }: { $name }{ $score }.
review-group-returned = ↩️ Returned by { $curator }: { $name }.
review-group-not-curator = Only the cohort's curators decide on this work.
review-group-done = Decided. The learner will be told.
review-group-pick-score = Choose the score: 0 to { $max }.
review-group-score-private = This homework is scored out of more than 10: give the score in a private chat with me, /review.
review-group-ask-comment = ✍️ { $curator }, reply to this message with what to improve (a text or a voice message). /cancel — keep the work waiting.
review-group-placeholder = What to improve
review-button-accept = ✅ Accept
review-button-return = ↩️ Return with a comment
review-button-next = ⏭ Next
review-ask-score = 🏅 Score for this work: from 0 to { $max }. Press a number or type it.
review-bad-score = Please type a whole number from 0 to { $max }.
review-ask-accept-comment = ✍️ Add a comment for the learner (a text or a voice message), or accept without one.
review-button-accept-no-comment = ✅ Accept without a comment
review-ask-return-comment = ✍️ Write what to improve (a text or a voice message). The learner gets it with a button to hand in again.
review-comment-too-long = The comment is too long: at most { $limit } characters, please shorten it.
review-comment-kind = Please send the comment as a text or a voice message.
# $name: the learner, $score: "" or ", 9 of 10"
review-done-accepted = ✅ Accepted: { $name }, lesson { $lesson }{ $score }. The learner will be told.
review-done-returned = ↩️ Returned to { $name }, lesson { $lesson }, with your comment. The learner will be told.
review-score-suffix = , { $score } of { $max }
# $curator: who decided first; $decision: accepted | returned
review-already = This work has already been decided: { $decision ->
        [accepted] accepted
       *[returned] returned
    } by { $curator }.
review-someone = another curator
review-not-yours = This cohort is not among those you review.
review-no-more = 📥 Nothing more is waiting in this cohort.
review-cancelled = Cancelled: no decision was recorded.

## The curators' daily digest (bot/delivery/render.py, kind review-digest)
# $cohort: the cohort's name, $count: submissions waiting longer than $hours, $since: the oldest's hand-in time
review-digest = 📥 <b>{ $cohort }</b>: { $count ->
        [one] { $count } homework has
       *[other] { $count } homework submissions have
    } been waiting for your review for more than { $hours } hours; the oldest since { $since }.
review-button-open = 📥 Review
