"""URL fetching: only public http(s) pages, capped, with clear messages. No network used."""

from __future__ import annotations

import socket

import httpx
import pytest

from analysis.fetch import FetchError, check_url, fetch_url, is_public_address

ARTICLE_HTML = (
    "<html><head><title>Minister pledges asylum reform</title>"
    '<meta property="og:site_name" content="Example News">'
    '<meta property="article:published_time" content="2025-05-20T09:00:00Z"></head><body>'
    "<article><h1>Minister pledges asylum reform</h1>"
    + "".join(
        f"<p>Paragraph {i}: the home secretary said on Tuesday that the asylum system would be "
        f"reformed, with claims processed faster and hotels closed by the end of the year.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def public(host, port):
    return ["93.184.216.34"]


def client_for(handler):
    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_private_and_local_addresses_are_refused(address):
    assert not is_public_address(address)
    with pytest.raises(FetchError, match="local or private"):
        check_url("http://intranet.example/", resolve=lambda h, p: [address])


def test_public_address_accepted():
    assert is_public_address("93.184.216.34")
    assert check_url(" https://news.example/a ", resolve=public) == "https://news.example/a"


@pytest.mark.parametrize("url", ["ftp://x.example/a", "file:///etc/passwd", "javascript:alert(1)", "x.example"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="http"):
        check_url(url, resolve=public)


def test_offline_gives_a_clear_message():
    def offline(host, port):
        raise socket.gaierror("Temporary failure in name resolution")

    with pytest.raises(FetchError, match="online"):
        check_url("https://news.example/a", resolve=offline)


def test_connection_failure_gives_a_clear_message():
    def handler(request):
        raise httpx.ConnectError("no route", request=request)

    with pytest.raises(FetchError, match="online"):
        fetch_url("https://news.example/a", resolve=public, client=client_for(handler))


def test_fetches_article_with_metadata():
    page = fetch_url(
        "https://news.example/a",
        resolve=public,
        client=client_for(lambda r: httpx.Response(200, html=ARTICLE_HTML)),
    )
    assert page.title == "Minister pledges asylum reform"
    assert page.source == "Example News"
    assert page.published is not None and page.published.year == 2025
    assert "asylum" in page.html


def test_redirect_to_private_address_is_refused():
    def handler(request):
        return httpx.Response(302, headers={"location": "http://internal.example/admin"})

    def resolve(host, port):
        return ["10.1.2.3"] if host == "internal.example" else ["93.184.216.34"]

    with pytest.raises(FetchError, match="local or private"):
        fetch_url("https://news.example/a", resolve=resolve, client=client_for(handler))


def test_too_large_is_refused():
    big = b"<p>" + b"x" * 2_000_000 + b"</p>"
    with pytest.raises(FetchError, match="too large"):
        fetch_url(
            "https://news.example/a",
            resolve=public,
            max_bytes=1_000_000,
            client=client_for(lambda r: httpx.Response(200, content=big, headers={"content-type": "text/html"})),
        )


def test_page_without_article_text():
    with pytest.raises(FetchError, match="No article text"):
        fetch_url(
            "https://news.example/",
            resolve=public,
            client=client_for(lambda r: httpx.Response(200, html="<html><body><nav>Home</nav></body></html>")),
        )


def test_not_a_web_page_and_http_errors():
    with pytest.raises(FetchError, match="not a web page"):
        fetch_url(
            "https://news.example/a.pdf",
            resolve=public,
            client=client_for(
                lambda r: httpx.Response(200, content=b"%PDF", headers={"content-type": "application/pdf"})
            ),
        )
    with pytest.raises(FetchError, match="404"):
        fetch_url("https://news.example/gone", resolve=public, client=client_for(lambda r: httpx.Response(404)))


# -- against a real local server (127.0.0.1 only, admitted by the test-only `allow` hook) ----

import http.server  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

LOCAL = "127.0.0.1"


def only_local(address: str) -> bool:
    return address == LOCAL


class Handler(http.server.BaseHTTPRequestHandler):
    hosts: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # http.server's name
        Handler.hosts.append(self.headers.get("Host", ""))
        if self.path == "/article":
            body = ARTICLE_HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.end_headers()
        elif self.path == "/to-internal":
            self.send_response(301)
            self.send_header("Location", "http://internal.test/admin")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>x</p>" * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif self.path in ("/huge", "/huge-declared"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if self.path == "/huge-declared":
                self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            try:
                for _ in range(50):  # 50 MB offered, no length declared on /huge
                    self.wfile.write(b"a" * 1_000_000)
            except OSError:
                pass
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def local_server():
    server = http.server.ThreadingHTTPServer((LOCAL, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def resolve_test_names(host, port):
    return {"news.test": [LOCAL], "internal.test": ["10.0.0.1"]}.get(host, [LOCAL])


def test_local_server_refused_by_default(local_server):
    with pytest.raises(FetchError, match="local or private"):
        fetch_url(f"http://127.0.0.1:{local_server}/article")
    with pytest.raises(FetchError, match="local or private"):
        fetch_url(f"http://localhost:{local_server}/article")


def test_fetch_connects_to_the_checked_address_with_the_original_host(local_server):
    calls = []

    def resolve(host, port):
        calls.append(host)
        return [LOCAL]

    Handler.hosts.clear()
    page = fetch_url(f"http://news.test:{local_server}/article", resolve=resolve, allow=only_local)
    assert page.title == "Minister pledges asylum reform"
    # one lookup per hop, and the server saw the name, though the system resolver was never asked
    assert calls == ["news.test"] and Handler.hosts == [f"news.test:{local_server}"]


def test_dns_rebinding_cannot_steer_the_connection(local_server):
    # The first answer is checked and used; a second, private answer is never asked for.
    answers = iter([[LOCAL], ["10.0.0.1"]])
    page = fetch_url(f"http://rebind.test:{local_server}/article", resolve=lambda h, p: next(answers), allow=only_local)
    assert page.final_url.endswith("/article")


def test_redirect_loop_is_stopped(local_server):
    with pytest.raises(FetchError, match="redirects too many times"):
        fetch_url(f"http://news.test:{local_server}/loop", resolve=resolve_test_names, allow=only_local)


def test_redirect_to_a_private_address_is_refused_for_real(local_server):
    with pytest.raises(FetchError, match="local or private"):
        fetch_url(f"http://news.test:{local_server}/to-internal", resolve=resolve_test_names, allow=only_local)


def test_server_that_does_not_answer_times_out(local_server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="too long"):
        fetch_url(f"http://news.test:{local_server}/slow", resolve=resolve_test_names, allow=only_local, timeout=1.0)
    assert time.monotonic() - started < 2.5


def test_server_that_drips_hits_the_overall_deadline(local_server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="too long"):
        fetch_url(f"http://news.test:{local_server}/drip", resolve=resolve_test_names, allow=only_local, timeout=1.0)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_huge_body_is_cut_off(local_server, path):
    with pytest.raises(FetchError, match="too large"):
        fetch_url(f"http://news.test:{local_server}{path}", resolve=resolve_test_names, allow=only_local)


def test_allow_hook_does_not_widen_the_default():
    # The hook is per call: the module default still refuses every private range.
    with pytest.raises(FetchError, match="local or private"):
        check_url("http://x.test/", resolve=lambda h, p: [LOCAL])
    assert check_url("http://x.test/", resolve=lambda h, p: [LOCAL], allow=only_local) == "http://x.test/"
