"""The NHS partnership matcher: find precedents and likely partners for a local health challenge."""

__version__ = "0.1.0"
