## Certificates: the PDF, verification, the learner's and the organizers' side

# Printed on the PDF.
certificates-pdf-title = CERTIFICATE
certificates-pdf-before-name = This is to certify that
# Around the course's title, printed in bold where $title stands (either side may be empty).
certificates-pdf-completed = has successfully completed the professional development course { $title }
certificates-pdf-hours = { $hours ->
        [one] { $hours } academic hour
       *[other] { $hours } academic hours
    }
certificates-pdf-dates = Studied from { $start } to { $end }
certificates-pdf-issued = Issued on { $date }
certificates-pdf-verify = Scan the QR code to check this certificate
certificates-pdf-organization = Oqu professional development courses for librarians

# The message the PDF comes with.
certificates-caption = 🎓 Your certificate for the course «{ $course }».
    Number: <code>{ $number }</code>. Anyone can check it with the QR code on it.

# A learner's own certificates.
certificates-button = 🎓 Certificate: { $title }
certificates-again = 🎓 Your certificate is on its way.
certificates-none = You are not taking a course yet, so there is no certificate.
certificates-not-yet = There is no certificate for «{ $course }» yet. Still to do:
certificates-missing-homework = • the homework of lesson { $lesson }: it must be accepted by the curator
certificates-missing-quiz = • the quizzes: { $percent }% right so far, { $pass_mark }% needed
certificates-missing-questionnaire = • the end-of-course questionnaire
certificates-on-the-way = Everything for «{ $course }» is done: your certificate will come soon.
certificates-revoked-own = Your certificate { $number } was revoked. Please contact the organizer.

cmd-certificate = My certificate, or what is still missing
cmd-verify = Check a certificate by its number

# Checking a number: /verify or the QR code's link. Open to anyone.
verify-usage = Send the certificate's number after /verify, for example:
    <code>/verify OQU-2026-7KQ4-MX2P</code>
verify-valid = ✅ Certificate <code>{ $number }</code> is <b>valid</b>.
verify-revoked = ❌ Certificate <code>{ $number }</code> was <b>revoked</b>.
    Reason: { $reason }
verify-replaced = ⚠️ Certificate <code>{ $number }</code> was <b>replaced</b> by <code>{ $replaced_by }</code> (reissued after a correction).
verify-details = Name: <b>{ $name }</b>
    Course: «{ $course }»
    Hours: { $hours }
    Issued on: { $date }
    Issued by: { $issuer }
verify-not-found = No certificate has the number <code>{ $number }</code>. Please check the number as printed under the QR code.
verify-throttled = Too many numbers that do not exist. Please try again in { $minutes } min.
verify-reason-erased = the holder asked for their personal data to be deleted

# Organizers.
cmd-certificates = Certificates of a cohort (organizers)
cmd-certissue = Issue a certificate by hand (organizers)
cmd-certrevoke = Revoke a certificate (organizers)
cmd-certreissue = Reissue a certificate after a name fix (organizers)
certificates-staff-usage = Certificates:
    /certificates <i>cohort</i>: the list of a cohort
    /certissue <i>cohort</i> <i>person</i>: issue one by hand (completed offline)
    /certrevoke <i>number</i> <i>reason</i>: revoke one
    /certreissue <i>number</i>: issue again after a name fix (the old one becomes replaced)
certificates-staff-cohorts = Cohorts:
certificates-staff-cohort-line = { $id } · { $cohort }: { $count }
certificates-staff-list = Certificates of «{ $cohort }»: { $count }
certificates-staff-line = <code>{ $number }</code> · { $name } · { $status ->
        [valid] valid
        [revoked] revoked
       *[replaced] replaced
    } · { $date }
certificates-staff-unknown-cohort = There is no such cohort.
certificates-staff-not-learner = This person is not a learner of that cohort.
certificates-staff-no-name = This person has not registered a full name.
certificates-staff-already = They already have certificate <code>{ $number }</code>.
certificates-staff-issued = Certificate <code>{ $number }</code> issued to { $name }; it is on its way to them.
certificates-staff-unknown-number = No valid certificate has the number <code>{ $number }</code>.
certificates-staff-reason-needed = Write the reason after the number: /certrevoke <i>number</i> <i>reason</i>
certificates-staff-revoked = Certificate <code>{ $number }</code> is revoked.
certificates-staff-reissued = Certificate <code>{ $old }</code> is replaced by <code>{ $number }</code> ({ $name }); the new one is on its way.
