## Ошибки, которые находит проверка курса (bot/services/course_issues.py), по сообщению на код:
## course-issue-<код>. В чате каждое сообщение стоит после места ошибки:
## «course.yaml:12: lessons[2].quiz.questions[0]: <сообщение>», поэтому начинается со строчной буквы.
## Имена полей (title, options), файлов и значения показываются так, как их написал организатор.

# Перед местом предупреждения: «course.yaml:40: предупреждение: lessons[2]: ...».
course-issue-warning = предупреждение
# Добавляется в конец сообщения, когда нашлось похожее имя ($suggestion: поле, файл, ...).
course-did-you-mean = ; возможно, имелось в виду «{ $suggestion }»?

# Названия языков, как они стоят во фразах «нет перевода на казахский язык» и «увидят русский вариант».
course-language-kk = казахский
course-language-ru = русский
course-language-en = английский

# Каким должно быть значение: $expected в course-issue-wrong-type («ожидается …»).
course-expected-fields = группа полей
course-expected-course-fields = группа полей (code, languages, title, lessons, ...)
course-expected-material = материал (text, file или link)
course-expected-deadline = срок сдачи (day и time или hours_after_release)
course-expected-list = список
course-expected-text = текст
course-expected-whole-number = целое число
course-expected-number = число
course-expected-boolean = true или false
course-expected-time = время в виде "10:00"
course-expected-option-number = номер правильного варианта
course-expected-field-name = имя поля

# Какой текст слишком длинный: $what в course-issue-text-too-long.
course-part-text = текст
course-part-message = сообщение
course-part-caption = подпись к файлу
course-part-label = надпись на кнопке
course-part-prompt = текст задания
course-part-question = вопрос
course-part-option = вариант ответа
course-part-explanation = пояснение

## Курс не удаётся открыть

course-issue-not-found = нет такого файла или папки
course-issue-not-a-course = нужна папка курса, её файл course.yaml или zip-архив
course-issue-missing-course-yaml = { $where ->
        [zip] course.yaml нет ни в самом архиве, ни в папке внутри него
       *[folder] здесь нет файла course.yaml
    }
course-issue-zip-unsafe-path = «{ $name }» указывает за пределы папки курса
course-issue-zip-link = «{ $name }» — символическая ссылка; такие ссылки не принимаются
course-issue-zip-too-big = в распакованном виде архив занимает больше { $limit_mb } МБ
course-issue-zip-too-many-files = в архиве больше { $limit } { $limit ->
        [one] файла
       *[other] файлов
    }
course-issue-zip-ambiguous = course.yaml есть сразу в нескольких папках: { $folders }
course-issue-not-utf8 = файл сохранён не в кодировке UTF-8; сохраните его в UTF-8 (в Блокноте: «Сохранить как» → «Кодировка»)
# $problem: сообщение PyYAML на английском; $hint: частая причина, если она известна.
course-issue-yaml-syntax = ошибка в синтаксисе YAML: { $problem }{ $hint ->
        [colon] ; текст, в котором есть «: », возьмите в кавычки
        [braces] ; внутри {"{"} {"}"} берите в кавычки тексты, где есть ? : , #
        [brackets] ; внутри [ ] берите в кавычки тексты, где есть ? : , #
        [tabs] ; делайте отступы пробелами, а не табуляцией
        [star] ; текст, который начинается с *, возьмите в кавычки
       *[none] {""}
    }

## Поля и значения

course-issue-unknown-field = неизвестное поле «{ $field }»{ $suggestion }
course-issue-missing-field = не заполнено обязательное поле «{ $field }»
course-issue-duplicate-key = «{ $field }» указано дважды
course-issue-wrong-type = { $got ->
        [fields] ожидается { $expected }, а не группа полей
        [list] ожидается { $expected }, а не список
        [nothing] ожидается { $expected }, а здесь пусто
       *[value] ожидается { $expected }, а не «{ $value }»
    }
