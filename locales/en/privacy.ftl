## Personal data: /mydata

cmd-mydata = What the bot keeps about me
button-mydata = 📄 My data
mydata-nothing = I keep nothing about you.
mydata-title = 📄 <b>What I keep about you</b>
mydata-line-name = <b>Name:</b> { $name }
mydata-line-language = <b>Language:</b> { $language }
mydata-line-consent = <b>Consent given:</b> { $moment }
mydata-line-no-consent = <b>Consent:</b> not given; only your language is kept.
mydata-line-roles = <b>Roles:</b> { $roles }
mydata-line-courses = <b>Courses:</b>
mydata-line-course = • { $cohort }: { $course } ({ $status })
mydata-course-unknown = a course no longer kept
mydata-status-active = taking part
mydata-status-left = you left
mydata-status-removed = removed by the organizer
mydata-line-cohorts-curated = <b>Cohorts you curate:</b> { $count }
mydata-line-cohorts-opened = <b>Cohorts you opened:</b> { $count }
mydata-line-deliveries = <b>Course messages:</b> { $sent } sent, { $planned } still to come
mydata-line-form = <b>Unfinished forms:</b> { $count }
mydata-line-other = <b>Other records:</b> { $count }
mydata-footer = Everything in detail is in the file below (JSON: any text editor opens it). To delete your data: { $profile } → { $delete }.
mydata-caption = 📄 Your data ({ $date })
mydata-file-about = Everything the Oqu bot keeps about you, as stored. Times are in UTC (Astana time is UTC+5). "profile_labels" shows the coded answers of your profile in words.
