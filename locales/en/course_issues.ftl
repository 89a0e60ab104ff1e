## Problems the course validator finds (bot/services/course_issues.py), one message per code:
## course-issue-<code>. The chat and `python -m bot course validate` show each after its place:
## "course.yaml:12: lessons[2].quiz.questions[0]: <message>", so a message starts in lower case.
## Field names (title, options), files and values are shown as the organizer typed them.

# Before the place of a warning: "course.yaml:40: warning: lessons[2]: ...".
course-issue-warning = warning
# Added at the end of a message when a close match was found ($suggestion: a field, a file, ...).
course-did-you-mean = ; did you mean '{ $suggestion }'?

# Language names, as they read in "lesson 3 has no Kazakh text" and "learners get Russian there".
course-language-kk = Kazakh
course-language-ru = Russian
course-language-en = English

# What a value should be: $expected of course-issue-wrong-type.
course-expected-fields = a group of fields
course-expected-course-fields = a group of fields (code, languages, title, lessons, ...)
course-expected-material = a material (text, file or link)
course-expected-deadline = a deadline (day and time, or hours_after_release)
course-expected-list = a list
course-expected-text = a text
course-expected-whole-number = a whole number
course-expected-number = a number
course-expected-boolean = true or false
course-expected-time = a time like "10:00"
course-expected-option-number = the number of the right option
course-expected-field-name = a field name

# Which text is too long: $what of course-issue-text-too-long.
course-part-text = the text
course-part-message = the message
course-part-caption = the caption
course-part-label = the button label
course-part-prompt = the homework prompt
course-part-question = the question
course-part-option = the option
course-part-explanation = the explanation

## The course cannot be opened

course-issue-not-found = no such file or folder
course-issue-not-a-course = expected a folder, its course.yaml, or a .zip
course-issue-missing-course-yaml = { $where ->
        [zip] no course.yaml at the root of the zip or in a folder at its root
       *[folder] no course.yaml here
    }
course-issue-zip-unsafe-path = '{ $name }' points outside the course folder
course-issue-zip-link = '{ $name }' is a link; links are refused
course-issue-zip-too-big = the zip unpacks to more than { $limit_mb } MB
course-issue-zip-too-many-files = more than { $limit } files in the zip
course-issue-zip-ambiguous = several folders have a course.yaml: { $folders }
course-issue-not-utf8 = the file is not UTF-8; save it as UTF-8 (in Notepad: Save as > Encoding)
# $problem: what PyYAML says, in English; $hint: the usual cause, when it is known.
course-issue-yaml-syntax = bad YAML: { $problem }{ $hint ->
        [colon] ; a text that contains ': ' must be put in quotes
        [braces] ; inside {"{"} {"}"} put texts with ? : , # in quotes
        [brackets] ; inside [ ] put texts with ? : , # in quotes
        [tabs] ; indent with spaces, not tabs
        [star] ; a text starting with * must be put in quotes
       *[none] {""}
    }

## Fields and values

course-issue-unknown-field = unknown field '{ $field }'{ $suggestion }
course-issue-missing-field = '{ $field }' is required
course-issue-duplicate-key = '{ $field }' is given twice
course-issue-wrong-type = expected { $expected }, got { $got ->
        [fields] a group of fields
        [list] a list
        [nothing] nothing
       *[value] '{ $value }'
    }
course-issue-empty = is empty
course-issue-out-of-range = { $value } is out of range: must be { $limits ->
        [min] at least { $minimum }
        [max] at most { $maximum }
       *[both] between { $minimum } and { $maximum }
    }
# $choices: the allowed values, as typed in course.yaml ("text, photo, document").
course-issue-invalid-value = '{ $value }' is not one of: { $choices }{ $suggestion }
course-issue-invalid-time = '{ $value }' is not a time of day
course-issue-invalid-course-code = '{ $value }' is not a valid code: use 2-48 small Latin letters, digits and dashes, like library-work-2026
course-issue-duplicate = '{ $value }' is listed twice
course-issue-unknown-language = unknown language '{ $value }': use kk, ru or en{ $suggestion }
course-issue-empty-list = { $list ->
        [lessons] a course needs at least one lesson
        [accepts] list at least one kind of answer
        [questions] a quiz needs at least one question
        [statements] the self-assessment needs at least one statement
       *[items] the questionnaire needs at least one item
    }

## Texts and files

course-issue-no-text = has no text once the formatting is removed
course-issue-text-too-long = { $what } is { $length } characters long; Telegram allows { $limit }
course-issue-missing-file = file '{ $file }' not found{ $suggestion }
course-issue-file-outside-course = '{ $file }' is outside the course folder; put the file next to course.yaml
course-issue-empty-file = file '{ $file }' is empty
course-issue-file-too-big = file '{ $file }' is { $size_mb } MB; a bot can send files up to { $limit_mb } MB
# $found: the fields given ("text, link"), $count: how many.
course-issue-material-kind = a material has exactly one of text, file or link (found: { $count ->
        [0] none
       *[other] { $found }
    })
