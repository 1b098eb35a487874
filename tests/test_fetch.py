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
    "address", ["127.0.0.1", "10.0.0.5", "192.168.1.1", "169.254.169.254", "::1", "fe80::1",
                "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1", "100.64.0.1"],
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
        fetch_url("https://news.example/a", resolve=public, max_bytes=1_000_000,
                  client=client_for(lambda r: httpx.Response(200, content=big,
                                                              headers={"content-type": "text/html"})))


def test_page_without_article_text():
    with pytest.raises(FetchError, match="No article text"):
        fetch_url("https://news.example/", resolve=public,
                  client=client_for(lambda r: httpx.Response(200, html="<html><body><nav>Home</nav></body></html>")))


def test_not_a_web_page_and_http_errors():
    with pytest.raises(FetchError, match="not a web page"):
        fetch_url("https://news.example/a.pdf", resolve=public,
                  client=client_for(lambda r: httpx.Response(200, content=b"%PDF",
                                                              headers={"content-type": "application/pdf"})))
    with pytest.raises(FetchError, match="404"):
        fetch_url("https://news.example/gone", resolve=public,
                  client=client_for(lambda r: httpx.Response(404)))
