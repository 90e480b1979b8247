"""The window's part for the employees domain (`hrdesk.employees`)."""
