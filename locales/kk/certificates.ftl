## Сертификаттар: PDF, тексеру, тыңдаушы мен ұйымдастырушы жағы

# PDF-ке басылады.
certificates-pdf-title = СЕРТИФИКАТ
certificates-pdf-before-name = Осы сертификат
# Around the course's title, printed in bold where $title stands (either side may be empty).
certificates-pdf-completed = { $title } біліктілікті арттыру курсын сәтті аяқтағанын растайды
certificates-pdf-hours = { $hours } академиялық сағат
certificates-pdf-dates = Оқу мерзімі: { $start } – { $end }
certificates-pdf-issued = Берілген күні: { $date }
certificates-pdf-verify = Сертификатты тексеру үшін QR кодты сканерлеңіз
certificates-pdf-organization = Кітапханашылардың біліктілігін арттыратын Oqu курстары

# PDF-пен бірге келетін хабар.
certificates-caption = 🎓 «{ $course }» курсы бойынша сертификатыңыз.
    Нөмірі: <code>{ $number }</code>. Оны кез келген адам QR код арқылы тексере алады.

# Тыңдаушының өз сертификаттары.
certificates-button = 🎓 Сертификат: { $title }
certificates-again = 🎓 Сертификатыңыз жолда.
certificates-none = Сіз әзірге курсқа қатыспайсыз, сондықтан сертификат жоқ.
certificates-not-yet = «{ $course }» курсы бойынша сертификат әлі жоқ. Орындалмағаны:
certificates-missing-homework = • { $lesson }-сабақтың үй тапсырмасы: оны куратор қабылдауы керек
certificates-missing-quiz = • тесттер: әзірге { $percent }% дұрыс, { $pass_mark }% керек
certificates-missing-questionnaire = • курс соңындағы сауалнама
certificates-on-the-way = «{ $course }» курсы бойынша бәрі орындалды: сертификатыңыз жақында келеді.
certificates-revoked-own = { $number } сертификатыңыз кері қайтарылды. Ұйымдастырушыға хабарласыңыз.
cmd-certificate = Сертификатым немесе әлі орындалмағаны
cmd-verify = Сертификатты нөмірі бойынша тексеру

# Нөмірді тексеру: /verify немесе QR кодтағы сілтеме. Барлығына ашық.
verify-usage = /verify сөзінен кейін сертификат нөмірін жіберіңіз, мысалы:
    <code>/verify OQU-2026-7KQ4-MX2P</code>
verify-valid = ✅ <code>{ $number }</code> сертификаты <b>жарамды</b>.
verify-revoked = ❌ <code>{ $number }</code> сертификаты <b>кері қайтарылған</b>.
    Себебі: { $reason }
verify-replaced = ⚠️ <code>{ $number }</code> сертификаты <code>{ $replaced_by }</code> сертификатымен <b>ауыстырылған</b> (түзетуден кейін қайта берілді).
verify-details = Аты-жөні: <b>{ $name }</b>
    Курс: «{ $course }»
    Сағат саны: { $hours }
    Берілген күні: { $date }
    Берген ұйым: { $issuer }
verify-not-found = <code>{ $number }</code> нөмірлі сертификат жоқ. QR кодтың астында басылған нөмірді тексеріңіз.
verify-throttled = Жоқ нөмірлер тым көп жіберілді. { $minutes } минуттан кейін қайталап көріңіз.
verify-reason-erased = иесі дербес деректерін өшіруді сұрады

# Ұйымдастырушылар.
cmd-certificates = Ағынның сертификаттары (ұйымдастырушылар)
cmd-certissue = Сертификатты қолмен беру (ұйымдастырушылар)
cmd-certrevoke = Сертификатты кері қайтару (ұйымдастырушылар)
cmd-certreissue = Сертификатты қайта беру (ұйымдастырушылар)
certificates-staff-usage = Сертификаттар:
    /certificates <i>ағын</i>: ағынның тізімі
    /certissue <i>ағын</i> <i>адам</i>: қолмен беру (курсты офлайн өткен)
    /certrevoke <i>нөмір</i> <i>себеп</i>: кері қайтару
    /certreissue <i>нөмір</i>: аты-жөні түзетілген соң қайта беру (ескісі ауыстырылған болады)
certificates-staff-cohorts = Ағындар:
certificates-staff-cohort-line = { $id } · { $cohort }: { $count }
certificates-staff-list = «{ $cohort }» ағынының сертификаттары: { $count }
certificates-staff-line = <code>{ $number }</code> · { $name } · { $status ->
        [valid] жарамды
        [revoked] кері қайтарылған
       *[replaced] ауыстырылған
    } · { $date }
certificates-staff-unknown-cohort = Мұндай ағын жоқ.
certificates-staff-not-learner = Бұл адам осы ағынның тыңдаушысы емес.
certificates-staff-no-name = Бұл адам тіркелгенде аты-жөнін көрсетпеген.
certificates-staff-already = Оның <code>{ $number }</code> сертификаты бар.
certificates-staff-issued = <code>{ $number }</code> сертификаты берілді: { $name }; ол жіберіліп жатыр.
certificates-staff-unknown-number = <code>{ $number }</code> нөмірлі жарамды сертификат жоқ.
certificates-staff-reason-needed = Нөмірден кейін себебін жазыңыз: /certrevoke <i>нөмір</i> <i>себеп</i>
certificates-staff-revoked = <code>{ $number }</code> сертификаты кері қайтарылды.
certificates-staff-reissued = <code>{ $old }</code> сертификаты <code>{ $number }</code> сертификатымен ауыстырылды ({ $name }); жаңасы жіберіліп жатыр.
