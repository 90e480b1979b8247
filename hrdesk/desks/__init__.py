"""A desk: the database it works on (a file of its own or a shared server), the services opened on it,
backups and restore, other desks' changes, autostart and the demo data."""
