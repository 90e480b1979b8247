"""Scan-quality checks for attached files (no Qt). The guides require original documents scanned in
colour, edges clean, upright, consistent orientation, pages in order, legible (changping-2026 三(一),
yanqing-2024 三(五)). Each flag says what is wrong, on which page, and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

A4_PT = (595.0, 842.0)
MAX_PAGES_CHECKED = 200


@dataclass(frozen=True)
class ScanSettings:
    min_dpi: int = 150
    max_file_mb: float = 10.0
    min_file_bytes: int = 2_000
    colour_tolerance: int = 24  # channel spread that still counts as grey (JPEG noise, paper tint)
    colour_min_share: float = 0.002  # share of clearly coloured pixels that makes a page "colour"


@dataclass(frozen=True)
class Flag:
    code: str
    page: int | None  # 1-based; None = the whole file
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class ScanReport:
    pages: int = 0
    checked_pages: int = 0
    flags: list[Flag] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.flags

    def messages(self) -> list[str]:
        return [f.message for f in self.flags]


def check_file(path: Path, settings: ScanSettings | None = None) -> ScanReport:
    settings = settings or ScanSettings()
    report = ScanReport()
    try:
        size = path.stat().st_size
    except OSError:
        report.flags.append(Flag("missing", None, "文件不存在或无法读取：请重新添加。"))
        return report
    if size == 0:
        report.flags.append(Flag("empty", None, "文件为空（0 字节）：请重新扫描并添加。"))
        return report
    if size < settings.min_file_bytes:
        report.flags.append(Flag("too-small", None, f"文件只有 {size} 字节，内容可能无法辨认：请重新扫描。"))
    if size > settings.max_file_mb * 1024 * 1024:
        report.flags.append(
            Flag(
                "too-large",
                None,
                f"文件 {size / 1048576:.1f} MB，超过上传上限 "
                f"{settings.max_file_mb:g} MB：请降低扫描分辨率或压缩。",
            )
        )
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        kind = (
            "JPEG 图片"
            if head.startswith(b"\xff\xd8")
            else "PNG 图片"
            if head.startswith(b"\x89PNG")
            else "未知格式"
        )
        report.flags.append(
            Flag("not-pdf", None, f"这不是 PDF 文件（实际是{kind}）：请转换为 PDF 或作为图片添加。")
        )
        return report
    import pymupdf

    try:
        doc = pymupdf.open(path)
    except Exception:
        report.flags.append(Flag("damaged", None, "PDF 已损坏，无法打开：请重新扫描或重新下载。"))
        return report
    with doc:
        if doc.needs_pass or doc.is_encrypted:
            report.flags.append(
                Flag("encrypted", None, "PDF 已加密或设有密码：请另存为未加密的 PDF 后再添加。")
            )
            return report
        try:
            report.pages = doc.page_count
        except Exception:
            report.flags.append(Flag("damaged", None, "PDF 已损坏，无法读取页数。"))
            return report
        if report.pages == 0:
            report.flags.append(Flag("no-pages", None, "PDF 没有页面。"))
            return report
        limit = min(report.pages, MAX_PAGES_CHECKED)
        if report.pages > MAX_PAGES_CHECKED:
            report.flags.append(
                Flag(
                    "too-many-pages",
                    None,
                    f"PDF 有 {report.pages} 页，只检查了前 {limit} 页："
                    "一份材料通常不会这么多页，请确认文件。",
                )
            )
        orientations = []
        for i in range(limit):
            try:
                page = doc[i]
                _check_page(page, i + 1, settings, report)
                rect = page.rect  # rotation applied: what the reader sees
                orientations.append("landscape" if rect.width > rect.height else "portrait")
            except Exception:
                report.flags.append(
                    Flag("damaged-page", i + 1, f"第 {i + 1} 页已损坏，无法读取：请重新扫描。")
                )
            report.checked_pages += 1
        if len(set(orientations)) > 1:
            odd = [
                str(i + 1)
                for i, o in enumerate(orientations)
                if o != max(set(orientations), key=orientations.count)
            ]
            report.flags.append(
                Flag(
                    "mixed-orientation",
                    None,
                    f"页面方向不一致（第 {'、'.join(odd)} 页与其他页不同）：请统一为纵向后再扫描或旋转。",
                )
            )
    return report


def _check_page(page: object, number: int, settings: ScanSettings, report: ScanReport) -> None:
    import pymupdf

    if page.rotation % 360:
        report.flags.append(
            Flag("rotated", number, f"第 {number} 页被旋转了 {page.rotation % 360}°：请摆正后保存。")
        )
    w, h = sorted((page.rect.width, page.rect.height))
    if abs(w - A4_PT[0]) > A4_PT[0] * 0.2 or abs(h - A4_PT[1]) > A4_PT[1] * 0.2:
        report.flags.append(
            Flag(
                "not-a4",
                number,
                f"第 {number} 页尺寸 {w / 72 * 25.4:.0f}×{h / 72 * 25.4:.0f} mm，"
                "与 A4 相差较大：请按 A4 扫描。",
            )
        )
    # Effective resolution of the largest image drawn on the page (image pixels per inch of page).
    # get_image_info without hashes/xrefs: no full decode and MD5 of a 300-dpi scan just to find it.
    best = 0.0
    for info in page.get_image_info(hashes=False, xrefs=False):
        bbox = pymupdf.Rect(info["bbox"])
        if bbox.width > 0 and info.get("width"):
            best = max(best, info["width"] / (bbox.width / 72))
    if 0 < best < settings.min_dpi:
        report.flags.append(
            Flag(
                "low-dpi",
                number,
                f"第 {number} 页扫描分辨率约 {best:.0f} dpi，低于 {settings.min_dpi} dpi：请提高扫描分辨率。",
            )
        )
    pix = page.get_pixmap(dpi=12, colorspace=pymupdf.csRGB, alpha=False)
    samples = pix.samples
    n = len(samples) // 3
    tolerance = settings.colour_tolerance
    coloured = dark = 0
    for r, g, b in zip(samples[0::3], samples[1::3], samples[2::3], strict=True):
        hi = r if r > g else g
        hi = hi if hi > b else b
        lo = r if r < g else g
        lo = lo if lo < b else b
        if hi - lo > tolerance:
            coloured += 1
        if r * 3 + g * 6 + b < 2000:  # luminance below 200
            dark += 1
    if n and dark / n < 0.004:
        report.flags.append(Flag("blank", number, f"第 {number} 页几乎是空白页：请删除空白页或重新扫描。"))
    elif n and coloured / n < settings.colour_min_share:
        report.flags.append(
            Flag(
                "not-colour",
                number,
                f"第 {number} 页不是彩色扫描（灰度或黑白）：指南要求原件原色扫描，请用彩色模式重新扫描。",
            )
        )
