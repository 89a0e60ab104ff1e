"""One certificate as an A4 landscape PDF (fpdf2), from a :class:`~bot.certificates.model.Page`.

The page is built the same way every time from the same stored row (the creation date is the
issue date), so the same certificate gives the same bytes and Telegram's file id is reused when
it is sent again. The font is DejaVu Serif, shipped in ``fonts/`` (every Kazakh and Russian
letter; see its LICENSE); fpdf2 embeds only the letters used. The QR code is drawn as vector
squares, sharp at any print size.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import segno
from fpdf import FPDF

from bot.certificates.model import Page

FONTS = Path(__file__).parent / "fonts"
REGULAR = FONTS / "DejaVuSerif.ttf"
BOLD = FONTS / "DejaVuSerif-Bold.ttf"
FAMILY = "DejaVuSerif"

WIDTH, HEIGHT = 297.0, 210.0  # A4 landscape, mm
MARGIN = 22.0  # the text area starts inside the frame
QR_SIZE = 28.0
INK = (33, 37, 41)
ACCENT = (16, 78, 99)  # deep teal: frame, title, name
GOLD = (176, 137, 58)


def render_pdf(page: Page) -> bytes:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font(FAMILY, "", str(REGULAR))
    pdf.add_font(FAMILY, "B", str(BOLD))
    if page.issued_at is not None:
        pdf.set_creation_date(page.issued_at)
    first = page.languages[0]
    pdf.set_title(f"{page.words[first]['title']} {page.number}")
    pdf.set_lang(first)
    pdf.set_creator("Oqu")
    pdf.add_page()
    _frame(pdf)
    columns = _columns(len(page.languages))

    y = 20.0
    top_columns = columns
    if page.logo is not None and len(columns) == 1:
        pdf.image(BytesIO(page.logo), x=MARGIN, y=17, w=24, h=24, keep_aspect_ratio=True)
    elif page.logo is not None:
        # Two languages: the logo in the middle, each organization's name beside it.
        logo = 22.0
        pdf.image(BytesIO(page.logo), x=(WIDTH - logo) / 2, y=15, w=logo, h=logo, keep_aspect_ratio=True)
        side = (WIDTH - 2 * MARGIN - logo - 12) / 2
        top_columns = [(MARGIN, side), (WIDTH - MARGIN - side, side)]
    # The issuing organization, on top, in every language of the page.
    y = _texts(pdf, page, top_columns, y, lambda lang: page.organization[lang], size=12, bold=True, color=ACCENT)
    title = " · ".join(dict.fromkeys(page.words[lang]["title"] for lang in page.languages))
    two = len(page.languages) > 1
    pdf.set_char_spacing(3)
    title_y = max(y + 5, 40.0 if two else 46.0)
    _line(pdf, title, MARGIN, WIDTH - 2 * MARGIN, title_y, size=32 if two else 38, bold=True, color=GOLD)
    pdf.set_char_spacing(0)
    y = title_y + (20 if two else 24)
    y = _texts(pdf, page, columns, y, lambda lang: page.words[lang]["before_name"], size=11 if two else 12)
    # The name, once, across the page, with a rule under it.
    name_y = y + 2
    size = _fit(pdf, page.full_name, WIDTH - 2 * MARGIN - 20, 26 if two else 28, 14, bold=True)
    _line(pdf, page.full_name, MARGIN, WIDTH - 2 * MARGIN, name_y, size=size, bold=True, color=ACCENT)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.4)
    pdf.line(WIDTH / 2 - 70, name_y + 14, WIDTH / 2 + 70, name_y + 14)
    y = name_y + (17 if two else 19)
    small = 11 if two else 12
    y = _texts(pdf, page, columns, y, lambda lang: page.words[lang]["before_title"], size=small)
    y = _texts(pdf, page, columns, y + 1, lambda lang: f"«{page.course_title[lang]}»", size=15 if two else 16,
               bold=True, lines=3)  # fmt: skip
    y = _texts(pdf, page, columns, y + 1, lambda lang: page.words[lang]["after_title"], size=small)
    gap = 2 if two else 5
    y = _texts(pdf, page, columns, y + gap, lambda lang: page.hours[lang], size=small + 1, bold=True, color=ACCENT)
    _texts(pdf, page, columns, y + gap / 2, lambda lang: page.dates[lang], size=small - 1)

    _signatory(pdf, page)
    _qr(pdf, page)
    return bytes(pdf.output())


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.6)
    pdf.rect(8, 8, WIDTH - 16, HEIGHT - 16)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.5)
    pdf.rect(11.5, 11.5, WIDTH - 23, HEIGHT - 23)
    # Small squares in the corners of the inner frame.
    for x, y in ((11.5, 11.5), (WIDTH - 11.5, 11.5), (11.5, HEIGHT - 11.5), (WIDTH - 11.5, HEIGHT - 11.5)):
        pdf.set_fill_color(*GOLD)
        pdf.rect(x - 1.5, y - 1.5, 3, 3, style="F")


def _columns(count: int) -> list[tuple[float, float]]:
    """(x, width) of each language's column: one across the page, or two side by side."""
    inner = WIDTH - 2 * MARGIN
    if count == 1:
        return [(MARGIN, inner)]
    gap = 10.0
    half = (inner - gap) / 2
    return [(MARGIN, half), (MARGIN + half + gap, half)]


