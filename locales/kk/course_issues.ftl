## Курсты тексергенде табылатын қателер (bot/services/course_issues.py), әр кодқа бір хабар:
## course-issue-<код>. Чатта әр хабар қатенің орнынан кейін тұрады:
## «course.yaml:12: lessons[2].quiz.questions[0]: <хабар>», сондықтан кіші әріппен басталады.
## Өріс атаулары (title, options), файлдар мен мәндер ұйымдастырушы жазғандай көрсетіледі.

# Ескертудің орнының алдында: «course.yaml:40: ескерту: lessons[2]: ...».
course-issue-warning = ескерту
# Ұқсас атау табылса, хабардың соңына қосылады ($suggestion: өріс, файл, ...).
course-did-you-mean = ; «{ $suggestion }» деп жазғыңыз келді ме?

# Тілдердің атауы: «3-сабақта қазақша мәтін жоқ», «орысша нұсқасын көреді» дегендегідей.
course-language-kk = қазақша
course-language-ru = орысша
course-language-en = ағылшынша

# Мән қандай болуы керек: course-issue-wrong-type ішіндегі $expected («мұнда … болуы керек»).
course-expected-fields = өрістер тобы
course-expected-course-fields = өрістер тобы (code, languages, title, lessons, ...)
course-expected-material = материал (text, file немесе link)
course-expected-deadline = тапсыру мерзімі (day мен time немесе hours_after_release)
course-expected-list = тізім
course-expected-text = мәтін
course-expected-whole-number = бүтін сан
course-expected-number = сан
course-expected-boolean = true немесе false
course-expected-time = "10:00" түріндегі уақыт
course-expected-option-number = дұрыс нұсқаның нөмірі
course-expected-field-name = өріс атауы

# Қай мәтін тым ұзын: course-issue-text-too-long ішіндегі $what.
course-part-text = мәтін
course-part-message = хабарлама
course-part-caption = файл астындағы жазу
course-part-label = батырманың жазуы
course-part-prompt = тапсырма мәтіні
course-part-question = сұрақ
course-part-option = жауап нұсқасы
course-part-explanation = түсіндірме

## Курсты ашу мүмкін емес

course-issue-not-found = мұндай файл немесе қалта жоқ
course-issue-not-a-course = курс қалтасы, оның course.yaml файлы немесе zip-архиві керек
course-issue-missing-course-yaml = { $where ->
        [zip] course.yaml архивтің өзінде де, ішіндегі қалтада да жоқ
       *[folder] мұнда course.yaml файлы жоқ
    }
course-issue-zip-unsafe-path = «{ $name }» курс қалтасынан тыс жерді көрсетеді
course-issue-zip-link = «{ $name }» — символдық сілтеме; мұндай сілтемелер қабылданбайды
course-issue-zip-too-big = ашылған архивтің көлемі { $limit_mb } МБ-тан асады
course-issue-zip-too-many-files = архивтегі файлдар саны { $limit } шегінен асады
course-issue-zip-ambiguous = course.yaml бірден бірнеше қалтада бар: { $folders }
course-issue-not-utf8 = файл UTF-8 кодтауында сақталмаған; оны UTF-8 етіп қайта сақтаңыз (Блокнотта «Басқаша сақтау» терезесінде UTF-8 кодтауын таңдаңыз)
# $problem: PyYAML-дың ағылшынша хабары; $hint: белгілі болса, жиі кездесетін себеп.
course-issue-yaml-syntax = YAML синтаксисінде қате бар: { $problem }{ $hint ->
        [colon] ; ішінде «: » бар мәтінді тырнақшаға алыңыз
        [braces] ; {"{"} {"}"} ішінде ? : , # таңбалары бар мәтіндерді тырнақшаға алыңыз
        [brackets] ; [ ] ішінде ? : , # таңбалары бар мәтіндерді тырнақшаға алыңыз
        [tabs] ; шегіністі Tab пернесімен емес, бос орынмен жасаңыз
        [star] ; * таңбасынан басталатын мәтінді тырнақшаға алыңыз
       *[none] {""}
    }

## Өрістер мен мәндер

course-issue-unknown-field = «{ $field }» деген өріс жоқ{ $suggestion }
course-issue-missing-field = міндетті «{ $field }» өрісі толтырылмаған
course-issue-duplicate-key = «{ $field }» екі рет берілген
course-issue-wrong-type = { $got ->
        [fields] мұнда { $expected } болуы керек, ал өрістер тобы берілген
        [list] мұнда { $expected } болуы керек, ал тізім берілген
        [nothing] мұнда { $expected } болуы керек, бірақ ештеңе берілмеген
       *[value] мұнда { $expected } болуы керек, ал «{ $value }» берілген
    }
