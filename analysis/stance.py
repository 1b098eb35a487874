"""Where a quote stands on migration: relevance, direction, government position, targets, frames.

Rules over readable cue lists (data/stance_lexicon.json); every label keeps the cue phrases
(with offsets) that produced it. Sentiment is not stance: "weak, spineless" is negative in tone
but, aimed at a government's migration record, a restrictive position.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from analysis.records import Evidence, Stance

LEXICON_PATH = Path(__file__).with_name("data") / "stance_lexicon.json"
PARTIAL_QUOTE_WORDS = 8  # shorter quotes are judged with the sentence around them
MIGRATION_FOCUSED_ARTICLE = 3  # topic cues needed before context alone can make a quote relevant
CAMPAIGN_CUES = re.compile(r"\b(?:manifesto|campaign|election)\b", re.I)


def _compile(phrase: str) -> re.Pattern[str]:
    body = re.escape(phrase).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){body}(?!\w)", re.I)


@dataclass(frozen=True)
class Lexicon:
    topic: tuple[re.Pattern[str], ...]
    restrictive: tuple[re.Pattern[str], ...]
    open: tuple[re.Pattern[str], ...]
    criticism: tuple[re.Pattern[str], ...]
    praise: tuple[re.Pattern[str], ...]
    targets: dict[str, tuple[re.Pattern[str], ...]]
    frames: dict[str, tuple[re.Pattern[str], ...]]
    # Every target phrase (every frame phrase) in one pattern: when it finds nothing, none of the
    # per-name patterns can, and one scan replaces a dozen (most quotes name no target).
    any_target: re.Pattern[str] | None = None
    any_frame: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The cue lists, compiled once."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)

    def comp(items: list[str]) -> tuple[re.Pattern[str], ...]:
        # One alternation per list, longest phrase first, so a scan costs one pass over the text.
        bodies = [re.escape(p).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")
                  for p in sorted(set(items), key=len, reverse=True)]
        return (re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", re.I),)

    return Lexicon(
        comp(data["topic"]), comp(data["restrictive"]), comp(data["open"]),
        comp(data["government_criticism"]), comp(data["government_praise"]),
        {k: comp(v) for k, v in data["targets"].items()},
        {k: comp(v) for k, v in data["frames"].items()},
        comp([p for v in data["targets"].values() for p in v])[0],
        comp([p for v in data["frames"].values() for p in v])[0],
    )


def find_cues(patterns: tuple[re.Pattern[str], ...], text: str, base: int, label: str) -> list[Evidence]:
    """Non-overlapping cue matches, longest first, as evidence with article offsets."""
    hits: list[Evidence] = []
    taken: list[tuple[int, int]] = []
    matches = sorted(
        (m for p in patterns for m in p.finditer(text)), key=lambda m: (-(m.end() - m.start()), m.start())
    )
    for m in matches:
        if any(m.start() < b and m.end() > a for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        hits.append(Evidence(label, m.group(0), base + m.start(), base + m.end()))
    return sorted(hits, key=lambda e: e.start)


@lru_cache(maxsize=4096)  # asked for each quote's paragraph and the one before
def migration_cue_count(text: str) -> int:
    """How many migration topic cues a text has (used to tell migration articles from others)."""
    return len(find_cues(load_lexicon().topic, text, 0, "topic"))


@dataclass(frozen=True)
class StanceContext:
    """What the stance rules know about a quote beyond its words."""

    speaker_side: bool | None  # True: the incumbent government's side; False: its opponents
    speaker_official: bool  # speaks for the government itself (minister, department, spokesperson)
    speaker_foreign: bool  # outside the article country's domestic politics
    context_about_migration: bool  # its paragraph or the one before talks about migration
    article_about_migration: bool
    cue: str | None = None
    statement_direction: str | None = None  # direction of the other paragraphs of the same statement


def judge(text: str, start: int, ctx: StanceContext, *, sentence: tuple[str, int] | None = None) -> Stance:
    """Label one quote. `sentence` (text, start) is used instead of the quote for partial quotes."""
    lex = load_lexicon()
    if sentence is not None and len(text.split()) < PARTIAL_QUOTE_WORDS:
        text, start = sentence
    topic = find_cues(lex.topic, text, start, "topic")
    restrictive = find_cues(lex.restrictive, text, start, "direction:restrictive")
    opening = find_cues(lex.open, text, start, "direction:open")
    # In an article about migration, what its speakers say is read as part of that debate.
    about = bool(topic) or ctx.article_about_migration
    if not about:
        return Stance(False, "n/a", "n/a", rule="no migration cue in the quote or its context", confidence=0.6)
    some_target = lex.any_target is None or lex.any_target.search(text) is not None
    some_frame = lex.any_frame is None or lex.any_frame.search(text) is not None
    targets = {name: find_cues(p, text, start, f"target:{name}") if some_target else []
               for name, p in lex.targets.items()}
    frames = {name: find_cues(p, text, start, f"frame:{name}") if some_frame else []
              for name, p in lex.frames.items()}
    criticism = find_cues(lex.criticism, text, start, "government:criticism")
    praise = find_cues(lex.praise, text, start, "government:praise")

    direction, direction_rule = _direction(restrictive, opening, frames, ctx)
    government, government_rule = _government(ctx, criticism, praise, has_direction=bool(restrictive or opening))
    evidence = topic + restrictive + opening + criticism + praise
    evidence += [e for hits in targets.values() for e in hits] + [e for hits in frames.values() for e in hits]
    strength = len(restrictive) + len(opening) + len(criticism)
    confidence = round(min(0.95, 0.45 + 0.1 * strength + (0.1 if topic else 0.0)), 2)
    return Stance(
        about_migration=True,
        migration=direction,  # type: ignore[arg-type]
        government=government,  # type: ignore[arg-type]
        targets=tuple(k for k, v in targets.items() if v),
        frames=tuple(k for k, v in frames.items() if v),
        evidence=tuple(sorted(evidence, key=lambda e: e.start)),
        confidence=confidence,
        rule=f"{direction_rule}; {government_rule}",
    )


def _direction(restrictive: list[Evidence], opening: list[Evidence], frames: dict[str, list[Evidence]],
               ctx: StanceContext) -> tuple[str, str]:
    r, o = len(restrictive), len(opening)
    if r and o:
        if min(r, o) / max(r, o) >= 0.5:
            return "mixed", f"restrictive and open cues ({r} vs {o})"
        return ("restrictive" if r > o else "open"), f"mostly {'restrictive' if r > o else 'open'} cues ({r} vs {o})"
    if r:
        return "restrictive", f"{r} restrictive cue(s)"
    if o:
        return "open", f"{o} open cue(s)"
    political_only = bool(frames.get("political")) and not any(
        v for k, v in frames.items() if k != "political"
    )
    if ctx.statement_direction in ("restrictive", "open") and not political_only:
        return ctx.statement_direction, "no cue: follows the rest of the same statement"
    return "neutral", "about migration, no direction cue"


def _government(ctx: StanceContext, criticism: list[Evidence], praise: list[Evidence], *,
                has_direction: bool) -> tuple[str, str]:
    if ctx.cue and CAMPAIGN_CUES.search(ctx.cue):
        return "n/a", "campaign or manifesto words, not a position on a government's record"
    if ctx.speaker_foreign:
        return "n/a", "speaker outside the country's domestic politics"
    if ctx.speaker_side is True:
        if ctx.speaker_official:
            if not has_direction and not praise:
                return "neutral", FACTS_RULE
            return "supports", "speaker speaks for the government"
        if criticism and not praise:
            return "opposes", "governing party, but criticism cues"
        return "supports", "speaker is in the governing party"
    if ctx.speaker_side is False:
        return "opposes", "speaker is in opposition" + (" and criticises" if criticism else "")
    if criticism and not praise:
        return "opposes", "criticism cues"
    if praise and not criticism:
        return "supports", "praise cues"
    return "neutral", "no government cue"


ADVOCACY_ROLE = re.compile(
    r"\b(?:refugee|migrant|immigrant|asylum|human rights|civil liberties|charity|charities|advocate|advocacy|"
    r"campaign(?:er|ers)? for|rights group|aclu|amnesty|unhcr|red cross|legal aid|solidarity)\b",
    re.I,
)
NO_CUE_RULE = "about migration, no direction cue"


@lru_cache(maxsize=1)
def party_positions(path: Path = LEXICON_PATH) -> dict[str, str]:
    """Party -> general immigration direction (data/stance_lexicon.json, 'party_positions')."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh).get("party_positions", {})
    return {k: v for k, v in data.items() if not k.startswith("_")}


