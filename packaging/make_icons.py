"""Render resources/icons/hrdesk.svg to the PNG and ICO files the app and the bundles use.

Run: uv run python packaging/make_icons.py   (macOS builds turn the 1024 px PNG into .icns, see
packaging/README.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "hrdesk.svg")).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    render(256).save(str(ICONS / "hrdesk.png"))
    render(1024).save(str(ICONS / "hrdesk-1024.png"))
    if not render(256).save(str(ICONS / "hrdesk.ico")):
        print("this Qt build cannot write .ico; PyInstaller converts the PNG instead", file=sys.stderr)
    for size in (16, 32, 64):
        render(size).save(str(ICONS / f"hrdesk-{size}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
