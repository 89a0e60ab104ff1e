## Delivery: lessons, homework prompts, reminders; the organizer's view of them

delivery-button-again = 🔁 Send this lesson again
delivery-again-queued = 🔁 Sending it again: it will arrive in a moment.
delivery-again-already = ⏳ It is already on its way, please wait a little.
delivery-again-not-yet = This has not been sent to you yet: it comes on its day.
delivery-again-not-enrolled = You are no longer in this course.
delivery-again-unknown = This button is no longer active.

delivery-lesson-heading = 📘 <b>{ $title }</b>
delivery-homework-deadline = ⏰ <b>Deadline:</b> { $deadline }
delivery-homework-accepts = 📎 <b>You can send:</b> { $kinds }
delivery-accepts-text = text
delivery-accepts-photo = photo
delivery-accepts-document = document
delivery-accepts-video = video
delivery-accepts-voice = voice message
delivery-accepts-link = link
delivery-reminder =
    ⏰ <b>Reminder</b>: the homework for lesson { $lesson } «{ $title }».
    Deadline: { $deadline }. If you have already sent it, thank you: there is nothing more to do.
delivery-questionnaire-invite =
    📝 <b>{ $course }</b>: the course is coming to an end.
    Please answer a few questions about it: it takes about five minutes, and your answers help make the next course better.
delivery-questionnaire-anonymous = 🔒 The questionnaire is anonymous.
delivery-questionnaire-reminder = 📝 A reminder: please answer the questionnaire about the course «{ $course }». It takes about five minutes.

## The organizer's view (/delivery)

cmd-delivery = Who got which lesson (organizers)
delivery-report-choose = 📬 <b>Lesson delivery</b>: choose a cohort.
delivery-report-no-cohorts = 📬 There are no cohorts yet.
delivery-report-header =
    📬 <b>{ $cohort }</b>
    { $course }
    Learners: { $learners } · { $status }
delivery-status-active = ▶️ running
delivery-status-paused = ⏸ paused
delivery-status-finished = 🏁 finished
delivery-report-legend = 🕓 planned · ✅ sent · 🚫 unreachable · ⚠️ failed
delivery-report-lesson = <b>Lesson { $number }</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-questionnaire = <b>Questionnaire</b>, { $when }: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-paused-hint = ⏸ The cohort is paused: nothing is sent. When you resume, choose whether the calendar moves by the days lost, or what was missed is sent now.
delivery-report-lesson-title =
    📘 <b>Lesson { $number }. { $title }</b>
    { $when }
delivery-report-part-lesson = Lesson materials: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-homework = Homework task: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-part-reminders = Reminders: 🕓 { $planned } · ✅ { $sent } · 🚫 { $unreachable } · ⚠️ { $failed }
delivery-report-unreachable-title =
    🚫 <b>Learners the bot cannot reach: { $count }</b>
    They blocked the bot or deleted their Telegram account. Please phone them: when they open the bot again, they get what they missed.
delivery-report-learner = • { $name }, { $district }, { $library }
delivery-report-failed-title = ⚠️ <b>Not sent: { $count }</b>
delivery-report-failed-learner = • { $name }: { $reason }
delivery-report-nobody = Nobody.
delivery-report-blank = —

delivery-button-lesson = Lesson { $number }
delivery-button-unreachable = 🚫 Unreachable ({ $count })
delivery-button-pause = ⏸ Pause
delivery-button-resume-shift = ▶️ Move the calendar
delivery-button-resume-missed = ▶️ Send what was missed
delivery-button-refresh = 🔄 Refresh
delivery-button-back = ⬅️ Back

delivery-paused = ⏸ Paused: nothing is sent until you resume.
delivery-resumed-shift =
    { $days ->
        [0] ▶️ Resumed: nothing was missed, the calendar stays as it was.
        [one] ▶️ Resumed: the calendar moved { $days } day later.
       *[other] ▶️ Resumed: the calendar moved { $days } days later.
    }
delivery-resumed-missed = ▶️ Resumed: what was missed goes out now, a lesson at a time.
delivery-not-changed = Nothing changed: the cohort is not in that state any more.

## Why a message was not delivered, instead of Telegram's own text (bot/delivery/reasons.py)
delivery-reason-blocked = the learner blocked the bot
delivery-reason-chat-not-found = Telegram could not find this chat
delivery-reason-too-long = the message is too long for Telegram
delivery-reason-bad-html = the text has a formatting error
delivery-reason-file = the file could not be sent
delivery-reason-other = another error
