"""The window's part for the materials domain (`hrdesk.materials`)."""
