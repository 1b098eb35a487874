"""Load test: many concurrent browsing sessions against the app on 127.0.0.1.

    python scripts/load_test.py [--sessions 20] [--rounds 3] [--url http://127.0.0.1:8501]
    python scripts/load_test.py --mode protocol --sessions 30 --rounds 9 --pause 3 [--servers 2]

Without --url it starts `streamlit run app.py` on a free port with a fresh database (the seed
article, plus --articles generated ones) and stops it afterwards. Only 127.0.0.1 / localhost
targets are accepted.

--mode browser (default): each session is a headless Chromium page (Debian's /usr/bin/chromium,
driven by Playwright), the same as a reader's browser. On a small machine the browsers, not the
server, then use most of the CPU. --mode protocol: each session speaks Streamlit's websocket
protocol directly (the BackMsg/ForwardMsg protobufs the browser's JavaScript sends), which
measures the server alone. A session makes
--rounds rounds; each round opens the next page of PAGES and then changes a sidebar filter (types
a search and presses Enter). A step's latency runs from the request (navigation or key press)
until the app has finished its script run and shows the result: the page's heading, or the
filter in the URL (in protocol mode: the `script_finished` message, and the search written into
the URL's query string). Errors: timeouts, exceptions on the page, Streamlit error boxes, websocket
disconnects. Loops are bounded by --rounds and by --max-seconds in total.

--pause S: each session waits S seconds after each step, as a reader does (a class: 3 s); the
sessions' first clicks are spread over the first pause. When this script starts the server it sets
$STANCE_EXPLORER_RUN_LOG, and the server logs each script run's wall and CPU time, reported as
server_run_ms and server_run_cpu_ms. --servers N (protocol mode): N servers on one database
behind nginx (/usr/sbin/nginx, configured from deploy/nginx/stance-explorer.conf with the ports
filled in); each session connects from its own loopback address (127.0.n.1), so nginx's ip_hash
spreads them as it would a classroom's machines.

Prints latency percentiles per step kind and overall, and the error count; --json writes the
same as JSON. Exit code 1 when any step failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import free_port, start_server  # noqa: E402 - one way to start a test server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PAGES = ("", "speakers", "stance", "numbers", "trends", "compare", "corpus", "corrections", "how_it_works")
SEARCHES = ("Albania", "boats", "migration", "Rwanda", "asylum")
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HEADING = '[data-testid="stMainBlockContainer"] h1'
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
DISTINCT_SOURCES = False  # set by --servers: sessions connect from different loopback addresses
NGINX = "/usr/sbin/nginx"
NGINX_SITE = ROOT / "deploy" / "nginx" / "stance-explorer.conf"


@dataclass
class Step:
    session: int
    round: int
    kind: str  # "page:<name>" or "filter"
    ms: float
    ok: bool
    error: str = ""


@dataclass
class Report:
    sessions: int
    rounds: int
    steps: list[Step] = field(default_factory=list)
    wall_s: float = 0.0
    pause_s: float = 0.0
    server_cpu_s: float | None = None  # only when this script started the server
    machine_cpu_s: float | None = None
    runs: list[tuple[str, float, float, str]] = field(default_factory=list)  # (page, wall ms, CPU ms, pid) per run

    def summary(self) -> dict:
        def pct(values: list[float]) -> dict:
            if not values:
                return {}
            qs = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values * 99
            return {
                "n": len(values),
                "p50": round(qs[49]),
                "p90": round(qs[89]),
                "p95": round(qs[94]),
                "p99": round(qs[98]),
                "max": round(max(values)),
            }

        ok = [s for s in self.steps if s.ok]
        kinds = sorted({("page" if s.kind.startswith("page") else s.kind) for s in ok})
        return {
            "sessions": self.sessions,
            "rounds": self.rounds,
            "steps": len(self.steps),
            "errors": len(self.steps) - len(ok),
            "error_messages": sorted({s.error for s in self.steps if not s.ok})[:10],
            "wall_s": round(self.wall_s, 1),
            "cores": os.cpu_count(),
            "pause_s": self.pause_s,
            "server_cpu_s": None if self.server_cpu_s is None else round(self.server_cpu_s, 1),
            "server_cpu_share": None
            if self.server_cpu_s is None or not self.wall_s
            else round(self.server_cpu_s / self.wall_s, 2),
            "machine_cpu_s": None if self.machine_cpu_s is None else round(self.machine_cpu_s, 1),
            "all_ms": pct([s.ms for s in ok]),
            **{f"{k}_ms": pct([s.ms for s in ok if s.kind.startswith(k)]) for k in kinds},
            "server_run_ms": pct([r[1] for r in self.runs]),
            "server_run_cpu_ms": pct([r[2] for r in self.runs]),
            "server_runs_by_process": sorted(Counter(r[3] for r in self.runs).values(), reverse=True),
            "server_run_ms_by_page": {
                page: pct([r[1] for r in self.runs if r[0] == page]) for page in sorted({r[0] for r in self.runs})
            },
        }


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu_s() -> float:
    """CPU seconds all cores have spent busy so far (Linux /proc/stat)."""
    user, nice, system, idle, iowait, irq, softirq, *rest = (
        int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]
    )
    return (user + nice + system + irq + softirq + (rest[0] if rest else 0)) / os.sysconf("SC_CLK_TCK")


def add_generated(db: Path, n: int) -> None:
    """n generated articles in the database, analysed by the real pipeline (before the server starts)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from generate_corpus import build_store

    build_store(db, n)


