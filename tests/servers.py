"""PostgreSQL and Chroma servers on loopback ports, started for the tests from Debian's postgresql
package and chromadb's `chroma run`. Each test gets its own database or collection."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# .ci/run sets this: a server that cannot start fails the tests there instead of skipping them.
REQUIRE_ENV = "GONGKAI_TEST_SERVERS"
# Outside any test's tmp_path (the tests point tempfile there), where the postgres user can reach it.
_TMP = os.environ.get("TMPDIR", "/tmp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "require"


REPO = Path(__file__).resolve().parent.parent


def start_ui(env: dict) -> tuple[subprocess.Popen, str]:
    """`python ui.py` on a free loopback port with this environment; wait_up() waits for it."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "ui.py"], cwd=REPO, env={**env, "GRADIO_SERVER_PORT": str(port)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}/"


def wait_up(process: subprocess.Popen, url: str, seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"ui.py exited: {process.stderr.read()[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError("ui.py did not start")


class Postgres:
    """A throwaway cluster (initdb, trust on loopback); run as the postgres user when we are root."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
        self.bin = Path(bins[-1]).parent
        self.dir = Path(tempfile.mkdtemp(prefix="gongkai-pg-", dir=_TMP))
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # postgres refuses to run as root
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
        self.data = data
        self.start_server()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._n = 0

    # -- faults (tests/test_faults.py): the cluster's data stays -----------------------------------
    def start_server(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", str(self.dir / "log"), "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                  "start")

    def stop_server(self) -> None:
        """A fast shutdown: open connections are closed, open transactions rolled back."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "fast", "stop")

    def _pids(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
        return [postmaster, *map(int, children)]

    def pause(self) -> None:
        """Every process of the server stopped (SIGSTOP): connections stay open and nothing answers."""
        for pid in self._pids():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self._pids():
            os.kill(pid, signal.SIGCONT)

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.prefix, str(self.bin / program), *args], check=True, capture_output=True)

    def database(self) -> str:
        """A new empty database's URL."""
        import psycopg

        self._n += 1
        name = f"test_{os.getpid()}_{self._n}"
        with psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


class Chroma:
    """`chroma run` on a free loopback port, its data in a temporary directory."""

    def __init__(self):
        chroma = shutil.which("chroma")
        if chroma is None:
            raise RuntimeError("the chroma command is not installed (pip install chromadb)")
        self.chroma = chroma
        self.dir = Path(tempfile.mkdtemp(prefix="gongkai-chroma-", dir=_TMP))
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.start_server()

    def start_server(self) -> None:
        """`chroma run` over this server's data, on its port."""
        self.process = subprocess.Popen([self.chroma, "run", "--path", str(self.dir), "--host", "127.0.0.1",
                                         "--port", str(self.port)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("chroma run did not start") from None
                time.sleep(0.3)

    def stop_server(self) -> None:
        """The server stopped; its data stays for start_server()."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.resume()  # a paused process would not see its SIGTERM
        self.stop_server()
        shutil.rmtree(self.dir, ignore_errors=True)
