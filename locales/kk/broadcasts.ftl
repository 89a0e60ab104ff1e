## Хабарлама тарату: ұйымдастырушының ағын тыңдаушыларына хабарламасы (/broadcast)

cmd-broadcast = Тыңдаушыларға хабарлама (ұйымдастырушыларға)
broadcast-button-cohort = 📣 Тыңдаушыларға хабарлама
broadcast-no-cohorts = 📣 Жазатын ағын жоқ: әлі ашылмаған немесе бәрі аяқталған.
broadcast-which-cohort = 📣 Қай ағынның тыңдаушыларына?
broadcast-audience = 📣 <b>{ $name } ағынының тыңдаушыларына хабарлама</b>
broadcast-audience-lines =
    Облыс: { $region }
    Кітапханалар: { $settlement }
broadcast-region-all = барлық облыстар
broadcast-settlement-all = ауылдық және қалалық
broadcast-recipients = 👥 Алатындар: <b>{ $count }</b> тыңдаушы.
broadcast-recipients-none = 👥 Бұл шарттарға ешкім сәйкес келмейді: оларды өзгертіңіз.
broadcast-blocked-left-out = 🚫 Ботты бұғаттағандар ({ $count }) алмайды.
broadcast-button-region = 🗺 Облысты таңдау
broadcast-button-settlement = 🏘 Ауыл / қала / бәрі
broadcast-filter-homework = 📝 Тапсырманы тапсырмағандар
broadcast-filter-homework-choice = { $lesson }-сабақтың үй тапсырмасы
broadcast-filter-questionnaire = 📋 Сауалнама толтырмағандар
broadcast-filter-questionnaire-choice = курс соңындағы сауалнама
broadcast-filter-off = 👥 Барлығы (сүзгісіз)
broadcast-ask-filter = { $filter }: қайсысы?
broadcast-filter-line = Тапсырмаған не жауап бермеген: { $choice }
broadcast-button-write = ✍️ Хабарлама жазу
broadcast-ask-region = 🗺 Қай облыс? (әрқайсысынан ағынның қанша тыңдаушысы)
broadcast-region-choice = { $region } · { $count } 👤
broadcast-ask-message =
    ✍️ Хабарламаны жіберіңіз: мәтін, не қолтаңбасы бар фото, құжат немесе бейне.
    Қалың қаріп, курсив пен сілтемелер сақталады. Жібермес бұрын оны тыңдаушылар көретіндей көресіз.
broadcast-error-kind = 🤔 Мен мәтін, фото, құжат немесе бейне тарата аламын; солардың бірін жіберіңізші.
broadcast-confirm =
    ☝️ Тыңдаушылар оны осылай көреді.
    { $name } ағынының <b>{ $count }</b> тыңдаушысына жіберейін бе?
broadcast-waits-quiet = 🌙 Ағында қазір тыныш сағаттар: хабарламалар сағат { $time } бастап жіберіледі.
broadcast-waits-paused = ⏸ Ағын кідіртілген: хабарламалар оны жалғастырғанда жіберіледі (/delivery).
broadcast-button-send = 📣 Жіберу ({ $count })
broadcast-button-rewrite = ✏️ Хабарламаны өзгерту
broadcast-button-audience = 👥 Алушыларды өзгерту
broadcast-cancelled = ✖️ Болдырылмады: ештеңе жіберілген жоқ.
broadcast-use-buttons = Жоғарыдағы хабарламаның астындағы батырмаларды басыңыз немесе /cancel.
broadcast-progress = 📣 { $name }: { $total } ішінен { $sent } жіберілді…
broadcast-progress-problems = 🚫 қолжетімсіз: { $unreachable } · ⚠️ қате: { $failed }
broadcast-progress-stopping = ⏹ { $name }: тоқтатудамын; { $total } ішінен { $sent } жіберілді…
broadcast-report-done =
    ✅ <b>{ $name } ағынына хабарлама жіберілді</b>
    Жіберілді: { $total } ішінен { $sent }
    🚫 Қолжетімсіз (ботты бұғаттаған): { $unreachable }
    ⚠️ Қате: { $failed }{ $cancelled ->
        [0] {""}
       *[other] {"\u000A"}✖️ Жіберілмеді (курстан шыққан): { $cancelled }
    }
broadcast-report-stopped =
    ⏹ <b>{ $name } ағынына хабарлама тоқтатылды</b>
    Жіберілді: { $total } ішінен { $sent }
    ✖️ Жіберілмеді: { $cancelled }
    🚫 Қолжетімсіз (ботты бұғаттаған): { $unreachable }
    ⚠️ Қате: { $failed }
broadcast-button-stop = ⏹ Таратуды тоқтату
broadcast-stopped = ⏹ Тоқтатылды: әлі кетпегені жіберілмейді.
broadcast-not-running = Бұл хабарлама толық таратылып қойған.
