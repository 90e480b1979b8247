"""The profile as the rules engine sees it (SPEC §2): plain dataclasses, and the codes each field may
take. Parsing the `hrdesk-profile/1` JSON into them is `profile.py`; the store converts its rows into them
too, so there is one rule implementation whether the data came from a file or the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

FORMAT = "hrdesk-profile/1"

ENTITY_TYPES = ("enterprise", "institution", "private-non-enterprise", "social-organization", "branch")
INNOVATION_ENTITIES = ("new-rnd-institution", "innovative-hq", "high-tech", "fintech")
SERVICE_ENTITIES = ("law", "accounting", "audit", "tax-agency", "hr-service", "financial")
RETIREMENT_CATEGORIES = ("male", "female-cadre", "female-worker")
HUKOU_KINDS = ("other-province", "beijing", "beijing-temporary", "beijing-collective", "school-temporary")
DEGREES = ("none", "bachelor", "master", "doctor")
TITLES = ("none", "intermediate", "senior")
HOUSING_KINDS = (
    "residence-permit",
    "owned",
    "spouse-owned",
    "borrowed",
    "rented",
    "public-rental",
    "employer-housing",
)
MARITAL_STATUSES = ("unmarried", "married", "divorced", "widowed")
CHILD_PARENTS = ("married", "unmarried", "divorced-custody")
PERMIT_STATUSES = ("active", "suspended", "expired")
# A month of social insurance (社保): paid on time, deferred (缓缴) or paid late (补缴); a month not listed
# was not paid (yanqing-2024 三(二)1(7), changping-2026 二(二)2).
SOCIAL_INSURANCE_MONTH_STATES = ("paid", "deferred", "back-paid")
SAME_EMPLOYER_KEYS = ("contract", "tax", "social_insurance", "payroll", "workplace")


class ProfileError(ValueError):
    """Input that cannot be read as the format; the message names the place (`employee.hired_on`).

    Raised with a catalogue code (`ProfileError.at(where, "profile.unknown-key", name="hukuo")`) so the
    person reads it in their language (`message(lang)`); `str()` is the English text, for logs."""

    def __init__(self, message: str, where: str = "", code: str = "", **params: Any) -> None:
        super().__init__(message)
        self.where, self.code, self.params = where, code, params

    @classmethod
    def at(cls, where: str, code: str, **params: Any) -> ProfileError:
        from ..catalogue import text

        body = text(code, "en", **params)
        return cls(f"{where}: {body}" if where else body, where, code, **params)

    def message(self, lang: str = "zh") -> str:
        if not self.code:
            return str(self)
        from ..catalogue import text

        body = text(self.code, lang, **self.params)
        return f"{self.where}: {body}" if self.where else body


@dataclass
class Employer:
    name: str = ""
    credit_code: str = ""
    district: str = ""
    entity_type: str = "enterprise"
    registered_on: date | None = None
    registered_capital_cny: float | None = None
    tax_registered_on: date | None = None
    tax_paid_cny: dict[str, float] = field(default_factory=dict)
    innovation_entity: str | None = None
    service_entity: str | None = None
    restricted_industry: bool = False
    good_standing: bool = True
    permission_granted: bool = True
    new_quota_remaining: int | None = None
    # Yanqing: the day the district's talent centre phoned to call the unit to file on paper (电话通知);
    # the filing is due within 20 working days (yanqing-2024 三(一)第二步). None = not called yet.
    filing_notice_on: date | None = None
    # The unit's business agents (业务经办人); empty = not recorded (nothing is checked).
    agents: list[Agent] = field(default_factory=list)


@dataclass
class Agent:
    """A business agent (业务经办人) and whether the unit is their contract signer, IIT withholder and
    social-insurance payer (changping-2026 三(六); yanqing-2024 三(一)注意)."""

    name: str = ""
    id_number: str = ""
    contract: bool = True
    tax: bool = True
    social_insurance: bool = True


@dataclass
class Education:
    degree: str = "none"
    foreign: bool = False
    graduated_on: date | None = None


@dataclass
class IntellectualProperty:
    invention_patents: int = 0
    other_patents: int = 0
    software_copyrights: int = 0
    author_rank: int | None = None
    commercialized_in_beijing: bool = False


@dataclass
class Founder:
    shareholding_pct: float = 0
    shareholder_rank: int | None = None
    self_investment_3y_cny: float = 0
    equity_financing_cny: float = 0
    team_avg_annual_tax_3y_cny: float = 0


@dataclass
class Freelancer:
    annual_tax_cny: dict[str, float] = field(default_factory=dict)
    notable_contribution: bool = False


@dataclass
class Housing:
    kind: str = ""
    valid_until: date | None = None
    residential: bool = True
    lessor_is_owner: bool = True
    address: str = ""
    owner_name: str = ""
    owner_id_number: str = ""
    relationship: str = ""
    since: date | None = None
    # 租住农村宅基地房屋: Yanqing asks for the owner's household register instead of a property
    # certificate (yanqing-2024 三(二)1(4)B).
    rural_homestead: bool = False
    # Changping: "承租人须为申请人" (changping-2026 四(二)1(8)④ 注意).
    lessee_is_applicant: bool = True
    # 居住单位公房: whether the unit owns the building (its property proof) or rents it (the lease);
    # yanqing-2024 三(二)1(4)C.
    unit_owns_property: bool = True


@dataclass
class Child:
    name: str = ""
    birth_date: date | None = None
    hukou: str = "other-province"
    accompany: bool = False
    parents: str = "married"


@dataclass
class PermitUnit:
    """One period in which the permit was held by (linked to) one unit, or suspended (挂起) between units.
    Changping renewals check that the holding unit was the actual employer (changping-2026 四(二)4 注意②)."""

    held_from: date
    held_until: date | None = None  # None: still held
    credit_code: str = ""
    name: str = ""
    suspended: bool = False


@dataclass
class Permit:
    number: str = ""
    issued_on: date | None = None
    expires_on: date | None = None
    status: str = "active"
    # The units that held the permit, oldest first; empty = not recorded (the check says so).
    unit_history: list[PermitUnit] = field(default_factory=list)


@dataclass
class Employee:
    name: str = ""
    id_number: str = ""
    retirement_category: str | None = None
    hukou: str = "other-province"
    retired: bool = False
    criminal_record: bool = False
    dispatched: bool = False
    hired_on: date | None = None
    career_started_on: date | None = None
    same_employer: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(SAME_EMPLOYER_KEYS, True))
    monthly_income_cny: dict[str, float] = field(default_factory=dict)
    annual_income_cny: dict[str, float] = field(default_factory=dict)
    education: Education = field(default_factory=Education)
    title: str = "none"
    awards: list[Any] = field(default_factory=list)
    ip: IntellectualProperty = field(default_factory=IntellectualProperty)
    founder: Founder | None = None
    freelancer: Freelancer | None = None
    talent_programs: list[Any] = field(default_factory=list)
    housing: Housing | None = None
    marital_status: str = "unmarried"
    children: list[Child] = field(default_factory=list)
    contract_ends_on: date | None = None
    permit: Permit | None = None
    left_previous_employer_on: date | None = None
    # Social insurance per month, like the incomes: {"2026-05": "paid"}; empty = not recorded.
    social_insurance_months: dict[str, str] = field(default_factory=dict)
    # The household register's content changed (户籍变更): its change pages are needed
    # (changping-2026 四(二)1(6)).
    hukou_changed: bool = False


@dataclass
class Material:
    kind: str
    file: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    pages: int | None = None
    defects: list[str] = field(default_factory=list)


@dataclass
class Profile:
    employer: Employer
    employee: Employee
    materials: list[Material] = field(default_factory=list)
