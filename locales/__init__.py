"""Translations, ``<locale>/*.ftl``: a package only so that a wheel ships them (bot.LOCALES_DIR)."""
