"""The template pools `generate_corpus.py` writes its articles from: speakers, quotes, headlines.

Hand-written, modelled on UK coverage of migration in 2023-2025 (see generate_corpus.py's
docstring). `PEOPLE` to `MONTHS` serve both kinds of article; `FIRST` to `GOVERNMENT_BY_CAMP`
only the `--synthetic` ones, whose Analysis records the template builds itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from analysis.figures.periods import MONTH_NAMES


@dataclass(frozen=True)
class Person:
    name: str
    title: str  # "the home secretary"
    party: str
    camp: str  # "government", "right", "open"
    honorific: str = "Mr"


PEOPLE = (
    Person("Keir Starmer", "the Prime Minister", "Labour", "government"),
    Person("Yvette Cooper", "the home secretary", "Labour", "government", "Ms"),
    Person("Angela Eagle", "the border security minister", "Labour", "government", "Ms"),
    Person("Chris Philp", "the shadow home secretary", "Conservative", "right"),
    Person("Kemi Badenoch", "the Conservative leader", "Conservative", "right", "Ms"),
    Person("Robert Jenrick", "the former immigration minister", "Conservative", "right"),
    Person("Nigel Farage", "the Reform UK leader", "Reform UK", "right"),
    Person("Zia Yusuf", "Reform UK's head of policy", "Reform UK", "right"),
    Person("Ed Davey", "the Liberal Democrat leader", "Liberal Democrats", "open"),
    Person("Carla Denyer", "the Green Party co-leader", "Green", "open", "Ms"),
    Person("Enver Solomon", "chief executive of the Refugee Council", "", "open"),
    Person("Sonya Sceats", "chief executive of Freedom from Torture", "", "open", "Ms"),
)

QUOTES = {
    "government": (
        "We are smashing the gangs and returning people who have no right to be here.",
        "Our plan is bringing net migration down and restoring control of our borders.",
        "Every week we are removing more people with no right to be in the UK than the last government did.",
        "We inherited a broken asylum system and we are fixing it, closing hotels and clearing the backlog.",
        "Working with our partners in Europe, we are cracking down on the criminal networks behind the crossings.",
    ),
    "right": (
        "Labour has lost control of our borders and the small boats keep coming.",
        "This government scrapped the Rwanda deterrent before it even started, and the crossings have soared.",
        "We need a binding annual cap on migration, and Labour refuses to act.",
        "The home secretary's plan is weak and completely out of touch with what the country demands.",
        "Britain must leave the ECHR so that we can deport every illegal migrant who arrives.",
    ),
    "open": (
        "We need safe and legal routes so that desperate people are not forced into small boats.",
        "Refugees fleeing war and persecution deserve protection, not hostile rhetoric from ministers.",
        "The asylum backlog is a failure of administration, and people are left in limbo in hotels for years.",
        "Cruel deterrence policies do not work; they only push people into more dangerous journeys.",
        "The government should let asylum seekers work while their claims are decided.",
    ),
}
INDIRECT = {
    "government": (
        "the number of people returned had risen sharply since the election",
        "the new rules would bring net migration down by the end of the parliament",
    ),
    "right": (
        "the government had lost control of the Channel",
        "only a cap on numbers would restore public trust",
    ),
    "open": (
        "the government should open more safe routes for refugees",
        "the asylum system was leaving thousands of people in limbo",
    ),
}
HEADLINES = (
    "{a} and {b} clash over small boat crossings",
    "Small boat crossings rise as {a} defends migration plan",
    "{a} under pressure as asylum backlog grows",
    "Migration figures: {a} and {b} trade blows",
    "{a} unveils new immigration rules as {b} attacks plan",
    "Channel crossings: what {a} and {b} said",
)
SOURCES = ("LBC", "The Guardian", "BBC News", "Sky News", "The Independent", "The Telegraph", "ITV News")
MONTHS = MONTH_NAMES

# -- synthetic articles only ---------------------------------------------------------------------

FIRST = (
    "Sarah",
    "James",
    "Priya",
    "Tom",
    "Aisha",
    "David",
    "Helen",
    "Mark",
    "Fatima",
    "Owen",
    "Claire",
    "Daniel",
    "Nadia",
    "Peter",
    "Grace",
    "Rahul",
    "Emma",
    "Hugh",
    "Zara",
    "Liam",
)
LAST = (
    "Holt",
    "Bennett",
    "Okafor",
    "Reid",
    "Malik",
    "Hughes",
    "Fraser",
    "Doyle",
    "Kaur",
    "Price",
    "Walsh",
    "Turner",
    "Nolan",
    "Shah",
    "Carter",
    "Lloyd",
    "Quinn",
    "Ellis",
    "Patel",
    "Moore",
    "Barker",
    "Greene",
    "Foster",
    "Sutton",
    "Rowe",
)
MINOR_ROLES = (
    ("the Labour MP for {place}", "Labour", "government"),
    ("the Conservative MP for {place}", "Conservative", "right"),
    ("Reform UK's candidate in {place}", "Reform UK", "right"),
    ("a Liberal Democrat councillor in {place}", "Liberal Democrats", "open"),
    ("a Green councillor in {place}", "Green", "open"),
    ("a spokesperson for the {place} Refugee Forum", "", "open"),
    ("a caseworker in {place}", "", "open"),
    ("leader of {place} council", "Conservative", "right"),
)
PLACES = (
    "Dover",
    "Folkestone",
    "Kent",
    "Hull",
    "Stoke",
    "Rotherham",
    "Bournemouth",
    "Epping",
    "Canterbury",
    "Portsmouth",
    "Bolton",
    "Ipswich",
    "Wakefield",
    "Clacton",
    "Swindon",
    "Crawley",
    "Luton",
    "Hastings",
)
MINOR_COUNT = 500
CUES = {  # (label, phrase): the phrases the analyser's lexicon also knows, for the template's quotes
    "direction:restrictive": (
        "smashing the gangs",
        "returning people",
        "removing",
        "restoring control",
        "cracking down",
        "criminal networks",
        "lost control",
        "cap on",
        "deport",
        "closing hotels",
        "weak",
        "scrapped",
        "leave the ECHR",
        "restore public trust",
    ),
    "direction:open": (
        "safe and legal routes",
        "safe routes",
        "protection",
        "deserve",
        "do not work",
        "let asylum seekers work",
        "limbo",
        "desperate",
    ),
    "frame:security and crime": ("gangs", "criminal"),
    "frame:humanitarian": ("Refugees", "persecution", "desperate", "dangerous"),
    "frame:political": ("Labour",),
    "frame:cooperation": ("partners",),
    "frame:administration": ("backlog", "administration"),
    "target:enforcement and returns": ("returning", "removing", "deport", "cracking down", "returned"),
    "target:caps on numbers": ("cap",),
    "target:safe and legal routes": ("safe and legal routes", "safe routes"),
    "target:asylum accommodation": ("hotels",),
    "target:international agreements": ("ECHR", "Rwanda"),
    "topic": ("migration", "borders", "small boats", "crossings", "asylum", "Channel", "illegal migrant"),
}
GOVERNMENT_BY_CAMP = {"government": "supports", "right": "opposes", "open": "opposes", "official": "neutral"}


def minor_people(seed: int = 7) -> tuple[Person, ...]:
    """The pool of minor speakers (MPs, councillors, campaigners) the synthetic articles draw on."""
    rng = random.Random(seed)
    names = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(names)
    out = []
    for k, name in enumerate(names[:MINOR_COUNT]):
        role, party, camp = MINOR_ROLES[k % len(MINOR_ROLES)]
        out.append(
            Person(
                name,
                role.format(place=PLACES[k % len(PLACES)]),
                party,
                camp,
                "Ms"
                if name.split()[0]
                in ("Sarah", "Priya", "Aisha", "Helen", "Fatima", "Claire", "Nadia", "Grace", "Emma", "Zara")
                else "Mr",
            )
        )
    return tuple(out)
