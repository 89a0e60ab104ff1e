"""Courses and their immutable versions.

A version is written once, in one transaction with its items, and never updated: cohorts that
started on it keep getting exactly what they started with. The repository knows nothing about
the course format; it stores the normalized JSON and the rows the service computed from it.
"""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from bot.clock import to_db
from bot.courses.stored import CourseItemRow, CourseVersion, SavedVersion, StoredFile
from storage.db import Database

_VERSION_SELECT = """
    SELECT v.id, v.course_id, c.code, v.version, v.content_hash, v.content, v.source_path,
           v.files_dir, v.imported_at
    FROM course_versions v JOIN courses c ON c.id = v.course_id
"""


def _version(row: aiosqlite.Row) -> CourseVersion:
    return CourseVersion(*(row[i] for i in range(9)))


class CourseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def save_version(
        self,
        *,
        code: str,
        content: str,
        content_hash: str,
        source_path: str,
        files_dir: str,
        items: list[CourseItemRow],
        files: list[StoredFile],
        now: datetime,
    ) -> SavedVersion:
        """Add a version unless the latest one has the same content; all in one transaction."""
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO courses (code, created_at) VALUES (?, ?) ON CONFLICT (code) DO NOTHING",
                (code, stamp),
            )
            latest = await self._latest(conn, code)
            if latest is not None and latest.content_hash == content_hash:
                return SavedVersion(latest, created=False)
            await conn.executemany(
                """
                INSERT INTO course_files (sha256, extension, size, stored_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING
                """,
                [(f.sha256, f.extension, f.size, stamp) for f in files],
            )
            number = 1 if latest is None else latest.version + 1
            cursor = await conn.execute(
                """
                INSERT INTO course_versions (course_id, version, content_hash, content,
                                             source_path, files_dir, imported_at)
                SELECT id, ?, ?, ?, ?, ?, ? FROM courses WHERE code = ?
                """,
                (number, content_hash, content, source_path, files_dir, stamp, code),
            )
            version_id = cursor.lastrowid
            await conn.executemany(
                """
                INSERT INTO course_items (version_id, item_key, kind, position, lesson_number,
                                          release_day, release_time, due_day, due_time, due_hours)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    (
                        version_id,
                        i.key,
                        i.kind,
                        i.position,
                        i.lesson_number,
                        i.release_day,
                        i.release_time,
                        i.due_day,
                        i.due_time,
                        i.due_hours,
                    )
                    for i in items
                ],
            )
            saved = await self._latest(conn, code)
        assert saved is not None
        return SavedVersion(saved, created=True)

    @staticmethod
    async def _latest(conn: aiosqlite.Connection, code: str) -> CourseVersion | None:
        sql = _VERSION_SELECT + " WHERE c.code = ? ORDER BY v.version DESC LIMIT 1"
        async with conn.execute(sql, (code,)) as cursor:
            row = await cursor.fetchone()
        return None if row is None else _version(row)

    async def any_course(self) -> bool:
        """Whether any course was ever imported (a fresh install has none)."""
        return await self._db.fetchval("SELECT EXISTS (SELECT 1 FROM courses)") == 1

    async def latest_version(self, code: str) -> CourseVersion | None:
        return await self._latest(self._db.connection, code)

    async def get_version(self, code: str, version: int) -> CourseVersion | None:
        row = await self._db.fetchone(_VERSION_SELECT + " WHERE c.code = ? AND v.version = ?", (code, version))
        return None if row is None else _version(row)

    async def get_version_by_id(self, version_id: int) -> CourseVersion | None:
        row = await self._db.fetchone(_VERSION_SELECT + " WHERE v.id = ?", (version_id,))
        return None if row is None else _version(row)

    async def versions(self, code: str) -> list[CourseVersion]:
        rows = await self._db.fetchall(_VERSION_SELECT + " WHERE c.code = ? ORDER BY v.version", (code,))
        return [_version(row) for row in rows]

    async def latest_versions(self) -> list[CourseVersion]:
        """The latest version of every course, by code."""
        rows = await self._db.fetchall(
            _VERSION_SELECT
            + """
            WHERE v.version = (SELECT max(version) FROM course_versions WHERE course_id = c.id)
            ORDER BY c.code
            """
        )
        return [_version(row) for row in rows]

    async def items(self, version_id: int) -> list[CourseItemRow]:
        rows = await self._db.fetchall(
            """
            SELECT item_key, kind, position, lesson_number, release_day, release_time,
                   due_day, due_time, due_hours
            FROM course_items WHERE version_id = ? ORDER BY position
            """,
            (version_id,),
        )
        return [CourseItemRow(*(row[i] for i in range(9))) for row in rows]

    async def telegram_file_id(self, sha256: str) -> str | None:
        return await self._db.fetchval("SELECT telegram_file_id FROM course_files WHERE sha256 = ?", (sha256,))

    async def remember_telegram_file_id(self, sha256: str, file_id: str) -> None:
        await self._db.execute("UPDATE course_files SET telegram_file_id = ? WHERE sha256 = ?", (file_id, sha256))
