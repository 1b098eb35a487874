"""Human corrections: kept apart from the machine's output and laid over it when read.

Map of the module:
- `Correction`: one user decision, keyed to article offsets plus the exact words it was
  made on (and, for speaker-wide corrections, to a speaker id), never to a machine quote id.
- `apply(analysis, corrections)` -> `Applied`: the corrected analysis, what changed where,
  and for each correction whether it still fits ("applied") or must be reviewed ("review").
- `locate`: re-attach a span to the current analysis by offsets, then by its text.
- `registry_additions`: speakers and parties users added, in registry.json shapes, so the
  analyser recognises them in later articles.

Corrections survive re-analysis and analyser upgrades because nothing here depends on the
machine's quote ids: a correction finds its quote again by offsets and words. One that no
longer fits is kept and reported for review, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from analysis.government import facts_of
from analysis.records import Analysis, MigrationDirection, NumberMention, Quote, Speaker, Stance
from analysis.stance import quote_stance, restance
from analysis.stance_rules import StanceRule

CorrectionKind = Literal["reassign_speaker", "merge_speakers", "edit_speaker", "set_stance", "not_quote", "add_quote"]
KINDS: tuple[str, ...] = ("reassign_speaker", "merge_speakers", "edit_speaker", "set_stance", "not_quote", "add_quote")
QUOTE_KINDS = ("reassign_speaker", "set_stance", "not_quote", "add_quote")  # keyed to a span
Status = Literal["applied", "review"]
USER_RULE = "user correction"
USER_STANCE: StanceRule = "user_correction"  # the stance rule id of a stance a user set

# How much a re-analysed quote must overlap the corrected span to count as the same quote:
# most of the corrected words, and at least half of the new quote (a re-analysis may join or
# split paragraphs of a long quote).
MIN_SPAN_COVER = 0.8
MIN_QUOTE_COVER = 0.5

LABELS = {
    "reassign_speaker": "speaker reassigned",
    "merge_speakers": "speakers merged",
    "edit_speaker": "speaker details edited",
    "set_stance": "stance changed",
    "not_quote": "not a quote",
    "add_quote": "quote added by hand",
}


@dataclass(frozen=True)
class Correction:
    """One user decision. `value` holds what the user chose (kind-specific keys).

    - reassign_speaker: value {speaker_id, name, role?, party?}; span keyed.
    - set_stance: value {migration?, government?}; span keyed.
    - not_quote: span keyed.
    - add_quote: value {speaker_id, name, role?, party?, kind?, migration?, government?}; span keyed.
    - merge_speakers: `speaker_id` (merged away) and value {into_id, into_name}.
    - edit_speaker: `speaker_id` and value {name?, role?, party?, country?}.

    `article_id` None means every article (speaker corrections only).
    """

    kind: CorrectionKind
    article_id: str | None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    speaker_id: str | None = None
    value: dict[str, Any] = field(default_factory=dict)
    quote_id: str | None = None  # the machine's id when made: a hint for people, never a key
    note: str = ""
    id: int | None = None
    created_at: str = ""
    analyser_version: str = ""  # the analyser whose output the user was correcting

    def describe(self) -> str:
        """A one-line, plain-text summary for lists."""
        v = self.value
        if self.kind == "reassign_speaker":
            what = f"“{_short(self.text)}” → {v.get('name') or v.get('speaker_id')}"
        elif self.kind == "add_quote":
            what = f"“{_short(self.text)}” by {v.get('name') or v.get('speaker_id') or 'unattributed'}"
        elif self.kind == "set_stance":
            parts = [f"{k}: {v[k]}" for k in ("migration", "government") if v.get(k)]
            what = f"“{_short(self.text)}” → {', '.join(parts)}"
        elif self.kind == "not_quote":
            what = f"“{_short(self.text)}”"
        elif self.kind == "merge_speakers":
            what = f"{self.speaker_id} → {v.get('into_name') or v.get('into_id')}"
        else:
            parts = [f"{k}: {v[k]}" for k in ("name", "role", "party", "country") if k in v]
            what = f"{self.speaker_id}: {', '.join(parts)}"
        scope = "" if self.article_id or self.kind in QUOTE_KINDS else " (every article)"
        return f"{LABELS[self.kind]}: {what}{scope}"


@dataclass(frozen=True)
class Outcome:
    """Whether one correction fits the current analysis, and where it landed."""

    status: Status
    detail: str = ""
    quote_id: str | None = None


@dataclass(frozen=True)
class Applied:
    """A corrected analysis and what the corrections did to it."""

    analysis: Analysis
    quote_marks: dict[str, tuple[str, ...]]  # quote id -> what users changed on it
    speaker_marks: dict[str, tuple[str, ...]]
    number_marks: dict[str, tuple[str, ...]]
    outcomes: dict[int, Outcome]  # correction id -> outcome
    removed: tuple[Quote, ...] = ()  # machine quotes users marked as not quotes


def _short(text: str | None, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def slug(name: str) -> str:
    """A speaker id for a name a user typed ("Jane O'Doe" -> "jane-o-doe")."""
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:60] or "speaker"


# ---------------------------------------------------------------------------------------
# Finding a span again


def find_span(article_text: str, text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where `text` is in the article now: at its old offsets if unchanged, else the nearest copy."""
    if not text:
        return None
    if start is not None and end is not None and article_text[start:end] == text:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(text), article_text)]
    if not hits:
        return None
    near = min(hits, key=lambda h: abs(h - (start or 0)))
    return near, near + len(text)


