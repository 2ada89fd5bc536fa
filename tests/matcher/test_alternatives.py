"""The partners a challenge asks for alternatives to, among those it names."""

import pytest

from nhsmatch.corpus import Corpus
from nhsmatch.matcher.alternatives import alternatives_wanted_to, without_names
from nhsmatch.matcher.mentions import Found, PartnerMentions
from nhsmatch.matcher.organisations import OrganisationNames


@pytest.fixture(scope="module")
def mentions(names: OrganisationNames, full_corpus: Corpus) -> PartnerMentions:
    return PartnerMentions.of_records(names, full_corpus.records)


def looked_past(mentions: PartnerMentions, text: str) -> list[str]:
    return list(dict.fromkeys(hit.name for hit in alternatives_wanted_to(text, mentions.found_in(text))))


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Apart from Novartis, which companies have supported heart failure services?", ["Novartis"]),
        ("Are there alternatives to Doccla for a virtual ward for frail older people?", ["Doccla"]),
        ("Who besides AstraZeneca has worked on asthma?", ["AstraZeneca"]),
        ("any HF nurse funding other than from Novartis or Pfizer??", ["Novartis", "Pfizer"]),  # a list of names
        ("Novartis and Pfizer aside, who funds heart failure nurses?", ["Novartis", "Pfizer"]),
        ("We'd rather not go with pharma: anyone but Bayer on AF detection?", ["Bayer"]),
        ("Looking to replace Ufonia for cataract follow-up calls.", ["Ufonia"]),
        # The asker's own supplier, when it asks for others.
        (
            "Our Healthy.io contract for home kidney testing ends next year; who else offers something similar?",
            ["Healthy.io"],
        ),
        ("We currently use Luscii but are looking at other suppliers for our COPD virtual ward.", ["Luscii"]),
        ("Docobo are the current supplier, so I'd like to see schemes run by other companies.", ["Docobo"]),
        ("Luscii's contract ends in June, need other remote monitoring providers", ["Luscii"]),
        ("We know about Brainomix already and want to see which other vendors are live.", ["Brainomix"]),
        # The partner gone: its work is still a precedent, but the asker needs another's.
        ("Healthy.io have pulled out of our area. What have other ICBs done for kidney testing?", ["Healthy.io"]),
        ("asthma projects not funded by AstraZeneca", ["AstraZeneca"]),
        ("Oviva is the incumbent. Which suppliers apart from them have done remote weight management?", ["Oviva"]),
        ("Clinicians dislike Ufonia's calls. Has anyone used nurse-led telephone clinics instead?", ["Ufonia"]),
        ("Novartis funds most lipid work; I want non-industry cholesterol projects.", ["Novartis"]),
        # Session 43, from the fifth blind set's misses.
        ("AF case-finding models with no Pfizer involvement at all?", ["Pfizer"]),
        ("falls detection in care homes, something cheaper than nobi lamps", ["Nobi"]),
        ("Fund a local group rather than a national charity like the British Red Cross?", ["British Red Cross"]),
        (
            "sensyne went into administration, who has supported trusts with gestational diabetes apps?",
            ["Sensyne Health"],
        ),
        ("isla contract for lesion imaging runs out - what other image capture platforms are used?", ["Isla Health"]),
        ("Our contract with Doccla ends in March; what other remote monitoring set-ups have trusts used?", ["Doccla"]),
        ("We trialled Luscii. Which other providers have COPD virtual wards?", ["Luscii"]),
        ("stroke imaging AI for thrombectomy referral - alternatives to e-Stroke", ["Brainomix"]),  # its product
        # Session 44: asked by name alone, as a procurement lead market-tests a supplier.
        ("Any alternatives to Brainomix?", ["Brainomix"]),
        ("brainomix equivalents", ["Brainomix"]),
        ("who are ieso's main competitors", ["ieso"]),
        ("Is there anything similar to Sleepio?", ["Big Health"]),
        ("Who else offers something like Oxevision?", ["Oxehealth"]),
        ("We use Oxevision. Are there other options like it?", ["Oxehealth"]),
        ("Are there other companies doing what Kheiron does?", ["Kheiron Medical Technologies"]),
        ("looking for a different supplier to Luscii", ["Luscii"]),
        ("Docobo are no longer supporting our version, so we need a replacement.", ["Docobo"]),
        ("Tender coming up: which similar organisations to Wysa should we invite?", ["Wysa"]),
        ("Not sure Lenus is right for us. Who are their competitors?", ["Lenus Health"]),  # others of theirs
        ("anyone like Nobi that has worked with the NHS?", ["Nobi"]),
        ("pharma companies that have done the same sort of joint working as Pfizer", ["Pfizer"]),
    ],
)
def test_a_partner_set_apart_from_what_is_asked_is_one_to_look_past(
    mentions: PartnerMentions, text: str, passed: list[str]
) -> None:
    assert looked_past(mentions, text) == passed
    assert not set(passed) & set(
        mentions.named_in(without_names(text, alternatives_wanted_to(text, mentions.found_in(text))))
    )


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone else worked with Doccla on virtual wards?",  # other NHS organisations, Doccla's work
        "We already work with AstraZeneca on asthma; have they done anything on COPD?",
        "Which trusts other than ours have used Wysa?",
        "Besides virtual wards, what else has Doccla done with the NHS?",
        "What has Doccla, apart from virtual wards, done with the NHS?",
        "We use Doccla for our virtual ward as an alternative to admission. How did others set it up?",
        "Our contract with Oviva covers weight management; which other trusts used Oviva for diabetes?",
        "Our talking therapies waiting support is not working. Thinking of using Wysa instead: who has deployed it?",
        "Has Novartis done any heart failure work besides their inclisiran programmes?",
        "Luscii's contract with the trust ran for two years; what did they deliver?",
        "Novartis has left a legacy of trained pharmacists. What other lipid work did they fund?",
        "We trialled Luscii for COPD. How did other trusts find it?",
        "Is Oxevision any better than the observations our nurses do?",
        "Has anyone in the NHS used Glooko? Looking for references, not alternatives.",
    ],
)
def test_a_question_about_a_partners_own_work_looks_past_no_one(mentions: PartnerMentions, text: str) -> None:
    assert mentions.named_in(text) and looked_past(mentions, text) == []


def test_the_names_looked_past_are_not_read() -> None:
    text = "Apart from Novartis's nurses, who has run HF clinics?"
    start = text.index("Novartis")
    assert without_names(text, [Found("Novartis", start, start + 8)]) == "Apart from nurses, who has run HF clinics?"
    text = "Other than Doccla, any virtual wards?"
    start = text.index("Doccla")
    assert without_names(text, [Found("Doccla", start, start + 6)]) == "Other than, any virtual wards?"
