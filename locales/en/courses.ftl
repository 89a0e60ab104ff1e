## A learner's courses and enrolment

courses-none = 📚 You are not in any course yet. To join one, open the link or scan the QR code your course organizer gives you.
courses-header = 📚 <b>Your courses</b>
courses-item =
    <b>{ $title }</b>
    Group: { $cohort } · starts { $start } · { $lessons } lessons
    { $upcoming }
courses-next = ⏭ Next: lesson { $number } «{ $title }», { $when }
courses-paused = ⏸ The course is paused for now; the organizer will resume it.
courses-all-released = ✅ All lessons have been sent.
courses-again-button = 🔁 Again: «{ $title }»
courses-again-which = Which lesson should I send again?
courses-again-lesson = Lesson { $number }: { $title }
courses-leave-button = 🚪 Leave «{ $title }»
courses-leave-confirm = 🚪 Leave the course <b>{ $title }</b>? You will stop getting its lessons and reminders. What you have already submitted is kept.
courses-leave-yes = 🚪 Yes, leave
courses-leave-no = ↩️ No, stay
courses-leave-kept = Good, you stay in the course.
courses-left = You have left the course. You can join again with the organizer's link while enrolment is open.
course-removed-notice = ℹ️ The organizer has removed you from the course «{ $course }». If this is a mistake, please contact them.

enrol-unknown = 🤔 This invitation link is not valid: it may be mistyped or out of date. Please ask your course organizer for the right one.
enrol-done =
    🎓 You are enrolled in <b>{ $title }</b>!
    Group: { $cohort }
    Start: { $start } · { $lessons } lessons · { $hours } hours of study
    { $schedule }
    I will send each lesson here on time. Your courses are always under 📚 My courses.
enrol-schedule-first = First lesson: { $first }
enrol-schedule-late =
    📬 Lessons already given: { $given }. { $minutes ->
        [0] I will send them to you now, one after another
        [1] I will send them to you one by one, every minute
       *[other] I will send them to you one by one, every { $minutes } minutes
    } (not at night: those come in the morning). The first: { $first }.
    Next new lesson: { $next }
enrol-schedule-late-all =
    📬 All { $given } lessons have already been given. { $minutes ->
        [0] I will send them to you now, one after another
        [1] I will send them to you one by one, every minute
       *[other] I will send them to you one by one, every { $minutes } minutes
    } (not at night: those come in the morning). The first: { $first }.
enrol-first-now = right now
enrol-already = 🙂 You are already in <b>{ $title }</b> (group { $cohort }). Nothing to do: lessons will come here.
enrol-full = 😔 The group { $cohort } of <b>{ $title }</b> is full. Please ask your organizer about another group.
enrol-closed = 🔒 Enrolment in <b>{ $title }</b> (group { $cohort }) is closed. Please ask your organizer.
enrol-removed = ℹ️ The organizer has removed you from <b>{ $title }</b> (group { $cohort }). Please contact them if you want to come back.
enrol-register-anyway = You can still register below: the organizer can then add you to another cohort.
