"""Test helpers (the emulated Telegram Bot API lives in :mod:`tests.auxil.emulator`)."""