def span_from_selection(
    article_text: str, *, start: int | None = None, end: int | None = None, words: str | None = None
) -> tuple[int, int, str]:
    """(start, end, text) of a user's selection: exact words pasted, or start/end offsets.

    Pasted words may differ from the article in whitespace and line breaks. Raises
    ValueError with a message for the user when the selection is not in the article or is
    ambiguous (then `start` picks the nearest copy).
    """
    words = (words or "").strip()
    if words:
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        hits = [(m.start(), m.end()) for m in re.finditer(pattern, article_text)]
        if not hits:
            raise ValueError("Those words are not in the article text. Copy them exactly as they appear.")
        if len(hits) > 1:
            if start is None:
                raise ValueError(
                    f"Those words appear {len(hits)} times in the article; paste more of the "
                    "sentence, or give the start offset too."
                )
            hits.sort(key=lambda h: abs(h[0] - start))
        a, b = hits[0]
        return a, b, article_text[a:b]
    if start is None or end is None:
        raise ValueError("Paste the quoted words, or give their start and end offsets.")
    if not 0 <= start < end <= len(article_text):
        raise ValueError(f"Offsets must satisfy 0 ≤ start < end ≤ {len(article_text)}.")
    if not article_text[start:end].strip():
        raise ValueError("That selection is only white space.")
    return start, end, article_text[start:end]


def locate(
    quotes: Sequence[Quote], article_text: str, text: str | None, start: int | None, end: int | None
) -> Quote | None:
    """The quote of `quotes` that is the corrected span, by offsets first and then by words."""
    for q in quotes:
        if q.start == start and q.end == end and q.text == text:
            return q
    span = find_span(article_text, text or "", start, end)
    if span is None:
        return None
    a, b = span
    best, best_cover = None, 0.0
    for q in quotes:
        overlap = min(b, q.end) - max(a, q.start)
        if overlap <= 0:
            continue
        cover = overlap / max(b - a, 1)
        if cover >= MIN_SPAN_COVER and overlap / max(q.end - q.start, 1) >= MIN_QUOTE_COVER and cover > best_cover:
            best, best_cover = q, cover
    return best


# ---------------------------------------------------------------------------------------
# Applying


