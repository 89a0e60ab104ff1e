"""``python -m bot``: run the bot. ``python -m bot course ...``: work with course files.
``python -m bot backup [PATH]`` and ``python -m bot restore PATH``: backups (no token needed).
``python -m bot export COHORT --out FILE.xlsx``: a cohort's Excel workbook (no token needed)."""

from __future__ import annotations

import asyncio
import sys

from pydantic import ValidationError

EXIT_CONFIG = 2  # bad configuration: nothing to retry until a person fixes it


def main(argv: list[str]) -> int:
    if argv and argv[0] == "course":
        from bot.cli.course import main as course_main

        return course_main(argv[1:])
    if argv and argv[0] == "export":
        from bot.cli.export import main as export_main

        return export_main(argv[1:])
    if argv and argv[0] in ("backup", "restore"):
        from bot.cli.backup import main as backup_main

        return backup_main(argv)

    from bot.config import Settings, check_token

    try:
        settings = Settings()
    except ValidationError as error:
        for detail in error.errors():
            name = ".".join(str(part) for part in detail["loc"]).upper()
            print(f"Setting {name} is not valid: {detail['msg']}. See .env.example.", file=sys.stderr)
        return EXIT_CONFIG
    problem = check_token(settings)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_CONFIG

    from bot.logformat import configure_logging
    from bot.runner import run_bot

    configure_logging(settings.log_level, settings.log_format)
    return asyncio.run(run_bot(settings))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
