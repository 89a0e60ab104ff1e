"""``python -m bot course validate|import|preview PATH``: work with course files.

PATH is a course folder, its course.yaml, or a zip of the folder. Every command validates
first; nothing is imported or previewed from a course with errors. Exit codes: 0 done
(warnings allowed), 1 the course has errors or could not be imported, 2 wrong arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.courses.issues import CourseSourceError, Issue
from bot.courses.loading import LoadResult, load_course, load_course_folder
from bot.courses.model import SUPPORTED_LANGUAGES, Course
from bot.courses.schedule import DEFAULT_TIMEZONE
from bot.courses.source import course_folder
from bot.i18n import Translator

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str]) -> int:
    """Run one course command; ``argv`` is what follows ``course`` (a leading one is skipped)."""
    args_list = list(argv)
    if args_list[:1] == ["course"]:
        args_list = args_list[1:]
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse has printed the usage; report instead of exiting
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    # The words of issues and of the preview page, from locales/; strict, so a broken message
    # fails loudly instead of printing its id.
    args.translator = Translator(default_locale="en", strict=True)
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot course",
        description="Check, import and preview courses (a folder with course.yaml, or a zip).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="list every error and warning")
    validate.add_argument("path", type=Path, metavar="PATH")
    validate.set_defaults(run=_validate)

    load = commands.add_parser("import", help="store the course (a new version if it changed)")
    load.add_argument("path", type=Path, metavar="PATH")
    load.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH setting)")
    load.add_argument("--files-dir", type=Path, help="where course files are kept (default: <db folder>/files)")
    load.set_defaults(run=_import)

    preview = commands.add_parser("preview", help="write one HTML page showing the course")
    preview.add_argument("path", type=Path, metavar="PATH")
    preview.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="the learner's language")
    preview.add_argument("--start", type=date.fromisoformat, help="cohort start date, YYYY-MM-DD (default: today)")
    preview.add_argument("--tz", default=DEFAULT_TIMEZONE, help="time zone (default: %(default)s)")
    preview.add_argument("--out", type=Path, help="the HTML file (default: <code>-<lang>.html)")
    preview.set_defaults(run=_preview)
    return parser


# -- output ----------------------------------------------------------------------------------


def _shown(issue: Issue, given: Path) -> Issue:
    """Name the file as the person typed it, so editors can jump to the line."""
    if given.is_dir():
        return dataclasses.replace(issue, file=str(given / issue.file))
    if given.suffix.lower() in {".yaml", ".yml"} and issue.file == "course.yaml":
        return dataclasses.replace(issue, file=str(given))
    return issue


def _print_issues(result: LoadResult, given: Path, translator: Translator) -> None:
    for issue in result.errors:
        print(_shown(issue, given).format(translator, "error"))
    for issue in result.warnings:
        print(_shown(issue, given).format(translator, "warning"))


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _contents(lessons: int, homework: int, quizzes: int, questionnaire: bool, languages: Sequence[str]) -> str:
    return (
        f"{_plural(lessons, 'lesson')}, {_plural(homework, 'homework', 'homework')}, "
        f"{_plural(quizzes, 'quiz', 'quizzes')}, "
        f"{'a questionnaire' if questionnaire else 'no questionnaire'}; "
        f"languages {', '.join(languages)}"
    )


def _describe(course: Course) -> str:
    files = course.files()
    size = sum(ref.size for ref in files)
    contents = _contents(
        len(course.lessons),
        len(course.homework),
        len(course.quizzes),
        course.questionnaire is not None,
        course.languages,
    )
    return f"{contents}; {_plural(len(files), 'file')} ({size / 1024:.0f} KB)"


def _refuse(result: LoadResult) -> int:
    print(
        f"{_plural(len(result.errors), 'error')}, {_plural(len(result.warnings), 'warning')}: "
        "nothing is imported from a course with errors."
    )
    return EXIT_INVALID


# -- commands --------------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    result = load_course(args.path)
    _print_issues(result, args.path, args.translator)
    if not result.ok or result.course is None:
        return _refuse(result)
    print(f"OK: course '{result.course.code}': {_describe(result.course)}; {_plural(len(result.warnings), 'warning')}.")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from bot.courses.importing import CourseFileChangedError, InvalidCourseError, import_course
    from storage.db import Database  # the database is needed only here

    db_path = args.db or _configured_database()
    if db_path is None:
        return EXIT_USAGE
    files_dir = args.files_dir or db_path.parent / "files"

    async def run() -> int:
        db = await Database.open(db_path)
        try:
            summary = await import_course(db, args.path, files_dir)
        except InvalidCourseError as exc:
            _print_issues(exc.result, args.path, args.translator)
            return _refuse(exc.result)
        except CourseFileChangedError as exc:
            print(f"error: {exc}")
            return EXIT_INVALID
        finally:
            await db.close()
        for issue in summary.warnings:
            print(_shown(issue, args.path).format(args.translator, "warning"))
        if summary.unchanged:
            print(
                f"Unchanged: course '{summary.code}' version {summary.version} has the same "
                "content; nothing was imported."
            )
        else:
            contents = _contents(
                summary.lessons,
                summary.homework,
                summary.quizzes,
                summary.questionnaire,
                summary.languages,
            )
            print(
                f"Imported course '{summary.code}' as version {summary.version}: {contents}; "
                f"{_plural(summary.files, 'file')} in {files_dir}; "
                f"{_plural(len(summary.warnings), 'warning')}."
            )
        return EXIT_OK

    return asyncio.run(run())


def _configured_database() -> Path | None:
    try:
        from bot.config import Settings

        return Settings().database_path
    except Exception as exc:  # a broken .env: say so rather than import into a guessed file
        print(f"error: cannot read the settings ({exc}); pass --db PATH", file=sys.stderr)
        return None


def _preview(args: argparse.Namespace) -> int:
    from bot.courses.preview import render_preview

    try:
        tz = ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        print(f"error: unknown time zone '{args.tz}'; use a name like Asia/Almaty", file=sys.stderr)
        return EXIT_USAGE
    try:
        with course_folder(args.path) as root:  # keep a zip's files while rendering pictures
            result = load_course_folder(root)
            _print_issues(result, args.path, args.translator)
            if not result.ok or result.course is None:
                return _refuse(result)
            course = result.course
            language = args.lang or course.languages[0]
            start = args.start or datetime.now(tz).date()
            page = render_preview(course, language=language, start=start, tz=tz, translator=args.translator, root=root)
    except CourseSourceError as exc:
        print(exc.issue.format(args.translator))
        return EXIT_INVALID
    out = args.out or Path(f"{course.code}-{language}.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    print(f"Wrote {out} ({len(page.encode('utf-8')) / 1024:.0f} KB): open it in a browser.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
