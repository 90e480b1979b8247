"""Deadlines as the window, the tray, the CLI and calendars read them: the stored deadline table written by
the status refresh, reminders and their state, and the .ics export."""
