"""SQLite storage: connection setup, numbered migrations, one repository per aggregate."""

from storage.db import Database

__all__ = ["Database"]
