## Broadcasts: an organizer's message to a cohort's learners (/broadcast)

cmd-broadcast = Message to learners (organizers)
broadcast-button-cohort = 📣 Message to learners
broadcast-no-cohorts = 📣 There is no cohort to write to: none has been opened, or all have finished.
broadcast-which-cohort = 📣 To the learners of which cohort?
broadcast-audience = 📣 <b>Message to the learners of { $name }</b>
broadcast-audience-lines =
    Region: { $region }
    Libraries: { $settlement }
broadcast-region-all = all regions
broadcast-settlement-all = rural and urban
broadcast-recipients = 👥 It goes to <b>{ $count }</b> { $count ->
        [one] learner
       *[other] learners
    }.
broadcast-recipients-none = 👥 Nobody matches these filters: change them.
broadcast-blocked-left-out = 🚫 { $count } who blocked the bot are left out.
broadcast-button-region = 🗺 Choose a region
broadcast-button-settlement = 🏘 Rural / urban / all
broadcast-filter-homework = 📝 Has not handed in homework
broadcast-filter-homework-choice = homework of lesson { $lesson }
broadcast-filter-questionnaire = 📋 Questionnaire not answered
broadcast-filter-questionnaire-choice = the end-of-course questionnaire
broadcast-filter-off = 👥 Anyone (filter off)
broadcast-ask-filter = { $filter }: which one?
broadcast-filter-line = Has not handed in or answered: { $choice }
broadcast-button-write = ✍️ Write the message
broadcast-ask-region = 🗺 Which region? (learners of the cohort from each)
broadcast-region-choice = { $region } · { $count } 👤
broadcast-ask-message =
    ✍️ Send me the message: a text, or a photo, document or video with a caption.
    Bold, italics and links are kept. Before it goes, you will see it exactly as learners will.
broadcast-error-kind = 🤔 I can send a text, a photo, a document or a video; please send one of those.
broadcast-confirm =
    ☝️ This is how learners will see it.
    Send it to <b>{ $count }</b> { $count ->
        [one] learner
       *[other] learners
    } of { $name }?
broadcast-waits-quiet = 🌙 It is quiet hours in the cohort's time zone: the messages go out from { $time }.
broadcast-waits-paused = ⏸ The cohort is paused: the messages go out when you resume it (/delivery).
broadcast-button-send = 📣 Send to { $count }
broadcast-button-rewrite = ✏️ Change the message
broadcast-button-audience = 👥 Change the recipients
broadcast-cancelled = ✖️ Cancelled: nothing was sent.
broadcast-use-buttons = Please use the buttons under the message above, or /cancel.
broadcast-progress = 📣 { $name }: sent { $sent } of { $total }…
broadcast-progress-problems = 🚫 unreachable: { $unreachable } · ⚠️ failed: { $failed }
broadcast-progress-stopping = ⏹ { $name }: stopping; sent { $sent } of { $total }…
broadcast-report-done =
    ✅ <b>Message to { $name } sent</b>
    Sent: { $sent } of { $total }
    🚫 Unreachable (blocked the bot): { $unreachable }
    ⚠️ Failed: { $failed }{ $cancelled ->
        [0] {""}
       *[other] {"\u000A"}✖️ Not sent (left the course): { $cancelled }
    }
broadcast-report-stopped =
    ⏹ <b>Message to { $name } stopped</b>
    Sent: { $sent } of { $total }
    ✖️ Not sent: { $cancelled }
    🚫 Unreachable (blocked the bot): { $unreachable }
    ⚠️ Failed: { $failed }
broadcast-button-stop = ⏹ Stop sending
broadcast-stopped = ⏹ Stopped: what had not gone out will not.
broadcast-not-running = This message has already been sent in full.