class _Work:
    """The mutable state of one `apply` run."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.quotes: list[Quote] = list(analysis.quotes)
        self.speakers: dict[str, Speaker] = {s.id: s for s in analysis.speakers}
        self.numbers: list[NumberMention] = list(analysis.numbers)
        self.quote_marks: dict[str, list[str]] = {}
        self.speaker_marks: dict[str, list[str]] = {}
        self.number_marks: dict[str, list[str]] = {}
        self.removed: list[Quote] = []

    def mark(self, marks: dict[str, list[str]], key: str, label: str) -> None:
        items = marks.setdefault(key, [])
        if label not in items:
            items.append(label)

    def speaker_for(self, value: dict[str, Any]) -> Speaker | None:
        """The speaker a user chose: one already in the article, else a new one."""
        sid = value.get("speaker_id") or (slug(value["name"]) if value.get("name") else None)
        if not sid:
            return None
        if sid in self.speakers:
            return self.speakers[sid]
        name = value.get("name") or sid
        same = next((s for s in self.speakers.values() if s.name.casefold() == name.casefold()), None)
        if same is not None:
            return same
        sp = Speaker(
            id=sid,
            name=name,
            kind=value.get("speaker_kind", "person"),
            role=value.get("role") or None,
            party=value.get("party") or None,
            country=value.get("country") or None,
            quoted=True,
            role_source="user",
        )
        self.speakers[sid] = sp
        self.mark(self.speaker_marks, sid, "added by a user")
        return sp

    def restanced(self, quote: Quote, speaker: Speaker | None) -> Quote:
        """The quote with its stance decided again for `speaker` (a stance a user set is kept)."""
        if USER_STANCE in quote.stance.rule_ids:
            return quote
        return replace(
            quote,
            stance=restance(quote.stance, facts_of(speaker) if speaker else None, self.analysis.article.published),
        )

    def country(self) -> str | None:
        """The country whose government the machine measured stances against."""
        from analysis.registry import load_registry

        for q in self.quotes:
            term = load_registry().government_by_id(q.stance.toward) if q.stance.toward else None
            if term is not None:
                return term.country
        return None

    def set_quote(self, old: Quote, new: Quote, label: str) -> None:
        self.quotes = [new if q is old else q for q in self.quotes]
        self.mark(self.quote_marks, new.id, label)

    def recite(self, quote: Quote, speaker: Speaker | None, label: str) -> None:
        """Figures inside a quote follow its speaker."""
        for i, n in enumerate(self.numbers):
            if n.quote_id == quote.id or (
                n.quote_id is None and quote.start <= n.start and n.end <= quote.end and n.cited_by == quote.speaker_id
            ):
                quote_id = quote.id
                self.numbers[i] = replace(
                    n,
                    cited_by=speaker.id if speaker else None,
                    cited_by_name=speaker.name if speaker else None,
                    quote_id=quote_id if speaker else None,
                )
                self.mark(self.number_marks, n.id, label)

    def result(self, outcomes: dict[int, Outcome]) -> Applied:
        quoted = {q.speaker_id for q in self.quotes if q.speaker_id}
        speakers = tuple(
            replace(s, quoted=s.id in quoted) if s.quoted != (s.id in quoted) else s for s in self.speakers.values()
        )
        quotes = tuple(sorted(self.quotes, key=lambda q: (q.start, q.end)))
        analysis = replace(self.analysis, speakers=speakers, quotes=quotes, numbers=tuple(self.numbers))
        return Applied(
            analysis=analysis,
            quote_marks={k: tuple(v) for k, v in self.quote_marks.items()},
            speaker_marks={k: tuple(v) for k, v in self.speaker_marks.items()},
            number_marks={k: tuple(v) for k, v in self.number_marks.items()},
            outcomes=outcomes,
            removed=tuple(self.removed),
        )


def apply(analysis: Analysis, corrections: Iterable[Correction]) -> Applied:
    """Lay corrections (oldest first) over a machine analysis; report each one's outcome."""
    work = _Work(analysis)
    outcomes: dict[int, Outcome] = {}
    for i, c in enumerate(sorted(corrections, key=lambda c: (c.id or 0, c.created_at))):
        key = c.id if c.id is not None else -(i + 1)
        if c.article_id is not None and c.article_id != analysis.article.id:
            continue
        try:
            outcomes[key] = _APPLY[c.kind](work, c)
        except (KeyError, TypeError, ValueError) as exc:  # a malformed stored value: review, never crash
            outcomes[key] = Outcome("review", f"could not be applied ({exc.__class__.__name__})")
    return work.result(outcomes)