def fill_direction(stance: Stance, speaker_directions: list[str], speaker_role: str | None,
                   speaker_party: str | None = None) -> Stance:
    """A quote with no direction cue takes its speaker's direction from their other quotes, or the
    direction an advocacy role states ("refugee charity"); otherwise it stays neutral."""
    if stance.migration != "neutral" or not stance.rule.startswith(NO_CUE_RULE):
        return stance
    directed = [d for d in speaker_directions if d in ("restrictive", "open", "mixed")]
    political_only = set(stance.frames) == {"political"}
    if directed and not political_only:
        best = max(sorted(set(directed)), key=directed.count)
        rule = stance.rule.replace(NO_CUE_RULE, "no cue: follows the speaker's other quotes in the article")
        return replace(stance, migration=best, rule=rule, confidence=min(stance.confidence, 0.5))  # type: ignore[arg-type]
    if speaker_role and ADVOCACY_ROLE.search(speaker_role):
        rule = stance.rule.replace(NO_CUE_RULE, "no cue: speaker's role is migrant or refugee advocacy")
        return replace(stance, migration="open", rule=rule, confidence=min(stance.confidence, 0.4))
    position = party_positions().get(speaker_party or "")
    if position and not political_only:
        rule = stance.rule.replace(NO_CUE_RULE, f"no cue: the general position of the {speaker_party} party")
        return replace(stance, migration=position, rule=rule, confidence=min(stance.confidence, 0.35))  # type: ignore[arg-type]
    return stance


