"""The window's part for the packs domain (`hrdesk.packs`)."""
