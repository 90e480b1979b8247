"""Drawing on paper with Pillow: fonts (Song, Hei, Kai looks from the system's CJK fonts), a page canvas in
millimetres, inked seals (uneven ink, partial, rotated, stamped over text) and handwriting (a Kai font
jittered glyph by glyph on a wavy baseline). Nothing here comes from hrdesk or its tests."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

NOTO = "/usr/share/fonts/opentype/noto/"
# (path, ttc index) per look; the first that exists is used, the others give variety.
FONT_FILES = {
    "song": [
        (NOTO + "NotoSerifCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ],
    "hei": [
        (NOTO + "NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        # Droid Sans Fallback is left out: it has no ASCII digits (they render as empty boxes).
    ],
    "kai": [
        ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ],
    "song-bold": [(NOTO + "NotoSerifCJK-Bold.ttc", 2)],
    "hei-bold": [(NOTO + "NotoSansCJK-Bold.ttc", 2)],
}


def available(look: str) -> list[tuple[str, int]]:
    found = [(p, i) for p, i in FONT_FILES[look] if Path(p).exists()]
    if not found:  # no Kai installed: the serif stands in (the handwriting jitter still applies)
        found = [(p, i) for p, i in FONT_FILES["song"] if Path(p).exists()]
    return found


def fonts_used() -> dict[str, list[str]]:
    return {look: [Path(p).name for p, _ in available(look)] for look in FONT_FILES}


@lru_cache(maxsize=512)
def font(path: str, index: int, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(4, px), index=index)


@dataclass
class Faces:
    """The fonts one document uses (chosen once per document)."""

    body: tuple[str, int]
    title: tuple[str, int]
    hand: tuple[str, int]
    sans: tuple[str, int]

    @classmethod
    def pick(cls, rng: random.Random, body_look: str | None = None) -> Faces:
        look = body_look or rng.choice(["song", "song", "hei"])
        return cls(
            body=rng.choice(available(look)),
            title=rng.choice(available(rng.choice(["song-bold", "hei-bold", look]))),
            hand=rng.choice(available("kai")),
            sans=rng.choice(available("hei")),
        )


class Page:
    """An RGB page of `w_mm`×`h_mm` at `dpi`; drawing positions in millimetres, sizes in points."""

    def __init__(self, w_mm: float, h_mm: float, dpi: int, paper: tuple[int, int, int] = (255, 255, 255)):
        self.dpi = dpi
        self.w_mm, self.h_mm = w_mm, h_mm
        self.img = Image.new("RGB", (round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)), paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    def pt(self, points: float) -> int:
        return round(points / 72 * self.dpi)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        face: tuple[str, int],
        size: float,
        fill=(20, 20, 20),
        anchor: str = "la",
        spacing: float = 0.0,
    ) -> float:
        """Draw `s` at (x, y) mm; returns the width in mm. `spacing` adds mm between characters."""
        f = font(face[0], face[1], self.pt(size))
        if spacing:
            total = sum(f.getlength(c) for c in s) + self.px(spacing) * (len(s) - 1)
            start = self.px(x) - (total / 2 if anchor[0] == "m" else total if anchor[0] == "r" else 0)
            cx = start
            for c in s:
                self.draw.text((cx, self.px(y)), c, font=f, fill=fill, anchor="l" + anchor[1])
                cx += f.getlength(c) + self.px(spacing)
            return total / self.dpi * 25.4
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return f.getlength(s) / self.dpi * 25.4

    def width(self, s: str, face: tuple[str, int], size: float) -> float:
        return font(face[0], face[1], self.pt(size)).getlength(s) / self.dpi * 25.4

    def wrap(
        self,
        x: float,
        y: float,
        w: float,
        s: str,
        face: tuple[str, int],
        size: float,
        leading: float = 1.6,
        **kw,
    ) -> float:
        """Left-aligned paragraph wrapped at `w` mm (CJK: any character may break); returns the next y."""
        f = font(face[0], face[1], self.pt(size))
        limit = self.px(w)
        line, lines = "", []
        for c in s:
            if f.getlength(line + c) > limit and line:
                lines.append(line)
                line = c
            else:
                line += c
        if line:
            lines.append(line)
        step = size / 72 * 25.4 * leading
        for ln in lines:
            self.text(x, y, ln, face, size, **kw)
            y += step
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.3, fill=(30, 30, 30)) -> None:
        self.draw.line(
            [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill, width=max(1, self.px(width))
        )

    def rect(
        self, x0: float, y0: float, x1: float, y1: float, width: float = 0.3, outline=(30, 30, 30), fill=None
    ) -> None:
        self.draw.rectangle(
            [self.px(x0), self.px(y0), self.px(x1), self.px(y1)],
            outline=outline,
            fill=fill,
            width=max(1, self.px(width)),
        )

    def paste(self, im: Image.Image, x: float, y: float, multiply: bool = True) -> None:
        """Put `im` (RGB on white) with its top-left at (x, y) mm; multiply = ink over what is there."""
        box = (self.px(x), self.px(y))
        if not multiply:
            self.img.paste(im, box)
            return
        region = self.img.crop((box[0], box[1], box[0] + im.width, box[1] + im.height))
        self.img.paste(ImageChops.multiply(region, im.convert("RGB")), box)


# --- seals -------------------------------------------------------------------------------------------

SEAL_RED = [(214, 38, 46), (200, 30, 40), (226, 52, 60), (190, 24, 48)]
BUREAU_COLOURS = [(220, 40, 50), (205, 35, 90), (170, 40, 120), (228, 60, 70)]


def _arc_text(
    canvas: Image.Image,
    text: str,
    face: tuple[str, int],
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    px: int,
    span: float,
    colour,
) -> None:
    """Characters along the top of an ellipse, each turned to face the centre."""
    f = font(face[0], face[1], px)
    n = len(text)
    for i, ch in enumerate(text):
        a = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        glyph = Image.new("L", (px * 2, px * 2), 0)
        ImageDraw.Draw(glyph).text((px, px), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC, expand=False)
        solid = Image.new("RGB", glyph.size, colour)
        canvas.paste(solid, (round(x - px), round(y - px)), glyph)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, colour) -> None:
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.38
        a = math.radians(-90 + 36 * k)
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(pts, fill=colour)


def seal_image(
    rng: random.Random,
    dpi: int,
    ring_text: str,
    centre_text: str = "",
    diameter_mm: float = 40.0,
    oval: bool = False,
    colour=None,
    face: tuple[str, int] | None = None,
    star: bool = True,
    code: str = "",
) -> Image.Image:
    """A round (公章) or oval (电子章 of the tax bureau) seal as an RGB image on white, not yet inked."""
    colour = colour or rng.choice(SEAL_RED)
    face = face or rng.choice(available("song-bold") + available("hei"))
    w_mm = diameter_mm * (1.45 if oval else 1.0)
    W, H = round(w_mm / 25.4 * dpi), round(diameter_mm / 25.4 * dpi)
    img = Image.new("RGB", (W + 8, H + 8), "white")
    d = ImageDraw.Draw(img)
    cx, cy = (W + 8) / 2, (H + 8) / 2
    ring = max(2, round(dpi * (1.2 if not oval else 0.8) / 25.4))
    d.ellipse([4, 4, 4 + W, 4 + H], outline=colour, width=ring)
    if oval:
        inner = ring * 2.6
        d.ellipse(
            [4 + inner, 4 + inner, 4 + W - inner, 4 + H - inner], outline=colour, width=max(1, ring // 2)
        )
    char_px = round(H * (0.13 if not oval else 0.12))
    _arc_text(
        img,
        ring_text,
        face,
        cx,
        cy,
        W / 2 - ring * (3.4 if oval else 2.2) - char_px / 2,
        H / 2 - ring * (3.4 if oval else 2.2) - char_px / 2,
        char_px,
        250 if not oval else 200,
        colour,
    )
    if star:
        _star(d, cx, cy - (0 if not oval else H * 0.05), H * 0.14, colour)
    if centre_text:
        f = font(face[0], face[1], round(char_px * 0.95))
        d.text((cx, cy + H * (0.28 if not oval else 0.22)), centre_text, font=f, fill=colour, anchor="mm")
    if code:
        f = font(face[0], face[1], round(char_px * 0.6))
        d.text((cx, cy + H * 0.36), code, font=f, fill=colour, anchor="mm")
    return img


def ink(
    rng: random.Random,
    stamp: Image.Image,
    strength: float = 1.0,
    partial: bool = False,
    angle: float | None = None,
) -> Image.Image:
    """A rubber stamp pressed by hand: rotated, ink uneven (blotchy, lighter towards one side when pressed
    unevenly), speckled gaps, edges a little soft."""
    angle = rng.uniform(-25, 25) if angle is None else angle
    img = stamp.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor="white")
    a = np.asarray(img).astype(np.float32) / 255.0
    h, w = a.shape[:2]
    # Ink coverage: 1 = full ink, 0 = none.  Low-frequency blotches and fine speckle.
    small = (
        np.asarray(
            Image.fromarray(
                (np.array([[rng.random() for _ in range(6)] for _ in range(6)]) * 255).astype(np.uint8)
            ).resize((w, h), Image.BICUBIC)
        ).astype(np.float32)
        / 255.0
    )
    cover = 0.55 + 0.45 * small
    if partial:  # pressed harder on one side
        t = rng.uniform(0, 2 * math.pi)
        yy, xx = np.mgrid[0:h, 0:w]
        side = ((xx - w / 2) * math.cos(t) + (yy - h / 2) * math.sin(t)) / max(w, h)
        cover *= np.clip(0.8 - 2.2 * side, 0.08, 1.0)
    speck = (
        np.asarray(
            Image.fromarray(
                (
                    np.array([[rng.random() for _ in range(max(4, w // 6))] for _ in range(max(4, h // 6))])
                    * 255
                ).astype(np.uint8)
            ).resize((w, h), Image.NEAREST)
        ).astype(np.float32)
        / 255.0
    )
    cover *= np.where(speck < 0.12, 0.35, 1.0)
    cover *= strength
    inked = 1.0 - (1.0 - a) * cover[..., None]
    out = Image.fromarray(np.clip(inked * 255, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(radius=max(0.4, w / 900)))


def printed_seal(stamp: Image.Image, angle: float = 0.0) -> Image.Image:
    """An electronic seal printed with the page: flat colour, crisp, upright."""
    return stamp.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor="white") if angle else stamp


# --- handwriting -------------------------------------------------------------------------------------

BLUE_INKS = [(28, 52, 150), (35, 60, 170), (20, 40, 120), (45, 70, 160)]
BLACK_INKS = [(25, 25, 30), (40, 38, 45), (15, 15, 25)]


def handwriting(
    rng: random.Random,
    s: str,
    dpi: int,
    size_pt: float,
    colour=None,
    face: tuple[str, int] | None = None,
    slant: float | None = None,
) -> Image.Image:
    """`s` written by hand: per glyph size ±10 %, turn ±7°, a wavy baseline, uneven spacing and pressure."""
    colour = colour or rng.choice(BLUE_INKS)
    face = face or rng.choice(available("kai"))
    px = round(size_pt / 72 * dpi)
    wave_amp = px * rng.uniform(0.05, 0.14)
    wave_len = rng.uniform(3, 7)
    slant = rng.uniform(-4, 3) if slant is None else slant
    W, H = int(px * 1.15 * len(s) + px * 2), int(px * 2.2)
    layer = Image.new("L", (W, H), 0)
    x = px * 0.5
    for i, ch in enumerate(s):
        g_px = round(px * rng.uniform(0.88, 1.12))
        f = font(face[0], face[1], g_px)
        glyph = Image.new("L", (g_px * 2, g_px * 2), 0)
        ImageDraw.Draw(glyph).text(
            (g_px, g_px), ch, font=f, fill=round(255 * rng.uniform(0.8, 1.0)), anchor="mm"
        )
        glyph = glyph.rotate(rng.uniform(-7, 7) + slant, resample=Image.BICUBIC)
        if rng.random() < 0.5:  # a heavier pen: strokes a little thicker
            glyph = glyph.filter(ImageFilter.MaxFilter(3))
        y = H / 2 + wave_amp * math.sin(i / wave_len * 2 * math.pi) + rng.uniform(-0.05, 0.05) * px
        adv = (f.getlength(ch) if ch.strip() else px * 0.5) * rng.uniform(0.82, 1.0)
        _max_paste(layer, glyph, round(x + adv / 2 - g_px), round(y - g_px))
        x += adv + px * rng.uniform(0.0, 0.12)
    layer = layer.crop((0, 0, min(W, round(x + px * 0.5)), H)).filter(ImageFilter.GaussianBlur(0.5))
    out = Image.new("RGB", layer.size, "white")
    out.paste(Image.new("RGB", layer.size, colour), (0, 0), layer)
    return out


def _max_paste(layer: Image.Image, glyph: Image.Image, x: int, y: int) -> None:
    region = layer.crop((x, y, x + glyph.width, y + glyph.height))
    layer.paste(ImageChops.lighter(region, glyph), (x, y))


def signature(rng: random.Random, name: str, dpi: int, size_pt: float = 16, colour=None) -> Image.Image:
    """A quick signature: the name in the hand, larger, more slanted and squeezed."""
    img = handwriting(rng, name, dpi, size_pt, colour=colour, slant=rng.uniform(-12, -4))
    return img.resize((round(img.width * rng.uniform(0.75, 0.95)), img.height), Image.BICUBIC)
