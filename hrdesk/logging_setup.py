"""Logging to a rotating file in the data folder, with sensitive values kept out of it.

The code logs events, not data: no names, ID numbers or incomes are passed to the logger. Two lines of
defence behind that rule:

- Exceptions are logged by type and code only (`IntegrityError [sqlite SQLITE_CONSTRAINT_UNIQUE]`,
  `FileNotFoundError [errno ENOENT]`), never by their text: an exception's text quotes whatever it
  failed on — an attached file's name, a database statement's parameters, a roster cell. The traceback's
  frames (file, line, function) stay, so a bug can still be found.
- Anything shaped like an ID number (18 or 15 digits, with spaces or hyphens between groups, in
  full-width digits), a mobile number or a unified credit code is masked in every message.
"""

from __future__ import annotations

import errno as errno_codes
import logging
import os
import re
import traceback
import unicodedata
from pathlib import Path
from types import TracebackType

from .fileio import owner_only, private_dir
from .paths import log_dir

LOG_NAME = "hrdesk.log"
_SEP = r"[ \-\u00a0]?"  # what people type between digit groups: a space, a hyphen, a no-break space
_PATTERNS = [
    # 18-digit resident ID (GB 11643), also written in groups: 110105 19491231 002X
    (re.compile(rf"(?<![0-9A-Za-z])\d(?:{_SEP}\d){{16}}{_SEP}[\dXx](?![0-9A-Za-z])"), "<ID>"),
    # first-generation 15-digit resident ID
    (re.compile(rf"(?<![0-9A-Za-z])\d(?:{_SEP}\d){{14}}(?![0-9A-Za-z])"), "<ID>"),
    (re.compile(rf"(?<![0-9])1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?![0-9])"), "<PHONE>"),
    (
        re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
        "<CREDIT-CODE>",
    ),
]


def scrub(text: str) -> str:
    """Mask ID numbers, phone numbers and credit codes. Full-width forms (１３０１…) are folded to
    ASCII first (NFKC), so they are caught like the others."""
    text = unicodedata.normalize("NFKC", text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def exception_summary(exc: BaseException) -> str:
    """An exception as type and codes, without its text: what the log may say about a failure."""
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ in ("builtins", "__main__")
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    codes = []
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        codes.append(f"errno {errno_codes.errorcode.get(number, number)}")
    original = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's exception
    for source in (exc, original):
        if source is None:
            continue
        sqlite_name = getattr(source, "sqlite_errorname", None)
        if sqlite_name:
            codes.append(f"sqlite {sqlite_name}")
        pgcode = getattr(source, "pgcode", None) or getattr(source, "sqlstate", None)
        if isinstance(pgcode, str):
            codes.append(f"sqlstate {pgcode}")
    if original is not None:
        codes.append(f"from {type(original).__qualname__}")
    code = getattr(exc, "code", None)
    if isinstance(code, (int, str)) and not isinstance(code, bool) and len(str(code)) <= 16:
        codes.append(f"code {code}")
    return f"{name} [{', '.join(codes)}]" if codes else name


def format_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """A traceback whose frames are intact and whose exception lines are summaries (no text),
    following the chain of causes as Python prints it."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = value
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = (
                current.__cause__,
                "The above exception was the direct cause of the following exception:",
            )
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = (
                current.__context__,
                "During handling of the above exception, another exception occurred:",
            )
        else:
            current = None
    parts: list[str] = []
    ordered = list(reversed(chain))  # the oldest cause first, as Python prints it
    for index, (error, _link) in enumerate(ordered):
        if index:
            parts.append(f"\n{ordered[index - 1][1]}\n\n")
        frames = tb if error is value else error.__traceback__
        if frames is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(frames))
        parts.append(exception_summary(error) + "\n")
    return "".join(parts).rstrip("\n")


class ScrubFilter(logging.Filter):
    """Applied by the file handler: exceptions become summaries, the message is scrubbed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, BaseException):
            record.msg = exception_summary(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                exception_summary(a) if isinstance(a, BaseException) else a for a in record.args
            )
        record.msg = scrub(record.getMessage())
        record.args = ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(format_exception(*record.exc_info))  # type: ignore[arg-type]
        record.exc_info = None
        record.stack_info = None
        return True


class RotatingLog(logging.FileHandler):
    """The log file, started afresh at `max_bytes` with `keep` older files (hrdesk.log.1 … .5), each
    owner-only from its first byte: the standard library's RotatingFileHandler opened every new file
    with the default permissions, and importing its module (sockets, pickling, queues) took 5 ms of
    every start of the window and of every command."""

    def __init__(self, path: Path, max_bytes: int, keep: int) -> None:
        self.max_bytes, self.keep = max_bytes, keep
        super().__init__(path, encoding="utf-8")

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is None:
                self.stream = self._open()
            if self.stream.tell() + len(self.format(record)) + 1 > self.max_bytes:
                self._roll()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _roll(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        for n in range(self.keep - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    folder = private_dir(log_dir(data_dir))
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hrdesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingLog(path, max_bytes=1_000_000, keep=5)
    handler._hrdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # not one line per migration check at start
    owner_only(path)
    return path
