"""Logging to a rotating file in the data folder, with sensitive values scrubbed on the way out.

The code logs events, not data: no names, ID numbers or incomes are passed to the logger. The filter
is the second line of defence: anything shaped like an 18-digit ID number, a mobile number or a unified
credit code is masked before it reaches the file (e.g. from an exception message quoting input).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from .fileio import private_dir
from .paths import log_dir

LOG_NAME = "hrdesk.log"
_PATTERNS = [
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), "<ID>"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "<PHONE>"),
    (
        re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
        "<CREDIT-CODE>",
    ),
]


def scrub(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = scrub(formatted)
            record.exc_info = None
        return True


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    folder = private_dir(log_dir(data_dir))
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hrdesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler._hrdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return path
