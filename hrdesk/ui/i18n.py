"""Languages: Simplified Chinese is the source language of the UI; English comes from Qt Linguist
files (`resources/translations/hrdesk_en.ts` → `.qm`). Switching installs or removes the translator;
widgets retranslate on QEvent.LanguageChange, so no work is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..resources import resources_dir

LANGUAGES = {"zh": "简体中文", "en": "English"}
_translator: QTranslator | None = None


def current_lang() -> str:
    # The English catalogue translates this marker, so the answer follows the installed translator.
    return "en" if QCoreApplication.translate("Language", "zh") == "en" else "zh"


def set_language(lang: str) -> bool:
    """Install the translator for `lang` ("zh" removes it). Returns False if the .qm is missing."""
    global _translator
    app = QCoreApplication.instance()
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return True
    translator = QTranslator(app)
    if not translator.load(str(resources_dir() / "translations" / f"hrdesk_{lang}.qm")):
        return False
    app.installTranslator(translator)
    _translator = translator
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return True
