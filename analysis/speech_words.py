"""The words that make a speech cue: reporting verbs, speech nouns and the words that hedge them.

Plain data with no imports, so the form table (`analysis.lexical`) and the parser set-up
(`analysis.parsing`) can read it without loading the attribution rules.
"""

from __future__ import annotations

# Reporting verbs (lemmas). Started from the PARC 3.0 attribution cue list and news style guides,
# trimmed to verbs that introduce what someone said.
SPEECH_VERBS = frozenset(
    """
say add warn promise suggest argue claim insist tell state declare announce explain note write
tweet post urge accuse admit acknowledge concede confirm deny reply respond retort vow pledge
predict stress emphasise emphasize maintain contend assert allege complain comment remark recall
reveal boast joke observe ask caution hit brand describe call continue agree disagree told
estimate rule dismiss condemn criticise criticize hail praise welcome slam blast attack defend
chant shout label term charge testify tell concede forecast report insist signal indicate
propose blame reject endorse decry applaud thank recommend threaten reiterate request appeal demand
conclude confess dub herald deride refer mock advise bemoan lament imply tout
think believe fear hope expect know feel suspect worry
find show conclude
answer assure denounce mention remind repeat email yell scoff exclaim quip apologise apologize
remember recount counter hint chide lambast rebut exhort plead muse elaborate opine
confide press fume commend reaffirm laud assail
rip bash berate rebuke castigate excoriate scold skewer
question vent
portray characterize characterise depict
underline underscore
highlight disclose point read
""".split()
)
# Verbs whose complement is reported speech even without quote marks (stricter than the above).
REPORTING_VERBS = SPEECH_VERBS - {
    "read",  # "The letter read: “...”" introduces a quote; "she read the report" reports nothing
    "call",
    "describe",
    "brand",
    "hit",
    "continue",
    "ask",
    "agree",
    "disagree",
    "dismiss",
    "condemn",
    "denounce",
    "chide",
    "lambast",
    "criticise",
    "criticize",
    "hail",
    "praise",
    "welcome",
    "slam",
    "blast",
    "attack",
    "defend",
    "chant",
    "shout",
    "label",
    "term",
    "charge",
    "signal",
    "press",
    "commend",
    "laud",
    "assail",
    "rip",
    "bash",
    "berate",
    "rebuke",
    "castigate",
    "excoriate",
    "scold",
    "skewer",
    "question",
    "refer",
    "indicate",
}
SPEECH_NOUNS = frozenset(
    """
promise pledge vow slogan claim warning words statement remarks message insistence comments
description mantra catchphrase refrain
concern concerns
""".split()
)
# Verbs that make what follows hedged or future: "is expected to announce", "is set to say".
HEDGE_HEADS = frozenset("expect set due likely going plan prepare poise tip schedule hope intend".split())
HEDGE_AUX = frozenset("will would could might may should to shall".split())
NARRATOR_SOURCES = frozenset("data figure figures statistic statistics number numbers record records".split())
