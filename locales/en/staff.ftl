## Roles, cohorts and course import: for owners, organizers and curators

role-organizer = Organizer
role-curator = Curator
roles-none = Nobody holds a role yet. Grant one with /grant.
roles-list = 👥 <b>Roles</b> (press a button to take a role away):
roles-line = • { $name }: { $role } (id { $id })
roles-revoke-button = ❌ { $name }: { $role }
roles-grant-who = Who should get a role? Forward me any message from that person, or send their @username or Telegram id. They must have opened this bot at least once.
roles-error-hidden-forward = 🔒 That person hides their account in forwarded messages. Please send their @username or Telegram id instead.
roles-error-unknown-username = 🤔 I do not know anyone with that @username: they must open the bot and register first.
roles-error-never-started = 🤔 That person has not opened this bot yet. Ask them to press Start first.
roles-error-what = 🤔 I need a forwarded message, an @username or a Telegram id.
roles-grant-which = Which role should { $name } get?
roles-granted = ✅ { $name } is now: { $role }.
roles-already = { $name } already has that role: { $role }.
roles-revoked = ✅ { $name } no longer has the role: { $role }.
roles-not-held = { $name } does not have that role: { $role }.
roles-you-got = 🎉 You have been given a new role: { $role }. Your new commands are in the menu (☰).
roles-you-lost = ℹ️ Your role «{ $role }» has been taken away.

cohort-list = 👥 <b>Cohorts: { $count }</b>. Choose one:
cohort-list-empty = 👥 There are no cohorts yet.
cohort-list-button = { $name } · { $learners } 👤
cohort-button-new = ➕ New cohort
cohort-button-invite = 🔗 Invitation and QR
cohort-button-learners = 👥 Learners
cohort-button-close = 🔒 Close enrolment
cohort-button-reopen = 🔓 Reopen enrolment
cohort-button-remove = ➖ Remove a learner
cohort-button-curator = 🧑‍🏫 Add a curator
cohort-button-all = ⬅️ All cohorts
cohort-card =
    👥 <b>{ $name }</b>
    Course: { $course }
    Start: { $start } ({ $timezone })
    Enrolment until: { $deadline }
    Places: { $capacity } · learners: { $learners }
    Enrolment: { $enrolment }
cohort-no-deadline = no deadline
cohort-no-limit = no limit
cohort-enrolment-open = 🟢 open
cohort-enrolment-closed = 🔴 closed
cohort-invite =
    🔗 Invitation to <b>{ $name }</b>:
    { $link }
    Share the link, or show the QR code on a slide: a librarian opens it, registers and is enrolled.
cohort-learners = 👥 <b>{ $name }</b>: { $count } learners
cohort-learner-line = { $number }. { $name }: { $region }, { $district }, { $library } ({ $settlement })
cohort-learners-none = Nobody has joined { $name } yet.
cohort-closed = 🔒 Enrolment in { $name } is closed.
cohort-reopened = 🔓 Enrolment in { $name } is open again.
cohort-remove-who = Whom should I remove from { $name }?
cohort-remove-person = { $name } ({ $library })
cohort-remove-confirm = Remove { $person } from { $name }? They will stop getting lessons; what they submitted is kept.
cohort-remove-yes = ➖ Yes, remove
cohort-remove-no = ↩️ No
cohort-removed = ✅ { $person } has been removed from { $name }.
cohort-remove-not-there = { $person } is no longer in { $name }.
cohort-curator-none = There is nobody with the curator role to add. A bot owner grants it with /grant.
cohort-curator-who = Who should curate { $name }?
cohort-curator-added = ✅ { $person } now curates { $name }.

newcohort-ask-course = ➕ <b>New cohort</b>, step 1 of 6. Which course?
newcohort-course-button = { $title } (v{ $version })
newcohort-no-courses = There are no courses yet. Send me a course zip first (the /import command explains how).
newcohort-ask-name = Step 2 of 6. Write the cohort's <b>name</b> (for example: Rural libraries, April).
newcohort-ask-start = Step 3 of 6. On which <b>date</b> does it start? For example 15.04.2026 or 15.04.
newcohort-ask-timezone = Step 4 of 6. Which <b>time zone</b>? Lessons come at local time. Press the button, or type another zone such as Asia/Tashkent.
newcohort-timezone-default = { $zone } (Kazakhstan)
newcohort-ask-deadline = Step 5 of 6. Until when is <b>enrolment</b> open? Press a button or type a date.
newcohort-deadline-start = Until the start date
newcohort-deadline-none = No deadline
newcohort-ask-capacity = Step 6 of 6. How many <b>places</b>? Type a number, or press the button.
newcohort-capacity-none = No limit
newcohort-confirm =
    Please check:
    Course: { $course }
    Name: { $name }
    Start: { $start } ({ $timezone })
    Enrolment until: { $deadline }
    Places: { $capacity }
newcohort-create = ✅ Open the cohort
newcohort-cancelled = Cancelled: no cohort was opened.
newcohort-created = 🎉 The cohort { $name } is open. Here is its invitation:
cohort-error-date = 📅 I could not read that date. Please write it like 15.04.2026.
cohort-error-date-past = 📅 That date has passed. Please choose today or a later day.
cohort-error-timezone = 🕰 I do not know that time zone. Write it like Asia/Almaty or press the button.
cohort-error-capacity = 🔢 Please write a whole number from 1 to { $limit }, or press «No limit».

import-how = 📦 To import a course, send me its zip file (the course folder with course.yaml and its files) or a single course.yaml. I check it and tell you every problem with its line. If you need a sample course, ask the bot's owner. /cancel stops waiting.
import-cancelled = 📦 Import cancelled.
import-waiting-file = 📦 I am waiting for the course file: a .zip with course.yaml inside, or a course.yaml. /cancel stops waiting.
import-use-command = 📦 Is this a course to import? Send /import first and then the file, or send the file with /import as its caption.
import-wrong-type = 📦 { $name } is not a course file. Please send a .zip with course.yaml inside, or a course.yaml.
import-too-big = 📦 This file is bigger than { $limit } MB, more than a bot can download from Telegram. Give large videos as links or make the files smaller; otherwise ask the bot's owner to import the course on the server.
import-checking = 🔎 Checking the course…
import-failed = ❌ The course has { $count } problem(s); nothing was imported. Fix them and send it again:
import-more = …and { $count } more.
import-retry = ⚠️ A file changed while I was copying it. Please send the course again.
import-yes = yes
import-no = no
import-done =
    ✅ Course <b>{ $code }</b> imported as version { $version }.
    Lessons: { $lessons } · homework: { $homework } · quizzes: { $quizzes } · questionnaire: { $questionnaire }
    Languages: { $languages } · files: { $files } · warnings: { $warnings }
    Running cohorts keep the version they started with; new cohorts get this one.
import-unchanged =
    ✅ Course <b>{ $code }</b> is unchanged: it is the same as version { $version }.
    Lessons: { $lessons } · homework: { $homework } · quizzes: { $quizzes } · questionnaire: { $questionnaire }
    Languages: { $languages } · files: { $files } · warnings: { $warnings }
roles-error-not-an-id = 🤔 That is not a Telegram id: an id is a number of at most 16 digits. Forward a message from the person, or send their @username.
