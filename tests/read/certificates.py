"""Scans of the two certificates HR brings for a foreign degree and for an owned home, drawn here with
Pillow and system CJK fonts (Noto Serif / Noto Sans / AR PL KaiTi when installed) — not with the scan
corpus's layouts that the other readers' tests use — so the readers are not fitted to one drawing.

- 国外学历学位认证书 (教育部留学服务中心): the electronic certificate's table, or the older letter whose
  one sentence carries name, sex, birth date, school and degree.
- 不动产权证书 (a table: 权利人, 坐落, 面积 …) and the older 房屋所有权证 (房屋所有权人, 房屋坐落, 建筑面积).

`flatbed` writes an image-only PDF at the given dpi (Pillow's JPEG-in-PDF writer); `phone` writes a JPEG
of the sheet photographed on a desk: perspective, uneven light, a little blur and sensor noise.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

A4_MM = (210, 297)
FONT_CANDIDATES = {
    "serif": ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"],
    "sans": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
    "kai": ["/usr/share/fonts/truetype/arphic/ukai.ttc"],
}


def font_path(look: str) -> str | None:
    return next((p for p in FONT_CANDIDATES[look] if Path(p).exists()), None)


@dataclass(frozen=True)
class Holder:
    name: str
    sex: str
    born: date
    passport: str
    school: str
    country: str
    degree: str
    study: tuple[date, date]
    awarded: date
    cert_no: str
    address: str
    area: str
    deed_no: str
    registered: date


SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
SCHOOLS = [
    ("英国", "帝国理工学院", "英"),
    ("美国", "哥伦比亚大学", "美"),
    ("澳大利亚", "墨尔本大学", "澳"),
    ("日本", "早稻田大学", "日"),
    ("加拿大", "多伦多大学", "加"),
    ("德国", "慕尼黑工业大学", "德"),
]
DEGREES = ["理学硕士学位", "工学硕士学位", "文学硕士学位", "管理学硕士学位", "哲学博士学位"]
STREETS = [
    ("昌平区回龙观镇龙锦苑东五区", "号楼"),
    ("延庆区庆园街", "号院"),  # not 妫水北街: the OCR has no 妫 (benchmarks/README.md)
    ("昌平区天通苑北一区", "号楼"),
    ("延庆区百泉街道湖南东路", "号院"),
]


def holder(seed: int) -> Holder:
    rng = random.Random(seed)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    born = date(rng.randint(1985, 1999), rng.randint(1, 12), rng.randint(1, 28))
    country, school, short = rng.choice(SCHOOLS)
    start = date(born.year + 22, 9, 1)
    end = date(start.year + rng.choice((1, 2)), rng.choice((6, 7, 9)), 30)
    awarded = date(end.year, end.month + rng.randint(1, 3), rng.randint(1, 28))
    issued_year = awarded.year + rng.randint(0, 2)
    street, unit = rng.choice(STREETS)
    building = rng.randint(1, 40)
    address = f"{street}{building}{unit}{rng.randint(1, 6)}单元{rng.randint(1, 28)}{rng.randint(1, 4):02d}室"
    return Holder(
        name=name,
        sex=rng.choice("男女"),
        born=born,
        passport=f"E{rng.randint(10000000, 99999999)}",
        school=school,
        country=country,
        degree=rng.choice(DEGREES),
        study=(start, end),
        awarded=awarded,
        cert_no=f"教留服认{short}[{issued_year}]{rng.randint(100000, 999999)}号",
        address=address,
        area=f"{rng.randint(45, 160)}.{rng.randint(10, 99)}",
        deed_no=f"京({rng.randint(2016, 2024)})昌平区不动产权第{rng.randint(1000000, 9999999)}号",
        registered=date(rng.randint(2005, 2015), rng.randint(1, 12), rng.randint(1, 28)),
    )


def truth(kind: str, h: Holder, style: str) -> dict[str, str]:
    """What the reader must take off the certificate, as `hrdesk read` writes values."""
    if kind == "foreign-degree-verification":
        out = {
            "name": h.name,
            "sex": h.sex,
            "birth_date": h.born.isoformat(),
            "school": h.school,
            "degree": h.degree,
        }
        if style == "table":
            out |= {
                "document_number": h.passport,
                "country": h.country,
                "awarded_on": h.awarded.isoformat(),
                "certificate_number": h.cert_no,
            }
        return out
    out = {"owner": h.name, "address": h.address, "area": h.area}
    if style == "table":
        out["certificate_number"] = h.deed_no
    return out


# --- drawing ---------------------------------------------------------------------------------------


def _zh_date(d: date, pad: bool = True) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if pad else f"{d.year}年{d.month}月{d.day}日"


class Sheet:
    def __init__(self, dpi: int, look: str, rng: random.Random) -> None:
        from PIL import Image, ImageDraw

        self.dpi, self.rng = dpi, rng
        self.w, self.h = (round(mm / 25.4 * dpi) for mm in A4_MM)
        self.img = Image.new("RGB", (self.w, self.h), (250, 248, 241))
        self.draw = ImageDraw.Draw(self.img)
        self.font_file = font_path(look) or font_path("sans")
        if self.font_file is None:
            raise FileNotFoundError("no CJK font installed (fonts-noto-cjk)")

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    def font(self, pt: float):
        from PIL import ImageFont

        return ImageFont.truetype(self.font_file, round(pt / 72 * self.dpi))

    def text(self, x_mm: float, y_mm: float, text: str, pt: float = 11, fill=(25, 25, 25), centre=False):
        font = self.font(pt)
        x = self.px(x_mm)
        if centre:
            x = (self.w - self.draw.textlength(text, font=font)) / 2
        self.draw.text((x, self.px(y_mm)), text, font=font, fill=fill)

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.3) -> None:
        self.draw.line(
            (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=(60, 60, 60), width=self.px(width)
        )

    def seal(self, cx_mm: float, cy_mm: float, words: str) -> None:
        """A red round seal, partly transparent like ink: a ring, a star, the words on an arc."""
        import math

        from PIL import Image, ImageDraw

        r = self.px(20)
        layer = Image.new("RGBA", (2 * r + 4, 2 * r + 4), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        red = (205, 30, 35, 150)
        d.ellipse((2, 2, 2 * r, 2 * r), outline=red, width=self.px(1.0))
        star = [
            (
                r + 1 + (r * 0.28 if k % 2 == 0 else r * 0.11) * math.sin(k * math.pi / 5),
                r + 1 - (r * 0.28 if k % 2 == 0 else r * 0.11) * math.cos(k * math.pi / 5),
            )
            for k in range(10)
        ]
        d.polygon(star, fill=red)
        font = self.font(9)
        for i, ch in enumerate(words):
            angle = math.pi * (1.15 + 0.7 * i / max(1, len(words) - 1))
            x = r + 1 + r * 0.72 * math.cos(angle)
            y = r + 1 + r * 0.72 * math.sin(angle)
            d.text((x, y), ch, font=font, fill=red, anchor="mm")
        self.img.paste(layer, (self.px(cx_mm) - r, self.px(cy_mm) - r), layer)


def _row(s: Sheet, y: float, label: str, value: str, x_label=28.0, x_value=70.0, pt=11.5) -> float:
    s.text(x_label, y, label, pt)
    s.text(x_value, y, value, pt)
    return y + 11.5


def draw_foreign_degree(h: Holder, dpi: int, look: str, style: str, rng: random.Random):
    s = Sheet(dpi, look, rng)
    s.text(0, 22, "教育部留学服务中心", 15, centre=True)
    s.text(0, 34, "国外学历学位认证书", 22, centre=True)
    if style == "table":
        s.text(112, 50, f"证书编号：{h.cert_no}", 10)
        y = 66.0
        s.rule(22, y - 4, 188, y - 4)
        rows = [
            ("姓名", h.name),
            ("性别", h.sex),
            ("出生日期", _zh_date(h.born)),
            ("证件号码", h.passport),
            ("获得学位", h.degree),
            ("颁发院校", h.school),
            ("国家（地区）", h.country),
            (
                "学习时间",
                f"{h.study[0].year}年{h.study[0].month:02d}月至{h.study[1].year}年{h.study[1].month:02d}月",
            ),
            ("授予日期", _zh_date(h.awarded)),
        ]
        for label, value in rows:
            y = _row(s, y, label, value)
            s.rule(22, y - 4, 188, y - 4)
        s.rule(62, 62, 62, y - 4)
        s.text(28, y + 6, "认证意见：该学位证书经认证真实有效，特此证明。", 11.5)
        s.text(120, y + 40, "教育部留学服务中心", 12)
        s.text(122, y + 50, _zh_date(date(int(h.cert_no.split("[")[1][:4]), 3, 8)), 12)
        s.seal(140, y + 42, "教育部留学服务中心")
    else:
        s.text(150, 50, h.cert_no, 10)
        start, end = h.study
        para = [
            f"{h.name}，{h.sex}，{_zh_date(h.born, pad=False)}出生，护照号码{h.passport}。",
            f"于{start.year}年{start.month}月至{end.year}年{end.month}月在{h.country}{h.school}学习，",
            f"获得该校颁发的{h.degree}证书。",
            "经认证，该学位证书真实有效，特此证明。",
        ]
        y = 72.0
        for i, line in enumerate(para):
            s.text(28 if i == 0 else 22, y, line, 13)
            y += 12
        s.text(122, y + 30, "教育部留学服务中心", 12)
        s.seal(140, y + 34, "教育部留学服务中心")
    return s.img


def draw_deed(h: Holder, dpi: int, look: str, style: str, rng: random.Random):
    s = Sheet(dpi, look, rng)
    if style == "table":  # 不动产权证书, the register's page
        s.text(0, 20, "不动产权证书", 20, centre=True)
        s.text(30, 36, h.deed_no.replace("(", "（").replace(")", "）"), 12)  # printed full-width
        y = 52.0
        s.rule(22, y - 4, 188, y - 4)
        rows = [
            ("权利人", h.name),
            ("共有情况", "单独所有"),
            ("坐落", h.address),
            (
                "不动产单元号",
                f"110114 {rng.randint(100000, 999999)} GB{rng.randint(10000, 99999)} F{rng.randint(10000000, 99999999)}",
            ),
            ("权利类型", "国有建设用地使用权/房屋所有权"),
            ("权利性质", "出让/商品房"),
            ("用途", "城镇住宅用地/住宅"),
            (
                "面积",
                f"共有宗地面积{rng.randint(10000, 60000)}.{rng.randint(10, 99)}㎡/房屋建筑面积{h.area}㎡",
            ),
            ("使用期限", f"{h.registered.year}年01月01日起{h.registered.year + 70}年12月31日止"),
        ]
        for label, value in rows:
            y = _row(s, y, label, value, x_value=56, pt=10.5)
            s.rule(22, y - 4, 188, y - 4)
        s.rule(52, 48, 52, y - 4)
        s.seal(150, y + 20, "北京市规划和自然资源委员会")
    else:  # 房屋所有权证, the older certificate
        s.text(0, 20, "房屋所有权证", 20, centre=True)
        s.text(120, 34, f"X京房权证昌字第{rng.randint(100000, 999999)}号", 11)
        y = 50.0
        s.rule(22, y - 4, 188, y - 4)
        rows = [
            ("房屋所有权人", h.name),
            ("共有情况", "单独所有"),
            ("房屋坐落", h.address),
            ("登记时间", _zh_date(h.registered)),
            ("房屋性质", "商品房"),
            ("规划用途", "住宅"),
            ("建筑面积（㎡）", h.area),
        ]
        for label, value in rows:
            y = _row(s, y, label, value, x_value=62, pt=11)
            s.rule(22, y - 4, 188, y - 4)
        s.rule(58, 46, 58, y - 4)
        s.seal(150, y + 20, "北京市住房和城乡建设委员会")
    return s.img


# --- capture ---------------------------------------------------------------------------------------


def flatbed_pdf(img, dpi: int, rng: random.Random) -> bytes:
    """A scanner's image-only PDF: a slight tilt, JPEG at quality 85, the page at its dpi."""
    tilted = img.rotate(rng.uniform(-0.5, 0.5), expand=False, fillcolor=(250, 248, 241))
    out = io.BytesIO()
    tilted.save(out, "PDF", resolution=float(dpi), quality=85)
    return out.getvalue()