course-issue-field-conflict = '{ $field }' does not go with { $other }
course-issue-invalid-url = '{ $url }' is not a web link (https://...)

## Lessons, homework, quizzes

course-issue-lesson-out-of-order = lesson { $lesson } (day { $day }, { $time }) comes before lesson { $previous } (day { $previous_day }, { $previous_time }); lessons must not go back in time
course-issue-deadline-kind = give either day (with time) or hours_after_release
course-issue-deadline-before-release = the deadline (day { $day }, { $time }) is not after the lesson's release (day { $release_day }, { $release_time })
course-issue-no-correct-answer = no correct answer: add 'correct: N', where N is the number of the right option (the first is 1)
course-issue-correct-out-of-range = correct answer { $correct } is out of range: the options are numbered 1 to { $count }
course-issue-correct-not-an-option = correct answer '{ $correct }' is not one of the options
course-issue-too-few-options = { $count } { $count ->
        [one] option
       *[other] options
    }; a question needs at least { $minimum }
course-issue-too-many-options = { $count } options; Telegram allows at most { $maximum }
course-issue-too-many-statements = { $count } statements; at most { $maximum }: they are asked twice
course-issue-certificate-languages = { $count } languages side by side; a certificate fits two at most
course-issue-certificate-image = { $file }: the logo and the signature must be PNG or JPEG pictures
course-issue-duplicate-option = the same as option { $option }

## The questionnaire and completion

course-issue-questionnaire-too-early = the questionnaire (day { $day }, { $time }) comes before the last lesson (day { $last_day }, { $last_time })
course-issue-invalid-id = '{ $value }' is not a valid id: use small Latin letters, digits, - and _
course-issue-duplicate-id = id '{ $id }' is already used by item { $item }
course-issue-options-required = 'options' is required for { $kind } questions
course-issue-options-not-allowed = { $kind } questions have no options ({ $kind ->
        [scale] they are always 1 to 5
       *[text] they are answered in words
    })
course-issue-no-questionnaire = the questionnaire is required, but the course has none
course-issue-no-such-lesson = there is no lesson { $lesson }; the course has { $count } { $count ->
        [one] lesson
       *[other] lessons
    }
course-issue-lesson-without-homework = lesson { $lesson } has no homework

## Telegram's HTML

course-issue-html-unsupported-tag = Telegram does not support <{ $tag }>{ $hint ->
        [line-break] ; use a line break instead
        [empty-line] ; use an empty line instead
        [bold] ; use <b> instead
        [bullets] ; write the list as lines starting with • or -
        [numbers] ; write the list as numbered lines
        [picture] ; add the picture as a file of the lesson
        [fonts] ; Telegram has no colours or fonts
       *[none] {""}
    }
course-issue-html-bare-lt = a bare '<' must be written as &lt;
course-issue-html-unclosed = <{ $tag }> is never closed
course-issue-html-closes-nothing = </{ $tag }> closes nothing
course-issue-html-wrong-close = </{ $tag }> found where </{ $open_tag }> was expected
course-issue-html-self-closing = <{ $tag }/> must be written <{ $tag }>...</{ $tag }>
course-issue-html-bad-attribute = <{ $tag }> cannot have the attribute '{ $attribute }'
course-issue-html-nested = <{ $tag }> cannot be used inside <{ $parent }>
course-issue-html-link-no-href = <a> needs href="https://..."
course-issue-html-link-scheme = <a href> must start with https:// (got '{ $href }')
course-issue-html-link-in-link = <a> cannot be inside another <a>
course-issue-html-span-class = <span> is only allowed as <span class="tg-spoiler">
course-issue-html-code-class = <code class> must be language-NAME

## Warnings: they do not block an import

# $unit: which part of the course; $lesson: its number when it is a lesson;
# $fields: the texts without this language ("title, homework.prompt");
# $language and $fallback: course-language-* above.
course-issue-missing-translation = { $unit ->
        [course] the course
        [questionnaire] the questionnaire
        [self-assessment] the self-assessment
       *[lesson] lesson { $lesson }
    } has no { $language } text ({ $fields }); learners get { $fallback } there
# $languages: the codes listed in languages ("kk, ru").
course-issue-extra-language = there is { $language } text, but languages lists only { $languages }
course-issue-reminder-too-early = lesson { $lesson }: the homework is due { $hours } { $hours ->
        [one] hour
       *[other] hours
    } after the lesson; the reminder { $reminder } { $reminder ->
        [one] hour
       *[other] hours
    } before the deadline would come before the lesson itself and will not be sent
course-issue-photo-as-document = picture '{ $file }' is { $size_mb } MB; Telegram shows pictures up to { $limit_mb } MB, so it will be sent as a file
course-issue-empty-lesson = lesson { $lesson } has nothing to send
course-issue-unused = the course has no quiz, so the pass mark is not used

course-issue-html-time-attribute = { $attribute ->
        [unix] <tg-time> needs unix="..." with a Unix time in seconds (got '{ $value }')
       *[format] <tg-time format> must be r, or w, d or D, t or T in this order (got '{ $value }')
    }