async def settle(page, *, timeout_ms: float) -> None:
    await page.locator(IDLE).wait_for(timeout=timeout_ms)


async def page_errors(page) -> str:
    if await page.locator('[data-testid="stException"]').count():
        text = await page.locator('[data-testid="stException"]').first.inner_text()
        return "exception shown on the page: " + " ".join(text.split())[:300]
    if await page.locator("text=Traceback").count():
        return "traceback shown on the page"
    if await page.locator('[data-testid="stConnectionStatus"]').count():
        text = (await page.locator('[data-testid="stConnectionStatus"]').inner_text()).strip()
        if text and "connect" in text.lower():
            return f"connection: {text}"
    return ""


async def session(
    browser,
    base: str,
    n: int,
    rounds: int,
    deadline: float,
    step_timeout_ms: float,
    report: Report,
    start: asyncio.Event,
    pages: tuple[str, ...] = PAGES,
) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    js_errors: list[str] = []
    page.on("pageerror", lambda exc: js_errors.append(str(exc)[:200]))
    await start.wait()
    try:
        for r in range(rounds):
            if time.monotonic() > deadline:
                break
            name = pages[(n + r) % len(pages)]
            await _step(
                report,
                n,
                r,
                f"page:{name or 'article'}",
                js_errors,
                page,
                _open(page, f"{base}/{name}", step_timeout_ms),
            )
            if time.monotonic() > deadline:
                break
            word = SEARCHES[(n + r) % len(SEARCHES)]
            await _step(report, n, r, "filter", js_errors, page, _filter(page, word, step_timeout_ms))
    finally:
        await context.close()


async def _open(page, url: str, timeout_ms: float) -> None:
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    await page.locator(HEADING).first.wait_for(timeout=timeout_ms)
    await settle(page, timeout_ms=timeout_ms)


async def _filter(page, word: str, timeout_ms: float) -> None:
    box = page.locator('[data-testid="stSidebar"] input[aria-label="Search quotes and speakers"]')
    await box.fill(word, timeout=timeout_ms)
    await box.press("Enter", timeout=timeout_ms)
    await page.wait_for_function(
        "w => new URLSearchParams(location.search).get('q') === w", arg=word, timeout=timeout_ms
    )
    await settle(page, timeout_ms=timeout_ms)


async def _step(report: Report, n: int, r: int, kind: str, js_errors: list[str], page, action) -> None:
    t0 = time.perf_counter()
    error = ""
    try:
        await action
        if page is not None:
            error = await page_errors(page) or (f"javascript error: {js_errors[0]}" if js_errors else "")
    except Exception as exc:  # every failure is counted, none stops the run
        error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    js_errors.clear()
    report.steps.append(Step(n, r, kind, (time.perf_counter() - t0) * 1000, not error, error))


# -- protocol mode: Streamlit's own websocket messages, no browser -----------------------------


