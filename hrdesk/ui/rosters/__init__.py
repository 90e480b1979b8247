"""The window's part for the rosters domain (`hrdesk.rosters`)."""
