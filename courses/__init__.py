"""Bundled courses (``sample/``): a package only so that a wheel ships them (bot.SAMPLE_COURSE_DIR)."""
