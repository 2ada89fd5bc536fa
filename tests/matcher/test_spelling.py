import pytest

from nhsmatch.matcher.spelling import Reading, Speller

CORPUS = [
    "People with diabetes and atrial fibrillation were not anticoagulated.",
    "Neighbourhood teams in Wirral and Derby cut hospital admissions; optimising treatment helped patients.",
    "Two hospitals shared a stroke unit.",
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller.from_texts(CORPUS)


@pytest.mark.parametrize(
    ("typed", "read", "corrections"),
    [
        ("diabtes patients", "diabetes patients", {"diabtes": "diabetes"}),
        ("AF patients not anticoaulated", "AF patients not anticoagulated", {"anticoaulated": "anticoagulated"}),
        ("Hosptal admissions", "Hospital admissions", {"Hosptal": "Hospital"}),
        ("fibrillaiton", "fibrillation", {"fibrillaiton": "fibrillation"}),
        # Every long word a slip, each one edit from a corpus word: quick typing, not another language.
        (
            "diabtes pateints not anticoaulated",
            "diabetes patients not anticoagulated",
            {"diabtes": "diabetes", "pateints": "patients", "anticoaulated": "anticoagulated"},
        ),
    ],
)
def test_a_slip_in_a_long_word_is_read_as_the_corpus_word(
    speller: Speller, typed: str, read: str, corrections: dict[str, str]
) -> None:
    assert speller.read(typed) == Reading(read, corrections)


@pytest.mark.parametrize(
    "text",
    [
        "patients in our neighbourhoods",  # a plural of a corpus word
        "we are optimising and organising care",  # British spellings of English words
        "firefighting every winter in our conurbation",  # English words the corpus does not use
        "HbA1c and eGFR in T2DM",  # abbreviations
        "Wirral and Gateshead",  # names
        "community tems",  # under five letters: short words have too many neighbours
        "DIABTES",  # written in capitals: left as typed
        "Dsbetes",  # two slips: too far to be sure
        "hospitalisés",  # one word, accents and all, not "hospitalis" (one edit from "hospitals")
    ],
)
def test_a_challenge_written_correctly_is_left_as_typed(speller: Speller, text: str) -> None:
    assert speller.read(text) == Reading(text, {}, in_english=True)


def test_a_contraction_is_no_slip() -> None:
    speller = Speller.from_texts(["Nurses could not come, and should."])
    text = "Nurses couldn't come, shouldn\u2019t they?"  # "couldn" is no slip for "could"
    assert speller.read(text) == Reading(text, {}, in_english=True)
    # Typed without the apostrophe: "arent" is no slip for "parent", nor "theyre" for "there".
    speller = Speller.from_texts(["Parent and carer groups said there were none."])
    text = "apps that arent used, theyre not what patients wanted, which they didnt say"
    assert speller.read(text) == Reading(text, {}, in_english=True)


@pytest.mark.parametrize(
    "text",
    [
        # Welsh: "derbyn" (admitted) is one edit from "Derby", but most words are near no corpus word.
        "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng.",
        # Urdu and Chinese have no upper and lower case: no word of theirs is considered, but their
        # letters are not Latin.
        "دل کی ناکامی کے بہت سے مریضوں کی تشخیص صرف ایمرجنسی میں ہوتی ہے",
        "太多心力衰竭患者只有在急诊入院时才被诊断出来。",
        "12345 !!!",  # not in words
    ],
)
def test_a_challenge_not_in_english_is_left_as_typed_and_said_to_be(speller: Speller, text: str) -> None:
    assert speller.read(text) == Reading(text, {}, in_english=False)


def test_welsh_names_in_an_english_challenge_leave_it_english(speller: Speller) -> None:
    text = "Patients at Ysbyty Gwynedd and around Llandudno wait too long for a diagnosis of heart failure."
    assert speller.read(text) == Reading(text, {}, in_english=True)


def test_a_sentence_not_in_english_in_an_english_challenge_is_left_as_typed(speller: Speller) -> None:
    # A bilingual Welsh and English challenge: "derbyn" (admitted) is no slip for "Derby", "diabtes" is one.
    welsh = "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng."
    english = "Too many heart failure patients with diabtes are admitted to hospital as emergencies, and our nurses"
    reading = speller.read(f"{welsh} {english} are stretched.")
    assert reading == Reading(
        f"{welsh} {english.replace('diabtes', 'diabetes')} are stretched.", {"diabtes": "diabetes"}
    )
