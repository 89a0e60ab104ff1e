# Running the bot: alerts to the owners, and what a person who floods the bot is told.

# To the owners (ADMIN_IDS) when a handler fails; one per kind of error per 10 minutes.
error-alert =
    ⚠️ <b>Error { $error_id }</b>: { $error_type }
    Where: { $place }
    While handling: { $update_kind } from user { $person }
    The person was told that nothing they sent was lost. The details are in the log: search for { $error_id }.

# To the owners: a failure in work the bot does by itself (no person was waiting for an answer).
error-alert-background =
    ⚠️ <b>Error { $error_id }</b>: { $error_type }
    Where: { $place }
    In background work: { $task } (nobody was waiting for an answer; the bot goes on and tries again)
    The details are in the log: search for { $error_id }.

error-alert-repeated =
    { $count ->
        [one] Since the last alert of this kind, it happened once more.
       *[other] Since the last alert of this kind, it happened { $count } more times.
    }

# To someone who sends very many messages in a few seconds; their next messages are ignored for a moment.
throttle-slow-down = ⏳ That is a lot of messages at once. I will take a short pause and then answer again; please send one message at a time.
