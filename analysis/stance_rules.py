"""The stance rules by id, and the sentence each one shows to people.

An id is for the program, an explanation is for people: code decides on `StanceRule` values and
evidence labels, never on the text of `EXPLANATIONS`. A Stance carries the ids of the rules that
produced it (`Stance.rule_ids`) and, for display, their explanations joined (`Stance.rule`).
"""

from __future__ import annotations

from typing import Literal, get_args

StanceRule = Literal[
    # relevance
    "not_about_migration",
    # direction on migration
    "restrictive_cues",
    "open_cues",
    "mostly_restrictive",
    "mostly_open",
    "balanced_cues",
    "no_direction_cue",
    "minister_policy",
    "critic_of_policy",
    "advocate_criticism",
    "advocate_role",
    # position toward the incumbent government
    "no_incumbent_known",
    "government_voice",
    "government_minister",
    "government_facts",
    "governing_party_criticises",
    "governing_party_backs",
    "governing_party_aligned",
    "governing_party_against",
    "governing_party_no_cue",
    "opposition_criticises",
    "opposition_praises",
    "opposition_no_cue",
    "advocate_opposes",
    "advocate_praises",
    "advocate_no_cue",
    "foreign_criticises",
    "foreign_praises",
    "foreign_no_cue",
    "neutral_body",
    "neutral_body_criticises",
    "neutral_body_against_policy",
    "media_report",
    "self_reference",
    "criticises_opposition",
    "criticism_cues",
    "praise_cues",
    "aligned_with_policy",
    "against_policy",
    "no_government_cue",
    # set by a person, not by the rules (analysis/corrections.py)
    "user_correction",
]

STANCE_RULES: frozenset[str] = frozenset(get_args(StanceRule))

# Labels of Evidence items: what a cue phrase is evidence of. Targets and frames add their own
# names from the lexicon ("target:caps on numbers", "frame:economic").
EvidenceLabel = Literal[
    "topic",
    "direction:restrictive",
    "direction:open",
    "negated:restrictive",  # a cue the quote denies ("would not stop a single smuggler"): shown, not counted
    "negated:open",
    "negated:criticism",  # a denied accusation ("that is not cruelty")
    "event:restrictive",  # an action told as having happened ("were detained"): the government's own
    "event:open",  # voice makes it its direction; anyone else only reports it
    "government:criticism",  # criticism of the government or its policy (or of no one named)
    "government:praise",
    "opposition:criticism",  # criticism aimed at the opposition or a previous government
    "government:self",  # the government speaking of itself ("our government", "we inherited")
]

EXPLANATIONS: dict[StanceRule, str] = {
    "not_about_migration": "no migration cue in the quote or its article",
    "restrictive_cues": "restrictive cues",
    "open_cues": "open cues",
    "mostly_restrictive": "mostly restrictive cues",
    "mostly_open": "mostly open cues",
    "balanced_cues": "restrictive and open cues balance out",
    "no_direction_cue": "about migration, no direction cue",
    "minister_policy": "a member of the government on migration, no cue of their own: the direction of the policy they run",
    "critic_of_policy": "criticises the government's policy with no party line of its own: the other direction",
    "advocate_criticism": "a migrants' advocate criticising policy",
    "advocate_role": "no direction cue; the article names the speaker as a migrants' advocate",
    "no_incumbent_known": "the registry has no government for this country and date",
    "government_voice": "speaks for the government, promoting its policy",
    "government_minister": "a member of the government speaking on migration",
    "government_facts": "the government's own voice stating facts, no position cue",
    "governing_party_criticises": "governing party, but criticises the government",
    "governing_party_backs": "governing party, backing the government",
    "governing_party_aligned": "governing party, arguing the government's own direction",
    "governing_party_against": "governing party, arguing against the government's direction",
    "governing_party_no_cue": "governing party, no position cue: read as on its government's side",
    "opposition_criticises": "opposition, taking a position on policy",
    "opposition_praises": "opposition, but praises the government",
    "opposition_no_cue": "opposition, no position cue: read as opposing the government",
    "advocate_opposes": "a migrants' advocate criticising or arguing for more open policy",
    "advocate_praises": "a migrants' advocate praising the government",
    "advocate_no_cue": "a migrants' advocate, no position cue (opposes a restrictive government)",
    "foreign_criticises": "speaker from another country, criticising this government",
    "foreign_praises": "speaker from another country, praising this government",
    "foreign_no_cue": "speaker from another country, no cue aimed at this government",
    "neutral_body": "a statistics, research or scrutiny body: neutral unless it criticises",
    "neutral_body_criticises": "a statistics, research or scrutiny body criticising the government",
    "neutral_body_against_policy": "a neutral body (a UN agency, a court, researchers) arguing against the government's policy",
    "media_report": "a news outlet's report: neutral toward the government",
    "self_reference": "speaks as the government ('our government', 'we inherited')",
    "criticises_opposition": "criticises the opposition or a previous government",
    "criticism_cues": "criticism cues",
    "praise_cues": "praise cues",
    "aligned_with_policy": "argues the government's own direction (speaker unknown: a weak hint)",
    "against_policy": "argues against the government's direction (speaker unknown: a weak hint)",
    "no_government_cue": "no government cue",
    "user_correction": "user correction",
}


def explain(rule_ids: tuple[StanceRule, ...]) -> str:
    """The sentence shown to people for these rules."""
    return "; ".join(EXPLANATIONS[r] for r in rule_ids)