NO_GOVERNMENT_CUE = "no government cue"


FACTS_RULE = "the government's own voice stating facts, no position cue"


def fill_government(stance: Stance, speaker_positions: list[str], speaker_role: str | None) -> Stance:
    """A quote with no government cue takes its speaker's position from their other quotes; an
    advocacy group arguing for more open policy is read as opposing a government it criticises."""
    if stance.rule.endswith(FACTS_RULE) and stance.migration in ("restrictive", "open", "mixed"):
        # the direction came from the speaker's other statements: it is the government's position
        return replace(stance, government="supports",
                       rule=stance.rule.replace(FACTS_RULE, "speaker speaks for the government"))
    if stance.government != "neutral" or not stance.rule.endswith(NO_GOVERNMENT_CUE):
        return stance
    sided = [p for p in speaker_positions if p in ("supports", "opposes")]
    if sided:
        best = max(sorted(set(sided)), key=sided.count)
        rule = stance.rule.replace(NO_GOVERNMENT_CUE, "no cue: follows the speaker's other quotes")
        return replace(stance, government=best, rule=rule)  # type: ignore[arg-type]
    if stance.migration == "open":
        # A heuristic, not a fact about the quote: the governments in the period our registry
        # covers (UK, US, Australia, most EU states, 2022-2025) ran restrictive migration
        # policies, so arguing for more open policy usually argues against theirs.
        why = "advocacy for more open policy" if speaker_role and ADVOCACY_ROLE.search(speaker_role) \
            else "an open position against a restrictive government policy"
        rule = stance.rule.replace(NO_GOVERNMENT_CUE, f"no cue: {why}")
        return replace(stance, government="opposes", rule=rule, confidence=min(stance.confidence, 0.4))
    return stance