class ProtocolSession:
    """One Streamlit session spoken to directly over /_stcore/stream (what the browser's JS does).

    Each step sends a `rerun_script` BackMsg (a page change, or the search widget's new value)
    and waits for the `script_finished` ForwardMsg. Exceptions drawn by the page are errors, and
    so is a search that the app did not write into the URL (proof that the filter applied).
    """

    def __init__(self, ws) -> None:
        self.ws = ws
        self.pages: dict[str, str] = {}
        self.page_hash = ""
        self.search_id: str | None = None
        self.exceptions: list[str] = []

    async def rerun(self, timeout_s: float, *, page: str | None = None, search: str | None = None) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        if page is not None:
            self.page_hash = self.pages[page]
        msg.rerun_script.page_script_hash = self.page_hash
        if search is not None:
            if not self.search_id:
                raise RuntimeError("the sidebar search box was never drawn")
            widget = msg.rerun_script.widget_states.widgets.add()
            widget.id, widget.string_value = self.search_id, search
        self.exceptions.clear()
        query = ""
        await self.ws.send(msg.SerializeToString())
        deadline = time.monotonic() + timeout_s
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(deadline - time.monotonic(), 0.01))
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind in ("new_session", "navigation"):
                pages = fm.new_session.app_pages if kind == "new_session" else fm.navigation.app_pages
                self.pages = {p.url_pathname: p.page_script_hash for p in pages}
            elif kind == "page_info_changed":
                query = fm.page_info_changed.query_string
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                which = el.WhichOneof("type")
                if which == "text_input" and el.text_input.label.startswith("Search quotes"):
                    self.search_id = el.text_input.id
                elif which == "exception":
                    self.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:200])
            elif kind == "script_finished" and fm.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                if fm.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise RuntimeError(f"script finished with status {fm.script_finished}")
                if self.exceptions:
                    raise RuntimeError("exception shown on the page: " + self.exceptions[0])
                if search is not None and parse_qs(query).get("q") != [search]:
                    raise RuntimeError(f"the search did not reach the URL (query {query!r})")
                return


async def protocol_session(
    base: str,
    n: int,
    rounds: int,
    deadline: float,
    step_timeout_ms: float,
    report: Report,
    start: asyncio.Event,
    pages: tuple[str, ...],
    pause_s: float = 0.0,
) -> None:
    import websockets

    url = base.replace("http://", "ws://", 1) + "/_stcore/stream"
    timeout_s = step_timeout_ms / 1000
    # Each session from its own loopback address (127.0.n.1), as each pupil's browser has its own
    # address: nginx's ip_hash then spreads them over the servers as it would a classroom.
    source = {"local_addr": (f"127.0.{n % 250 + 1}.1", 0)} if DISTINCT_SOURCES else {}
    async with websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s, proxy=None, **source
    ) as ws:
        sess = ProtocolSession(ws)
        await sess.rerun(timeout_s)  # the session's first run (what opening the app does), not measured
        await start.wait()
        if pause_s:  # readers do not click in step: spread the sessions' first clicks over one pause
            await asyncio.sleep(pause_s * n / max(report.sessions, 1))
        for r in range(rounds):
            if time.monotonic() > deadline:
                break
            name = pages[(n + r) % len(pages)]
            await _step(report, n, r, f"page:{name or 'article'}", [], None, sess.rerun(timeout_s, page=name))
            await asyncio.sleep(pause_s)
            if time.monotonic() > deadline:
                break
            await _step(
                report, n, r, "filter", [], None, sess.rerun(timeout_s, search=SEARCHES[(n + r) % len(SEARCHES)])
            )
            await asyncio.sleep(pause_s)


