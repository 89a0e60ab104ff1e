"""Completion of a course: the course's ``completion:`` rules per enrolment (what is done, what is
missing), recording the first completion once and telling the learner and the other features
(``on_completed``), finishing a cohort, and the organizer's results screen."""