def _target(work: _Work, c: Correction) -> Quote | None:
    return locate(work.quotes, work.analysis.article.text, c.text, c.start, c.end)


def _no_quote(work: _Work, c: Correction) -> Outcome:
    if find_span(work.analysis.article.text, c.text or "", c.start, c.end) is None:
        return Outcome("review", "the quoted words are no longer in the article text")
    if any(locate([q], work.analysis.article.text, c.text, c.start, c.end) for q in work.removed):
        return Outcome("review", "that quote was marked as not a quote")
    return Outcome("review", "the analyser no longer finds a quote at these words")


def _reassign(work: _Work, c: Correction) -> Outcome:
    q = _target(work, c)
    if q is None:
        return _no_quote(work, c)
    sp = work.speaker_for(c.value)
    if sp is None:
        return Outcome("review", "no speaker was given")
    moved = replace(q, speaker_id=sp.id, speaker_name=sp.name, speaker_mention=None, co_speaker_ids=())
    work.set_quote(q, work.restanced(moved, sp), LABELS[c.kind])
    work.recite(q, sp, "cited by: " + LABELS[c.kind])
    return Outcome("applied", quote_id=q.id)


def _stance(work: _Work, c: Correction) -> Outcome:
    q = _target(work, c)
    if q is None:
        return _no_quote(work, c)
    st = q.stance
    migration = c.value.get("migration") or st.migration
    government = c.value.get("government") or st.government
    about = migration != "n/a" if c.value.get("migration") else st.about_migration
    stance = replace(
        st,
        migration=migration,
        government=government,
        about_migration=about,
        rule=USER_RULE,
        rule_ids=(USER_STANCE,),
        confidence=1.0,
    )
    work.set_quote(q, replace(q, stance=stance), LABELS[c.kind])
    return Outcome("applied", quote_id=q.id)


def _not_quote(work: _Work, c: Correction) -> Outcome:
    q = _target(work, c)
    if q is None:
        return _no_quote(work, c)
    work.quotes = [x for x in work.quotes if x is not q]
    work.removed.append(q)
    work.quote_marks.pop(q.id, None)
    work.recite(q, None, "cited by: " + LABELS[c.kind])
    return Outcome("applied", quote_id=q.id)