def _fit(pdf: FPDF, text: str, width: float, size: float, minimum: float, *, bold: bool = False) -> float:
    """The largest font size (down to ``minimum``) at which ``text`` fits in one line of ``width``."""
    pdf.set_font(FAMILY, "B" if bold else "", size)
    while size > minimum and pdf.get_string_width(text) > width:
        size -= 1
        pdf.set_font_size(size)
    return size


def _line(
    pdf: FPDF,
    text: str,
    x: float,
    width: float,
    y: float,
    *,
    size: float,
    bold: bool = False,
    color: tuple[int, int, int] = INK,
) -> None:
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_xy(x, y)
    pdf.cell(width, size * 0.45, text, align="C")


def _texts(
    pdf: FPDF,
    page: Page,
    columns: list[tuple[float, float]],
    y: float,
    text_of: Callable[[str], str],
    *,
    size: float,
    bold: bool = False,
    color: tuple[int, int, int] = INK,
    lines: int = 2,
) -> float:
    """One text per language, each centred in its column (wrapped to at most ``lines`` lines,
    smaller if need be); returns the y under the tallest."""
    bottom = y
    for (x, width), lang in zip(columns, page.languages, strict=True):
        text = text_of(lang).strip()
        if not text:
            continue
        font_size = size
        pdf.set_font(FAMILY, "B" if bold else "", font_size)
        height = font_size * 0.45
        count = _line_count(pdf, width, height, text)
        while count > lines and font_size > 8:
            font_size -= 1
            pdf.set_font_size(font_size)
            height = font_size * 0.45
            count = _line_count(pdf, width, height, text)
        pdf.set_text_color(*color)
        pdf.set_xy(x, y)
        pdf.multi_cell(width, height, text, align="C")
        bottom = max(bottom, y + height * count + 2)
    return bottom


def _line_count(pdf: FPDF, width: float, height: float, text: str) -> int:
    wrapped = pdf.multi_cell(width, height, text, align="C", dry_run=True, output="LINES")
    assert isinstance(wrapped, list)
    return len(wrapped)


def _signatory(pdf: FPDF, page: Page) -> None:
    """Bottom left: the signature (an image, or a line to sign on), the name and title, the date."""
    x, width = MARGIN + 4, 110.0
    top = HEIGHT - 56
    if page.signature is not None:
        # Fitted into the box above the line, whatever the picture's proportions.
        pdf.image(BytesIO(page.signature), x=x + 8, y=top - 3, w=55, h=15, keep_aspect_ratio=True)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    pdf.line(x, top + 13, x + 70, top + 13)
    langs = page.languages
    titles = " / ".join(dict.fromkeys(t for t in (page.signatory_title.get(lang, "") for lang in langs) if t))
    names = " / ".join(dict.fromkeys(n for n in (page.signatory_name.get(lang, "") for lang in langs) if n))
    y = top + 15
    for text, size, bold in ((names, 11, True), (titles, 10, False)):
        if text:
            pdf.set_font(FAMILY, "B" if bold else "", size)
            pdf.set_text_color(*INK)
            pdf.set_xy(x, y)
            pdf.multi_cell(width, size * 0.45, text, align="L")
            y = pdf.get_y() + 1
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*INK)
    for lang in dict.fromkeys(langs):
        pdf.set_xy(x, y + 1)
        pdf.cell(width, 4, page.issued[lang], align="L")
        y += 4.5


def _qr(pdf: FPDF, page: Page) -> None:
    """Bottom right: the QR code of the verification link, the number and a hint under it."""
    block = 74.0  # the width of the block, right-aligned inside the frame
    left = WIDTH - MARGIN - block
    x = left + (block - QR_SIZE) / 2
    y = HEIGHT - 62
    qr = segno.make(page.link, error="m")
    rows = [list(row) for row in qr.matrix]
    module = QR_SIZE / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                # A hair wider than the module, so neighbouring runs leave no white seam.
                pdf.rect(x + start * module, y + r * module, (c - start) * module + 0.02, module + 0.02, style="F")
            else:
                c += 1
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 10)
    pdf.set_xy(left, y + QR_SIZE + 2)
    pdf.cell(block, 5, f"№ {page.number}", align="C")
    pdf.set_font(FAMILY, "", 7)
    pdf.set_xy(left, y + QR_SIZE + 7.5)
    for lang in dict.fromkeys(page.languages):
        pdf.set_x(left)
        pdf.multi_cell(block, 3.2, page.words[lang]["verify"], align="C")
