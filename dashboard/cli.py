"""The ``report-atlas`` command line. Every command uses the store named by REPORT_ATLAS_DB.

Exit codes: 0 success, 2 bad input (one-line error on stderr), 1 anything else.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dashboard import settings
from dashboard.interop.cli import add_feed_option
from dashboard.interop.cli import register as register_interop
from dashboard.reading import BadInput, ReportText, read_report_file, report_text_from_bytes

EXIT_BAD_INPUT = 2


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _read_input(name: str) -> ReportText:
    if name == "-":
        return report_text_from_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_report_file(Path(name))


# --- commands ----------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from dashboard.pipeline import extract_report

    found = _read_input(args.file)
    extraction = extract_report(
        found.text,
        published=args.published,
        source=args.source,
        title=args.title or found.title,
        url=args.url,
    )
    _print_json(extraction.to_contract())
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from dashboard.ingest import ingest_paths
    from dashboard.interop.cli import ingest_web, split_urls
    from dashboard.store import open_store

    urls, paths = split_urls(args.paths)
    if not paths and not urls and not args.feed:
        raise BadInput("give report files, folders, URLs or --feed URL")
    store = open_store()
    before = store.stats()
    try:
        summary = ingest_paths(
            store,
            [Path(p) for p in paths],
            published=args.published,
            source=args.source,
            progress=not args.quiet and sys.stderr.isatty(),
        )
    except KeyboardInterrupt:
        added = store.stats()["reports"] - before["reports"]
        print(
            f"report-atlas: interrupted; {added} report(s) stored whole before that are kept"
            " (the same command again adds the rest)",
            file=sys.stderr,
        )
        return 130
    if urls or args.feed:
        web = ingest_web(
            store, urls, args.feed, published=args.published, source=args.source, limit=args.limit
        )
        summary.added += web.added
        summary.already += web.already
        summary.failures.extend(web.failures)
        summary.seconds += web.seconds
    for failure in summary.failures:
        print(f"skipped {failure}", file=sys.stderr)
    print(
        f"{summary.added} report(s) added, {summary.already} already stored, "
        f"{len(summary.failures)} failed, in {summary.seconds:.2f} s "
        f"({summary.per_second:,.0f} reports/s, {summary.workers} extraction process"
        f"{'es' if summary.workers > 1 else ''}); store: {store.path}"
    )
    # What the new reports became: events linked across reports grow by less than the
    # reports' own events would.
    after = store.stats()
    print(
        "the store now holds "
        + ", ".join(
            f"{after[k]:,} {k} (+{after[k] - before[k]:,})"
            for k in ("reports", "events", "figures", "places")
        )
    )
    return EXIT_BAD_INPUT if summary.failures and not summary.added and not summary.already else 0


def cmd_geocode(args: argparse.Namespace) -> int:
    from dashboard.geocode.gazetteer import load_gazetteer

    candidates = load_gazetteer().candidates(args.name, country=args.country, limit=args.limit)
    if not candidates and settings.flag("REPORT_ATLAS_NOMINATIM"):
        # The offline gazetteer does not know it: ask the chain (Nominatim, cached), which
        # reports its problems instead of raising.
        from dashboard.geocode.geopy_adapter import GeocodingChain
        from dashboard.geocode.online import place_from_nominatim

        answer = GeocodingChain().geocode(args.name, country=args.country)
        for problem in answer.problems:
            print(f"report-atlas: online geocoder: {problem}", file=sys.stderr)
        if answer.location is not None:
            candidates = [(place_from_nominatim(answer.location.raw), 0.5)]
    if args.json:
        _print_json([{**place.to_dict(), "score": round(score, 3)} for place, score in candidates])
        return 0
    if not candidates:
        print(f"no place found for {args.name!r}")
        return 0
    for place, score in candidates:
        print(
            f"{score:5.2f}  {place.name} ({place.kind}, {place.precision}, {place.country or '-'})"
            f"  {place.lat:.4f}, {place.lon:.4f}  [{place.id}]"
        )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from dashboard.store import open_store

    stats = open_store().stats()
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key:8} {value:,}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from dashboard.evaluate import AnnotationError, evaluate_dir, format_result
    from dashboard.pipeline import extract_report

    def extract(text: str, published: date | None, source: str | None):  # type: ignore[no-untyped-def]
        return extract_report(text, published=published, source=source)

    folder = Path(args.dir)
    if not folder.is_dir():
        raise BadInput(f"{folder}: not a folder of annotated reports")
    try:
        result = evaluate_dir(folder, extract)
    except AnnotationError as exc:  # a malformed annotation: say which file and field, no traceback
        raise BadInput(f"{folder}: {exc}") from exc
    if args.json:
        print(
            json.dumps(
                result.to_dict()
                if not args.totals
                else {k: v for k, v in result.to_dict().items() if k != "per_report"}
            )
        )
    else:
        print(format_result(result, details=not args.totals))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "map":
        from dashboard.benchmarks import map_benchmark

        result = map_benchmark(args.events, baseline=not args.no_baseline)
    else:
        from dashboard.extract_benchmark import extract_benchmark

        result = extract_benchmark(args.reports)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    return 0


def app_path() -> Path:
    return Path(__file__).with_name("app.py")


def streamlit_command(port: int) -> list[str]:
    """``streamlit run`` for the app, with the settings the app relies on passed explicitly
    (the project's .streamlit/config.toml is only read when started from the project root)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_path()),
        "--server.port",
        str(port),
        "--server.enableStaticServing",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # Users do not edit the app's sources while it serves; watching them only risks
        # half-reloaded modules in running sessions (seen under load).
        "--server.fileWatcherType",
        "none",
    ]


