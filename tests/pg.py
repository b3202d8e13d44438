"""A throwaway PostgreSQL server for the tests: Debian's real server, never a fake.

``pg_server`` (session scope) runs ``initdb`` into a fresh temporary folder and starts
``pg_ctl`` on a free 127.0.0.1 port with its socket in that folder; it is stopped and
deleted at the end. ``pg_url`` gives each test its own new, empty database.

PostgreSQL refuses to run as root, so when the tests run as root (as CI does) the server
runs as the ``postgres`` system user (``runuser``), owning its temporary folder.

When the server binaries are missing the PostgreSQL tests are skipped -- except under CI
(``CI=true``), where a missing server is a failure: CI must install Debian's postgresql.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVER_USER = "postgres"


def find_pg_bin() -> Path | None:
    """The folder with initdb and pg_ctl: $REPORT_ATLAS_PG_BIN, Debian's newest, or PATH."""
    configured = os.environ.get("REPORT_ATLAS_PG_BIN")
    candidates = [Path(configured)] if configured else []
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted(
            (p for p in debian.iterdir() if p.name.isdigit()), key=lambda p: int(p.name), reverse=True
        )
        candidates.extend(p / "bin" for p in versions)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="report-atlas-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self._as_root = os.geteuid() == 0
        if self._as_root:
            try:
                user = pwd.getpwnam(SERVER_USER)
            except KeyError as exc:
                raise RuntimeError(f"running as root but there is no {SERVER_USER!r} user") from exc
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"
        )
        last_error = ""
        for _ in range(3):  # a port taken between choosing and binding: try another
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
                # A test server: durability off (faster), enough connections for the
                # concurrent-writer tests and the pools they open.
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            )
            result = self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                "-o", options, "start", check=False,
            )  # fmt: skip
            if result.returncode == 0:
                atexit.register(self.stop)
                return
            last_error = result.stderr + self.log_tail()
        raise RuntimeError(f"PostgreSQL did not start: {last_error}")

    def log_tail(self) -> str:
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = "atlas_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    bin_dir = find_pg_bin()
    missing = None
    if bin_dir is None:
        missing = "PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql"
    else:
        try:
            import psycopg  # noqa: F401
            import psycopg_pool  # noqa: F401
        except ImportError:
            missing = "the PostgreSQL driver is not installed: pip install 'psycopg[binary,pool]'"
    if missing:
        if in_ci:
            pytest.fail(missing + " (CI=true: the PostgreSQL tests must run)")
        pytest.skip(missing)
    assert bin_dir is not None
    server = PgServer(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture()
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh empty database on the session's server, dropped after the test."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