async def run_protocol(
    base: str,
    sessions: int,
    rounds: int,
    max_seconds: float,
    step_timeout_ms: float,
    pages: tuple[str, ...] = PAGES,
    server_pid: int | list[int] | None = None,
    pause_s: float = 0.0,
    run_log: Path | None = None,
) -> Report:
    report = Report(sessions=sessions, rounds=rounds, pause_s=pause_s)
    # Warm-up (not measured), from the first sessions' addresses, so every server behind nginx has
    # drawn a page and started loading its model before the clock starts.
    warm = Report(sessions=1, rounds=1)
    await asyncio.gather(
        *(
            protocol_session(base, i, 1, time.monotonic() + 180, 180_000, warm, _set(asyncio.Event()), ("",))
            for i in range(min(sessions, 8 if DISTINCT_SOURCES else 1))
        )
    )
    await asyncio.sleep(6)  # the background model load starts 2 s after the first page
    start = asyncio.Event()
    deadline = time.monotonic() + max_seconds
    tasks = [
        asyncio.create_task(protocol_session(base, i, rounds, deadline, step_timeout_ms, report, start, pages, pause_s))
        for i in range(sessions)
    ]
    await asyncio.sleep(3.0 + sessions * 0.1)  # every session connected and through its first run
    t0, m0 = time.monotonic(), machine_cpu_s()
    pids = server_pid if isinstance(server_pid, list) else [server_pid] if server_pid else []
    s0 = sum(process_cpu_s(pid) for pid in pids)
    log_from = run_log.stat().st_size if run_log and run_log.exists() else 0
    start.set()
    results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=max_seconds + 120)
    for i, res in enumerate(results):
        if isinstance(res, BaseException):
            report.steps.append(Step(i, -1, "connect", 0.0, False, f"{type(res).__name__}: {res}"[:200]))
    report.wall_s = time.monotonic() - t0
    report.machine_cpu_s = machine_cpu_s() - m0
    if pids:
        report.server_cpu_s = sum(process_cpu_s(pid) for pid in pids) - s0
    if run_log and run_log.exists():
        report.runs = read_runs(run_log, log_from)
    return report


def read_runs(path: Path, offset: int = 0) -> list[tuple[str, float, float, str]]:
    """The script runs the server logged ($STANCE_EXPLORER_RUN_LOG) from byte `offset` on."""
    with path.open("rb") as fh:
        fh.seek(offset)
        lines = fh.read().decode("utf-8").splitlines()
    out = []
    for line in lines:
        page, wall, cpu, pid = line.split("\t")
        out.append((page, float(wall), float(cpu), pid))
    return out


def _set(event: asyncio.Event) -> asyncio.Event:
    event.set()
    return event


async def run(
    base: str,
    sessions: int,
    rounds: int,
    max_seconds: float,
    step_timeout_ms: float,
    pages: tuple[str, ...] = PAGES,
    server_pid: int | None = None,
) -> Report:
    from playwright.async_api import async_playwright

    report = Report(sessions=sessions, rounds=rounds)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            # Warm-up (not measured): the first visit analyses the seed and loads the model.
            warm = await browser.new_page()
            await _open(warm, base + "/", 180_000)
            await warm.wait_for_timeout(6_000)  # the background model load starts 2 s after the first page
            await warm.close()
            start = asyncio.Event()
            deadline = time.monotonic() + max_seconds
            tasks = [
                asyncio.create_task(session(browser, base, i, rounds, deadline, step_timeout_ms, report, start, pages))
                for i in range(sessions)
            ]
            await asyncio.sleep(1.0)  # let every context open before the clock starts
            t0, m0 = time.monotonic(), machine_cpu_s()
            s0 = process_cpu_s(server_pid) if server_pid else 0.0
            start.set()
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=max_seconds + 120)
            report.wall_s = time.monotonic() - t0
            report.machine_cpu_s = machine_cpu_s() - m0
            if server_pid:
                report.server_cpu_s = process_cpu_s(server_pid) - s0
        finally:
            await browser.close()
    return report


