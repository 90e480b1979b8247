"""What each material's scan is expected to show, from `resources/scan_keywords.toml` (data, with the guide
section for every seal and annotation rule)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache

from ...resources import resources_dir


@dataclass(frozen=True)
class SealRule:
    every_page: bool
    source: str
    finance: bool = False  # Yanqing: the unit's finance seal (财务章) rather than the official seal


@dataclass(frozen=True)
class KindRule:
    kind: str
    keywords: tuple[str, ...]
    subject: str = "employee"  # employee | other | unit
    shows_id: bool = False
    end_date: bool = False
    text: bool = True
    periods: bool = False
    lease: bool = False
    seal: dict[str, SealRule] = field(default_factory=dict)  # district → rule
    annotation: dict[str, str] = field(default_factory=dict)  # district → source
    contact: dict[str, str] = field(default_factory=dict)  # district → source (a phone number written on it)


@dataclass(frozen=True)
class ScanCatalogue:
    kinds: dict[str, KindRule]
    messages: dict[str, dict[str, str]]
    annotation_phrase: str
    lease_fields: dict[str, str]
    period_sources: dict[str, str] = field(default_factory=dict)  # district → guide section
    not_unit_seal_words: tuple[str, ...] = ()  # read inside a seal: another authority's (the tax bureau)

    def rule(self, kind: str) -> KindRule:
        return self.kinds.get(kind) or KindRule(kind, ())

    def message(self, key: str, lang: str = "zh", **values: object) -> str:
        entry = self.messages[key]
        text = entry.get(lang) or entry["zh"]
        return text.format(**values)

    def source(self, key: str) -> str:
        return self.messages[key].get("source", "")


@cache
def scan_catalogue() -> ScanCatalogue:
    with open(resources_dir() / "scan_keywords.toml", "rb") as fh:
        data = tomllib.load(fh)
    kinds = {}
    for kind, entry in data["kinds"].items():
        kinds[kind] = KindRule(
            kind=kind,
            keywords=tuple(entry.get("keywords", ())),
            subject=entry.get("subject", "employee"),
            shows_id=entry.get("shows_id", False),
            end_date=entry.get("end_date", False),
            text=entry.get("text", True),
            periods=entry.get("periods", False),
            lease=entry.get("lease", False),
            seal={
                district: SealRule(rule["every_page"], rule["source"], rule.get("finance", False))
                for district, rule in entry.get("seal", {}).items()
            },
            annotation={district: rule["source"] for district, rule in entry.get("annotation", {}).items()},
            contact={district: rule["source"] for district, rule in entry.get("contact", {}).items()},
        )
    return ScanCatalogue(
        kinds,
        data["messages"],
        data["annotation_phrase"],
        data["lease_fields"],
        data.get("period_sources", {}),
        tuple(data.get("not_unit_seal_words", ())),
    )
