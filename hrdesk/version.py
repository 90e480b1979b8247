"""The version, from the installed package metadata (pyproject.toml is the one place it is set)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hrdesk")
except PackageNotFoundError:  # running from a frozen bundle without metadata
    __version__ = "0.0.0+unknown"
