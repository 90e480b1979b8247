"""How a clean page becomes a file: a flatbed scanner (paper tone and texture, a slight tilt, optics blur,
sensor noise, JPEG inside an image-only PDF written here byte by byte) or a phone photo (perspective, uneven
light and shadow, a desk around the sheet, JPEG at 72 dpi whatever its pixel size). Faults are options."""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageFilter

A4_PT = (595.28, 841.89)


@dataclass
class ScanOptions:
    dpi: int
    colour: bool = True
    tilt: float = 0.0  # degrees, counter-clockwise
    quality: int = 80
    dark_border: str = ""  # sides with a black band: "top", "left", "right", "bottom", "left+top"
    slid: str = ""  # the sheet slid off the glass on this side: its content is cut off, the lid shows
    blur: float = 0.0  # Gaussian sigma in pixels beyond the scanner's own softness
    motion: int = 0  # motion-blur length in pixels
    upside_down_pages: tuple[int, ...] = ()  # 0-based pages turned by 180°
    turned_pages: tuple[int, ...] = ()  # 0-based pages whose image is turned 90° (landscape page)
    rotate_flag_pages: tuple[int, ...] = ()  # 0-based pages with /Rotate 90 set
    blank_after: int | None = None  # insert a blank sheet after this 0-based page


def _noise(rng: np.random.Generator, shape, sigma: float) -> np.ndarray:
    return rng.normal(0.0, sigma, shape).astype(np.float32)


def _paper(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Paper tone (never pure white), low-frequency fibre texture, fine grain."""
    h, w = img.shape[:2]
    tone = np.array([rng.uniform(244, 252), rng.uniform(243, 251), rng.uniform(236, 248)], np.float32) / 255
    low = cv2.resize(
        rng.normal(0, 1, (max(2, h // 40), max(2, w // 40))).astype(np.float32),
        (w, h),
        interpolation=cv2.INTER_CUBIC,
    )
    out = img.astype(np.float32) * tone + low[..., None] * rng.uniform(0.4, 1.1)
    return out + _noise(rng, (h, w, 1), rng.uniform(1.0, 2.5))


def _motion(img: np.ndarray, length: int, angle: float) -> np.ndarray:
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1.0
    m = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    k = cv2.warpAffine(k, m, (length, length))
    k /= max(k.sum(), 1e-6)
    return cv2.filter2D(img, -1, k)


def scan_page(page: Image.Image, opts: ScanOptions, rng: np.random.Generator, turn: int = 0) -> np.ndarray:
    """One clean page → what the scanner's sensor delivers (float RGB 0..255, same pixel size)."""
    a = np.asarray(page.convert("RGB")).astype(np.float32)
    h, w = a.shape[:2]
    if opts.slid:  # the sheet lay partly off the glass: that part is missing, the white lid shows
        cut = int((h if opts.slid in ("top", "bottom") else w) * rng.uniform(0.07, 0.14))
        lid = np.full_like(a, 238.0)
        if opts.slid == "bottom":
            lid[: h - cut] = a[cut:]
        elif opts.slid == "top":
            lid[cut:] = a[: h - cut]
        elif opts.slid == "right":
            lid[:, : w - cut] = a[:, cut:]
        else:
            lid[:, cut:] = a[:, : w - cut]
        a = lid
    a = _paper(a, rng)
    if turn:
        a = np.rot90(a, turn).copy()
        h, w = a.shape[:2]
    if opts.tilt:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), opts.tilt, 1.0)
        # The scanner lid behind the sheet is near-white, a little darker than paper.
        a = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(235, 235, 232))
    sigma = 0.35 * opts.dpi / 200 + opts.blur
    a = cv2.GaussianBlur(a, (0, 0), sigma)
    if opts.motion:
        a = _motion(a, opts.motion, float(rng.uniform(0, 180)))
    for side in filter(None, opts.dark_border.split("+")):
        share = rng.uniform(0.025, 0.06)
        band = int((h if side in ("top", "bottom") else w) * share)
        ramp = np.linspace(20, 60, band, dtype=np.float32)[:, None]
        if side == "top":
            a[:band] = np.minimum(a[:band], ramp[..., None])
        elif side == "bottom":
            a[h - band :] = np.minimum(a[h - band :], ramp[::-1][..., None])
        elif side == "left":
            a[:, :band] = np.minimum(a[:, :band], ramp.T[..., None])
        else:
            a[:, w - band :] = np.minimum(a[:, w - band :], ramp.T[:, ::-1][..., None])
    a += _noise(rng, a.shape, rng.uniform(1.0, 2.5))
    return np.clip(a, 0, 255)


def encode_jpeg(a: np.ndarray, colour: bool, quality: int, dpi: int = 0) -> tuple[bytes, int, int]:
    img = Image.fromarray(a.astype(np.uint8))
    if not colour:
        img = img.convert("L")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), subsampling=2 if colour else 0)
    return buf.getvalue(), img.width, img.height


def blank_sheet(dpi: int) -> Image.Image:
    return Image.new("RGB", (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)), "white")


def flatbed(
    pages: list[Image.Image], opts: ScanOptions, rng: np.random.Generator, producer: str
) -> tuple[bytes, int]:
    """An image-only PDF as a scanner writes it: one DCT image a page, page size from the pixels and dpi."""
    sheets = list(pages)
    if opts.blank_after is not None:
        sheets.insert(opts.blank_after + 1, blank_sheet(opts.dpi))
    out = []
    for i, page in enumerate(sheets):
        turn = 2 if i in opts.upside_down_pages else (1 if i in opts.turned_pages else 0)
        a = scan_page(page, opts, rng, turn)
        data, w, h = encode_jpeg(a, opts.colour, opts.quality)
        out.append((data, w, h, opts.colour, 90 if i in opts.rotate_flag_pages else 0, opts.dpi))
    return write_pdf(out, producer), len(sheets)


