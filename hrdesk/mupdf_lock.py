"""One lock for every in-process use of PyMuPDF.

MuPDF is not thread-safe across documents in one process: two threads opening or rendering at once
(the preview's page and its thumbnails, a pack on the writer while the preview renders) crashed the
interpreter (a segmentation fault in MuPDF's message callback). Work that may be long or hostile runs
in child processes instead (pdf/scan.py's watchdog, inspection's OCR workers); what stays in-process
holds this lock while it touches a document.
"""

from __future__ import annotations

import threading

MUPDF = threading.RLock()
