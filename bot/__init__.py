"""Oqu: a Telegram bot that runs professional-development courses for librarians."""

from importlib.resources import files
from pathlib import Path

# The source checkout, for tests and tools that read docs/ or the source itself. The running bot
# must not use it: installed from a wheel, this is site-packages.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(package: str) -> Path:
    """The folder of a data-only package, whether it runs from a checkout or an installed wheel.

    ``locales/`` and ``courses/`` sit beside ``bot/`` in the checkout; pyproject.toml ships them
    as top-level packages with their files as package data, so one lookup serves both.
    """
    root = files(package)
    if not isinstance(root, Path):  # a zip import or a namespace package: Fluent and the importer need real files
        raise RuntimeError(f"package {package!r} must be a folder on disk, found {root!r}")
    return root


LOCALES_DIR = _data_dir("locales")
SAMPLE_COURSE_DIR = _data_dir("courses") / "sample"
