"""Languages: Simplified Chinese is the source language of the UI; English comes from Qt Linguist
files (`resources/translations/hrdesk_en.ts` → `.qm`). Switching installs or removes the translator;
widgets retranslate on QEvent.LanguageChange, so no work is lost.

Qt's own texts (Yes/No, OK/Cancel, file dialogs, context menus of text fields) are English unless
Qt's catalogue is loaded: in Chinese we install `qtbase_zh_CN.qm`, copied from PySide6's
translations folder into `resources/translations/` so the bundle carries it (PyInstaller builds and
wheels do not always keep PySide6's translations folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resources_dir

LANGUAGES = {"zh": "简体中文", "en": "English"}
QT_CATALOGUES = {"zh": "qtbase_zh_CN.qm"}  # English needs none: Qt's source texts are English
QT_EXTRA = {"zh": "qt_extra_zh_CN.qm"}  # ours: the few Qt 6 texts qtbase_zh_CN.qm leaves English
_translators: list[QTranslator] = []
_installed: tuple[int, str] | None = None  # (id of the application, language) last installed


def current_lang() -> str:
    # The English catalogue translates this marker, so the answer follows the installed translator.
    return "en" if QCoreApplication.translate("Language", "zh") == "en" else "zh"


def qt_catalogue(lang: str) -> Path | None:
    """Qt's own catalogue for `lang`: the bundled copy, else PySide6's translations folder."""
    name = QT_CATALOGUES.get(lang)
    if name is None:
        return None
    for folder in (
        resources_dir() / "translations",
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        if (folder / name).is_file():
            return folder / name
    return None


def _install(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def set_language(lang: str) -> bool:
    """Install the translators for `lang` ("zh": Qt's Chinese catalogue only; "en": ours).
    Returns False if our .qm is missing (the UI then stays Chinese)."""
    global _installed
    # Texts the core hands out by key (a locked folder, a refused file) follow the window's language.
    os.environ["HRDESK_LANG"] = lang
    app = QCoreApplication.instance()
    if _installed == (id(app), lang):
        return True  # nothing to change: no LanguageChange storm through every open window
    _installed = None
    while _translators:
        app.removeTranslator(_translators.pop())
    qt_path = qt_catalogue(lang)
    if qt_path is not None:
        _install(app, qt_path)  # a missing Qt catalogue leaves Qt's buttons English, nothing worse
    extra = QT_EXTRA.get(lang)
    if extra and (resources_dir() / "translations" / extra).is_file():
        _install(
            app, resources_dir() / "translations" / extra
        )  # installed last, asked first: Qt texts its own catalogue leaves English
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        _installed = (id(app), lang)
        return True
    if not _install(app, resources_dir() / "translations" / f"hrdesk_{lang}.qm"):
        return False
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _installed = (id(app), lang)
    return True