def cmd_serve(args: argparse.Namespace) -> int:
    from dashboard.mapview import ensure_static_assets

    # Streamlit only serves a static/ folder that exists when it starts: the offline map
    # assets must be in place first.
    ensure_static_assets()
    command = streamlit_command(args.port)
    if args.headless:
        command += ["--server.headless", "true"]
    if args.no_warm_up:
        return subprocess.call(command, env=os.environ.copy())
    # The app's first run (imports, store, views, default map) is done by the server itself
    # as soon as it is up, not by the first visitor (dashboard/warmup.py).
    import signal
    import threading

    from dashboard.warmup import announce_when_warm

    command += ["--server.scriptHealthCheckEnabled", "true"]
    server = subprocess.Popen(command, env=os.environ.copy())
    # Stopping serve stops Streamlit too (a SIGTERM would otherwise leave it serving alone).
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    threading.Thread(target=announce_when_warm, args=(args.port,), daemon=True).start()
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()


# --- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(
        f"  {s.name}  {s.help} (default: {s.default or 'unset'})" for s in settings.SETTINGS
    )
    parser = argparse.ArgumentParser(
        prog="report-atlas",
        description="Read news reports about violence; map their places, events and casualty figures.",
        epilog="environment:\n" + settings_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def report_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--published",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="publication date; relative dates ('last week') are resolved against it",
        )
        p.add_argument("--source", metavar="NAME", help="the outlet that published the report")

    p = sub.add_parser(
        "extract",
        help="print places, figures, dates and events of one report as JSON",
        description="Read one report (a .txt/.md/.html file, or - for standard input) and "
        "print the JSON contract: report, mentions (with places), figures, events. "
        "Nothing is stored.",
    )
    p.add_argument("file", metavar="FILE", help="report file, or - for standard input")
    report_options(p)
    p.add_argument("--title", help="title (default: the first line, or the HTML <title>)")
    p.add_argument("--url", help="where the report was published")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "ingest",
        help="read reports into the store (files or folders)",
        description="Extract and store reports. Folders are searched for .txt/.md/.html "
        "files. A report already stored (same normalised text) is skipped. A bad file is "
        "named with the reason and the others are still stored.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH|URL", help="report files, folders or web page URLs")
    report_options(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_feed_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "geocode",
        help="look a place name up in the offline gazetteer",
        description="Print the ranked candidates for a place name (any spelling or "
        "script). Empty when nothing fits: no wild guesses.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--country", metavar="CC", help="ISO-2 country code to prefer, e.g. SY")
    p.add_argument("--limit", type=int, default=5, help="at most this many candidates (default 5)")
    p.add_argument("--json", action="store_true", help="print a JSON list of places with scores")
    p.set_defaults(func=cmd_geocode)

    p = sub.add_parser("stats", help="count reports, events, figures and places in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "evaluate",
        help="score extraction against hand-annotated reports",
        description="Precision/recall/F1 for places (within 25 km) and casualty figures "
        "(all fields right) over a folder of NAME.txt + NAME.json annotations.",
    )
    p.add_argument("dir", metavar="DIR", help="e.g. tests/data/annotated")
    p.add_argument(
        "--totals",
        action="store_true",
        help="only the scores, not what each report got wrong (for a blind set nobody may tune on)",
    )
    p.add_argument("--json", action="store_true", help="the result as one JSON object")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("bench", help="measure map building or extraction against baselines in the same run")
    p.add_argument("what", choices=["map", "extract"])
    p.add_argument("--events", type=int, default=10_000, help="synthetic events for 'map' (default 10000)")
    p.add_argument("--reports", type=int, default=500, help="synthetic reports for 'extract' (default 500)")
    p.add_argument("--no-baseline", action="store_true", help="skip the naive folium baseline")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("serve", help="start the web app (streamlit run) on localhost")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--headless", action="store_true", help="do not open a browser")
    p.add_argument(
        "--no-warm-up",
        action="store_true",
        help="do not run the app once at start (the first visitor then waits for imports and views)",
    )
    p.set_defaults(func=cmd_serve)
    register_interop(sub)  # import, export (dashboard/interop/cli.py)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BadInput as exc:
        print(f"report-atlas: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
