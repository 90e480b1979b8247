"""The window's part for the forms domain (`hrdesk.forms`)."""
