## Рөлдер, ағындар және курсты жүктеу: иелерге, ұйымдастырушыларға және кураторларға

role-organizer = Ұйымдастырушы
role-curator = Куратор
roles-none = Әзірге ешкімде рөл жоқ. Рөл беру: /grant.
roles-list = 👥 <b>Рөлдер</b> (рөлді алып тастау үшін батырманы басыңыз):
roles-line = • { $name }: { $role } (id { $id })
roles-revoke-button = ❌ { $name }: { $role }
roles-grant-who = Кімге рөл беру керек? Сол адамның кез келген хабарламасын маған қайта жіберіңіз немесе оның @username-ін не Telegram id-ін жазыңыз. Ол бұл ботты кемінде бір рет ашқан болуы керек.
roles-error-hidden-forward = 🔒 Бұл адам қайта жіберілген хабарламаларда аккаунтын жасырады. Оның @username-ін немесе Telegram id-ін жіберіңізші.
roles-error-unknown-username = 🤔 Мұндай @username-і бар адамды білмеймін: ол алдымен ботты ашып, тіркелуі керек.
roles-error-never-started = 🤔 Бұл адам ботты әлі ашпаған. Алдымен «Бастау» батырмасын басуын сұраңыз.
roles-error-what = 🤔 Маған қайта жіберілген хабарлама, @username немесе Telegram id керек.
roles-grant-which = { $name } қандай рөл алуы керек?
roles-granted = ✅ { $name } енді: { $role }.
roles-already = { $name } бұл рөлге ие: { $role }.
roles-revoked = ✅ { $name } енді бұл рөлге ие емес: { $role }.
roles-not-held = { $name } бұл рөлге ие емес: { $role }.
roles-you-got = 🎉 Сізге жаңа рөл берілді: { $role }. Жаңа командалар мәзірде (☰).
roles-you-lost = ℹ️ Сіздің «{ $role }» рөліңіз алынды.

cohort-list = 👥 <b>Ағындар: { $count }</b>. Біреуін таңдаңыз:
cohort-list-empty = 👥 Әзірге ағындар жоқ.
cohort-list-button = { $name } · { $learners } 👤
cohort-button-new = ➕ Жаңа ағын
cohort-button-invite = 🔗 Шақыру және QR
cohort-button-learners = 👥 Тыңдаушылар
cohort-button-close = 🔒 Жазылуды жабу
cohort-button-reopen = 🔓 Жазылуды қайта ашу
cohort-button-remove = ➖ Тыңдаушыны шығару
cohort-button-curator = 🧑‍🏫 Куратор қосу
cohort-button-all = ⬅️ Барлық ағындар
cohort-card =
    👥 <b>{ $name }</b>
    Курс: { $course }
    Басталуы: { $start } ({ $timezone })
    Жазылу мерзімі: { $deadline }
    Орын саны: { $capacity } · тыңдаушылар: { $learners }
    Жазылу: { $enrolment }
cohort-no-deadline = мерзімсіз
cohort-no-limit = шектеусіз
cohort-enrolment-open = 🟢 ашық
cohort-enrolment-closed = 🔴 жабық
cohort-invite =
    🔗 <b>«{ $name }»</b> ағынына шақыру:
    { $link }
    Сілтемемен бөлісіңіз немесе QR-кодты слайдта көрсетіңіз: кітапханашы оны ашып, тіркеледі және ағынға жазылады.
cohort-learners = 👥 <b>{ $name }</b>: тыңдаушылар саны { $count }
cohort-learner-line = { $number }. { $name }: { $region }, { $district }, { $library } ({ $settlement })
cohort-learners-none = «{ $name }» ағынына әлі ешкім жазылған жоқ.
cohort-closed = 🔒 «{ $name }» ағынына жазылу жабылды.
cohort-reopened = 🔓 «{ $name }» ағынына жазылу қайта ашылды.
cohort-remove-who = «{ $name }» ағынынан кімді шығару керек?
cohort-remove-person = { $name } ({ $library })
cohort-remove-confirm = { $person } «{ $name }» ағынынан шығарылсын ба? Сабақтар келмейтін болады; тапсырған жұмыстары сақталады.
cohort-remove-yes = ➖ Иә, шығару
cohort-remove-no = ↩️ Жоқ
cohort-removed = ✅ { $person } «{ $name }» ағынынан шығарылды.
cohort-remove-not-there = { $person } енді «{ $name }» ағынында жоқ.
cohort-curator-none = Куратор рөлі бар ешкім жоқ. Бұл рөлді бот иесі /grant арқылы береді.
cohort-curator-who = «{ $name }» ағынының кураторы кім болады?
cohort-curator-added = ✅ { $person } енді «{ $name }» ағынының кураторы.

