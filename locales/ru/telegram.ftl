# Texts of the Telegram layer shared by every form (bot/telegram, handlers/).

# /cancel in the middle of a form that has no message of its own.
form-cancelled-other = Отменено.
roles-grant-cancelled = Отменено: роль не выдана.
