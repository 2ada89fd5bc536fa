"""Partners named in a challenge, found among the corpus's partner names as people write them."""

import pytest

from nhsmatch.corpus import Corpus
from nhsmatch.matcher.mentions import PartnerMentions
from nhsmatch.matcher.organisations import OrganisationNames


@pytest.fixture(scope="module")
def mentions(names: OrganisationNames, full_corpus: Corpus) -> PartnerMentions:
    return PartnerMentions.of_records(names, full_corpus.records)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Has anyone worked with Doccla on a virtual ward?", ["Doccla"]),
        ("has anyone worked with doccla or DOCCLA's rivals", ["Doccla"]),  # a coined name, in any case
        ("Any joint working with Novartis Pharmaceuticals UK Ltd on lipids?", ["Novartis"]),  # one partner
        ("Teva and Boehringer in primary care", ["Teva", "Boehringer Ingelheim"]),  # shortened, curated
        ("We're considering Healthy.io for kidney testing.", ["Healthy.io"]),
        ("Pfizer ran a pilot; so did Diabetes UK and Wysa", ["Pfizer", "Diabetes UK", "Wysa"]),
        ("the RNIB and Qure.ai", ["Royal National Institute of Blind People (RNIB)", "Qure.ai"]),  # acronym; no note
        ("We work with Pathway on homeless patients' discharge.", ["Pathway"]),
        ("has anyone worked with pfizer or siemens?", ["Pfizer", "Siemens Healthineers"]),  # names, in any case
        ("HARTMANN ran it. Bayer did too.", ["HARTMANN", "Bayer"]),  # a name at a sentence's start
        ("Has anyone worked with Gilead or Kheiron?", ["Gilead Sciences", "Kheiron Medical Technologies"]),
        ("AZ have approached us about joint working.", ["AstraZeneca"]),  # a curated short name
        # A coined word without its trade or web address: "Kheiron", "Sensyne" of "Sensyne Health".
        ("sensyne went bust; isla and annalise are next", ["Sensyne Health", "Isla Health", "Annalise.ai"]),
        # A product curated as an organisation's names it.
        ("Our Sleepio and Oxevision contracts", ["Big Health", "Oxehealth"]),
        ("After Streams was withdrawn, what AKI alerts are used?", ["Google Health"]),
        ("We run TriageHF and are looking at HeartLogic", ["Medtronic", "Boston Scientific"]),
        ("patients like myibd care; is qbtest worth it?", ["Ampersand Health", "Qbtech Ltd"]),  # coined: any case
        # An acronym that means something else in a phrase: a biomedical scientist, a cancer gene.
        ("We can't recruit enough BMS staff for the labs; BMS funded our AF work.", ["Bristol Myers Squibb"]),
        (
            "Bowel cancer KRAS/NRAS testing takes weeks. NRAS could advise on RA education.",
            ["National Rheumatoid Arthritis Society (NRAS)"],
        ),
    ],
)
def test_names_are_found_as_people_write_them(mentions: PartnerMentions, text: str, named: list[str]) -> None:
    assert mentions.named_in(text) == named


def test_a_short_name_organisations_share_names_each_of_them(mentions: PartnerMentions) -> None:
    """Roche Products and Roche Diagnostics are kept apart (one contacts them separately), yet people
    write "Roche" for either: it names both, and a full name only its organisation."""
    assert set(mentions.named_in("Has anyone worked with Roche on digital pathology?")) == {
        "Roche Products",
        "Roche Diagnostics",
    }
    assert mentions.named_in("roche and Pfizer") == [*mentions.named_in("Roche"), "Pfizer"]  # a name, in any case
    assert mentions.named_in("Roche Diagnostics ran the pathology service") == ["Roche Diagnostics"]
    assert mentions.named_in("Roche Products UK and Roche") == ["Roche Products", "Roche Diagnostics"]


@pytest.mark.parametrize(
    "text",
    [
        "Pathway redesign is overdue and our care pathway is slow.",  # an everyday word starting a sentence
        "a mental health concern in our current health system, a big health problem",  # everyday words, lower case
        "Our diabetes outcomes lag, as do those of older age groups in the UK.",  # "Diabetes" of "Diabetes UK"
        "We need to mobilise community nurses and restore services.",  # English words, not names here
        "Heart failure patients are diagnosed late.",
        "Was this joint working under the ABPI Code?",  # a curated phrase naming something else
        "Mendelian disorders are missed for years.",
        "Streams of referrals arrive from current health visitors and big spirit.",  # first or lower case
    ],
)
def test_everyday_words_name_no_one(mentions: PartnerMentions, text: str) -> None:
    assert mentions.named_in(text) == []


def test_a_product_is_marked_as_one(mentions: PartnerMentions) -> None:
    """Its name says what the asker means as well as who (search.py keeps it when looking past its maker)."""
    hits = mentions.found_in("Big Health's Sleepio")
    assert [(hit.name, hit.product) for hit in hits] == [("Big Health", False), ("Big Health", True)]
