"""Write the example profiles' material files (`uv run python examples/make_files.py`).

They are placeholders, not scans: one A4 page naming the material, so that `hrdesk check` finds every
file the examples name and can open it. `hrdesk pack` reads them as the scans they are not and says so."""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from hrdesk.printing.fonts import font_set

HERE = Path(__file__).resolve().parent


def main() -> None:
    fonts = font_set()
    names: dict[str, str] = {}
    for profile in sorted(HERE.glob("*.json")):
        for material in json.loads(profile.read_text(encoding="utf-8"))["materials"]:
            if material.get("file"):
                names.setdefault(material["file"], material["kind"])
    for name, kind in sorted(names.items()):
        canvas = Canvas(str(HERE / name), pagesize=A4, invariant=1)
        canvas.setFont(fonts.names[0], 16)
        canvas.drawString(72, A4[1] - 100, f"示例文件（非扫描件）：{kind}")
        canvas.drawString(72, A4[1] - 130, f"Example file (not a scan): {kind}")
        canvas.save()
        print(name)


if __name__ == "__main__":
    main()