newcohort-ask-course = ➕ <b>Жаңа ағын</b>, 6 қадамның 1-қадамы. Қай курс?
newcohort-course-button = { $title } ({ $version }-нұсқа)
newcohort-no-courses = Әзірге курстар жоқ. Алдымен маған курстың zip-архивін жіберіңіз (/import командасы көмектеседі).
newcohort-ask-name = 6 қадамның 2-қадамы. Ағынның <b>атауын</b> жазыңыз (мысалы: Ауыл кітапханалары, сәуір).
newcohort-ask-start = 6 қадамның 3-қадамы. Қай <b>күні</b> басталады? Мысалы, 15.04.2026 немесе 15.04.
newcohort-ask-timezone = 6 қадамның 4-қадамы. Қай <b>уақыт белдеуі</b>? Сабақтар жергілікті уақыт бойынша келеді. Батырманы басыңыз немесе басқа белдеуді жазыңыз, мысалы Asia/Tashkent.
newcohort-timezone-default = { $zone } (Қазақстан)
newcohort-ask-deadline = 6 қадамның 5-қадамы. <b>Жазылу</b> қай күнге дейін ашық? Батырманы басыңыз немесе күнді жазыңыз.
newcohort-deadline-start = Басталу күніне дейін
newcohort-deadline-none = Мерзімсіз
newcohort-ask-capacity = 6 қадамның 6-қадамы. Неше <b>орын</b> бар? Санды жазыңыз немесе батырманы басыңыз.
newcohort-capacity-none = Шектеусіз
newcohort-confirm =
    Тексеріңіз:
    Курс: { $course }
    Атауы: { $name }
    Басталуы: { $start } ({ $timezone })
    Жазылу мерзімі: { $deadline }
    Орын саны: { $capacity }
newcohort-create = ✅ Ағынды ашу
newcohort-cancelled = Тоқтатылды: ағын ашылған жоқ.
newcohort-created = 🎉 «{ $name }» ағыны ашылды. Міне, оның шақыруы:
cohort-error-date = 📅 Күнді оқи алмадым. Мысалы, былай жазыңыз: 15.04.2026.
cohort-error-date-past = 📅 Бұл күн өтіп кетті. Бүгінгі немесе одан кейінгі күнді таңдаңыз.
cohort-error-timezone = 🕰 Мұндай уақыт белдеуін білмеймін. Мысалы, Asia/Almaty деп жазыңыз немесе батырманы басыңыз.
cohort-error-capacity = 🔢 1 мен { $limit } аралығындағы бүтін санды жазыңыз немесе «Шектеусіз» батырмасын басыңыз.

import-how = 📦 Курсты жүктеу үшін маған оның zip-архивін (course.yaml және файлдары бар курс қалтасын) немесе бір course.yaml файлын жіберіңіз. Мен оны тексеріп, әр қатені жол нөмірімен айтамын. Курс үлгісі керек болса, бот иесінен сұраңыз. Күтуді тоқтату үшін: /cancel.
import-cancelled = 📦 Курсты жүктеу тоқтатылды.
import-waiting-file = 📦 Курс файлын күтіп тұрмын: ішінде course.yaml бар .zip немесе course.yaml. Күтуді тоқтату үшін: /cancel.
import-use-command = 📦 Бұл жүктелетін курс па? Алдымен /import жіберіңіз, содан кейін файлды, немесе файлды /import деген жазумен жіберіңіз.
import-wrong-type = 📦 { $name } курс файлына ұқсамайды. Ішінде course.yaml бар .zip немесе course.yaml жіберіңіз.
import-too-big = 📦 Файл { $limit } МБ-тан үлкен: бот Telegram-нан мұндай үлкен файлды жүктей алмайды. Үлкен бейнелерді сілтеме етіп беріңіз немесе файлдарды кішірейтіңіз; болмаса курсты серверге жүктеуді бот иесінен сұраңыз.
import-checking = 🔎 Курсты тексеріп жатырмын…
import-failed = ❌ Курста қателер бар: { $count }; ештеңе жүктелген жоқ. Оларды түзетіп, қайта жіберіңіз:
import-more = …тағы { $count }.
import-retry = ⚠️ Көшіру кезінде файл өзгерді. Курсты қайта жіберіңіз.
import-yes = иә
import-no = жоқ
import-done =
    ✅ <b>{ $code }</b> курсы { $version }-нұсқа болып жүктелді.
    Сабақтар: { $lessons } · үй тапсырмалары: { $homework } · тесттер: { $quizzes } · сауалнама: { $questionnaire }
    Тілдер: { $languages } · файлдар: { $files } · ескертулер: { $warnings }
    Жүріп жатқан ағындар өз нұсқасында қалады; жаңа ағындар осы нұсқаны алады.
import-unchanged =
    ✅ <b>{ $code }</b> курсы өзгерген жоқ: ол { $version }-нұсқамен бірдей.
    Сабақтар: { $lessons } · үй тапсырмалары: { $homework } · тесттер: { $quizzes } · сауалнама: { $questionnaire }
    Тілдер: { $languages } · файлдар: { $files } · ескертулер: { $warnings }
roles-error-not-an-id = 🤔 Бұл Telegram id емес: id — ұзындығы 16 цифрдан аспайтын сан. Сол адамның хабарламасын қайта жіберіңіз немесе оның @username-ін жіберіңіз.
