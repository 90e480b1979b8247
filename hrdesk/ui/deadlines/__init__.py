"""The window's part for the deadlines domain (`hrdesk.deadlines`)."""
