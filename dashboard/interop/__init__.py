"""Working with the tools analysts already use.

- ``acled`` / ``ucdp``: ACLED and UCDP GED CSV downloads -> our records (``datasets`` holds
  what the two importers share: reading rows, naming bad rows, country codes).
- ``export``: the filtered view as CSV, GeoJSON (RFC 7946) or a standalone HTML map.
- ``fetch``: reports from web pages and RSS/Atom feeds (timeouts, size limits).
- ``cli``: the ``import`` and ``export`` subcommands and URL routing for ``ingest``.

Nothing in ``dashboard`` below this package imports it: it sits beside the CLI.
"""
