"""Fluent translations for kk, ru and en.

Every user-facing text lives in ``locales/<locale>/*.ftl``. We use ``fluent.runtime``
directly rather than through a middleware library, because services outside a handler (the
scheduler, certificates, the CLI) render messages too, and because raw Fluent silently
renders a missing variable as its bare name: :class:`Translator` turns every formatting error
into an exception in strict mode (tests) and a logged error in production.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast

from bot import LOCALES_DIR
from bot.config import LOCALES

log = logging.getLogger(__name__)


class TranslationError(LookupError):
    pass


def normalize_locale(language_code: str | None) -> str | None:
    """Map Telegram's ``language_code`` (``kk``, ``kk-KZ``, ``ru_RU``) to one of ours, or None."""
    if not language_code:
        return None
    base = language_code.replace("_", "-").split("-")[0].lower()
    return base if base in LOCALES else None


class Translator:
    """All locales' bundles, loaded once at start."""

    def __init__(
        self,
        locales_dir: Path = LOCALES_DIR,
        default_locale: str = "kk",
        *,
        strict: bool = False,
    ) -> None:
        self.default_locale = default_locale
        self.strict = strict
        self.locales: tuple[str, ...] = LOCALES
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, set[str]] = {}
        for locale in self.locales:
            bundle = FluentBundle([locale], use_isolating=False)
            ids: set[str] = set()
            folder = locales_dir / locale
            files = sorted(folder.glob("*.ftl"))
            if not files:
                raise TranslationError(f"no .ftl files in {folder}")
            for path in files:
                resource = FluentResource(path.read_text(encoding="utf-8"))
                ids.update(entry.id.name for entry in resource.body if isinstance(entry, ast.Message))
                bundle.add_resource(resource)
            self._bundles[locale] = bundle
            self._ids[locale] = ids

    def message_ids(self, locale: str) -> set[str]:
        return set(self._ids[locale])

    def has(self, key: str, locale: str | None = None) -> bool:
        return key in self._ids[locale or self.default_locale]

    def get(self, locale: str, key: str, /, **kwargs: Any) -> str:
        """Render ``key`` in ``locale``, falling back to the default locale, then English."""
        for candidate in dict.fromkeys((locale, self.default_locale, "en")):
            bundle = self._bundles.get(candidate)
            if bundle is None or not bundle.has_message(key):
                continue
            message = bundle.get_message(key)
            if message.value is None:
                break
            text, errors = bundle.format_pattern(message.value, kwargs)
            if errors:
                self._fail(f"{candidate}:{key}: {errors}")
            # FluentNone stands for a value fluent.runtime could not resolve (and comes with errors).
            return text if isinstance(text, str) else key
        self._fail(f"no message {key!r} in {locale!r}")
        return key

    def all_variants(self, key: str, /, **kwargs: Any) -> set[str]:
        """The message rendered in every locale: for matching reply-keyboard labels."""
        return {self.get(locale, key, **kwargs) for locale in self.locales}

    def _fail(self, problem: str) -> None:
        if self.strict:
            raise TranslationError(problem)
        log.error("translation problem: %s", problem)


@dataclass(frozen=True)
class Localizer:
    """A translator bound to one person's locale; handlers get it as ``l10n``."""

    translator: Translator
    locale: str

    def __call__(self, key: str, /, **kwargs: Any) -> str:
        return self.translator.get(self.locale, key, **kwargs)

    def with_locale(self, locale: str) -> Localizer:
        return Localizer(self.translator, locale)
