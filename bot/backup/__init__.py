"""Backups and restore: the database and the course files it refers to, as one archive.

``archive`` is the format (a ``.tar.gz`` with ``manifest.json`` first, then the database, then
``files/``), written whole or not at all and read back with every check; ``service`` takes a
backup (the command line and the bot's daily job alike), restores one, and prunes old ones. The
SQLite side (the online copy, ``integrity_check``) is in ``storage.backup``, the lock that tells
a running bot in ``storage.lock``. docs/operations.md is the operator's side of it.
"""
