"""``report-atlas import`` and ``report-atlas export``, and web ingest for ``ingest``.

``register(subparsers)`` adds both subcommands to the main parser (dashboard/cli.py).
``ingest_web`` is what ``ingest`` calls for URLs and ``--feed`` addresses. Exit codes as
everywhere: 0 success, 2 bad input (one line on stderr, naming the file or URL).
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.ingest import IngestSummary
from dashboard.reading import BadInput

EXIT_BAD_INPUT = 2
IMPORT_BATCH = 500  # rows per write transaction


def _import_command(args: argparse.Namespace) -> int:
    from dashboard.interop.acled import DATASET as ACLED
    from dashboard.interop.acled import stream_acled
    from dashboard.interop.datasets import RowProblem
    from dashboard.interop.ucdp import DATASET as UCDP
    from dashboard.interop.ucdp import stream_ucdp
    from dashboard.store import open_store

    path = Path(args.file)
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    if args.format == "atlas":
        return _import_dump(path, check=args.check)
    dataset, rows = (ACLED, stream_acled(path)) if args.format == "acled" else (UCDP, stream_ucdp(path))
    if args.check:
        good = bad = 0
        for item in rows:
            if isinstance(item, RowProblem):
                bad += 1
                print(f"{path}: would skip {item}", file=sys.stderr)
            else:
                good += 1
        print(
            f"{dataset}: {good + bad} row(s) read, {good} importable, {bad} would be skipped; nothing stored"
        )
        return EXIT_BAD_INPUT if bad and not good else 0
    store = open_store()
    added = already = skipped = 0
    batch: list[Any] = []

    def flush() -> None:
        nonlocal added, already
        new, known = store.save_many(batch)
        added, already = added + new, already + known
        batch.clear()

    # Stored batch by batch as the file is read: a big download never sits in memory whole.
    for item in rows:
        if isinstance(item, RowProblem):
            skipped += 1
            print(f"{path}: skipped {item}", file=sys.stderr)
            continue
        batch.append(item)
        if len(batch) >= IMPORT_BATCH:
            flush()
    if batch:
        flush()
    read = added + already + skipped
    print(
        f"{dataset}: {read} row(s) read, {added} imported, {already} already stored, "
        f"{skipped} skipped; store: {store.path}"
    )
    return EXIT_BAD_INPUT if read and not (added or already) else 0


def _import_dump(path: Path, *, check: bool) -> int:
    """A whole-store dump (``export --format atlas``): all of it or nothing."""
    from dashboard.store import open_store
    from dashboard.store.dump import DumpError, load_dump

    if check:
        raise BadInput("--check reads ACLED/UCDP files; an atlas dump is checked whole when imported")
    try:
        with path.open(encoding="utf-8") as handle:
            added = load_dump(open_store(), handle)
    except (DumpError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: {exc}") from exc
    print(f"atlas dump: {added} new record(s) stored from {path}")
    return 0


def _export_dump(out: str | None) -> int:
    from dashboard.store import open_store
    from dashboard.store.dump import dump_store

    store = open_store()
    if out and out != "-":
        try:
            with Path(out).open("w", encoding="utf-8") as handle:
                count = dump_store(store, handle)
        except OSError as exc:
            raise BadInput(f"{out}: cannot be written ({exc.strerror or exc})") from exc
        print(f"{count} record(s) written to {out} (atlas)", file=sys.stderr)
    else:
        dump_store(store, sys.stdout)
    return 0


def export_state(args: argparse.Namespace) -> tuple[Any, list[str]]:
    """The ViewState of the export options, read exactly as a share link is (views.parse_query)."""
    from dashboard.views import parse_query

    params: dict[str, list[str]] = {}
    if args.link:
        query = urllib.parse.urlsplit(args.link).query if "?" in args.link else args.link
        for key, value in urllib.parse.parse_qsl(query, keep_blank_values=False):
            params.setdefault(key, []).append(value)
    for key, value in (
        ("from", args.date_from),
        ("to", args.date_to),
        ("types", args.types),
        ("q", args.q),
        ("src", args.src),
        ("cat", args.cat),
    ):
        if value:
            params[key] = [value]
    return parse_query(params)


def _export_command(args: argparse.Namespace) -> int:
    from dashboard.interop.export import export_file, view_events
    from dashboard.store import open_store

    if args.format == "atlas":
        # The whole store, every field (report texts included), for backups and moves
        # between machines or backends; the view filters do not apply.
        return _export_dump(args.out)
    state, notices = export_state(args)
    for notice in notices:
        print(f"report-atlas: {notice}", file=sys.stderr)
    events = view_events(open_store(), state)
    data, _, _ = export_file(events, args.format, state.without_map_view())
    if args.out and args.out != "-":
        out = Path(args.out)
        try:
            out.write_bytes(data)  # bytes as built: the CSV keeps its RFC 4180 CRLF line ends
        except OSError as exc:
            raise BadInput(f"{out}: cannot be written ({exc.strerror or exc})") from exc
        print(f"{len(events)} event(s) written to {out} ({args.format})", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def register(subparsers: Any) -> None:
    """Add ``import`` and ``export`` to the ``report-atlas`` subcommands."""
    p = subparsers.add_parser(
        "import",
        help="import an ACLED or UCDP GED CSV download into the store",
        description="Each row becomes a report (source ACLED or UCDP GED, with the sources the "
        "dataset cites), a place at the file's coordinates with its precision code mapped, a "
        "casualty figure and an event. Importing the same file again adds nothing. A bad row is "
        "named with its row number and reason; the others are imported.",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=["acled", "ucdp", "atlas"],
        help="which dataset the file is (atlas: a whole-store dump written by export --format atlas)",
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--check", action="store_true", help="only read the file and name the rows it would skip")
    p.set_defaults(func=_import_command)

    p = subparsers.add_parser(
        "export",
        help="write the filtered events as CSV, GeoJSON or a standalone HTML map",
        description="Same filters as the app's share links. Paste a whole link with --link, or "
        "give the filters one by one (they win over the link). Writes to standard output unless "
        "--out is given.",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=["csv", "geojson", "html", "atlas"],
        help="atlas: the whole store, lossless (JSON Lines), for backup or moving to another store",
    )
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="events ending on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="events starting on or before")
    p.add_argument("--types", metavar="T1,T2", help="event types, e.g. killings,ambush")
    p.add_argument("--q", metavar="TEXT", help="words that must appear in the summary, places or sources")
    p.add_argument("--src", metavar="S1,S2", help="sources, e.g. ACLED or 'UCDP GED'")
    p.add_argument("--cat", metavar="C1,C2", help="victim categories, e.g. civilians")
    p.add_argument("--link", metavar="URL", help="a share link (or its query string) to export")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=_export_command)


def add_feed_option(parser: argparse.ArgumentParser) -> None:
    """``ingest --feed URL`` (repeatable) and ``--limit`` for the entries read per feed."""
    parser.add_argument(
        "--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed: ingest its articles"
    )
    parser.add_argument(
        "--limit", type=int, default=50, help="at most this many entries per feed (default 50)"
    )


def split_urls(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(http/https URLs, everything else) in the order given."""
    from dashboard.interop.fetch import is_url

    return [p for p in paths if is_url(p)], [p for p in paths if not is_url(p)]


def ingest_web(
    store: Any,
    urls: Sequence[str],
    feeds: Sequence[str] = (),
    *,
    published: date | None = None,
    source: str | None = None,
    limit: int = 50,
) -> IngestSummary:
    """Fetch article URLs and feeds into the store; failures are named, never fatal."""
    from dashboard.interop.fetch import ingest_feed, ingest_urls

    total = IngestSummary()
    parts: list[IngestSummary] = [ingest_urls(store, urls, published=published, source=source)] if urls else []
    for feed in feeds:
        try:
            fed = ingest_feed(store, feed, published=published, source=source, limit=limit)
        except BadInput as exc:
            total.failures.append(str(exc))
            continue
        for note in fed.notes:
            print(f"note: {note}", file=sys.stderr)
        parts.append(fed)
    for part in parts:
        total.added += part.added
        total.already += part.already
        total.failures.extend(part.failures)
        total.seconds += part.seconds
    return total