def phone_jpeg(img, rng: random.Random) -> bytes:
    """The sheet photographed on a desk: perspective, light falling off to one side, blur, noise."""
    import cv2
    import numpy as np

    sheet = np.asarray(img.convert("RGB"))[:, :, ::-1]
    h, w = sheet.shape[:2]
    out_w, out_h = 1700, 2300
    pad = 80
    jitter = [rng.uniform(-40, 40) for _ in range(8)]
    dst = np.float32(
        [
            [pad + jitter[0], pad + jitter[1]],
            [out_w - pad + jitter[2], pad + jitter[3]],
            [out_w - pad + jitter[4], out_h - pad + jitter[5]],
            [pad + jitter[6], out_h - pad + jitter[7]],
        ]
    )
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    desk = np.full((out_h, out_w, 3), (70, 95, 120), dtype=np.uint8)
    photo = cv2.warpPerspective(sheet, matrix, (out_w, out_h), dst=desk, borderMode=cv2.BORDER_TRANSPARENT)
    ramp = np.linspace(1.0, rng.uniform(0.72, 0.85), out_w, dtype=np.float32)[None, :, None]
    photo = np.clip(photo.astype(np.float32) * ramp, 0, 255)
    photo = cv2.GaussianBlur(photo, (3, 3), rng.uniform(0.5, 0.9))
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 4, photo.shape)
    photo = np.clip(photo + noise, 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(78, 88)])
    assert ok
    return data.tobytes()


def scan(kind: str, seed: int, *, style: str, dpi: int, look: str, capture: str) -> tuple[bytes, str, Holder]:
    """One certificate as HR's scanner or phone makes it: (file bytes, suffix, the holder)."""
    h = holder(seed)
    rng = random.Random(seed * 7 + 1)
    drawer = draw_foreign_degree if kind == "foreign-degree-verification" else draw_deed
    img = drawer(h, dpi if capture == "flatbed" else 200, look, style, rng)
    if capture == "phone":
        return phone_jpeg(img, rng), ".jpg", h
    return flatbed_pdf(img, dpi, rng), ".pdf", h
