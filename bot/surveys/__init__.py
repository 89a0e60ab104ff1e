"""The end-of-course questionnaire and the self-assessment before and after, filled in one
item at a time (drafts kept answer by answer), submitted whole; anonymous responses that cannot
be traced to a person, and the results an organizer may see."""