def _add_quote(work: _Work, c: Correction) -> Outcome:
    text = work.analysis.article.text
    span = find_span(text, c.text or "", c.start, c.end)
    if span is None:
        return Outcome("review", "the quoted words are no longer in the article text")
    a, b = span
    sp = work.speaker_for(c.value) if (c.value.get("speaker_id") or c.value.get("name")) else None
    v = c.value
    existing = locate(work.quotes, text, c.text, a, b)
    if existing is not None:  # the analyser now finds it too: the user's speaker and labels win
        new = replace(
            existing,
            speaker_id=sp.id if sp else existing.speaker_id,
            speaker_name=sp.name if sp else existing.speaker_name,
        )
        if sp is not None and sp.id != existing.speaker_id:
            new = work.restanced(replace(new, co_speaker_ids=()), sp)
        if v.get("migration") or v.get("government"):
            new = replace(
                new,
                stance=replace(
                    new.stance,
                    migration=v.get("migration") or new.stance.migration,
                    government=v.get("government") or new.stance.government,
                    rule=USER_RULE,
                    rule_ids=(USER_STANCE,),
                ),
            )
        work.set_quote(existing, new, LABELS[c.kind])
        if sp:
            work.recite(existing, sp, "cited by: " + LABELS[c.kind])
        return Outcome("applied", "the analyser now finds this quote too", quote_id=existing.id)
    qid = f"u{c.id if c.id is not None else len(work.quotes) + 1}"
    if v.get("migration") or v.get("government"):
        migration: MigrationDirection = v.get("migration") or "n/a"
        stance = Stance(
            about_migration=migration != "n/a",
            migration=migration,
            government=v.get("government") or "n/a",
            rule=USER_RULE,
            rule_ids=(USER_STANCE,),
            confidence=1.0,
        )
    else:  # the user gave the words and the speaker: the stance rules read them (without a parse)
        stance = quote_stance(
            text[a:b],
            a,
            speaker=facts_of(sp) if sp else None,
            country=work.country(),
            published=work.analysis.article.published,
            article_about_migration=any(q.stance.about_migration for q in work.quotes),
        )
    quote = Quote(
        id=qid,
        kind=v.get("kind") or "direct",
        text=text[a:b],
        start=a,
        end=b,
        speaker_id=sp.id if sp else None,
        speaker_name=sp.name if sp else None,
        cue=None,
        cue_start=None,
        cue_end=None,
        rule=USER_RULE,
        stance=stance,
    )
    work.quotes.append(quote)
    work.mark(work.quote_marks, qid, LABELS[c.kind])
    for i, n in enumerate(work.numbers):  # figures inside the added quote are now cited by its speaker
        if a <= n.start and n.end <= b and sp is not None:
            work.numbers[i] = replace(n, cited_by=sp.id, cited_by_name=sp.name, quote_id=qid)
            work.mark(work.number_marks, n.id, "cited by: " + LABELS[c.kind])
    return Outcome("applied", quote_id=qid)


def _merge(work: _Work, c: Correction) -> Outcome:
    old = work.speakers.get(c.speaker_id or "")
    if old is None:
        return Outcome("review", f"no speaker {c.speaker_id!r} in this article")
    into_id = c.value["into_id"]
    into = work.speakers.get(into_id)
    if into is None:
        into = replace(old, id=into_id, name=c.value.get("into_name") or into_id)
    aliases = tuple(dict.fromkeys((*into.aliases, old.name, *old.aliases)))
    into = replace(
        into,
        aliases=tuple(a for a in aliases if a != into.name),
        mentions=tuple(sorted({*into.mentions, *old.mentions}, key=lambda m: m.start)),
        role=into.role or old.role,
        party=into.party or old.party,
        country=into.country or old.country,
    )
    del work.speakers[old.id]
    work.speakers[into_id] = into
    work.mark(work.speaker_marks, into_id, f"merged with {old.name}")
    for q in list(work.quotes):
        if old.id in q.co_speaker_ids:  # one of a joint statement's speakers merged into another
            partners = tuple(dict.fromkeys(into_id if x == old.id else x for x in q.co_speaker_ids))
            work.set_quote(
                q, replace(q, co_speaker_ids=tuple(x for x in partners if x != q.speaker_id)), LABELS[c.kind]
            )
    for q in list(work.quotes):
        if q.speaker_id == old.id:
            moved = replace(q, speaker_id=into_id, speaker_name=into.name)
            moved = replace(moved, co_speaker_ids=tuple(x for x in moved.co_speaker_ids if x != into_id))
            work.set_quote(q, work.restanced(moved, into), LABELS[c.kind])
    for i, n in enumerate(work.numbers):
        if n.cited_by == old.id:
            work.numbers[i] = replace(n, cited_by=into_id, cited_by_name=into.name)
            work.mark(work.number_marks, n.id, "cited by: " + LABELS[c.kind])
    return Outcome("applied")


