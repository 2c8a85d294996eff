"""EST Desktop: record, sync, map and follow up incidents that make places feel unsafe."""

__version__ = "0.1.0"
