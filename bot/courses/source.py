"""Where a course comes from: a folder, its ``course.yaml``, or a zip of the folder.

Zips are what organizers send around, so they are treated as untrusted: entries that would land
outside the extraction folder (``../``, absolute paths, drive letters), links, and archives that
unpack to more than :data:`MAX_ZIP_TOTAL_BYTES` are refused before anything is written. The
course may sit at the root of the zip or inside one folder (what "Send to > Compressed folder"
produces). Names stored by Windows without the UTF-8 flag are decoded as the OEM code page
(cp866 on a Russian or Kazakh Windows), so "Сабақ 1.pdf" survives the trip.
"""

from __future__ import annotations

import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from bot.courses.issues import CourseSourceError, Issue

COURSE_FILE = "course.yaml"
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
_IGNORED_PARTS = {"__MACOSX", ".DS_Store", "Thumbs.db"}
_UTF8_FLAG = 0x800


def _reject(source: str, code: str, **args: str | int) -> CourseSourceError:
    """``source`` is the path or the zip's name: the issue's file."""
    return CourseSourceError(Issue(source, None, None, "", code, args))


@contextmanager
def course_folder(path: str | Path) -> Iterator[Path]:
    """Yield the folder holding ``course.yaml`` for a folder, a ``course.yaml`` or a zip.

    A zip is unpacked into a temporary folder that is removed on exit, so whatever needs the
    files (validation, copying them into the data folder) happens inside the ``with``.
    Raises :class:`CourseSourceError` when there is nothing usable at ``path``.
    """
    path = Path(path)
    if not path.exists():
        raise _reject(str(path), "not-found")
    if path.is_dir():
        yield path
        return
    if zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix="oqu-course-") as tmp:
            yield extract_zip(path, Path(tmp))
        return
    if path.suffix.lower() in {".yaml", ".yml"}:
        yield path.parent
        return
    raise _reject(path.name, "not-a-course")


def _entry_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "cp866"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _safe_parts(name: str) -> tuple[str, ...] | None:
    """The path's parts if it stays inside the folder it is extracted to, else None."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = tuple(part for part in PurePosixPath(name).parts if part not in {"", "."})
    if any(part == ".." for part in parts):
        return None
    return parts


def extract_zip(zip_path: Path, dest: Path) -> Path:
    """Unpack ``zip_path`` into ``dest`` safely; return the folder that has ``course.yaml``."""
    where = zip_path.name
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise _reject(where, "zip-too-many-files", limit=MAX_ZIP_ENTRIES)
        planned: list[tuple[zipfile.ZipInfo, tuple[str, ...]]] = []
        declared = 0
        for info in infos:
            name = _entry_name(info)
            parts = _safe_parts(name)
            if parts is None:
                raise _reject(where, "zip-unsafe-path", name=name)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise _reject(where, "zip-link", name=name)
            if not parts or info.is_dir() or _IGNORED_PARTS.intersection(parts):
                continue
            declared += info.file_size
            planned.append((info, parts))
        if declared > MAX_ZIP_TOTAL_BYTES:
            raise _too_big(where)
        written = 0
        for info, parts in planned:
            target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            # Count what is really written: the sizes in a zip's header can lie.
            with archive.open(info) as source, target.open("wb") as out:
                while chunk := source.read(1024 * 1024):
                    written += len(chunk)
                    if written > MAX_ZIP_TOTAL_BYTES:
                        raise _too_big(where)
                    out.write(chunk)
    return _find_root(dest, where)


def _too_big(where: str) -> CourseSourceError:
    return _reject(where, "zip-too-big", limit_mb=MAX_ZIP_TOTAL_BYTES // (1024 * 1024))


def _find_root(dest: Path, where: str) -> Path:
    if (dest / COURSE_FILE).is_file():
        return dest
    nested = sorted(p.parent for p in dest.glob(f"*/{COURSE_FILE}") if p.is_file())
    if len(nested) == 1:
        return nested[0]
    if len(nested) > 1:
        raise _reject(where, "zip-ambiguous", folders=", ".join(p.name for p in nested))
    raise _reject(where, "missing-course-yaml", where="zip")