def start_nginx(ports: list[int], listen: int, tmp: Path) -> subprocess.Popen:
    """nginx in the foreground with deploy/nginx/stance-explorer.conf, its upstream set to `ports`."""
    import re

    site = NGINX_SITE.read_text("utf-8")
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in ports)
    site = re.sub(r"(    server 127\.0\.0\.1:\d+;\n)+", servers, site)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/nginx-error.log;\nworker_processes 1;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp}/body;\n proxy_temp_path {tmp}/proxy;\n"
        f" fastcgi_temp_path {tmp}/fcgi;\n uwsgi_temp_path {tmp}/uwsgi;\n scgi_temp_path {tmp}/scgi;\n"
        f"{site}\n}}\n",
        "utf-8",
    )
    proc = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"])
    deadline = time.monotonic() + 20
    import urllib.request

    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{listen}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("nginx did not start: " + (tmp / "nginx-error.log").read_text()[-2000:])


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an already running server on 127.0.0.1 (default: start one)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="page visits, each with a filter change, per session")
    parser.add_argument("--articles", type=int, default=0, help="generated articles to add to a fresh database")
    parser.add_argument("--max-seconds", type=float, default=300.0, help="stop starting new steps after this")
    parser.add_argument("--step-timeout", type=float, default=120.0, help="seconds before a step counts as failed")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated page paths ('' is the Article page)")
    parser.add_argument(
        "--mode",
        choices=("browser", "protocol"),
        default="browser",
        help="browser: headless Chromium pages; protocol: Streamlit's websocket messages only",
    )
    parser.add_argument("--pause", type=float, default=0.0, help="seconds each session waits after each step")
    parser.add_argument("--servers", type=int, default=1, help="this many Streamlit processes behind nginx (protocol)")
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args()
    if not 1 <= args.sessions <= 100 or not 1 <= args.rounds <= 50:
        raise SystemExit("--sessions must be 1..100 and --rounds 1..50")
    if args.servers > 1 and (args.url or args.mode != "protocol"):
        raise SystemExit("--servers starts its own servers, in protocol mode only")
    return args


@dataclass
class Servers:
    """The servers a run talks to: their base URL, the first one's process, and any more (nginx last)."""

    base: str
    proc: subprocess.Popen | None = None
    extra: list[subprocess.Popen] = field(default_factory=list)
    run_log: Path | None = None

    def stop(self) -> None:
        for other in [*reversed(self.extra), *([self.proc] if self.proc is not None else [])]:
            other.terminate()
            try:
                other.wait(timeout=20)
            except subprocess.TimeoutExpired:
                other.kill()


def _start(args: argparse.Namespace, tmp: Path) -> Servers:
    """The server under test: the one given by --url, or fresh ones over a new corpus."""
    global DISTINCT_SOURCES
    if args.url:
        host = urlsplit(args.url).hostname or ""
        if host not in LOCAL_HOSTS:
            raise SystemExit("load tests may only target 127.0.0.1 or localhost")
        return Servers(args.url.rstrip("/"))
    db = tmp / "corpus.db"
    if args.articles:
        add_generated(db, args.articles)
    port = free_port()
    run_log = tmp / "runs.tsv"
    os.environ["STANCE_EXPLORER_RUN_LOG"] = str(run_log)  # the server logs each script run's time
    servers = Servers(f"http://127.0.0.1:{port}", start_server(db, port, tmp / "server.log"), run_log=run_log)
    if args.servers > 1:
        DISTINCT_SOURCES = True
        ports = [port]
        for i in range(1, args.servers):
            ports.append(free_port())
            servers.extra.append(start_server(db, ports[-1], tmp / f"server{i}.log"))
        listen = free_port()
        servers.extra.append(start_nginx(ports, listen, tmp))
        servers.base = f"http://127.0.0.1:{listen}"
    return servers


def main() -> None:
    args = _arguments()
    servers = _start(args, Path(tempfile.mkdtemp(prefix="stance-load-")))
    proc, extra = servers.proc, servers.extra
    try:
        pages = tuple(p.strip() for p in args.pages.split(","))
        if args.mode == "protocol":
            report = asyncio.run(
                run_protocol(
                    servers.base,
                    args.sessions,
                    args.rounds,
                    args.max_seconds,
                    args.step_timeout * 1000,
                    pages,
                    server_pid=[proc.pid] + [x.pid for x in extra[:-1]]
                    if extra and proc
                    else proc.pid
                    if proc
                    else None,
                    pause_s=args.pause,
                    run_log=servers.run_log,
                )
            )
        else:
            report = asyncio.run(
                run(
                    servers.base,
                    args.sessions,
                    args.rounds,
                    args.max_seconds,
                    args.step_timeout * 1000,
                    pages,
                    server_pid=proc.pid if proc else None,
                )
            )
    finally:
        servers.stop()
    summary = report.summary()
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "steps": [asdict(s) for s in report.steps]}, indent=1))
    sys.exit(1 if summary["errors"] else 0)


if __name__ == "__main__":
    main()
