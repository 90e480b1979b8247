"""Collect the licence of everything the bundle ships into `resources/licenses/` (About → 第三方许可).

    uv run python packaging/collect_licenses.py          # rewrite resources/licenses/
    uv run python packaging/collect_licenses.py --check  # exit 1 if it is out of date (CI, tests)

Run it after changing dependencies. It walks hrdesk's runtime dependencies (Requires-Dist, without
extras) from the installed distributions, copies each one's licence files (its dist-info licences and
any LICENSE/COPYING/NOTICE file it installs, e.g. ReportLab's font licences), adds what metadata cannot
tell (`packaging/licenses/extra.toml`: Qt, Python, the font, the bootloader, missing texts) and writes
`index.toml`, which the About dialog reads. The output is committed, so a build needs no network.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
EXTRA = ROOT / "packaging" / "licenses" / "extra.toml"
OUT = ROOT / "resources" / "licenses"
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
_PLATFORMS = [
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
]


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = "hrdesk") -> dict[str, metadata.Distribution]:
    """Every distribution hrdesk needs at run time on any of the three platforms, by normalised name.
    A requirement whose marker holds on no platform, or only for an extra, is left out."""
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        dist = metadata.distribution(name)
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(req.marker.evaluate({**env, "extra": ""}) for env in _PLATFORMS):
                continue
            key = _key(req.name)
            if key in found or key == _key(root):
                continue
            try:
                found[key] = metadata.distribution(req.name)
            except metadata.PackageNotFoundError:
                print(
                    f"warning: {req.name} is not installed here; its licence is not collected",
                    file=sys.stderr,
                )
                continue
            todo.append(req.name)
    return found


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) <= 60 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    return ", ".join(classifiers) or "see the licence files"


def _dist_licence_files(dist: metadata.Distribution) -> list[Path]:
    files = []
    for item in dist.files or []:
        path = str(item)
        if path.endswith((".py", ".pyc", ".pyi")) or "__pycache__" in path:
            continue
        if _LICENCE_FILE.search(path.rsplit("/", 1)[-1]):
            files.append(Path(item.locate()))
    return sorted(files)


def _resolve(spec: str) -> Path:
    if spec.startswith("dist:"):
        _, dist_name, file_name = spec.split(":", 2)
        for path in _dist_licence_files(metadata.distribution(dist_name)):
            if path.name == file_name:
                return path
        raise FileNotFoundError(spec)
    if spec.startswith("repo:"):
        return ROOT / spec[5:]
    return EXTRA.parent / spec


def build() -> dict[str, bytes]:
    """The files of resources/licenses/ (relative name → bytes), index.toml included."""
    extra = tomllib.loads(EXTRA.read_text(encoding="utf-8"))
    overrides = {_key(k): v for k, v in extra.get("override", {}).items()}
    out: dict[str, bytes] = {}
    entries: list[dict[str, object]] = []

    def add_file(folder: str, source: Path) -> str:
        data = source.read_bytes()
        name = f"{folder}/{source.name}"
        if name in out and out[name] != data:  # two different files with one name (e.g. two LICENSEs)
            name = f"{folder}/{hashlib.sha256(data).hexdigest()[:8]}-{source.name}"
        out[name] = data
        return name

    for key, dist in sorted(runtime_closure().items()):
        override = overrides.get(key, {})
        files = [add_file(key, path) for path in _dist_licence_files(dist)]
        files += [add_file(key, _resolve(spec)) for spec in override.get("add_files", [])]
        entries.append(
            {
                "name": override.get("name", dist.metadata["Name"]),
                "dist": key,
                "version": dist.version,
                "licence": override.get("licence", _licence_of(dist)),
                "files": sorted(set(files)),
                "source": override.get("source", ""),
                "note": override.get("note", ""),
            }
        )
    for component in extra.get("component", []):
        folder = _key(component["name"]).replace(" ", "-")
        version_from = component.get("version_from", "")
        if version_from == "python":
            version = ".".join(map(str, sys.version_info[:3]))
        elif version_from:
            version = metadata.version(version_from)
        else:
            version = ""
        entries.append(
            {
                "name": component["name"],
                "dist": "",
                "version": version,
                "licence": component["licence"],
                "files": [add_file(folder, _resolve(spec)) for spec in component["files"]],
                "source": component.get("source", ""),
                "note": component.get("note", ""),
            }
        )
    entries.sort(key=lambda e: (e["name"] != "hrdesk", str(e["name"]).lower()))
    out["index.toml"] = _index_toml(entries).encode("utf-8")
    return out


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _index_toml(entries: list[dict[str, object]]) -> str:
    lines = [
        "# Generated by packaging/collect_licenses.py from the installed distributions and",
        "# packaging/licenses/extra.toml; rerun it after changing dependencies, do not edit by hand.",
    ]
    for entry in entries:
        lines += ["", "[[component]]"]
        for field in ("name", "dist", "version", "licence", "source", "note"):
            lines.append(f"{field} = {_toml_string(str(entry[field]))}")
        files = ", ".join(_toml_string(f) for f in entry["files"])  # type: ignore[union-attr]
        lines.append(f"files = [{files}]")
    return "\n".join(lines) + "\n"


def _comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    """What --check compares: line endings normalised (a Windows checkout turns LF into CRLF) and the
    Python patch version blanked (CI's Python may be a newer 3.11)."""
    out = {name: data.replace(b"\r\n", b"\n") for name, data in files.items()}
    index = out.get("index.toml", b"").decode("utf-8")
    out["index.toml"] = re.sub(r'(name = "Python"\nversion = )"[^"]*"', r'\1""', index).encode()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only report whether resources/licenses is current"
    )
    args = parser.parse_args(argv)
    wanted = build()
    present = {
        str(p.relative_to(OUT)).replace("\\", "/"): p.read_bytes() for p in OUT.rglob("*") if p.is_file()
    }
    if args.check:
        if _comparable(wanted) != _comparable(present):
            want, have = _comparable(wanted), _comparable(present)
            changed = sorted(set(want) ^ set(have) | {k for k in want if have.get(k) != want[k]})
            print("resources/licenses is out of date; run: uv run python packaging/collect_licenses.py")
            print("  differs: " + ", ".join(changed[:10]))
            return 1
        return 0
    for name in set(present) - set(wanted):
        (OUT / name).unlink()
    for name, data in wanted.items():
        target = OUT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(
        f"{len(wanted) - 1} licence files for {wanted['index.toml'].count(b'[[component]]')} components in {OUT}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
