"""Lemma and coarse part of speech without spaCy's lemmatizer and attribute ruler.

The analysis only asks lemmas of a few hundred words (reporting verbs and nouns, hedges, "have"),
so a table of their inflected forms replaces two pipeline components that cost about a fifth of
the parse. When a Doc does carry lemmas and coarse tags (a full pipeline), those are used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

IRREGULAR_FORMS = {
    "say": ["said"],
    "tell": ["told"],
    "write": ["wrote", "written"],
    "hit": ["hit"],
    "forecast": ["forecast"],
    "have": ["has", "had", "having"],
    "be": ["is", "are", "was", "were", "been", "being", "am"],
    "set": ["set"],
    "go": ["going", "gone", "went"],
    "do": ["did", "does", "done"],
    "speak": ["spoke", "spoken"],
    "think": ["thought"],
    "withdraw": ["withdrew", "withdrawn"],
    "swear": ["swore", "sworn"],
    "find": ["found"],
    "show": ["shown"],
    "know": ["knew", "known"],
    "feel": ["felt"],
    "seek": ["sought"],
}
# Penn Treebank tags to the coarse universal tags the rules ask for.
TAG_TO_POS = {
    "MD": "AUX",
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "DT": "DET",
    "PDT": "DET",
    "WDT": "DET",
    "CD": "NUM",
    "CC": "CCONJ",
    "IN": "ADP",
    "RP": "ADP",
    "TO": "PART",
    "POS": "PART",
    "UH": "INTJ",
    "EX": "PRON",
}


def forms(lemma: str) -> set[str]:
    """Inflected forms of an English word (a superset is harmless)."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    out |= set(IRREGULAR_FORMS.get(lemma, []))
    return out


@lru_cache(maxsize=1)
def _form_table() -> dict[str, str]:
    from analysis.speech_words import HEDGE_HEADS, NARRATOR_SOURCES, SPEECH_NOUNS, SPEECH_VERBS

    table: dict[str, str] = {}
    for lemma in sorted(SPEECH_VERBS | SPEECH_NOUNS | HEDGE_HEADS | NARRATOR_SOURCES | {"have", "be", "do"}):
        for form in forms(lemma):
            table.setdefault(form, lemma)
    for lemma, irregular in IRREGULAR_FORMS.items():
        for form in irregular:
            table[form] = lemma
    return table


def form_table() -> dict[str, str]:
    """Inflected form -> lemma for the words the rules look up (read it, never modify it)."""
    return _form_table()


def lemma(tok: Token) -> str:
    """The token's lemma: spaCy's when the pipeline set one, else from the form table."""
    if tok.lemma_:
        return tok.lemma_
    low = tok.lower_
    return _form_table().get(low, low)


def upos(tok: Token) -> str:
    """The coarse part of speech: spaCy's when set, else mapped from the fine tag."""
    if tok.pos_:
        return tok.pos_
    tag = tok.tag_
    if tag.startswith("VB"):
        return "AUX" if tok.dep_ in ("aux", "auxpass") else "VERB"
    if tag.startswith("JJ"):
        return "ADJ"
    if tag.startswith("RB"):
        return "ADV"
    if not tag or tag in (".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"):
        return "PUNCT" if tok.is_punct else "X"
    return TAG_TO_POS.get(tag, "X")
