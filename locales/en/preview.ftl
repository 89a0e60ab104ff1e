## The HTML course preview (python -m bot course preview): what an organizer reads on the page.
## Dates and times come from Babel (bot/services/dates.py); only words live here.

preview-title = Preview
preview-reader = What a learner reading English sees
preview-start = Cohort starts
preview-time-zone = Time zone
preview-utc-offset = UTC{ $offset }
preview-hours = Hours of study
preview-enrolment = On enrolment

# $number: the lesson's number, $total: how many lessons the course has.
preview-lesson-of = Lesson { $number } of { $total }
preview-open = Open

# $count: questions in the quiz, $mark: the pass mark in percent.
preview-quiz-intro = Quiz: { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }. Pass mark: { $mark }%.
# $attempts: how many attempts a learner has (the quiz's attempts).
preview-quiz-attempts = { $attempts ->
        [one] One attempt.
       *[other] { $attempts } attempts; the best one counts.
    }
preview-quiz-shuffled = The options come in a different order for each learner.
preview-start-quiz = ▶️ Start the quiz
preview-poll = Quiz question
preview-correct = correct answer

preview-deadline = Deadline
preview-accepts = You can send
preview-reminders = Reminders
preview-send-homework = 📝 Send homework
preview-accept-text = text
preview-accept-photo = photo
preview-accept-document = document
preview-accept-video = video
preview-accept-voice = voice message
preview-accept-link = link

preview-questionnaire = Questionnaire
preview-anonymous = anonymous
preview-named = not anonymous
preview-self-assessment = Self-assessment
preview-self-assessment-before = right after joining, before lesson 1
preview-self-assessment-after = again with the questionnaire; then each learner sees their own before and after
preview-begin = Start
preview-done = Done
preview-skip = Skip
preview-type-answer = ✍️ Type your answer as a message.
preview-choose-many = Choose any and press “Done”.

# $size: the number, already formatted for the locale ("23.1").
preview-size-kb = { $size }{"\u00A0"}KB
preview-size-mb = { $size }{"\u00A0"}MB

preview-completion = To complete the course
# $lessons: lesson numbers ("1, 3"), $count: how many of them.
preview-need-homework = accepted homework: { $count ->
        [1] lesson
       *[other] lessons
    } { $lessons }
preview-need-quiz = right answers in the quizzes: at least { $mark }%
preview-need-questionnaire = the questionnaire filled in
preview-certificate = The certificate (PDF, with a QR code to verify it)
preview-certificate-hours = { $hours } academic hours
preview-certificate-languages = in { $languages }, side by side
preview-certificate-own-language = in each learner's language
preview-certificate-issuer = issued by { $issuer }
preview-certificate-signatory = signed by { $signatory }

# The course title on buttons (short_title, or the start of the title).
preview-short-title = On buttons

# Homework that differs from the defaults (late work is taken and marked; no score).
preview-late-refused = After the deadline, work is not accepted
# $points: the most points the curator can give
preview-max-score = Scored: up to { $points } { $points ->
        [one] point
       *[other] points
    }
