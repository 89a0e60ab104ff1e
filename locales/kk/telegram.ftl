# Texts of the Telegram layer shared by every form (bot/telegram, handlers/).

# /cancel in the middle of a form that has no message of its own.
form-cancelled-other = Тоқтатылды.
roles-grant-cancelled = Тоқтатылды: ешкімге рөл берілген жоқ.