def _edit(work: _Work, c: Correction) -> Outcome:
    sp = work.speakers.get(c.speaker_id or "")
    if sp is None:
        return Outcome("review", f"no speaker {c.speaker_id!r} in this article")
    changes: dict[str, Any] = {k: (c.value[k] or None) for k in ("role", "party", "country") if k in c.value}
    if c.value.get("name"):
        changes["name"] = c.value["name"]
    work.speakers[sp.id] = edited = replace(sp, **changes, role_source="user" if "role" in changes else sp.role_source)
    work.mark(work.speaker_marks, sp.id, LABELS[c.kind])
    if {"role", "party", "country"} & set(changes):  # where the speaker stands may have changed
        for q in list(work.quotes):
            if q.speaker_id == sp.id:
                again = work.restanced(q, edited)
                if again != q:
                    work.set_quote(q, again, LABELS[c.kind])
    if "name" in changes:
        for q in list(work.quotes):
            if q.speaker_id == sp.id:
                work.set_quote(q, replace(q, speaker_name=changes["name"]), LABELS[c.kind])
        for i, n in enumerate(work.numbers):
            if n.cited_by == sp.id:
                work.numbers[i] = replace(n, cited_by_name=changes["name"])
    return Outcome("applied")


_APPLY = {
    "reassign_speaker": _reassign,
    "set_stance": _stance,
    "not_quote": _not_quote,
    "add_quote": _add_quote,
    "merge_speakers": _merge,
    "edit_speaker": _edit,
}


def for_display(applied: Applied) -> Analysis:
    """The corrected analysis with each corrected quote's rule saying so (for hover text)."""
    a = applied.analysis
    quotes = tuple(
        replace(q, rule=f"{q.rule} · corrected by a user: {', '.join(applied.quote_marks[q.id])}")
        if q.id in applied.quote_marks and q.rule != USER_RULE
        else q
        for q in a.quotes
    )
    return replace(a, quotes=quotes)


# ---------------------------------------------------------------------------------------
# Extending the registry


def registry_additions(corrections: Iterable[Correction], bundled: dict[str, Any]) -> dict[str, Any]:
    """People and parties users added or edited, as `Registry.extended(**...)` arguments.

    A bundled person keeps their offices and aliases (and a renamed one keeps the old name as
    an alias); only what the user changed is replaced. Article-only edits stay out.
    """
    people: dict[str, dict[str, Any]] = {}
    parties: dict[str, dict[str, Any]] = {}
    by_id = {p["id"]: p for p in bundled.get("people", ())}
    known_parties = set(bundled.get("parties", {}))
    for c in sorted(corrections, key=lambda c: c.id or 0):
        v = c.value
        if c.kind in ("reassign_speaker", "add_quote") and v.get("name") and v.get("new"):
            sid = v.get("speaker_id") or slug(v["name"])
        elif c.kind == "edit_speaker" and c.article_id is None and c.speaker_id:
            sid = c.speaker_id
            if sid not in people and sid not in by_id and not v.get("name"):
                continue  # a name the registry never had: nothing for the analyser to look for
        else:
            continue
        base = people.get(sid) or by_id.get(sid)
        entry = (
            dict(base)
            if base
            else {
                "id": sid,
                "name": v.get("name") or sid,
                "aliases": [],
                "gender": None,
                "party": None,
                "country": None,
                "offices": [],
            }
        )
        if v.get("name") and v["name"] != entry["name"]:
            entry["aliases"] = [*entry.get("aliases", []), entry["name"]]
            entry["name"] = v["name"]
        for k in ("party", "country"):
            if v.get(k):
                entry[k] = v[k]
        people[sid] = entry
        party = entry.get("party")
        if party and party not in known_parties:
            parties[party] = {"country": v.get("country") or entry.get("country") or "", "aliases": [party]}
    return {"people": list(people.values()), "organisations": [], "parties": parties}
