"""Homework: learners hand in work (drafts of parts, versions), curators accept or return it.

``model`` is the vocabulary, ``service`` the rules; ``storage.homework`` keeps it all in SQLite.
Nothing here knows aiogram: the handlers turn Telegram messages into :class:`model.NewPart`.
"""
