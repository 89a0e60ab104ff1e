"""The backup archive: ``oqu-backup-<UTC time>.tar.gz``.

Inside, in this order::

    manifest.json          what is inside: schema version, when, which app version, sha256 of each file
    bot.sqlite3            the database, one file (no WAL beside it)
    files/<sha256>.<ext>   every course file the database refers to

The manifest comes first so a restore can refuse a backup from a newer schema before it unpacks
gigabytes. An archive is written to ``<name>.partial`` and renamed when complete, so a crash or a
full disk never leaves something that looks like a backup.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

from bot.clock import from_db, to_db

FORMAT = "oqu-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "bot.sqlite3"
FILES = "files"
SUFFIX = ".tar.gz"
NAME = re.compile(r"^oqu-backup-(\d{8}T\d{6}Z)\.tar\.gz$")
STAMP = "%Y%m%dT%H%M%SZ"
# A course file inside the archive: content-addressed, nothing else (no folders, no "..").
_FILE_MEMBER = re.compile(r"^files/[0-9a-f]{64}\.[A-Za-z0-9]{1,16}$")
_CHUNK = 1024 * 1024


class Refusal(StrEnum):
    """Why a restore says no; each has its own exit code (bot.cli.backup)."""

    UNREADABLE = "unreadable"  # not a .tar.gz, truncated, not there
    NOT_A_BACKUP = "not-a-backup"  # no manifest, or a manifest of something else
    NEWER_FORMAT = "newer-format"
    NEWER_SCHEMA = "newer-schema"
    MISSING_FILE = "missing-file"
    BAD_CHECKSUM = "bad-checksum"
    DAMAGED_DATABASE = "damaged-database"
    BOT_RUNNING = "bot-running"


class RestoreRefusedError(Exception):
    def __init__(self, reason: Refusal, line: str) -> None:
        super().__init__(line)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Entry:
    path: str  # inside the archive
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    app_version: str
    schema_version: int
    entries: tuple[Entry, ...]
    # Course files the database refers to that were not on disk when the backup was taken.
    missing: tuple[str, ...] = field(default=())

    @property
    def course_files(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.path.startswith(FILES + "/")]

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": to_db(self.created_at),
                "app_version": self.app_version,
                "schema_version": self.schema_version,
                "database": DATABASE,
                "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in self.entries],
                "missing": list(self.missing),
            },
            indent=2,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: bytes) -> Manifest:
        """Read a manifest; :class:`RestoreRefusedError` if it is not one of ours or is newer."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not an Oqu manifest")
            if int(data["format_version"]) > FORMAT_VERSION:
                raise RestoreRefusedError(
                    Refusal.NEWER_FORMAT,
                    f"This backup is in archive format {data['format_version']}; this Oqu reads up to "
                    f"{FORMAT_VERSION}. Restore it with a newer Oqu.",
                )
            entries = tuple(Entry(str(item["path"]), int(item["size"]), str(item["sha256"])) for item in data["files"])
            return cls(
                created_at=from_db(str(data["created_at"])),
                app_version=str(data["app_version"]),
                schema_version=int(data["schema_version"]),
                entries=entries,
                missing=tuple(str(name) for name in data.get("missing", [])),
            )
        except RestoreRefusedError:
            raise
        except (ValueError, KeyError, TypeError) as exc:
            raise RestoreRefusedError(
                Refusal.NOT_A_BACKUP, f"{MANIFEST} is not the manifest of an Oqu backup ({exc})."
            ) from None


def archive_name(moment: datetime) -> str:
    return f"oqu-backup-{moment.astimezone(UTC).strftime(STAMP)}{SUFFIX}"


def taken_at(path: Path) -> datetime | None:
    """When an archive named by :func:`archive_name` was taken; None for any other file."""
    match = NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def entry_for(arcname: str, source: Path) -> Entry:
    return Entry(arcname, source.stat().st_size, sha256_of(source))


def write_archive(target: Path, manifest: Manifest, sources: dict[str, Path]) -> None:
    """Write ``manifest`` and then each entry's source file; ``target`` appears only when done."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            _add_bytes(tar, MANIFEST, manifest.to_json().encode("utf-8"), manifest.created_at)
            for entry in manifest.entries:
                info = tar.gettarinfo(str(sources[entry.path]), arcname=entry.path)
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                info.mode = 0o644
                with sources[entry.path].open("rb") as stream:
                    tar.addfile(info, stream)
        with partial.open("rb") as done:
            os.fsync(done.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, moment: datetime) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(moment.timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def unpack(archive: Path, staging: Path, *, newest_schema: int) -> Manifest:
    """Unpack ``archive`` into ``staging`` checking everything; return its manifest.

    Refused (:class:`RestoreRefusedError`): an archive that cannot be read, has no manifest first,
    comes from a newer schema than ``newest_schema``, lacks a file its manifest lists, or holds a
    file whose size or sha256 differs from the manifest. Only the manifest's own entries are
    written, each to a name checked here, never to a path taken from the archive as it is.
    """
    try:
        with tarfile.open(archive, "r:gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise RestoreRefusedError(Refusal.NOT_A_BACKUP, f"{archive} is not an Oqu backup: no {MANIFEST}.")
            stream = tar.extractfile(first)
            assert stream is not None  # a regular file
            manifest = Manifest.from_json(stream.read())
            if manifest.schema_version > newest_schema:
                raise RestoreRefusedError(
                    Refusal.NEWER_SCHEMA,
                    f"This backup has database schema version {manifest.schema_version}; this Oqu knows "
                    f"up to {newest_schema}. Install the newer Oqu that took it, then restore.",
                )
            expected = {entry.path: entry for entry in manifest.entries}
            _check_names(expected.keys())
            seen: set[str] = set()
            for member in tar:
                entry = expected.get(member.name)
                if entry is None or member.name in seen or not member.isfile():
                    continue  # not ours to unpack
                seen.add(member.name)
                source = tar.extractfile(member)
                assert source is not None
                _unpack_one(source, staging / member.name, entry)
    except RestoreRefusedError:
        raise
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise RestoreRefusedError(Refusal.UNREADABLE, f"{archive} cannot be read as a backup archive: {exc}.") from None
    absent = sorted(set(expected) - seen)
    if absent:
        more = f" and {len(absent) - 1} more" if len(absent) > 1 else ""
        raise RestoreRefusedError(
            Refusal.MISSING_FILE, f"The backup is incomplete: {absent[0]}{more} listed in its manifest is missing."
        )
    return manifest


def _check_names(names: Iterable[str]) -> None:
    names = list(names)
    if DATABASE not in names:
        raise RestoreRefusedError(Refusal.NOT_A_BACKUP, f"The manifest lists no {DATABASE}.")
    for name in names:
        if name != DATABASE and not _FILE_MEMBER.match(name):
            raise RestoreRefusedError(Refusal.NOT_A_BACKUP, f"The manifest lists {name!r}, which no Oqu backup holds.")


def _unpack_one(source: IO[bytes], target: Path, entry: Entry) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise RestoreRefusedError(
            Refusal.BAD_CHECKSUM,
            f"{entry.path} in the backup does not match its checksum: the archive is damaged. "
            "Nothing was restored; try an older backup.",
        )