course-issue-empty = мәні бос
course-issue-out-of-range = { $value } саны рұқсат етілген шектен тыс: { $limits ->
        [min] кемінде { $minimum } болуы керек
        [max] ең көбі { $maximum } болуы керек
       *[both] { $minimum }–{ $maximum } аралығында болуы керек
    }
# $choices: рұқсат етілген мәндер, course.yaml-да жазылатындай («text, photo, document»).
course-issue-invalid-value = «{ $value }» мәні жарамсыз; мына мәндердің бірін жазыңыз: { $choices }{ $suggestion }
course-issue-invalid-time = «{ $value }» — тәулікте мұндай уақыт жоқ
course-issue-invalid-course-code = «{ $value }» курс коды бола алмайды: кодта 2–48 таңба болуы керек — кіші латын әріптері, цифрлар және сызықша, мысалы: library-work-2026
course-issue-duplicate = «{ $value }» тізімде екі рет кездеседі
course-issue-unknown-language = белгісіз тіл «{ $value }»: kk, ru немесе en деп жазыңыз{ $suggestion }
course-issue-empty-list = { $list ->
        [lessons] курста кемінде бір сабақ болуы керек
        [accepts] жауаптың кемінде бір түрін көрсетіңіз
        [questions] тестте кемінде бір сұрақ болуы керек
        [statements] өзін-өзі бағалауда кемінде бір тұжырым болуы керек
       *[items] сауалнамада кемінде бір сұрақ болуы керек
    }

## Мәтіндер мен файлдар

course-issue-no-text = пішімдеу тегтерін алып тастағанда мәтін қалмайды
course-issue-text-too-long = { $what } тым ұзын: { $length } таңба, ал Telegram { $limit } таңбадан артық қабылдамайды
course-issue-missing-file = «{ $file }» файлы табылмады{ $suggestion }
course-issue-file-outside-course = «{ $file }» курс қалтасынан тыс жерде тұр; файлды course.yaml жатқан қалтаға салыңыз
course-issue-empty-file = «{ $file }» файлы бос
course-issue-file-too-big = «{ $file }» файлының көлемі { $size_mb } МБ, ал бот тек { $limit_mb } МБ-қа дейінгі файлдарды жібере алады
# $found: берілген өрістер («text, link»), $count: олардың саны.
course-issue-material-kind = материалда text, file, link өрістерінің дәл біреуі болуы керек (қазір: { $count ->
        [0] біреуі де жоқ
       *[other] { $found }
    })
