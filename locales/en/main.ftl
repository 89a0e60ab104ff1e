## Greeting, language, help, menu, commands, errors

language-name-kk = Қазақша
language-name-ru = Русский
language-name-en = English

start-greeting =
    👋 Hello! I am <b>Oqu</b>, the course bot for librarians.
    I will send you lessons and tasks, remind you of deadlines and keep your progress.

    First, choose the language we will speak:
start-welcome-back = 👋 Welcome back, { $name }! Use the buttons below.

language-choose = 🌐 Choose your language:
language-set = Language saved
language-changed = 🌐 Done: I will speak English from now on.

menu-profile = 👤 My profile
menu-language = 🌐 Language
menu-help = ❓ Help

help-text =
    <b>What this bot does</b>
    I run professional-development courses for librarians: I send lessons, homework and tests on the course schedule, remind you of deadlines and keep your progress.

    <b>What to press</b>
    • <b>📚 My courses</b>: your courses, the next lesson, homework to hand in, your quiz results, what is still needed to complete the course, and your certificate.
    • <b>👤 My profile</b>: see and change your details, or delete them.
    • <b>🌐 Language</b>: Қазақша, Русский or English, at any moment.
    • <b>❓ Help</b>: this message.

    <b>Homework</b>: press <b>📝 Hand in</b> under the task, send your work as text, photos, documents, voice or a link (as many messages as you need), then press <b>✅ Send to the curator</b>. The curator's answer comes here.
    <b>Quizzes</b>: press <b>▶️ Start the quiz</b> under the quiz card; the questions come one at a time.
    <b>Certificate</b>: it comes here by itself when you complete the course. Anyone can check it with its QR code or with /verify and its number.
    /progress shows where you stand in every course.

    To join a course, open the link or scan the QR code your course organizer gives you.
    You do not need to type commands: just press the buttons or answer my questions in plain words.

help-staff =
    <b>For curators and organizers</b> (the full list is in the menu next to the message field):
    /cohorts: cohorts, their learners, invites, results and statistics
    /review: homework waiting for review
    /stats and /export: statistics with charts, and an Excel workbook
    /livequiz: a live quiz for a cohort
    Organizers also: /import (a course), /newcohort, /broadcast (a message to learners), /bindgroup (in a Telegram group), /certificates.

cmd-start = Start or restart
cmd-profile = My profile
cmd-language = Change language
cmd-help = What this bot does
cmd-cancel = Cancel the current form
cmd-status = How the bot is doing (bot owners)

fallback-hint = 🙂 I did not understand that. Please use the buttons below, or press ❓ Help.
fallback-hint-unregistered = 🙂 I did not understand that. To start, please register: it takes two minutes.

button-outdated = This button is no longer active.
button-register = 📝 Register
button-back = ⬅️ Back
button-cancel = ✖️ Cancel
button-language = 🌐 Language

error-generic = 😔 Something went wrong on my side. Please try again in a minute; nothing you sent was lost.
not-allowed = ⛔ Sorry, this command is only for the bot's organizers.
cancel-nothing = There is nothing to cancel right now.

menu-courses = 📚 My courses
cmd-courses = My courses
cmd-cohorts = Cohorts (staff)
cmd-newcohort = Open a new cohort (organizers)
cmd-import = Import a course (organizers)
cmd-roles = Who holds which role (bot owners)
cmd-grant = Grant a role (bot owners)
button-previous = ⬅️ Previous
button-next = Next ➡️
page-of = Page { $page } of { $pages }
