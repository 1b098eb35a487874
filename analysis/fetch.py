"""Fetch a news page by URL, safely, for the corpus.

Only http(s) URLs to public addresses are fetched: every host (and every redirect hop) is
resolved first and refused if any address is loopback, private, link-local, multicast,
reserved or unspecified, so a pasted URL cannot make the server probe its own network.
Downloads are capped in size and time. Errors are `FetchError`s whose message can be shown
to the user as is.

DNS rebinding: the host is resolved once per hop, every address is checked, and the request
is sent to the checked address itself (with the original Host header, and the host name for
TLS SNI and certificate checks), so a DNS server that answers differently the second time
cannot steer the connection. Proxies from the environment are ignored for the same reason.

Tests reach a local server only through the keyword-only `allow` hook (an address predicate,
default `is_public_address`); the default never changes.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
import trafilatura

MAX_BYTES = 5_000_000
TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
MIN_ARTICLE_CHARS = 200
USER_AGENT = "StanceExplorer/1.0 (+article analysis for journalism and teaching)"
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

Resolver = Callable[[str, int], list[str]]
AddressCheck = Callable[[str], bool]


class FetchError(ValueError):
    """The page could not be fetched or holds no article; str() is a user-facing message."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page and what trafilatura read from its metadata."""

    url: str
    final_url: str
    html: str
    title: str | None
    published: dt.date | None
    source: str | None


def resolve_host(host: str, port: int) -> list[str]:
    """Every IP address `host` resolves to."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, *, resolve: Resolver = resolve_host, allow: AddressCheck | None = None) -> str:
    """The URL, stripped, if it is http(s) and its host resolves only to public addresses."""
    return _target(url, resolve=resolve, allow=allow or is_public_address).url


@dataclass(frozen=True)
class _Target:
    """A checked URL and the address the request must go to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str

    def request_url(self) -> str:
        """The URL with its host replaced by the checked address."""
        parts = urlsplit(self.url)
        ip = f"[{self.address}]" if ":" in self.address else self.address
        return urlunsplit((parts.scheme, f"{ip}:{self.port}", parts.path or "/", parts.query, ""))

    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


def _target(url: str, *, resolve: Resolver, allow: AddressCheck) -> _Target:
    url = (url or "").strip()
    if not url:
        raise FetchError("Enter the address of a news article, starting with https://")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    host = parts.hostname
    if not host:
        raise FetchError("That address has no host name.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password are not fetched.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError("That address has an invalid port.") from exc
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"Could not look up {host!r}. Check the address, or whether this computer is online.") from exc
    if not addresses:
        raise FetchError(f"Could not look up {host!r}.")
    for address in addresses:
        try:
            ok = allow(address)
        except ValueError:
            ok = False
        if not ok:
            raise FetchError(
                f"{host!r} points to a local or private network address; only public web pages can be fetched."
            )
    return _Target(url, parts.scheme, host, port, addresses[0])


def fetch_url(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
    resolve: Resolver = resolve_host,
    client: httpx.Client | None = None,
    allow: AddressCheck | None = None,
) -> FetchedPage:
    """Download a news page (following up to 5 checked redirects) and check it has an article.

    `allow` decides which resolved addresses may be contacted (default: public ones only);
    tests pass a predicate that admits 127.0.0.1."""
    allow = allow or is_public_address
    target = _target(url, resolve=resolve, allow=allow)
    start_url = target.url
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}, trust_env=False)
    deadline = time.monotonic() + timeout
    try:
        for _ in range(MAX_REDIRECTS + 1):
            body, response = _get(client, target, max_bytes=max_bytes, deadline=deadline)
            if response.is_redirect and "location" in response.headers:
                target = _target(urljoin(target.url, response.headers["location"]), resolve=resolve, allow=allow)
                continue
            break
        else:
            raise FetchError("That address redirects too many times.")
    finally:
        if own_client:
            client.close()
    current = target.url
    if response.status_code >= 400:
        raise FetchError(f"The site answered {response.status_code} ({response.reason_phrase}) for that page.")
    ctype = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
    if ctype not in ACCEPTED_TYPES:
        raise FetchError(f"That address is not a web page (it is {ctype}).")
    html = _decode(body, response)
    return _checked_article(start_url, current, html, ctype)


def _get(client: httpx.Client, target: _Target, *, max_bytes: int, deadline: float) -> tuple[bytes, httpx.Response]:
    if time.monotonic() > deadline:
        raise FetchError("The site took too long to send the page.")
    # Connect to the address that was checked, not to whatever the name resolves to next.
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    try:
        with client.stream(
            "GET",
            target.request_url(),
            headers={"Host": target.host_header()},
            extensions=extensions,
            follow_redirects=False,
        ) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"That page is too large (over {max_bytes // 1_000_000} MB).")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"That page is too large (over {max_bytes // 1_000_000} MB).")
                if time.monotonic() > deadline:
                    raise FetchError("The site took too long to send the page.")
                chunks.append(chunk)
            return b"".join(chunks), response
    except httpx.TimeoutException as exc:
        raise FetchError("The site took too long to answer.") from exc
    except httpx.ConnectError as exc:
        raise FetchError(
            "Could not connect to the site. Check the address, or whether this computer is online."
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"The download failed: {exc.__class__.__name__}.") from exc


def _decode(body: bytes, response: httpx.Response) -> str:
    encoding = response.charset_encoding or "utf-8"
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return body.decode("utf-8", errors="replace")


def _checked_article(url: str, final_url: str, html: str, ctype: str) -> FetchedPage:
    if ctype == "text/plain":
        text = html
        meta: Any = None
    else:
        text = trafilatura.extract(html, url=final_url, include_comments=False) or ""
        meta = trafilatura.extract_metadata(html, default_url=final_url)
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise FetchError(
            "No article text found on that page. It may be an index page, need a login, or "
            "build its text with JavaScript. Copy the article text and paste it instead."
        )
    published = None
    if meta is not None and getattr(meta, "date", None):
        try:
            published = dt.date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    source = getattr(meta, "sitename", None) or urlsplit(final_url).hostname
    return FetchedPage(
        url=url,
        final_url=final_url,
        html=html,
        title=getattr(meta, "title", None) if meta is not None else None,
        published=published,
        source=source,
    )
