"""Label drawing: a QR code (segno) of the asset's page in the web app, with its tag and name.

Sizes are in millimetres. The A4 sheet follows the common 21-up layout (3 x 7 labels of
63.5 x 38.1 mm, as Avery L7160 and compatible sheets), so a sheet prints straight onto stock labels."""

import io
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape

import segno

LABEL_W, LABEL_H = 63.5, 38.1
COLUMNS, ROWS = 3, 7
PER_SHEET = COLUMNS * ROWS
LEFT, TOP, PITCH_X, PITCH_Y = 7.2, 15.1, 66.0, 38.1
QR_SIZE = 32.0


@dataclass(frozen=True)
class LabelData:
    id: uuid.UUID
    tag: str
    name: str


def page_url(base_url: str, asset_id: uuid.UUID) -> str:
    return f"{base_url.rstrip('/')}/estate/assets/{asset_id}"


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)  # M: still reads with a scuffed corner


def _text(value: str, limit: int) -> str:
    return escape(value if len(value) <= limit else value[:limit - 1] + "…")


TEXT_WIDTH = LABEL_W - QR_SIZE - 4 - 1.5  # beside the code, inside the label's edge
# Arial's average advance is about half its size (a little more in bold): enough to tell when a
# line would run off the label, and then squeeze it into the space rather than clip it.
ADVANCE = {False: 0.52, True: 0.58}


def _tag_size(tag: str) -> float:
    """The tag is how people name the asset on the phone: never cut, smaller when long (to 3 mm),
    then squeezed by `_line` if it still does not fit."""
    return round(max(3.0, min(5.0, TEXT_WIDTH / (len(tag) * ADVANCE[True]))), 1)


def _line(x: float, y: float, size: float, value: str, *, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    fit = (f' textLength="{TEXT_WIDTH:.1f}" lengthAdjust="spacingAndGlyphs"'
           if len(value) * size * ADVANCE[bold] > TEXT_WIDTH else "")
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-family="Arial, sans-serif" font-size="{size}"{weight}{fit}>'
            f'{value}</text>')


def _label(base_url: str, item: LabelData, x: float, y: float) -> str:
    qr = _qr(page_url(base_url, item.id)).svg_inline(border=2, omitsize=True)
    qr = qr.replace("<svg ", f'<svg x="{x + 2:.2f}" y="{y + (LABEL_H - QR_SIZE) / 2:.2f}" '
                    f'width="{QR_SIZE}" height="{QR_SIZE}" ', 1)
    tx = x + QR_SIZE + 4
    return (f'<g><rect x="{x:.2f}" y="{y:.2f}" width="{LABEL_W}" height="{LABEL_H}" rx="2" fill="#fff" '
            f'stroke="#b1b4b6" stroke-width="0.2"/>{qr}'
            f'{_line(tx, y + 14, _tag_size(item.tag), escape(item.tag), bold=True)}'
            f'{_line(tx, y + 21, 3, _text(item.name, 22))}'
            f'{_line(tx, y + 30, 2.5, "Scan to report a fault")}</g>')


def _svg(width: float, height: float, body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            f'width="{width}mm" height="{height}mm" viewBox="0 0 {width} {height}">{body}</svg>').encode()


def label_svg(base_url: str, item: LabelData) -> bytes:
    return _svg(LABEL_W, LABEL_H, _label(base_url, item, 0, 0))


def label_png(base_url: str, item: LabelData) -> bytes:
    """The QR code alone, by segno's own PNG writer (10 px a module: about 3 cm at 300 dpi)."""
    out = io.BytesIO()
    _qr(page_url(base_url, item.id)).save(out, kind="png", scale=10, border=4)
    return out.getvalue()


def sheet_svg(base_url: str, items: list[LabelData]) -> bytes:
    """One A4 page of up to 21 labels, filled left to right, top to bottom."""
    body = "".join(_label(base_url, item, LEFT + (i % COLUMNS) * PITCH_X, TOP + (i // COLUMNS) * PITCH_Y)
                   for i, item in enumerate(items[:PER_SHEET]))
    return _svg(210, 297, body)
