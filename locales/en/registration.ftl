## Registration form

consent-request =
    📋 <b>Consent to the processing of personal data</b>

    To enrol you in courses and issue your certificates, I will ask for: your full name, region, district or city, library, position, and whether your library is rural or urban.

    Why: your course organizers see this to run the course and to report participation by district. The data is kept on the organizer's own server, in line with the Law of the Republic of Kazakhstan on Personal Data and its Protection. You can see, change or delete it at any time in 👤 My profile.

    Do you agree?
button-consent-yes = ✅ I agree
button-consent-no = ❌ I do not agree
consent-thanks = Thank you! Six short questions, and we are done.
consent-declined =
    Understood: I have saved nothing but your language.
    Without consent I cannot enrol you in a course, because organizers need to know who takes part. If you change your mind, press the button below.

form-progress = Step { $step } of { $total }
form-ask-full-name = ✍️ Please write your <b>full name</b>: surname, first name and patronymic (if you have one), as it should appear on your certificate.
form-ask-region = 🗺 Choose your <b>region</b> or city:
form-ask-district = 📍 Write your <b>district or city</b> (for example: Ayagoz district).
form-ask-library = 🏛 Write the name of your <b>library</b> (for example: Central District Library).
form-ask-position = 💼 Write your <b>position</b> (for example: librarian, methodologist, head of department).
form-ask-settlement = 🏡 Is your library <b>rural or urban</b>?
form-current = Current answer: { $value }
form-confirm =
    📋 <b>Please check your details</b>

    { $summary }

    Is everything right? Press <b>Save</b>, or the item you want to change.
button-save = 💾 Save

settlement-rural = 🌾 Rural (village)
settlement-urban = 🏙 Urban (city, town)

form-error-not-text = ✏️ I need a text answer here: please type it.
form-error-empty = ✏️ The answer is empty: please type it.
form-error-too-short = ✏️ That is too short: please write it in full.
form-error-too-long = ✏️ That is too long: please keep it under { $limit } characters.
form-error-no-letters = ✏️ Please answer in words, with letters.
form-error-name-digits = ✏️ A name should not contain digits: please write your surname, first name and patronymic.
form-error-name-symbols = ✏️ Please use only letters, spaces, hyphens and apostrophes in your name.
form-error-press-button = 👇 Please choose one of the buttons.

form-cancelled = Registration cancelled. I saved nothing but your language. Press the button when you are ready.
registered =
    🎉 Thank you, { $name }, you are registered!
    When your organizer opens a course, I will send you the lessons here. Use the buttons below at any time.
