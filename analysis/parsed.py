"""A parsed paragraph and where it starts in the article: what every rule over the parse reads."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True)
class Parsed:
    """A parsed paragraph and where it starts in the article."""

    doc: Doc
    base: int

    @property
    def text(self) -> str:
        """The paragraph's text, built once (spaCy joins every token on each `doc.text`)."""
        cached = self.__dict__.get("_text")
        if cached is None:
            cached = self.doc.text
            object.__setattr__(self, "_text", cached)
        return cached

    def sentences(self) -> tuple[SpacySpan, ...]:
        """The paragraph's sentences, computed once (spaCy rebuilds them on every `doc.sents`)."""
        cached = self.__dict__.get("_sentences")
        if cached is None:
            cached = tuple(self.doc.sents)
            object.__setattr__(self, "_sentences", cached)
        return cached

    def sentence_at(self, char: int) -> SpacySpan | None:
        """The sentence holding paragraph offset `char` (or ending right before it)."""
        for sent in self.sentences():
            if sent.start_char <= char < sent.end_char + 1:
                return sent
        return None
