"""``python -m bot backup [PATH]`` and ``python -m bot restore PATH``: no token needed.

``backup`` may run while the bot runs: it copies through SQLite's online backup API. PATH is a
folder (default: BACKUP_DIR) or a file name ending in .tar.gz. ``restore`` refuses while the bot
runs on the database. docs/operations.md tells the whole story.

Exit codes: 0 done; 1 the backup could not be taken, or the archive is unreadable, incomplete or
damaged; 2 wrong arguments or settings; 3 the bot is running on the database; 4 the backup comes
from a newer Oqu.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BOT_RUNNING, EXIT_NEWER = 0, 1, 2, 3, 4


def main(argv: Sequence[str]) -> int:
    """``argv`` starts with the command: ``backup ...`` or ``restore ...``."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed the usage
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        from bot.config import Settings

        settings = Settings()
    except Exception as exc:  # a broken .env: say so rather than guess a database
        print(f"error: cannot read the settings ({exc}). See .env.example.", file=sys.stderr)
        return EXIT_USAGE
    database: Path = args.db or settings.database_path
    tz = settings.tz
    if args.command == "backup":
        out = args.path or (args.db.parent / "backups" if args.db else settings.backups_dir)
        return _backup(database, out)
    return _restore(args.path, database, tz)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Back up and restore the bot's data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    backup = commands.add_parser("backup", help="archive the database and its course files (the bot may run)")
    backup.add_argument(
        "path", type=Path, nargs="?", metavar="PATH", help="a folder or a .tar.gz (default: BACKUP_DIR)"
    )
    backup.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH)")
    restore = commands.add_parser("restore", help="put a backup in place of the database (the bot must be stopped)")
    restore.add_argument("path", type=Path, metavar="PATH", help="an oqu-backup-*.tar.gz")
    restore.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH)")
    return parser


def _backup(database: Path, out: Path) -> int:
    from bot.backup.service import take_backup
    from bot.clock import SystemClock

    if not database.is_file():
        print(f"error: there is no database at {database} (DATABASE_PATH); nothing to back up.", file=sys.stderr)
        return EXIT_FAILED
    try:
        result = take_backup(database, out, now=SystemClock().now())
    except OSError as exc:
        print(f"error: the backup could not be written: {exc}.", file=sys.stderr)
        return EXIT_FAILED
    files = result.course_files
    print(
        f"Backup taken: {result.path} ({_size(result.size)}): the database (schema version "
        f"{result.manifest.schema_version}) and {files} course file{'' if files == 1 else 's'}."
    )
    missing = result.manifest.missing
    if missing:
        print(
            f"warning: {len(missing)} course file(s) the database refers to were not found or were damaged, "
            f"so they are not in the backup: {', '.join(missing)}",
            file=sys.stderr,
        )
    return EXIT_OK


def _restore(archive: Path, database: Path, tz: ZoneInfo) -> int:
    from bot.backup.archive import Refusal, RestoreRefusedError
    from bot.backup.service import restore_backup
    from bot.clock import SystemClock

    try:
        result = restore_backup(archive, database, now=SystemClock().now())
    except RestoreRefusedError as refusal:
        print(f"error: {refusal.line}", file=sys.stderr)
        if refusal.reason is Refusal.BOT_RUNNING:
            return EXIT_BOT_RUNNING
        if refusal.reason in (Refusal.NEWER_SCHEMA, Refusal.NEWER_FORMAT):
            return EXIT_NEWER
        return EXIT_FAILED
    manifest = result.manifest
    taken = manifest.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    files = len(manifest.course_files)
    print(
        f"Restored {result.database} from {archive.name}, taken {taken} ({tz.key}) by Oqu "
        f"{manifest.app_version}, schema version {manifest.schema_version}; {files} course "
        f"file{'' if files == 1 else 's'} in {result.files_dir} ({result.files_written} written)."
    )
    if result.kept is not None:
        print(f"The replaced database is kept as {result.kept}.")
    if manifest.missing:
        print(
            f"warning: {len(manifest.missing)} course file(s) were already missing when the backup was taken: "
            f"{', '.join(manifest.missing)}",
            file=sys.stderr,
        )
    return EXIT_OK


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} KB"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
