"""District policies, reference wages and the material catalogue, loaded from data files.

A new district is a TOML file in `resources/policies/`; a new year's wage figure is a row in
`wages.toml` or in the user's own `wages.toml`. Nothing here knows a district by name.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..resources import resources_dir

BUSINESSES = ("new", "renewal", "employer-change", "basic-change", "business-change")


class PolicyError(ValueError):
    pass


@dataclass(frozen=True)
class WageFigure:
    year: int
    monthly: int
    x1_2: int
    x3: int
    x6: int
    effective_on: date | None = None
    source: str = ""
    # Entered by the user (Settings, or their own wages.toml) rather than read from a guide's table.
    user_entered: bool = False

    def multiple(self, name: str) -> int:
        return {"x1_2": self.x1_2, "x3": self.x3, "x6": self.x6}[name]


@dataclass(frozen=True)
class MaterialInfo:
    kind: str
    zh: str
    en: str
    group: str
    validity: str
    fallback: str | None = None
    # The rules need this material's end date (a lease's months left); without one it is not ok.
    needs_end_date: bool = False

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Policy:
    """One district's rules as read from its data file (plain mappings, looked up by the engine)."""

    id: str
    district: str
    name_zh: str
    name_en: str
    data: dict[str, Any]

    @property
    def applicant(self) -> dict[str, Any]:
        return self.data["applicant"]

    @property
    def employer(self) -> dict[str, Any]:
        return self.data["employer"]

    @property
    def timing(self) -> dict[str, Any]:
        return self.data["timing"]

    @property
    def validity(self) -> dict[str, Any]:
        return self.data["validity"]

    @property
    def categories(self) -> list[dict[str, Any]]:
        return self.data.get("category", [])

    @property
    def materials(self) -> list[dict[str, Any]]:
        return self.data.get("material", [])

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass
class PolicySet:
    policies: dict[str, Policy]
    wages: list[WageFigure]
    materials: dict[str, MaterialInfo]
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    # Month-day from which an undated user figure for year Y applies in Y+1 (wages.toml).
    undated_user_figure_from: tuple[int, int] = (8, 1)

    @property
    def districts(self) -> tuple[str, ...]:
        return tuple(sorted(self.policies))

    def for_district(self, district: str) -> Policy:
        try:
            return self.policies[district]
        except KeyError:
            raise PolicyError(f"no policy for district '{district}'") from None

    def wage_figure(self, policy: Policy, on: date) -> WageFigure:
        """The figure in force for `policy` on `on`: the newest whose effective date has come; before
        any has, the oldest (the guides' tables start there)."""
        period = policy.data.get("wage_period", "calendar-year")
        return self._in_force(period, on)

    def effective_on(self, fig: WageFigure, period: str) -> date:
        """When a figure starts to count. A dated figure: its date. An undated figure from the guides'
        tables: the district's period (Changping's table gives a calendar year, Yanqing's July to July).
        An undated figure the user entered: not before it can have been published ("未公布…前，参照上一年度
        执行", changping-2026 二(二)5 注; "每年7月中下旬…公布", yanqing-2024 三(二)1(5)注意), so from the
        `undated_user_figure_from` day of Y+1, never back to 1 January."""
        if fig.effective_on is not None:
            return fig.effective_on
        by_period = date(fig.year + 1, 7, 1) if period == "july" else date(fig.year + 1, 1, 1)
        if not fig.user_entered:
            return by_period
        month, day = self.undated_user_figure_from
        return max(by_period, date(fig.year + 1, month, day))

    def _in_force(self, period: str, on: date) -> WageFigure:
        def effective(fig: WageFigure) -> date:
            return self.effective_on(fig, period)

        in_force = [f for f in self.wages if effective(f) <= on]
        if not in_force:
            return min(self.wages, key=lambda f: f.year)
        return max(in_force, key=lambda f: (f.year, effective(f)))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyError(f"{path.name}: {exc}") from exc


def _deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def parse_wage_figures(
    rows: list[Mapping[str, Any]], where: str, user_entered: bool = False
) -> list[WageFigure]:
    figures = []
    for i, row in enumerate(rows):
        try:
            monthly = int(row["monthly"])
            figures.append(
                WageFigure(
                    year=int(row["year"]),
                    monthly=monthly,
                    # Multiples default to the rounding the district tables use.
                    x1_2=int(row.get("x1_2", round(monthly * 1.2))),
                    x3=int(row.get("x3", monthly * 3)),
                    x6=int(row.get("x6", monthly * 6)),
                    effective_on=row.get("effective_on"),
                    source=str(row.get("source", "")),
                    user_entered=user_entered,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PolicyError(f"{where}: wage figure #{i + 1} is incomplete ({exc})") from exc
    return figures


def load_policy_set(
    root: Path | None = None,
    user_wages: Path | None = None,
    overrides: Path | None = None,
) -> PolicySet:
    """Read every policy, the wage table (bundled plus the user's own figures) and the catalogues.

    `overrides` is a TOML file of per-policy settings the user entered (e.g. Yanqing's unpublished
    tax standard), merged over the bundled files.
    """
    root = root or resources_dir()
    override_data = _read_toml(overrides) if overrides and overrides.exists() else {}
    policies = {}
    for path in sorted((root / "policies").glob("*.toml")):
        data = _read_toml(path)
        if data.get("id") in override_data:
            data = _deep_merge(data, override_data[data["id"]])
        try:
            policy = Policy(data["id"], data["district"], data["name_zh"], data["name_en"], data)
        except KeyError as exc:
            raise PolicyError(f"{path.name}: missing {exc}") from exc
        # Two editions for one district: the one in force latest wins.
        if (
            policy.district in policies
            and data["in_force_from"] <= policies[policy.district].data["in_force_from"]
        ):
            continue
        policies[policy.district] = policy
    wage_data = _read_toml(root / "wages.toml")
    wages = parse_wage_figures(wage_data.get("figure", []), "wages.toml")
    if user_wages and user_wages.exists():
        user = parse_wage_figures(
            _read_toml(user_wages).get("figure", []), user_wages.name, user_entered=True
        )
        years = {f.year for f in user}
        wages = [f for f in wages if f.year not in years] + user
    materials = {
        kind: MaterialInfo(
            kind,
            v["zh"],
            v["en"],
            v["group"],
            v["validity"],
            v.get("fallback"),
            bool(v.get("needs_end_date", False)),
        )
        for kind, v in _read_toml(root / "materials.toml").items()
    }
    messages = _read_toml(root / "messages.toml")
    undated = str(wage_data.get("undated_user_figure_from", "08-01"))
    try:
        month, day = (int(x) for x in undated.split("-"))
        date(2001, month, day)
    except ValueError as exc:
        raise PolicyError(f"wages.toml: undated_user_figure_from '{undated}' is not MM-DD") from exc
    return PolicySet(policies, wages, materials, messages, (month, day))
