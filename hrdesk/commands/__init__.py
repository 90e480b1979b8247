"""CLI subcommands, one module per area. Each module has `register(subparsers)` which adds its
commands with `set_defaults(handler=...)`; a handler takes (args, data_dir) and returns an exit code.
Add a module here to add commands; cli.py never changes for it."""

MODULES = [
    "hrdesk.commands.check",
    "hrdesk.commands.forms",
    "hrdesk.commands.records",
    "hrdesk.commands.deadlines",
    "hrdesk.commands.listing",
    "hrdesk.commands.inspect",
    "hrdesk.commands.read",
]
