"""The window's part for the desks domain (`hrdesk.desks`)."""
