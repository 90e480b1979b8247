"""Made-up people for the corpus: names, GB 11643 ID numbers (check digit computed here, not by hrdesk),
addresses, employers. Everything is drawn from a `random.Random` so a seed gives the same people."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志红晓东海燕玉兰波辉宇浩然思雨梓涵欣怡子轩一鸣佳琪俊杰雅婷晨阳"
# Area codes (first six digits) of places people move to Beijing from, and Beijing's own.
AREAS = {
    "110105": "北京市朝阳区",
    "110108": "北京市海淀区",
    "110114": "北京市昌平区",
    "110229": "北京市延庆区",
    "130102": "河北省石家庄市长安区",
    "130602": "河北省保定市竞秀区",
    "370102": "山东省济南市历下区",
    "410105": "河南省郑州市金水区",
    "420106": "湖北省武汉市武昌区",
    "430104": "湖南省长沙市岳麓区",
    "510107": "四川省成都市武侯区",
    "610113": "陕西省西安市雁塔区",
    "140105": "山西省太原市小店区",
    "220104": "吉林省长春市朝阳区",
}
STREETS = [
    "建设路",
    "人民路",
    "解放大街",
    "和平里",
    "新华街",
    "光明路",
    "幸福里",
    "长江路",
    "学府路",
    "文化街",
]
NATIONS = ["汉", "汉", "汉", "汉", "汉", "回", "满", "蒙古", "土家"]
UNIVERSITIES = [
    "北京理工大学",
    "华中科技大学",
    "山东大学",
    "郑州大学",
    "西安电子科技大学",
    "湖南大学",
    "四川大学",
    "河北工业大学",
]
MAJORS = [
    ("计算机科学与技术", "工学"),
    ("软件工程", "工学"),
    ("电子信息工程", "工学"),
    ("会计学", "管理学"),
    ("机械设计制造及其自动化", "工学"),
    ("市场营销", "管理学"),
    ("应用数学", "理学"),
]
EMPLOYERS = {
    "changping": [
        ("北京昌科智联科技有限公司", "91110114MA01CK2X3L"),
        ("北京未来城新材料有限公司", "91110114MA04FQ7R2W"),
        ("北京回龙观数据服务有限公司", "91110114MA05HL9T1A"),
    ],
    "yanqing": [
        ("北京延庆绿能装备有限公司", "91110229MA01YQ8E4K"),
        ("北京妫水文旅发展有限公司", "91110229MA02GS3W5N"),
    ],
}
PLACES = {
    "changping": [
        "北京市昌平区回龙观镇",
        "北京市昌平区天通苑北",
        "北京市昌平区沙河镇",
        "北京市昌平区城北街道",
    ],
    "yanqing": ["北京市延庆区儒林街道", "北京市延庆区百泉街道", "北京市延庆区香水园街道"],
}
POLICE = {
    "110": "北京市公安局{district}分局",
    "130": "{city}公安局{district}分局",
}

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    """GB 11643-1999: weighted sum of the first 17 digits modulo 11."""
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


def id_number(area: str, born: date, sequence: int) -> str:
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


@dataclass
class Person:
    key: str
    name: str
    sex: str  # 男 / 女
    born: date
    area: str
    id_number: str
    nation: str
    address: str
    district: str
    employer: str
    credit_code: str
    phone: str
    university: str
    major: str
    degree_field: str
    graduated: date
    enrolled: date
    id_issued: date
    id_expires: date
    hired: date
    contract_end: date
    lease_start: date
    lease_end: date
    spouse: dict = field(default_factory=dict)
    married_on: date | None = None

    def public(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "id_number": self.id_number,
            "birth_date": self.born.isoformat(),
            "sex": self.sex,
            "district": self.district,
        }


def random_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def phone(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "186", "188", "152", "177", "133"]) + f"{rng.randrange(10**8):08d}"
    )


def make_person(rng: random.Random, index: int, district: str, on: date) -> Person:
    sex = rng.choice(["男", "女"])
    born = date(rng.randint(1984, 2000), rng.randint(1, 12), rng.randint(1, 28))
    area = rng.choice([a for a in AREAS if not a.startswith("11")] * 3 + list(AREAS))
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)  # 17th digit: odd male, even female
    seq = seq % 1000
    number = id_number(area, born, seq)
    employer, credit = rng.choice(EMPLOYERS[district])
    enrolled_year = born.year + 18 + rng.choice([0, 0, 1])
    graduated = date(enrolled_year + 4, 7, rng.choice([1, 1, 10, 30]))
    issued = date(max(born.year + 26, on.year - rng.randint(1, 9)), rng.randint(1, 12), rng.randint(1, 28))
    years = 20 if on.year - born.year >= 26 else 10
    hired = date(on.year - rng.randint(1, 4), rng.randint(1, 12), 1)
    contract_end = date(hired.year + rng.choice([3, 5]), hired.month, 1)
    if contract_end <= date(on.year + 1, on.month, 1):
        contract_end = date(on.year + 2, hired.month, 1)
    contract_end = date.fromordinal(contract_end.toordinal() - 1)
    lease_start = date(on.year - 1, rng.randint(1, 12), 1)
    lease_end = date.fromordinal(date(lease_start.year + 2, lease_start.month, 1).toordinal() - 1)
    uni = rng.choice(UNIVERSITIES)
    major, field_ = rng.choice(MAJORS)
    spouse_sex = "女" if sex == "男" else "男"
    spouse_born = date(born.year + rng.randint(-3, 3), rng.randint(1, 12), rng.randint(1, 28))
    spouse_area = rng.choice(list(AREAS))
    spouse_seq = (rng.randrange(0, 500) * 2 + (1 if spouse_sex == "男" else 0)) % 1000
    spouse = {
        "name": random_name(rng),
        "sex": spouse_sex,
        "born": spouse_born,
        "id_number": id_number(spouse_area, spouse_born, spouse_seq),
    }
    married = date(
        max(graduated.year + 1, on.year - rng.randint(1, 6)), rng.randint(1, 12), rng.randint(1, 28)
    )
    return Person(
        key=f"p{index:02d}",
        name=random_name(rng),
        sex=sex,
        born=born,
        area=area,
        id_number=number,
        nation=rng.choice(NATIONS),
        address=f"{AREAS[area]}{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.randint(1, 20)}栋{rng.randint(1, 6)}单元{rng.randint(101, 2402)}室",
        district=district,
        employer=employer,
        credit_code=credit,
        phone=phone(rng),
        university=uni,
        major=major,
        degree_field=field_,
        graduated=graduated,
        enrolled=date(enrolled_year, 9, 1),
        id_issued=issued,
        id_expires=date(issued.year + years, issued.month, issued.day),
        hired=hired,
        contract_end=contract_end,
        lease_start=lease_start,
        lease_end=lease_end,
        spouse=spouse,
        married_on=married,
    )


def issuing_authority(person: Person) -> str:
    place = AREAS[person.area]
    if place.startswith("北京市"):
        return f"北京市公安局{place[3:]}分局"
    province_city = place.split("省", 1)[-1]
    city, _, district = province_city.partition("市")
    return f"{city}市公安局{district}分局"
