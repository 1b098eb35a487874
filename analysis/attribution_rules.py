"""The ids of the attribution rules and the sentences shown for them.

The program branches on the ids; people read the sentences (How it works, exports). Rewording a
sentence changes nothing the analyser decides.
"""

from __future__ import annotations

from typing import Literal, get_args

# How a cue was found: a reporting verb, a speech noun ("his promise that ..."), "according to",
# a passive report ("as reported by X"), or a verb read from the words after the content.
CueKind = Literal[
    "speech_verb", "speech_noun", "according_to", "passive_report", "verb_after_content", "verb_read_from_words"
]

AttributionRule = Literal[
    "cue_before_quote",
    "cue_after_quote",
    "cue_ends_previous_paragraph",
    "continues_previous_speaker",
    "reporter_of_previous_paragraph",
    "no_cue",
    "unparsed",
    "reported_speech",
    "transcript_turn",
    "block_quote",
    "headline_claim",
    "headline_speech_act",
    "headline_dash_source",
    "heading_says_after",
    "speaker_label",
    "quotes_attributable",
    "quoted_from_another",
    "colon_intro",
    "speech_title",
    "speaker_line_speech",
    "signed_quote",
]

CUE_WORDS: dict[CueKind, str] = {
    "speech_verb": "speech verb",
    "speech_noun": "speech noun",
    "according_to": "according to",
    "passive_report": "passive report ('as reported by')",
    "verb_after_content": "speech verb after what was said",
    "verb_read_from_words": "speech verb read from the words (the parser missed it)",
}

EXPLANATIONS: dict[AttributionRule, str] = {
    "cue_before_quote": "{cue} before the quote",
    "cue_after_quote": "{cue} after the quote",
    "cue_ends_previous_paragraph": "the previous paragraph ends with its speaker and a colon",
    "continues_previous_speaker": "a new paragraph of the previous speaker's quote",
    "reporter_of_previous_paragraph": "a quote opening the paragraph after one reporting what this speaker said",
    "no_cue": "no speech cue found",
    "unparsed": "the paragraph was not parsed",
    "reported_speech": "reported speech ({cue})",
    "transcript_turn": "a transcript turn after the speaker's label",
    "block_quote": "a block quote after 'X said:'",
    "headline_claim": "a headline giving a claim to the name before its colon",
    "headline_speech_act": "a headline naming who vows, urges, warns or calls for what follows",
    "headline_dash_source": "a headline ending with '- Minister' or '- Name' after the claim",
    "heading_says_after": "a headline or heading ending with ', says X' after the claim",
    "speaker_label": "words after a speaker's name and a colon",
    "quotes_attributable": "a paragraph after 'Quotes attributable to X'",
    "quoted_from_another": "words quoted after a speaker's name and 's: that speaker's words",
    "colon_intro": "a sentence naming one speaker and ending in a colon before the quote",
    "speech_title": "a paragraph of a speech whose title names the speaker ('Remarks by X at ...')",
    "speaker_line_speech": "a paragraph of a member's speech after the line naming the member",
    "signed_quote": "a quote signed with a dash and the speaker's name ('“...” – Name, Minister')",
}

assert set(EXPLANATIONS) == set(get_args(AttributionRule))
assert set(CUE_WORDS) == set(get_args(CueKind))


def explain(rule: AttributionRule, cue: CueKind | None = None) -> str:
    """The sentence a person reads for a rule id (and the kind of cue it used)."""
    return EXPLANATIONS[rule].format(cue=CUE_WORDS[cue] if cue else "cue")