def write_pdf(images: list[tuple[bytes, int, int, bool, int, int]], producer: str) -> bytes:
    """A minimal PDF 1.4: catalog, page tree, one page per JPEG (MediaBox = pixels / dpi × 72)."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    add(b"")  # 1 catalog (filled below)
    add(b"")  # 2 pages
    kids = []
    for data, w, h, colour, rotate, dpi in images:
        pw, ph = w / dpi * 72, h / dpi * 72
        img = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8"
            b" /Filter /DCTDecode /Length %d >>\nstream\n"
            % (w, h, b"DeviceRGB" if colour else b"DeviceGray", len(data))
            + data
            + b"\nendstream"
        )
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        rot = b" /Rotate %d" % rotate if rotate else b""
        kids.append(
            add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]%s /Resources << /XObject << /Im0 %d 0 R >> >>"
                b" /Contents %d 0 R >>" % (pw, ph, rot, img, c)
            )
        )
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    info = add(b"<< /Producer (%s) /Creator (%s) >>" % (producer.encode(), producer.encode()))
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(buf.tell())
        buf.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        buf.write(b"%010d 00000 n \n" % off)
    buf.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objs) + 1, info, xref)
    )
    return buf.getvalue()


# --- phone photos -----------------------------------------------------------------------------------------


def phone_photo(
    page: Image.Image, rng: np.random.Generator, quality: int, motion: int = 0, shake_blur: float = 0.0
) -> tuple[bytes, int, int]:
    """A sheet photographed on a desk: the page (rendered near 200 dpi) warped into a 3:4 frame of
    3024×4032 or 2448×3264 px, lit unevenly, with a shadow, a desk around it; JFIF says 72 dpi."""
    W, H = [(3024, 4032), (2448, 3264), (2250, 3000)][int(rng.integers(0, 3))]
    src = np.asarray(page.convert("RGB")).astype(np.float32)
    src = _paper(src, rng)
    ph, pw = src.shape[:2]
    # Where the sheet's corners land: the sheet fills ~75–90 % of the frame, not quite square to it.
    fill = rng.uniform(0.78, 0.9)
    sw = W * fill
    sh = sw * ph / pw
    if sh > H * 0.93:
        sh = H * 0.93
        sw = sh * pw / ph
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.03, 0.03) * H
    j = lambda s: rng.uniform(-s, s)  # noqa: E731
    k = 0.035
    dst = np.float32(
        [
            [cx - sw / 2 + j(k * sw), cy - sh / 2 + j(k * sh)],
            [cx + sw / 2 + j(k * sw), cy - sh / 2 + j(k * sh)],
            [cx + sw / 2 + j(k * sw), cy + sh / 2 + j(k * sh)],
            [cx - sw / 2 + j(k * sw), cy + sh / 2 + j(k * sh)],
        ]
    )
    # a slight keystone: the far edge narrower
    squeeze = rng.uniform(0.0, 0.05) * sw
    dst[0, 0] += squeeze
    dst[1, 0] -= squeeze
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]]), dst)
    desk_colour = np.array(
        [[120, 92, 70], [150, 150, 150], [95, 75, 60], [200, 196, 188], [60, 62, 66]][
            int(rng.integers(0, 5))
        ],
        np.float32,
    )
    desk = np.empty((H, W, 3), np.float32)
    desk[:] = desk_colour
    desk += cv2.resize(rng.normal(0, 6, (H // 64, W // 64)).astype(np.float32), (W, H))[..., None]
    warped = cv2.warpPerspective(
        src, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0
    )
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (W, H), flags=cv2.INTER_LINEAR)
    a = warped * mask[..., None] + desk * (1 - mask[..., None])
    # Light: a broad gradient across the frame and a soft shadow (the phone or a hand) from one side.
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = rng.uniform(0, 2 * math.pi)
    grad = ((xx - W / 2) * math.cos(t) + (yy - H / 2) * math.sin(t)) / max(W, H)
    light = 1.0 - rng.uniform(0.08, 0.22) * (grad + 0.5)
    if rng.random() < 0.6:
        sx, sy = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(0.25, 0.45) * W
        shadow = np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * r * r)))
        light *= 1.0 - rng.uniform(0.15, 0.3) * shadow
    a = a * light[..., None]
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.86, 0.96)], np.float32)
    a = a * warm
    a = cv2.GaussianBlur(a, (0, 0), 0.8 + shake_blur)
    if motion:
        a = _motion(a, motion, float(rng.uniform(0, 180)))
    a += _noise(rng, a.shape, rng.uniform(2.0, 4.0))
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))  # phone sharpening
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(72, 72))
    return buf.getvalue(), W, H


def photo_file(img: Image.Image, rng: np.random.Generator, quality: int) -> bytes:
    """The studio's digital ID photo as a JPEG (300 dpi in its JFIF header, as studios write)."""
    a = np.asarray(img).astype(np.float32) + _noise(rng, (img.height, img.width, 3), 1.5)
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(buf, "JPEG", quality=quality, dpi=(300, 300))
    return buf.getvalue()


def seeded(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))
