"""Rosters in and out: reading the spreadsheets offices make, previewing and applying an import, the
template and the export that imports back."""