course-issue-empty = значение пустое
course-issue-out-of-range = число { $value } вне допустимых пределов: { $limits ->
        [min] должно быть не меньше { $minimum }
        [max] должно быть не больше { $maximum }
       *[both] должно быть от { $minimum } до { $maximum }
    }
# $choices: допустимые значения так, как их пишут в course.yaml («text, photo, document»).
course-issue-invalid-value = «{ $value }» — недопустимое значение; можно указать: { $choices }{ $suggestion }
course-issue-invalid-time = «{ $value }» — такого времени суток нет
course-issue-invalid-course-code = «{ $value }» не подходит как код курса: используйте от 2 до 48 строчных латинских букв, цифр и дефисов, например library-work-2026
course-issue-duplicate = «{ $value }» встречается в списке дважды
course-issue-unknown-language = неизвестный язык «{ $value }»: используйте kk, ru или en{ $suggestion }
course-issue-empty-list = { $list ->
        [lessons] в курсе должен быть хотя бы один урок
        [accepts] укажите хотя бы один вид ответа
        [questions] в тесте должен быть хотя бы один вопрос
        [statements] в самооценке должно быть хотя бы одно утверждение
       *[items] в анкете должен быть хотя бы один вопрос
    }

## Тексты и файлы

course-issue-no-text = если убрать теги форматирования, текста не остаётся
course-issue-text-too-long = { $what }: { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, а Telegram допускает не больше { $limit }
course-issue-missing-file = файл «{ $file }» не найден{ $suggestion }
course-issue-file-outside-course = «{ $file }» находится за пределами папки курса; положите файл в папку, где лежит course.yaml
course-issue-empty-file = файл «{ $file }» пустой
course-issue-file-too-big = файл «{ $file }» весит { $size_mb } МБ, а бот может отправлять файлы не больше { $limit_mb } МБ
# $found: какие поля указаны («text, link»), $count: сколько их.
course-issue-material-kind = у материала должно быть ровно одно из полей text, file или link (сейчас: { $count ->
        [0] ни одного
       *[other] { $found }
    })
course-issue-field-conflict = поле «{ $field }» не используется вместе с { $other }
course-issue-invalid-url = «{ $url }» — не веб-ссылка (нужен адрес вида https://...)

## Уроки, домашние задания, тесты

course-issue-lesson-out-of-order = урок { $lesson } (день { $day }, { $time }) стоит раньше урока { $previous } (день { $previous_day }, { $previous_time }); каждый следующий урок должен выходить не раньше предыдущего
course-issue-deadline-kind = укажите либо day (и при необходимости time), либо hours_after_release
course-issue-deadline-before-release = срок сдачи (день { $day }, { $time }) должен быть позже выхода урока (день { $release_day }, { $release_time })
course-issue-no-correct-answer = не указан правильный ответ: добавьте «correct: N», где N — номер правильного варианта (первый — 1)
course-issue-correct-out-of-range = правильного ответа под номером { $correct } нет: варианты пронумерованы от 1 до { $count }
course-issue-correct-not-an-option = правильный ответ «{ $correct }» не совпадает ни с одним из вариантов
course-issue-too-few-options = всего { $count } { $count ->
        [one] вариант
        [few] варианта
       *[many] вариантов
    } ответа, а в вопросе их должно быть не меньше { $minimum }
course-issue-too-many-options = { $count } { $count ->
        [one] вариант
        [few] варианта
       *[many] вариантов
    } ответа, а Telegram допускает не больше { $maximum }
course-issue-too-many-statements = утверждений: { $count }, можно не больше { $maximum }: их спрашивают дважды
course-issue-certificate-languages = языков рядом: { $count }; на сертификате помещается не больше двух
course-issue-certificate-image = { $file }: логотип и подпись должны быть картинками PNG или JPEG
course-issue-duplicate-option = совпадает с вариантом { $option }

## Анкета и условия завершения

course-issue-questionnaire-too-early = анкета (день { $day }, { $time }) стоит раньше последнего урока (день { $last_day }, { $last_time })
course-issue-invalid-id = «{ $value }» не подходит как id: используйте строчные латинские буквы, цифры, - и _
course-issue-duplicate-id = id «{ $id }» уже занят вопросом { $item }
course-issue-options-required = для вопросов типа { $kind } нужно поле «options»
course-issue-options-not-allowed = у вопросов типа { $kind } нет вариантов ответа ({ $kind ->
        [scale] оценка всегда от 1 до 5
       *[text] на них отвечают своими словами
    })
course-issue-no-questionnaire = заполнение анкеты обязательно, но в курсе нет анкеты
course-issue-no-such-lesson = урока { $lesson } нет: в курсе { $count } { $count ->
        [one] урок
        [few] урока
       *[many] уроков
    }
course-issue-lesson-without-homework = в уроке { $lesson } нет домашнего задания

## HTML в Telegram

course-issue-html-unsupported-tag = Telegram не поддерживает тег <{ $tag }>{ $hint ->
        [line-break] ; вместо него просто перенесите строку
        [empty-line] ; вместо него оставьте пустую строку
        [bold] ; вместо него используйте <b>
        [bullets] ; оформите список строками, которые начинаются с • или -
        [numbers] ; оформите список нумерованными строками
        [picture] ; добавьте картинку к уроку отдельным файлом
        [fonts] ; в Telegram нельзя выбрать цвет или шрифт
       *[none] {""}
    }
course-issue-html-bare-lt = одиночный знак «<» нужно записать как &lt;
course-issue-html-unclosed = тег <{ $tag }> не закрыт
course-issue-html-closes-nothing = </{ $tag }> ничего не закрывает: такой тег не был открыт
course-issue-html-wrong-close = </{ $tag }> стоит там, где ожидался </{ $open_tag }>
course-issue-html-self-closing = <{ $tag }/> нужно записать как <{ $tag }>...</{ $tag }>
course-issue-html-bad-attribute = у тега <{ $tag }> не может быть атрибута «{ $attribute }»
course-issue-html-nested = тег <{ $tag }> нельзя использовать внутри <{ $parent }>
course-issue-html-link-no-href = у ссылки <a> должен быть адрес: href="https://..."
course-issue-html-link-scheme = адрес в <a href> должен начинаться с https:// (сейчас «{ $href }»)
course-issue-html-link-in-link = ссылку <a> нельзя вкладывать в другую <a>
course-issue-html-span-class = <span> допускается только как <span class="tg-spoiler">
course-issue-html-code-class = атрибут class у <code> должен иметь вид language-NAME

## Предупреждения: загрузке курса они не мешают

# $unit: какая часть курса; $lesson: номер урока, если это урок;
# $fields: тексты без перевода («title, homework.prompt»);
# $language и $fallback: course-language-* выше.
course-issue-missing-translation = { $unit ->
        [course] в курсе
        [questionnaire] в анкете
        [self-assessment] в самооценке
       *[lesson] в уроке { $lesson }
    } нет перевода на { $language } язык ({ $fields }); слушатели увидят { $fallback } вариант
# $languages: коды из поля languages («kk, ru»).
course-issue-extra-language = есть { $language } вариант текста, но в languages указаны только { $languages }
course-issue-reminder-too-early = урок { $lesson }: задание нужно сдать через { $hours } { $hours ->
        [one] час
        [few] часа
        [many] часов
       *[other] часа
    } после урока, поэтому напоминание за { $reminder } { $reminder ->
        [one] час
        [few] часа
       *[many] часов
    } до срока пришло бы раньше самого урока и не будет отправлено
course-issue-photo-as-document = картинка «{ $file }» весит { $size_mb } МБ; Telegram показывает картинки до { $limit_mb } МБ, поэтому она будет отправлена файлом
course-issue-empty-lesson = в уроке { $lesson } нечего отправлять
course-issue-unused = в курсе нет тестов, поэтому проходной балл не используется

course-issue-html-time-attribute = { $attribute ->
        [unix] для <tg-time> нужен unix="..." со временем Unix в секундах (указано: «{ $value }»)
       *[format] <tg-time format> может быть r или сочетанием w, d или D, t или T в этом порядке (указано: «{ $value }»)
    }