course-issue-field-conflict = «{ $field }» өрісі { $other } өрісімен бірге қолданылмайды
course-issue-invalid-url = «{ $url }» веб-сілтеме емес (мекенжай https://... түрінде болуы керек)

## Сабақтар, үй тапсырмалары, тесттер

course-issue-lesson-out-of-order = { $lesson }-сабақ ({ $day }-күн, { $time }) { $previous }-сабақтан ({ $previous_day }-күн, { $previous_time }) бұрын тұр; әр келесі сабақ алдыңғысынан ерте жіберілмеуі керек
course-issue-deadline-kind = мерзімді екі тәсілдің бірімен ғана беріңіз: day (қажет болса, time-мен бірге) немесе hours_after_release
course-issue-deadline-before-release = тапсыру мерзімі ({ $day }-күн, { $time }) сабақ жіберілгеннен ({ $release_day }-күн, { $release_time }) кейін болуы керек
course-issue-no-correct-answer = дұрыс жауап көрсетілмеген: «correct: N» жолын қосыңыз, мұндағы N — дұрыс нұсқаның нөмірі (біріншісі — 1)
course-issue-correct-out-of-range = { $correct } нөмірлі дұрыс жауап жоқ: нұсқалар 1–{ $count } болып нөмірленген
course-issue-correct-not-an-option = «{ $correct }» дұрыс жауабы нұсқалардың ешқайсысына сәйкес келмейді
course-issue-too-few-options = небәрі { $count } жауап нұсқасы бар; сұрақта кемінде { $minimum } нұсқа болуы керек
course-issue-too-many-options = { $count } жауап нұсқасы бар, ал Telegram { $maximum } нұсқадан артық қабылдамайды
course-issue-too-many-statements = { $count } тұжырым бар, ең көбі { $maximum }: олар екі рет сұралады
course-issue-certificate-languages = қатар тұрған тілдер саны: { $count }; сертификатқа екі тілден артық сыймайды
course-issue-certificate-image = { $file }: логотип пен қолтаңба PNG не JPEG суреті болуы керек
course-issue-duplicate-option = { $option }-нұсқамен бірдей

## Сауалнама және курсты аяқтау шарттары

course-issue-questionnaire-too-early = сауалнама ({ $day }-күн, { $time }) соңғы сабақтан ({ $last_day }-күн, { $last_time }) бұрын тұр
course-issue-invalid-id = «{ $value }» id бола алмайды: кіші латын әріптерін, цифрларды, - және _ таңбаларын қолданыңыз
course-issue-duplicate-id = «{ $id }» деген id { $item }-сұрақта бұрыннан бар
course-issue-options-required = { $kind } түріндегі сұрақтарға «options» өрісі міндетті
course-issue-options-not-allowed = { $kind } түріндегі сұрақтарда жауап нұсқалары болмайды ({ $kind ->
        [scale] баға әрқашан 1-ден 5-ке дейін
       *[text] оларға өз сөзімен жауап береді
    })
course-issue-no-questionnaire = сауалнама міндетті деп көрсетілген, бірақ курста сауалнама жоқ
course-issue-no-such-lesson = { $lesson }-сабақ жоқ: курста небәрі { $count } сабақ бар
course-issue-lesson-without-homework = { $lesson }-сабақта үй тапсырмасы жоқ

## Telegram-дағы HTML

course-issue-html-unsupported-tag = Telegram <{ $tag }> тегін қолдамайды{ $hint ->
        [line-break] ; оның орнына жай ғана жаңа жолға көшіңіз
        [empty-line] ; оның орнына бос жол қалдырыңыз
        [bold] ; оның орнына <b> қолданыңыз
        [bullets] ; тізімді • немесе - белгісінен басталатын жолдармен жазыңыз
        [numbers] ; тізімді нөмірленген жолдармен жазыңыз
        [picture] ; суретті сабаққа жеке файл етіп қосыңыз
        [fonts] ; Telegram-да түс пен қаріпті таңдауға болмайды
       *[none] {""}
    }
course-issue-html-bare-lt = жеке тұрған «<» таңбасын &lt; деп жазыңыз
course-issue-html-unclosed = <{ $tag }> тегі жабылмаған
course-issue-html-closes-nothing = </{ $tag }> ештеңені жаппайды: мұндай тег ашылмаған
course-issue-html-wrong-close = </{ $open_tag }> күтілген жерде </{ $tag }> тұр
course-issue-html-self-closing = <{ $tag }/> орнына <{ $tag }>...</{ $tag }> деп жазыңыз
course-issue-html-bad-attribute = <{ $tag }> тегінде «{ $attribute }» атрибуты болмайды
course-issue-html-nested = <{ $tag }> тегін <{ $parent }> ішінде қолдануға болмайды
course-issue-html-link-no-href = <a> сілтемесінде мекенжай болуы керек: href="https://..."
course-issue-html-link-scheme = <a href> мекенжайы https:// деп басталуы керек (қазір: «{ $href }»)
course-issue-html-link-in-link = <a> сілтемесін басқа <a> ішіне салуға болмайды
course-issue-html-span-class = <span> тек <span class="tg-spoiler"> түрінде қолданылады
course-issue-html-code-class = <code> тегінің class атрибуты language-NAME түрінде болуы керек

## Ескертулер: олар курсты жүктеуге кедергі келтірмейді

# $unit: курстың қай бөлігі; $lesson: сабақ болса, оның нөмірі;
# $fields: аудармасы жоқ мәтіндер («title, homework.prompt»);
# $language және $fallback: жоғарыдағы course-language-*.
course-issue-missing-translation = { $unit ->
        [course] курста
        [questionnaire] сауалнамада
        [self-assessment] өзін-өзі бағалауда
       *[lesson] { $lesson }-сабақта
    } { $language } мәтін жоқ ({ $fields }); тыңдаушылар оның орнына { $fallback } нұсқасын көреді
# $languages: languages өрісіндегі кодтар («kk, ru»).
course-issue-extra-language = мәтіннің { $language } нұсқасы бар, бірақ languages тізімінде тек { $languages } көрсетілген
course-issue-reminder-too-early = { $lesson }-сабақ: үй тапсырмасын сабақтан кейін { $hours } сағат ішінде тапсыру керек, сондықтан мерзімнен { $reminder } сағат бұрын келетін еске салу сабақтың өзінен ерте түсер еді, ол жіберілмейді
course-issue-photo-as-document = «{ $file }» суретінің көлемі { $size_mb } МБ; Telegram тек { $limit_mb } МБ-қа дейінгі суреттерді көрсетеді, сондықтан ол файл ретінде жіберіледі
course-issue-empty-lesson = { $lesson }-сабақта жіберетін ештеңе жоқ
course-issue-unused = курста тест жоқ, сондықтан өту шегі қолданылмайды

course-issue-html-time-attribute = { $attribute ->
        [unix] <tg-time> тегіне секундпен берілген Unix уақыты бар unix="..." керек (көрсетілгені: «{ $value }»)
       *[format] <tg-time format> мәні r немесе осы ретпен жазылған w, d не D, t не T болуы керек (көрсетілгені: «{ $value }»)
    }
