"""The window's part for the units domain (`hrdesk.units`)."""
