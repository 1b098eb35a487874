"""Colours for parties and speakers, the same on every page, in every session and after a restart.

A party the registry gives a `colour` (analysis/data/registry.json; found by name or alias:
"Tories" are the Conservatives) gets that colour; any other party a colour derived from a hash of
its name (never from Python's salted `hash()`), so a link shared today looks the same tomorrow.
A speaker with a party gets a shade of the party's colour, one without a colour from a palette.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from analysis.registry import load_registry

NO_PARTY_COLOUR = "#6B7280"  # slate grey for speakers without a known party and the narrator

# Tableau 10 minus its grey, plus four darker companions: distinct at projector size and
# readable as a 25% tint behind black text.
SPEAKER_PALETTE: tuple[str, ...] = (
    "#1F77B4",
    "#D62728",
    "#2CA02C",
    "#9467BD",
    "#FF7F0E",
    "#8C564B",
    "#E377C2",
    "#17BECF",
    "#BCBD22",
    "#3B4CC0",
    "#B15928",
    "#006D2C",
    "#7A0177",
)
# Lightness offsets for the speakers of one party: the first is the party colour itself.
SHADE_SHIFTS: tuple[float, ...] = (0.0, -0.13, 0.1, -0.22, 0.16)


@lru_cache(maxsize=4096)
def _digest(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")


def _named(value: object) -> str | None:
    """The text of a name, or None for None, "" and pandas' NaN."""
    return value if isinstance(value, str) and value.strip() else None


@lru_cache(maxsize=1024)
def party_colour(party: str | None) -> str:
    """The party's colour from the registry if it has one, else a stable colour derived from its name."""
    name = _named(party)
    if name is None:
        return NO_PARTY_COLOUR
    known = load_registry().party_named(name)
    if known is not None and known.colour:
        return known.colour
    # Hashed as written, not as the registry's party: an alias shared by parties of several
    # countries ("Social Democrats") must not take another country's party's colour.
    key = " ".join(name.lower().split())
    return _hsl_to_hex(_digest(key) % 360, 0.55, 0.42)


def speaker_colour(speaker_key: str | None, party: str | None = None) -> str:
    """A stable colour for a speaker id; the narrator (None) is grey.

    A speaker with a party gets a shade of the party's colour (picked by a hash of the id,
    so two Labour speakers are both red but tell apart); one without a party gets a colour
    from `SPEAKER_PALETTE`.
    """
    key = _named(speaker_key)
    if key is None:
        return NO_PARTY_COLOUR
    return _speaker_colour(key, _named(party))


@lru_cache(maxsize=4096)
def _speaker_colour(speaker_key: str, party: str | None) -> str:
    digest = _digest(speaker_key)
    if party:
        hue, sat, light = _hex_to_hsl(party_colour(party))
        shift = SHADE_SHIFTS[digest % len(SHADE_SHIFTS)]
        return _hsl_to_hex(hue, sat, min(0.62, max(0.22, light + shift)))
    return SPEAKER_PALETTE[digest % len(SPEAKER_PALETTE)]


@lru_cache(maxsize=1024)
def tint(colour: str, alpha: float = 0.22) -> str:
    """The colour as an rgba() string with the given opacity, for highlight backgrounds."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _hex_to_hsl(colour: str) -> tuple[float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hi, lo = max(r, g, b), min(r, g, b)
    light = (hi + lo) / 2
    if hi == lo:
        return 0.0, 0.0, light
    d = hi - lo
    sat = d / (1 - abs(2 * light - 1))
    if hi == r:
        hue = 60 * (((g - b) / d) % 6)
    elif hi == g:
        hue = 60 * ((b - r) / d + 2)
    else:
        hue = 60 * ((r - g) / d + 4)
    return hue, sat, light


def _hsl_to_hex(hue: float, sat: float, light: float) -> str:
    c = (1 - abs(2 * light - 1)) * sat
    x = c * (1 - abs((hue / 60) % 2 - 1))
    m = light - c / 2
    sector = int(hue // 60) % 6
    r, g, b = [(c, x, 0.0), (x, c, 0.0), (0.0, c, x), (0.0, x, c), (x, 0.0, c), (c, 0.0, x)][sector]
    return "#{:02X}{:02X}{:02X}".format(*(round((v + m) * 255) for v in (r, g, b)))
