"""Upload packs: the PDFs to upload, one per material slot, with the checklist and the filled forms."""
