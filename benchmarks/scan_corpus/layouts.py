"""Page layouts of the documents HR scans, drawn clean (the capture module makes them look scanned).

Each `draw_<kind>(doc)` returns a list of RGB pages at `doc.dpi`. `doc` says whose data is printed (for the
"another person's document" fault that is someone else), and which particulars to leave out."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from ink import (
    BLACK_INKS,
    BLUE_INKS,
    BUREAU_COLOURS,
    Faces,
    Page,
    handwriting,
    ink,
    printed_seal,
    seal_image,
    signature,
)
from people import AREAS, PLACES, Person, issuing_authority, phone, random_name
from PIL import Image, ImageDraw, ImageFilter

A4 = (210.0, 297.0)
CN_DIGITS = "〇一二三四五六七八九"


@dataclass
class Doc:
    kind: str  # what is drawn (for a wrong-kind fault this is not the slot's kind)
    person: Person  # whose particulars are printed
    on: date  # the application day
    dpi: int
    rng: random.Random
    faces: Faces
    omit: set[str] = field(
        default_factory=set
    )  # "unit_seal", "annotation", "lease_particulars", month "YYYY-MM"
    contract_end: date | None = None  # printed end (date mismatch fault: not the record's)
    id_expires: date | None = None
    photo_bg: str = "white"
    months: list[str] = field(default_factory=list)  # tax periods printed


def cn_date(d: date) -> str:
    year = "".join(CN_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{_cn_num(d.month)}月{_cn_num(d.day)}日"


def _cn_num(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def ymd(d: date, rng: random.Random) -> str:
    return rng.choice([f"{d.year}年{d.month}月{d.day}日", f"{d.year}年{d.month:02d}月{d.day:02d}日"])


def footer(p: Page, n: int, total: int, style: str) -> None:
    text = {
        "cn_total": f"第 {n} 页 共 {total} 页",
        "cn_total_comma": f"第 {n} 页，共 {total} 页",
        "cn": f"第{n}页",
        "of": f"{n}/{total}",
        "of_spaced": f"{n} / {total}",
        "dash": f"- {n} -",
        "endash": f"– {n} –",
        "en": f"Page {n} of {total}",
    }[style]
    p.text(105, 284, text, p_face(p), 9, anchor="mm")


def p_face(p: Page):  # the footer face is the page's body face
    return p.body


def new_page(doc: Doc, paper=(255, 255, 255)) -> Page:
    p = Page(*A4, doc.dpi, paper)
    p.body = doc.faces.body  # type: ignore[attr-defined]
    return p


def stamp(p: Page, doc: Doc, x: float, y: float, ring: str, centre: str = "", d_mm: float = 40, **kw) -> None:
    """A hand-pressed red seal centred at (x, y) mm, over whatever is printed there."""
    rng = doc.rng
    img = ink(rng, seal_image(rng, doc.dpi, ring, centre, d_mm, **kw), partial=rng.random() < 0.3)
    p.paste(img, x - img.width / doc.dpi * 25.4 / 2, y - img.height / doc.dpi * 25.4 / 2)


def write(p: Page, doc: Doc, x: float, y: float, s: str, size: float = 13, colour=None) -> None:
    img = handwriting(doc.rng, s, doc.dpi, size, colour=colour)
    p.paste(img, x, y - img.height / doc.dpi * 25.4 / 2)


def sign(p: Page, doc: Doc, x: float, y: float, name: str, colour=None) -> None:
    img = signature(doc.rng, name, doc.dpi, doc.rng.uniform(14, 19), colour=colour)
    p.paste(img, x, y - img.height / doc.dpi * 25.4 / 2)


def portrait(w: int, h: int, bg: str, rng: random.Random) -> Image.Image:
    """A head-and-shoulders ID photo on a plain background."""
    bgc = {"white": (252, 252, 250), "blue": (67, 142, 219), "red": (200, 30, 35)}[bg]
    img = Image.new("RGB", (w, h), bgc)
    d = ImageDraw.Draw(img)
    skin = rng.choice([(236, 200, 170), (224, 184, 150), (240, 210, 185)])
    cloth = rng.choice([(30, 30, 40), (40, 50, 80), (230, 230, 235), (60, 60, 60)])
    d.ellipse([w * 0.05, h * 0.68, w * 0.95, h * 1.35], fill=cloth)
    d.rectangle([w * 0.42, h * 0.55, w * 0.58, h * 0.75], fill=skin)
    d.ellipse([w * 0.28, h * 0.18, w * 0.72, h * 0.66], fill=skin)
    d.chord([w * 0.26, h * 0.12, w * 0.74, h * 0.5], 180, 360, fill=(25, 22, 20))
    for ex in (0.4, 0.6):
        d.ellipse([w * (ex - 0.03), h * 0.39, w * (ex + 0.03), h * 0.42], fill=(30, 25, 25))
    d.line([w * 0.45, h * 0.55, w * 0.55, h * 0.55], fill=(170, 90, 90), width=max(1, w // 60))
    return img.filter(ImageFilter.GaussianBlur(max(0.5, w / 300)))


def person_photo(doc: Doc, p: Page, x: float, y: float, w_mm: float, h_mm: float, bg: str = "white") -> None:
    img = portrait(p.px(w_mm), p.px(h_mm), bg, doc.rng)
    p.paste(img, x, y, multiply=False)


# --- ID card (front and back on one A4 copy) ---------------------------------------------------------


def draw_id_card(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc)
    cw, ch = 85.6, 54.0
    x0 = (210 - cw) / 2 + rng.uniform(-15, 15)
    ys = [rng.uniform(35, 55), 0.0]
    ys[1] = ys[0] + ch + rng.uniform(12, 30)
    if rng.random() < 0.5:
        ys.reverse()
    tint = rng.choice([(232, 240, 238), (236, 238, 232), (228, 236, 242)])
    for y0 in ys:
        card = Image.new("RGB", (p.px(cw), p.px(ch)), tint)
        cd = ImageDraw.Draw(card)
        for k in range(0, card.width, max(2, p.px(1.6))):  # guilloche-ish pale waves
            cd.arc([k - p.px(20), p.px(10), k + p.px(20), p.px(60)], 200, 340, fill=(214, 226, 224), width=1)
        mask = Image.new("L", card.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle(
            [0, 0, card.width - 1, card.height - 1], radius=p.px(3.2), fill=255
        )
        p.img.paste(card, (p.px(x0), p.px(y0)), mask)
        p.draw.rounded_rectangle(
            [p.px(x0), p.px(y0), p.px(x0 + cw), p.px(y0 + ch)],
            radius=p.px(3.2),
            outline=(150, 160, 160),
            width=1,
        )
    front, back = sorted(ys)[0], sorted(ys)[1]
    if ys[0] > ys[1]:
        front, back = back, front
    grey = (70, 70, 70)
    lab = f.sans
    x = x0 + 5
    p.text(x, front + 7, "姓  名", lab, 7, fill=(40, 90, 160))
    p.text(x + 12, front + 6.3, who.name, f.sans, 10, fill=(10, 10, 10))
    p.text(x, front + 15, "性  别", lab, 7, fill=(40, 90, 160))
    p.text(x + 12, front + 14.5, who.sex, f.sans, 8.5)
    p.text(x + 23, front + 15, "民  族", lab, 7, fill=(40, 90, 160))
    p.text(x + 35, front + 14.5, who.nation, f.sans, 8.5)
    p.text(x, front + 22, "出  生", lab, 7, fill=(40, 90, 160))
    p.text(
        x + 12, front + 21.5, f"{who.born.year}  年  {who.born.month}  月  {who.born.day}  日", f.sans, 8.5
    )
    p.text(x, front + 29, "住  址", lab, 7, fill=(40, 90, 160))
    # The address wraps before the portrait, as on a real card (at 40 mm its lines ran 2.4 mm under the
    # photo, which hid a character at each line's end: 17栋2 / 单元 read as 17栋 / 单元).
    p.wrap(x + 12, front + 28.5, 36, who.address, f.sans, 8.2, leading=1.4)
    p.text(x, front + 46, "公民身份号码", lab, 7, fill=(40, 90, 160))
    p.text(x + 21, front + 45.2, who.id_number, f.sans, 10.5, spacing=0.35)
    person_photo(doc, p, x0 + cw - 31, front + 8, 24, 30)
    # back
    emblem = Image.new("RGB", (p.px(15), p.px(15)), "white")
    ed = ImageDraw.Draw(emblem)
    ed.ellipse([0, 0, emblem.width - 1, emblem.height - 1], fill=(205, 40, 40))
    ed.ellipse(
        [emblem.width * 0.25, emblem.height * 0.25, emblem.width * 0.75, emblem.height * 0.75],
        fill=(235, 190, 60),
    )
    p.paste(emblem, x0 + 6, back + 5)
    p.text(x0 + 30, back + 11, "中华人民共和国", f.title, 12, spacing=1.2)
    p.text(x0 + 22, back + 24, "居民身份证", f.title, 18, spacing=2.0)
    issued = doc.person.id_issued
    expires = doc.id_expires or doc.person.id_expires
    if doc.id_expires is not None:
        issued = date(expires.year - 10, expires.month, min(expires.day, 28))
    p.text(x0 + 14, back + 40, "签发机关", lab, 7, fill=grey)
    p.text(x0 + 29, back + 39.5, issuing_authority(who), f.sans, 8.5)
    p.text(x0 + 14, back + 47, "有效期限", lab, 7, fill=grey)
    p.text(x0 + 29, back + 46.5, f"{issued:%Y.%m.%d}-{expires:%Y.%m.%d}", f.sans, 8.5)
    if doc.person.district == "yanqing" or rng.random() < 0.3:  # a certified copy: 与原件一致 + unit seal
        write(p, doc, 120, back + ch + 22, "与原件一致", 15)
        stamp(p, doc, 150, back + ch + 22, doc.person.employer, "", 40)
    return [p]


# --- 户口簿 本人页 ---------------------------------------------------------------------------------------


def draw_hukou_pages(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc)
    x0, y0, w, h = 25 + rng.uniform(-5, 5), 30 + rng.uniform(-5, 10), 160, 200
    p.rect(x0 - 3, y0 - 3, x0 + w + 3, y0 + h + 3, width=0.2, outline=(200, 200, 200), fill=(246, 236, 238))
    p.text(x0 + w / 2, y0 + 10, "常住人口登记卡", f.title, 18, anchor="mm", spacing=2)
    rows = [
        [("姓名", who.name), ("户主或与户主关系", rng.choice(["户主", "子", "女", "本人"]))],
        [("曾用名", ""), ("性别", who.sex)],
        [("出生地", AREAS[who.area]), ("民族", who.nation)],
        [
            ("籍贯", AREAS[who.area][:3]),
            ("出生日期", f"{who.born.year}年{who.born.month:02d}月{who.born.day:02d}日"),
        ],
        [("本市（县）其他住址", ""), ("宗教信仰", "")],
        [("公民身份号码", who.id_number), ("身高", f"{rng.randint(155, 186)}cm")],
        [("血型", rng.choice(["A", "B", "O", "AB"])), ("文化程度", "大学本科")],
        [("婚姻状况", "已婚"), ("兵役状况", "")],
        [("服务处所", who.employer), ("职业", rng.choice(["工程师", "职员", "会计", "技术员"]))],
        [("何时由何地迁来本市（县）", f"{who.graduated.year}年 {who.university[:2]}"), ("", "")],
        [("何时由何地迁来本址", ""), ("", "")],
    ]
    rh = 14.5
    top = y0 + 22
    ink_c = (30, 30, 50)
    for i, row in enumerate(rows):
        y = top + i * rh
        p.line(x0, y, x0 + w, y, 0.25, (150, 90, 100))
        for j, (label, value) in enumerate(row):
            cx = x0 + j * w / 2
            if label:
                p.text(cx + 2, y + rh / 2, label, f.body, 8, fill=(120, 60, 70), anchor="lm")
                lw = p.width(label, f.body, 8)
                p.text(cx + 4 + lw, y + rh / 2, value, f.sans, 10, fill=ink_c, anchor="lm")
        p.line(x0 + w / 2, y, x0 + w / 2, y + rh, 0.25, (150, 90, 100))
    p.line(x0, top + len(rows) * rh, x0 + w, top + len(rows) * rh, 0.25, (150, 90, 100))
    p.rect(x0, top, x0 + w, top + len(rows) * rh, 0.35, outline=(150, 90, 100))
    yb = top + len(rows) * rh + 10
    p.text(x0 + 5, yb, "承办人签章：", f.body, 9, fill=(120, 60, 70))
    p.text(
        x0 + 95,
        yb,
        f"登记日期：{who.graduated.year + 1}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        f.body,
        9,
    )
    stamp(p, doc, x0 + 118, yb - 6, f"{AREAS[who.area][3:]}公安局派出所"[:14], "户口专用章", 42, star=True)
    if doc.person.district == "yanqing":
        write(p, doc, 120, 262, "与原件一致", 14)
        stamp(p, doc, 160, 262, doc.person.employer, "", 40)
    return [p]


# --- 毕业证书 / 学位证书 / 学历备案表 ---------------------------------------------------------------------


def _certificate_frame(p: Page, doc: Doc) -> tuple[float, float]:
    col = doc.rng.choice([(150, 40, 40), (40, 80, 140), (150, 120, 40)])
    p.rect(14, 18, 196, 279, 1.6, outline=col)
    p.rect(18, 22, 192, 275, 0.4, outline=col)
    return 22, 22


def draw_diploma(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc, (253, 251, 244))
    _certificate_frame(p, doc)
    p.text(105, 48, "毕 业 证 书", f.title, 34, anchor="mm", spacing=3)
    person_photo(doc, p, 32, 66, 30, 40)
    sex = who.sex
    txt = (
        f"学生 {who.name}，性别{sex}，{who.born.year}年{who.born.month}月生，"
        f"于{who.enrolled.year}年{who.enrolled.month}月至{who.graduated.year}年{who.graduated.month}月在本校"
        f"{who.major}专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。"
    )
    p.wrap(30, 125, 150, txt, f.body, 15, leading=2.0)
    p.text(120, 200, f"校    名：{who.university}", f.body, 13)
    p.text(120, 214, "校（院）长：", f.body, 13)
    sign(p, doc, 150, 214, random_name(rng), colour=(20, 20, 20))
    p.text(30, 240, f"证书编号：1{rng.randrange(10**15):015d}", f.sans, 11)
    p.text(120, 240, cn_date(who.graduated), f.body, 13)
    stamp(p, doc, 150, 205, who.university, "", 42)
    return [p]


def draw_degree_certificate(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc, (252, 250, 246))
    _certificate_frame(p, doc)
    p.text(105, 50, "学士学位证书", f.title, 32, anchor="mm", spacing=2)
    person_photo(doc, p, 140, 66, 30, 40)
    txt = (
        f"{who.name}，{who.sex}，{who.born.year}年{who.born.month}月{who.born.day}日生。在{who.university}"
        f"{who.major}专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》的规定，"
        f"授予{who.degree_field}学士学位。"
    )
    p.wrap(30, 125, 150, txt, f.body, 15, leading=2.0)
    p.text(95, 205, f"{who.university}学位评定委员会", f.body, 13)
    p.text(95, 218, "主席：", f.body, 13)
    sign(p, doc, 112, 218, random_name(rng), colour=(20, 20, 20))
    p.text(30, 245, f"证书编号：{rng.randrange(10**15):015d}", f.sans, 11)
    p.text(120, 245, f"{who.graduated.year}年{who.graduated.month}月{who.graduated.day}日", f.body, 13)
    stamp(p, doc, 130, 212, f"{who.university}学位评定委员会", "", 44)
    return [p]


def draw_diploma_verification(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc)
    p.text(105, 28, "教育部学历证书电子注册备案表", f.title, 18, anchor="mm")
    p.text(
        170,
        40,
        f"更新日期：{doc.on.year}年{doc.on.month:02d}月{max(1, doc.on.day - 3):02d}日",
        f.body,
        8,
        anchor="mm",
    )
    person_photo(doc, p, 150, 50, 30, 40)
    qr = Image.new("RGB", (p.px(24), p.px(24)), "white")
    qd = ImageDraw.Draw(qr)
    cell = qr.width / 25
    for i in range(25):
        for j in range(25):
            if rng.random() < 0.5 or (i < 7 and j < 7) or (i < 7 and j > 17) or (i > 17 and j < 7):
                qd.rectangle([i * cell, j * cell, (i + 1) * cell, (j + 1) * cell], fill=(0, 0, 0))
    p.paste(qr, 153, 98)
    fields = [
        ("姓名", who.name),
        ("性别", who.sex),
        ("证件号码", who.id_number),
        ("民族", who.nation + "族"),
        ("出生日期", f"{who.born.year}年{who.born.month:02d}月{who.born.day:02d}日"),
        ("院校", who.university),
        ("层次", "本科"),
        ("专业", who.major),
        ("学制", "4 年"),
        ("学历类别", "普通高等教育"),
        ("学习形式", "普通全日制"),
        ("入学日期", f"{who.enrolled.year}年{who.enrolled.month:02d}月{who.enrolled.day:02d}日"),
        ("毕（结）业日期", f"{who.graduated.year}年{who.graduated.month:02d}月{who.graduated.day:02d}日"),
        ("毕（结）业", "毕业"),
        ("证书编号", f"1{rng.randrange(10**15):015d}"),
        ("校（院）长姓名", random_name(rng)),
    ]
    y = 52
    for label, value in fields:
        p.text(25, y, label, f.body, 10, fill=(90, 90, 90))
        p.text(60, y, value, f.sans, 10.5)
        y += 9.5
    p.line(20, y + 2, 190, y + 2, 0.3, (120, 120, 120))
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(16))
    p.text(25, y + 10, f"在线验证码：{code}", f.sans, 11)
    p.wrap(
        25,
        y + 20,
        160,
        "注：1．本表仅用于证明证书电子注册信息，不作他用。2．本表在线验证报告有效期内可通过学信网查询。",
        f.body,
        8.5,
    )
    seal = printed_seal(
        seal_image(
            rng, doc.dpi, "全国高等学校学生信息咨询与就业指导中心", "学历认证专用章", 38, colour=(220, 40, 45)
        )
    )
    p.paste(seal, 140, y - 40)
    return [p]


# --- 劳动合同 -------------------------------------------------------------------------------------------

CLAUSES = [
    (
        "工作内容和工作地点",
        "乙方同意根据甲方工作需要，担任{job}岗位工作。工作地点为北京市{district}区。甲方可根据生产经营需要及乙方的工作能力和表现，经协商一致调整乙方的工作岗位。乙方应按照甲方的要求，按时完成规定的工作数量，达到规定的质量标准。",
    ),
    (
        "工作时间和休息休假",
        "甲方安排乙方执行标准工时制度，每日工作时间不超过八小时，平均每周工作时间不超过四十小时。甲方保证乙方每周至少休息一日。乙方依法享有法定节假日、带薪年休假、婚假、产假等假期。",
    ),
    (
        "劳动报酬",
        "甲方每月{pay}日前以货币形式支付乙方工资，月工资为人民币{salary}元。乙方在试用期期间的工资不低于本单位相同岗位最低档工资的百分之八十。甲方依法代扣代缴乙方个人所得税。",
    ),
    (
        "社会保险和福利待遇",
        "甲乙双方按国家和北京市的规定参加社会保险。甲方为乙方办理有关社会保险手续，并承担相应社会保险义务，乙方个人缴纳部分由甲方从乙方工资中代扣代缴。",
    ),
    (
        "劳动保护、劳动条件和职业危害防护",
        "甲方根据生产岗位的需要，按照国家有关劳动安全、卫生的规定为乙方配备必要的安全防护措施，发放必要的劳动保护用品。甲方对可能产生职业病危害的岗位，应当向乙方履行告知义务。",
    ),
    (
        "劳动合同的解除、终止和经济补偿",
        "甲乙双方解除、终止、续订劳动合同应当依照《中华人民共和国劳动合同法》和国家及北京市有关规定执行。甲方应当在解除或者终止本合同时，为乙方出具解除或者终止劳动合同的证明。",
    ),
    (
        "当事人约定的其他内容",
        "乙方应保守甲方的商业秘密和与知识产权相关的保密事项。双方约定的培训服务期、竞业限制等事项另行签订协议，作为本合同的附件，与本合同具有同等法律效力。",
    ),
    (
        "劳动争议处理及其他",
        "双方因履行本合同发生争议，当事人可以向甲方劳动争议调解委员会申请调解；调解不成的，可以向劳动争议仲裁委员会申请仲裁。本合同未尽事宜，按国家和北京市有关规定执行。",
    ),
]
NUMS = "一二三四五六七八九十"


def draw_labour_contract(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    end = doc.contract_end or who.contract_end
    style = rng.choice(
        ["cn_total", "cn_total_comma", "cn", "of", "of_spaced", "dash", "dash", "endash", "en"]
    )
    pages: list[Page] = []
    # cover
    p = new_page(doc)
    p.text(105, 80, "劳 动 合 同 书", f.title, 30, anchor="mm", spacing=4)
    p.text(45, 150, f"甲方（用人单位）：{who.employer}", f.body, 14)
    p.text(45, 168, f"乙方（劳动者）：{who.name}", f.body, 14)
    p.text(45, 186, f"签订日期：{ymd(who.hired, rng)}", f.body, 14)
    p.text(105, 250, "北京市人力资源和社会保障局制", f.body, 11, anchor="mm")
    pages.append(p)
    # particulars + term
    p = new_page(doc)
    y = 28
    p.text(25, y, "甲方（用人单位）名称：" + who.employer, f.body, 11)
    y += 8
    p.text(25, y, "统一社会信用代码：" + who.credit_code, f.body, 11)
    y += 8
    p.text(25, y, "法定代表人（主要负责人）：" + random_name(rng), f.body, 11)
    y += 8
    p.text(25, y, "注册地址：" + rng.choice(PLACES[who.district]) + f"{rng.randint(1, 99)}号院", f.body, 11)
    y += 12
    p.text(25, y, "乙方（劳动者）姓名：" + who.name, f.body, 11)
    p.text(130, y, "性别：" + who.sex, f.body, 11)
    y += 8
    p.text(25, y, "居民身份证号码：" + who.id_number, f.body, 11)
    y += 8
    p.text(25, y, "户籍地址：" + who.address, f.body, 11)
    y += 8
    p.text(25, y, "联系电话：" + who.phone, f.body, 11)
    y += 12
    p.wrap(
        25,
        y,
        160,
        "根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》和有关法律、法规，甲乙双方经平等自愿、协商一致签订本合同，共同遵守本合同所列条款。",
        f.body,
        11,
    )
    y += 22
    p.text(25, y, "一、劳动合同期限", f.title, 12)
    y += 9
    term = f"本合同为固定期限劳动合同，期限自{ymd(who.hired, rng)}起至{ymd(end, rng)}止。其中试用期自{ymd(who.hired, rng)}起至{ymd(date(who.hired.year + (who.hired.month + 2) // 12, (who.hired.month + 2) % 12 + 1, 1), rng)}止。"
    y = p.wrap(25, y, 160, term, f.body, 11)
    pages.append(p)
    clauses = CLAUSES[:]
    per_page = rng.choice([3, 4])
    k = 1
    while clauses:
        p = new_page(doc)
        y = 28
        for title, body in clauses[:per_page]:
            k += 1
            p.text(25, y, f"{NUMS[k - 1]}、{title}", f.title, 12)
            y += 9
            body = body.format(
                job=rng.choice(["软件开发", "财务", "销售", "技术支持"]),
                district=who.district == "changping" and "昌平" or "延庆",
                pay=rng.choice([10, 15, 20]),
                salary=rng.randrange(15000, 40000, 500),
            )
            y = p.wrap(25, y, 160, body, f.body, 11) + 6
        clauses = clauses[per_page:]
        pages.append(p)
    # signature page
    p = new_page(doc)
    p.wrap(25, 30, 160, "十、本合同一式两份，甲乙双方各执一份，经双方签字盖章后生效。", f.body, 11)
    p.text(25, 80, "甲方（盖章）：", f.body, 12)
    p.text(25, 110, "法定代表人或委托代理人（签字）：", f.body, 12)
    sign(p, doc, 100, 110, random_name(rng), colour=rng.choice(BLACK_INKS + BLUE_INKS))
    p.text(25, 125, f"日期：{ymd(who.hired, rng)}", f.body, 12)
    p.text(115, 80, "乙方（签字）：", f.body, 12)
    sign(p, doc, 148, 80, who.name, colour=rng.choice(BLACK_INKS + BLUE_INKS))
    p.text(115, 125, f"日期：{ymd(who.hired, rng)}", f.body, 12)
    if "unit_seal" not in doc.omit:
        stamp(
            p,
            doc,
            60 + rng.uniform(-8, 8),
            92 + rng.uniform(-6, 6),
            who.employer,
            "合同专用章" if rng.random() < 0.5 else "",
            42,
        )
    pages.append(p)
    total = len(pages)
    for n, pg in enumerate(pages, 1):
        if n > 1 or rng.random() < 0.4:
            footer(pg, n, total, style)
    if (
        rng.random() < 0.35 and "unit_seal" not in doc.omit
    ):  # 骑缝章: a slice of the seal on every page's edge
        seal = ink(rng, seal_image(rng, doc.dpi, who.employer, "", 40), angle=0)
        for i, pg in enumerate(pages):
            part_w = seal.width // total
            piece = seal.crop((i * part_w, 0, (i + 1) * part_w, seal.height))
            pg.paste(piece, 210 - piece.width / doc.dpi * 25.4 - 1, 150)
    return pages


# --- tax records ----------------------------------------------------------------------------------------


def _bureau(who: Person) -> str:
    return "国家税务总局北京市" + ("昌平区" if who.district == "changping" else "延庆区") + "税务局"


def _tax_marks(p: Page, doc: Doc, y: float, first: bool) -> None:
    """The bureau's printed e-seal, the unit's hand-pressed seal, the handwritten annotation, below the
    table (over its last rows when the table is long)."""
    rng, who = doc.rng, doc.person
    base = min(y, 205)
    if first or rng.random() < 0.5:
        colour = rng.choice(BUREAU_COLOURS)
        e = printed_seal(
            seal_image(rng, doc.dpi, _bureau(who), "征税专用章", 34, oval=rng.random() < 0.6, colour=colour),
            0,
        )
        p.paste(e, 135 + rng.uniform(-8, 8), base + rng.uniform(0, 4))
    if "unit_seal" not in doc.omit:
        centre = "财务专用章" if who.district == "yanqing" else ""
        stamp(p, doc, rng.uniform(55, 110), base + 24 + rng.uniform(-4, 4), who.employer, centre, 40)
    colour = rng.choice(BLUE_INKS + BLUE_INKS + BLACK_INKS)
    ax, ay = 25 + rng.uniform(0, 20), base + 54
    if "annotation" not in doc.omit:
        write(p, doc, ax, ay, "已核实确认真实有效", rng.uniform(14, 18), colour=colour)
        write(p, doc, ax + 92, ay + rng.uniform(-2, 3), "经办人：", 12, colour=colour)
        sign(p, doc, ax + 112, ay, random_name(rng), colour=colour)
    if who.district == "yanqing":
        write(p, doc, ax, ay + 13, f"财务负责人 {random_name(rng)} 电话{phone(rng)}", 12, colour=colour)


def _period_text(month: str, style: str) -> str:
    y, m = month.split("-")
    last = [31, 29 if int(y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][int(m) - 1]
    return {
        "dash": f"{y}-{m}",
        "cn": f"{y}年{m}月",
        "range": f"{y}-{m}-01至{y}-{m}-{last}",
        "dots": f"{y}.{m}",
    }[style]


def draw_iit_tax_record(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    months = [m for m in doc.months if m not in doc.omit]
    style = rng.choice(["dash", "cn", "range", "dots"])
    rows = []
    for m in months:
        rows.append(("工资薪金所得", m, rng.randrange(300, 3000) + rng.random()))
        if rng.random() < 0.15:
            rows.append(("劳务报酬所得", m, rng.randrange(50, 800) + rng.random()))
    per_page = rng.choice([14, 18, 24])
    chunks = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, 1):
        p = new_page(doc)
        p.text(105, 24, "中华人民共和国", f.title, 14, anchor="mm")
        p.text(105, 34, "个人所得税纳税记录", f.title, 19, anchor="mm", spacing=1)
        p.text(
            105,
            43,
            f"（{months[0].replace('-', '年')}月至{months[-1].replace('-', '年')}月）" if months else "",
            f.body,
            10,
            anchor="mm",
        )
        p.text(22, 54, f"No. {rng.randrange(10**17):017d}", f.sans, 8)
        p.text(22, 62, f"纳税人名称：{who.name}", f.body, 10)
        p.text(110, 62, f"纳税人识别号：{who.id_number}", f.body, 10)
        p.text(22, 70, "身份证件类型：居民身份证", f.body, 10)
        p.text(110, 70, f"身份证件号码：{who.id_number}", f.body, 10)
        p.text(22, 78, f"开具日期：{doc.on.year}-{doc.on.month:02d}-{max(1, doc.on.day - 5):02d}", f.body, 10)
        cols = [
            (18, "序号"),
            (32, "所得项目"),
            (62, "税款所属期"),
            (112, "入库日期"),
            (140, "实缴（退）金额"),
            (168, "税务机关"),
        ]
        y = 86
        p.rect(18, y, 192, y + 9 + 8 * len(chunk), 0.3)
        for cx, title in cols:
            p.text(cx + 1.5, y + 4.5, title, f.body, 8.5, anchor="lm")
            if cx > 18:
                p.line(cx, y, cx, y + 9 + 8 * len(chunk), 0.25)
        y += 9
        for i, (item, m, amount) in enumerate(chunk):
            p.line(18, y, 192, y, 0.2)
            yy, mm = int(m[:4]), int(m[5:])
            paid = date(yy + (mm == 12), mm % 12 + 1, rng.randint(8, 15))
            p.text(20, y + 4, str((n - 1) * per_page + i + 1), f.sans, 8.5, anchor="lm")
            p.text(33.5, y + 4, item, f.body, 8.5, anchor="lm")
            p.text(63.5, y + 4, _period_text(m, style), f.sans, 8.5, anchor="lm")
            p.text(113.5, y + 4, f"{paid:%Y-%m-%d}", f.sans, 8.5, anchor="lm")
            p.text(141.5, y + 4, f"{amount:.2f}", f.sans, 8.5, anchor="lm")
            p.text(169.5, y + 4, _bureau(who)[4:9] + "…", f.body, 7, anchor="lm")
            y += 8
        if n == len(chunks):
            total = sum(a for _, _, a in rows)
            p.text(22, y + 6, f"金额合计（大写）：人民币 —   （小写）¥{total:.2f}", f.body, 9)
            y += 10
        p.text(22, y + 6, "说明：本记录涉及纳税人敏感信息，不得用于本人申请以外的用途。", f.body, 8)
        _tax_marks(p, doc, y + 12, n == 1)
        if len(chunks) > 1:
            footer(p, n, len(chunks), rng.choice(["cn_total", "of"]))
        pages.append(p)
    return pages


def draw_declared_income_record(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    months = [m for m in doc.months if m not in doc.omit]
    style = rng.choice(["dash", "cn", "dots"])
    p = new_page(doc)
    p.text(105, 28, "个人所得税 申报收入查询", f.title, 17, anchor="mm")
    p.text(22, 42, f"姓名：{who.name}", f.body, 10)
    p.text(100, 42, f"证件号码：{who.id_number}", f.body, 10)
    p.text(22, 50, f"查询日期：{doc.on.year}-{doc.on.month:02d}-{max(1, doc.on.day - 5):02d}", f.body, 10)
    p.text(100, 50, f"所得期间：{months[0]} 至 {months[-1]}" if months else "", f.body, 10)
    cols = [
        (18, "序号"),
        (30, "所得项目"),
        (62, "所得期间"),
        (92, "扣缴义务人"),
        (150, "收入额"),
        (172, "已申报税额"),
    ]
    y = 58
    p.rect(18, y, 192, y + 9 + 8 * len(months), 0.3)
    for cx, title in cols:
        p.text(cx + 1.5, y + 4.5, title, f.body, 8.5, anchor="lm")
        if cx > 18:
            p.line(cx, y, cx, y + 9 + 8 * len(months), 0.25)
    y += 9
    for i, m in enumerate(months):
        p.line(18, y, 192, y, 0.2)
        p.text(20, y + 4, str(i + 1), f.sans, 8.5, anchor="lm")
        p.text(31.5, y + 4, "正常工资薪金", f.body, 8.5, anchor="lm")
        p.text(63.5, y + 4, _period_text(m, style), f.sans, 8.5, anchor="lm")
        p.text(93.5, y + 4, who.employer, f.body, 7.5, anchor="lm")
        p.text(151.5, y + 4, f"{rng.randrange(15000, 40000, 100):.2f}", f.sans, 8.5, anchor="lm")
        p.text(173.5, y + 4, f"{rng.randrange(300, 3000)}.{rng.randrange(100):02d}", f.sans, 8.5, anchor="lm")
        y += 8
    _tax_marks(p, doc, y + 8, True)
    return [p]


# --- lease ----------------------------------------------------------------------------------------------


def draw_lease_contract(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    bare = "lease_particulars" in doc.omit
    lessor = random_name(rng)
    lessor_id = f"{rng.choice(['110108', '110114', '110229', '130602'])}{rng.randint(1960, 1985)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randrange(1000):03d}"
    from people import check_digit

    lessor_id += check_digit(lessor_id)
    end = doc.contract_end or who.lease_end
    style = rng.choice(["cn_total", "cn", "dash", "of"])
    p = new_page(doc)
    p.text(105, 28, "房屋租赁合同", f.title, 20, anchor="mm", spacing=2)
    y = 44
    if bare:
        p.text(25, y, f"出租方（甲方）：{lessor}", f.body, 11)
        y += 9
        p.text(25, y, f"承租方（乙方）：{who.name}", f.body, 11)
        y += 12
    else:
        for label, name, idn, tel in (
            ("出租方（甲方）", lessor, lessor_id, phone(rng)),
            ("承租方（乙方）", who.name, who.id_number, who.phone),
        ):
            p.text(25, y, f"{label}：{name}", f.body, 11)
            y += 8
            p.text(33, y, f"身份证号码：{idn}", f.body, 11)
            y += 8
            p.text(33, y, f"联系电话：{tel}", f.body, 11)
            y += 11
    addr = f"{rng.choice(PLACES[who.district])}{rng.choice(['龙锦苑', '融泽嘉园', '首开智慧社', '妫水家园', '温泉花园'])}{rng.randint(1, 30)}号楼{rng.randint(1, 5)}单元{rng.randint(101, 1802)}室"
    p.wrap(25, y, 160, "甲乙双方经协商一致，就乙方承租甲方房屋事宜订立本合同，以资共同遵守。", f.body, 11)
    y += 14
    p.text(25, y, "第一条 房屋基本情况", f.title, 12)
    y += 9
    if bare:
        y = p.wrap(
            25,
            y,
            160,
            f"甲方将其所有的房屋出租给乙方居住使用，建筑面积{rng.randint(45, 120)}平方米。",
            f.body,
            11,
        )
    else:
        y = p.wrap(
            25,
            y,
            160,
            f"甲方将其所有的位于{addr}的房屋（以下简称该房屋）出租给乙方居住使用，建筑面积{rng.randint(45, 120)}平方米。",
            f.body,
            11,
        )
    y += 5
    p.text(25, y, "第二条 租赁期限", f.title, 12)
    y += 9
    if bare:
        y = p.wrap(
            25, y, 160, "租赁期满，乙方如需继续承租，应提前一个月书面通知甲方，双方另行协商。", f.body, 11
        )
    else:
        y = p.wrap(
            25,
            y,
            160,
            f"租赁期限自{ymd(who.lease_start, rng)}起至{ymd(end, rng)}止，共计二十四个月。",
            f.body,
            11,
        )
    y += 5
    p.text(25, y, "第三条 租金及支付方式", f.title, 12)
    y += 9
    rent = rng.randrange(2500, 7000, 100)
    y = p.wrap(
        25,
        y,
        160,
        f"该房屋月租金为人民币{rent}元整，按季度支付，乙方应于每季度首月5日前支付当季租金。押金为一个月租金。",
        f.body,
        11,
    )
    y += 5
    p.text(25, y, "第四条 双方的权利和义务", f.title, 12)
    y += 9
    p.wrap(
        25,
        y,
        160,
        "甲方应保证该房屋及其附属设施处于正常的可使用状态。乙方应合理使用房屋，不得擅自改变房屋结构和用途，不得转租。租赁期间水、电、燃气、物业费由乙方承担。",
        f.body,
        11,
    )
    footer(p, 1, 2, style)
    p2 = new_page(doc)
    y = 30
    p2.text(25, y, "第五条 合同的解除", f.title, 12)
    y += 9
    y = p2.wrap(
        25,
        y,
        160,
        "经甲乙双方协商一致，可以解除本合同。因不可抗力导致本合同无法继续履行的，本合同自行解除。一方违约的，应向对方支付一个月租金作为违约金。",
        f.body,
        11,
    )
    y += 5
    p2.text(25, y, "第六条 其他约定", f.title, 12)
    y += 9
    y = p2.wrap(
        25,
        y,
        160,
        "本合同未尽事宜，双方可另行协商签订补充协议。本合同一式两份，双方各执一份，自双方签字之日起生效。",
        f.body,
        11,
    )
    y += 20
    p2.text(25, y, "甲方（签字）：", f.body, 12)
    sign(p2, doc, 55, y + 2, lessor, colour=rng.choice(BLACK_INKS + BLUE_INKS))
    p2.text(115, y, "乙方（签字）：", f.body, 12)
    sign(p2, doc, 145, y + 2, who.name, colour=rng.choice(BLACK_INKS + BLUE_INKS))
    y += 16
    p2.text(25, y, f"日期：{ymd(who.lease_start, rng)}", f.body, 12)
    p2.text(115, y, f"日期：{ymd(who.lease_start, rng)}", f.body, 12)
    footer(p2, 2, 2, style)
    return [p, p2]


# --- 结婚证 ---------------------------------------------------------------------------------------------


def draw_marriage_certificate(doc: Doc) -> list[Page]:
    rng, who, f = doc.rng, doc.person, doc.faces
    p = new_page(doc)
    x0, y0, w, h = 20 + rng.uniform(-4, 4), 30 + rng.uniform(-4, 10), 170, 120
    p.rect(x0, y0, x0 + w, y0 + h, 0.2, outline=(200, 160, 160), fill=(250, 236, 232))
    for k in range(0, int(w), 3):
        p.line(x0 + k, y0, x0 + k, y0 + h, 0.05, (246, 226, 222))
    p.text(x0 + w * 0.25, y0 + 12, "结 婚 证", f.title, 16, anchor="mm", fill=(170, 30, 30))
    p.text(x0 + 8, y0 + 30, f"持证人    {who.name}", f.body, 11)
    p.text(x0 + 8, y0 + 42, f"登记日期  {ymd(who.married_on, rng)}", f.body, 11)
    p.text(
        x0 + 8,
        y0 + 54,
        f"结婚证字号  J{who.area[:6]}-{who.married_on.year}-{rng.randrange(10**6):06d}",
        f.body,
        10,
    )
    p.text(x0 + 8, y0 + 66, "备注", f.body, 11)
    photo = Image.new("RGB", (p.px(50), p.px(35)), (200, 30, 35))
    for dx in (0.02, 0.5):
        person = portrait(p.px(24), p.px(33), "red", rng)
        photo.paste(person, (int(photo.width * dx), p.px(1)))
    p.paste(photo, x0 + w - 62, y0 + 10, multiply=False)
    stamp(p, doc, x0 + w - 40, y0 + 40, f"{AREAS[who.area][:3]}民政局", "婚姻登记专用章", 34)
    y = y0 + h + 10
    p.rect(x0, y, x0 + w, y + 95, 0.2, outline=(200, 160, 160), fill=(250, 236, 232))
    first = (who.name, who.sex, who.born, who.id_number)
    second = (who.spouse["name"], who.spouse["sex"], who.spouse["born"], who.spouse["id_number"])
    for j, (name, sex, born, idn) in enumerate((first, second)):
        yy = y + 8 + j * 44
        p.text(x0 + 8, yy, f"姓名  {name}", f.body, 11)
        p.text(x0 + 90, yy, f"性别  {sex}", f.body, 11)
        p.text(x0 + 8, yy + 10, "国籍  中国", f.body, 11)
        p.text(x0 + 90, yy + 10, f"出生日期  {born:%Y-%m-%d}", f.body, 11)
        p.text(x0 + 8, yy + 20, f"身份证件号  {idn}", f.body, 11)
    p.text(x0 + 8, y + 92, "婚姻登记员：", f.body, 9)
    return [p]


# --- ID photo -------------------------------------------------------------------------------------------


def draw_photo_sheet(doc: Doc) -> list[Page]:
    """The ID photo placed on a white A4 sheet on the scanner (the photo print is 35×49 mm)."""
    p = new_page(doc)
    person_photo(doc, p, 25 + doc.rng.uniform(0, 30), 25 + doc.rng.uniform(0, 30), 35, 49, doc.photo_bg)
    return [p]


def draw_photo_file(doc: Doc) -> Image.Image:
    """The studio's digital file: 413×579 px (35×49 mm at 300 dpi)."""
    return portrait(413, 579, doc.photo_bg, doc.rng)


DRAW = {
    "id-card": draw_id_card,
    "hukou-pages": draw_hukou_pages,
    "diploma": draw_diploma,
    "degree-certificate": draw_degree_certificate,
    "diploma-verification": draw_diploma_verification,
    "labour-contract": draw_labour_contract,
    "iit-tax-record": draw_iit_tax_record,
    "declared-income-record": draw_declared_income_record,
    "lease-contract": draw_lease_contract,
    "marriage-certificate": draw_marriage_certificate,
    "photo": draw_photo_sheet,
}
