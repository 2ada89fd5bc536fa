import pytest
from hypothesis import given
from hypothesis import strategies as st

from nhsmatch.corpus import load_vocabulary
from nhsmatch.matcher.vocabulary import Concept, Vocabulary


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("patients with AF are not on DOACs", "atrial fibrillation"),
        ("people on DOACs", "anticoagulation"),
        ("our CKD register", "chronic kidney disease"),
        ("eGFR falling", "chronic kidney disease"),
        ("COPD exacerbations", "COPD"),
        ("T2DM with poor HbA1c", "diabetes"),
        ("HF admissions", "heart failure"),
        ("people with SMI", "mental health"),
        ("a crisis team for people in crisis", "mental health"),
        ("high CVD risk", "cardiovascular disease"),
        ("several LTCs", "multiple long-term conditions"),
        ("UEC pressures", "urgent and emergency care"),
        ("queues in A&E", "urgent and emergency care"),
        ("the ED is full", "urgent and emergency care"),
        ("each PCN", "primary care"),
        ("our ICB", "integrated care system"),
        ("FeNO testing", "asthma"),
        ("NT-proBNP in primary care", "heart failure"),  # tests that name the condition they look for
        ("BNP testing for breathless patients", "heart failure"),
        ("INR clinics overwhelmed", "anticoagulation"),
        ("a virtual ward", "virtual wards and remote monitoring"),
        ("weekly MDT meetings", "multidisciplinary team"),
        ("follow-up appointments", "outpatient follow-up"),
        ("clot retrieval for a large vessel occlusion", "stroke"),
        ("adults waiting years for an ADHD assessment", "ADHD and autism"),
        ("booking a flu jab at the pharmacy", "vaccination"),
        ("care home residents with pressure sores", "skin conditions"),
        ("suspected heart failure needing an echo", "diagnostic imaging"),
        ("waiting for bloods before each cycle", "diagnostic testing"),
        ("the carbon footprint of inhalers", "environmental sustainability"),
        ("a long wait for the eye clinic", "eye conditions"),
        ("teenagers starting on insulin pumps", "diabetes"),
        ("referrals to CAMHS doubled", "mental health"),
        ("not enough midwives on the ward", "women's health"),
        ("months of insomnia and poor sleep", "mental health"),
        ("hepatitis C testing in prisons", "health inequalities"),
        ("people in drug and alcohol services", "health inequalities"),
        ("hospice beds for palliative patients", "people at the end of life"),
        ("end-of-life care at home", "people at the end of life"),
        ("care home residents deteriorating overnight", "spotting deterioration early"),
        ("our DNA rate in outpatients is 12%", "missed appointments"),
        ("too many no-shows for first appointments", "missed appointments"),
        ("a social prescriber in every PCN", "social prescribing and peer support"),
        ("link workers and health coaches", "social prescribing and peer support"),
        ("frequent attenders at the front door", "urgent and emergency care"),
        ("a 2-hour urgent community response", "community services"),
        ("pediatric hematology referrals", "blood cancers and blood disorders"),
        ("pediatric hematology referrals", "children and young people"),
        ("tumor boards", "cancer"),
        ("a year's wait for hip and knee replacements", "musculoskeletal conditions"),
        # abbreviations and terms a commissioner uses for concepts the records have
        ("a wait for ABPM or HBPM", "high blood pressure"),
        ("uACR checks missed", "chronic kidney disease"),
        ("IHD patients not on statins", "cardiovascular disease"),
        ("GDM follow-up after the birth", "diabetes"),
        ("beds full of NCTR patients", "hospital discharge"),
        ("D2A and DToC numbers", "hospital discharge"),
        ("delayed transfers of care", "hospital discharge"),
        ("our ARRS roles", "workforce capacity"),
        ("RTT waits over a year", "waiting lists"),
        ("AEC is swamped", "urgent and emergency care"),
        ("OOH GP services", "urgent and emergency care"),
        ("OSA referrals", "breathlessness and lung disease"),
        ("an ASD assessment", "ADHD and autism"),
        ("a DXA scan", "musculoskeletal conditions"),
        ("FCP physios in every practice", "musculoskeletal conditions"),
        ("AML treatment cycles", "blood cancers and blood disorders"),
        ("DNACPR and ReSPECT conversations", "people at the end of life"),
        ("TWW referrals", "cancer"),
        ("FIT results not followed up", "diagnostic testing"),
        # clinical shorthand, as a GP or manager writes it
        ("foot checks for patients with DM", "diabetes"),
        ("transfers between DGHs and the tertiary centre", "hospital care"),
        ("too many OPAs for stable patients", "outpatient follow-up"),
        ("EoL care at home", "people at the end of life"),
        ("we run short of acute beds", "hospital care"),
        # lay words, as leaders and patients put a problem
        ("patients with a failing heart", "heart failure"),
        ("care for scarring of the lungs", "breathlessness and lung disease"),
        ("short of breath on the stairs", "breathlessness and lung disease"),
        ("bed sores found too late", "skin conditions"),
        ("sudden kidney damage on the wards", "acute kidney injury"),
        ("a mini-stroke", "stroke"),
        ("memory problems in later life", "dementia"),
        ("bad chests, and their puffers are all wrong", "breathlessness and lung disease"),
        ("lots of patients with sugar problems", "diabetes"),
        ("the finance director wants to cut spending", "cost savings"),
        ("switching to biosimilars", "medicines optimisation"),
        ("patients don't turn up to outpatient appointments", "missed appointments"),
        ("half the patients failed to attend", "missed appointments"),
        ("the new weight-loss jabs", "weight management and diabetes remission"),
        # a named disease, found with its family
        ("teenagers with type 1 diabetes on insulin pumps", "type 1 diabetes"),
        ("teenagers with type 1 diabetes on insulin pumps", "diabetes"),
        ("physical health checks for people with SMI", "severe mental illness"),
        ("myeloma patients travel for treatment", "myeloma"),
        ("pressure ulcers found too late", "wounds and pressure ulcers"),
        ("wet AMD injections", "macular degeneration"),
        ("bowel screening uptake is low", "colorectal cancer"),
        ("FIT in primary care for the lower GI pathway", "colorectal cancer"),
        ("cervical screening coverage has fallen", "cervical cancer"),
        ("suspected head and neck cancer referrals", "head and neck cancer"),
        ("pancreatic cancer found at a late stage", "upper gastrointestinal cancers"),
        ("pancreatic cancer found at a late stage", "cancer"),
        # the condition a leader names, apart from what is done about it
        ("a quarter of our adults live with obesity", "obesity"),
        ("waiting for bariatric surgery", "obesity"),
        ("tier 3 weight management", "weight management and diabetes remission"),
        ("putting type 2 diabetes into remission", "weight management and diabetes remission"),
        ("terminally ill patients", "people at the end of life"),
        ("more people should die in their preferred place, not in hospital", "people at the end of life"),
        ("charities and community groups", "voluntary and community sector"),
        ("our VCSE partners", "voluntary and community sector"),
        ("heart failure picked up late", "early diagnosis"),  # not only cancer is diagnosed late
        ("Covid patients on oxygen at home", "COVID-19"),  # as the British press writes it, not an abbreviation
        ("diabetics with kidney damage", "chronic kidney disease"),
        ("already had heart problems or poor circulation in the legs", "cardiovascular disease"),
        ("the same patients end up back in hospital", "emergency admissions"),
        ("villages deep in the countryside", "rural and coastal communities"),
        ("reach them away from the doctor's surgery", "primary care"),
        ("they tell the chemist or optician first", "pharmacist-led care"),
        ("they tell the chemist or optician first", "eye conditions"),
        ("phoning to book NHS counselling", "mental health"),
        ("staffing gaps on the wards", "workforce capacity"),
        ("our community nurses are stretched", "nurse-led care"),  # not "specialist nurses": they may be none
        ("older patients who aren't online and can't book", "digital exclusion"),
        ("mums without a smartphone or data", "digital exclusion"),
        ("thousands of people have COPD and don't know it", "case finding and screening"),
        # everyday NHS words in a challenge
        ("corridor care in A and E", "urgent and emergency care"),
        ("she had a fall at home", "frailty and falls"),
        ("waiting for a package of care and a social worker", "social care"),
        ("endoscopy backlogs", "diagnostic testing"),
        ("refugees and Gypsy, Roma and Traveller communities", "health inequalities"),
        ("children with SEND", "children and young people"),
        ("teenage vaping", "prevention"),
        ("sickness absence and agency spend", "workforce capacity"),
        ("our CIP target", "cost savings"),
        ("annual health checks for people with a learning disability", "learning disability"),
        ("nursing home residents sent to A&E at night", "care homes"),
        ("BBV testing for hepatitis C in drug services", "blood-borne viruses"),
        # abbreviations typed in lower case, as into a search box
        ("copd patients keep coming back to a&e", "COPD"),
        ("copd patients keep coming back to a&e", "urgent and emergency care"),
        ("poor hba1c in t2dm", "diabetes"),
        ("af patients not on doacs", "anticoagulation"),
        ("every gp practice in the pcn", "primary care"),
        # shorthand typed into a search box (bench.keywords)
        ("PRRT capacity", "cancer"),
        ("anti-vegf clinic closer to home", "eye conditions"),
        ("glp-1 real world evidence", "weight management and diabetes remission"),
        ("scale up HCL starts", "diabetes"),
        # NHS shorthand (bench.abbreviations' SHORTHAND_PAIRS)
        ("Hep C patients drop out", "liver disease and hepatitis"),
        ("people starting dialysis in a crisis", "chronic kidney disease"),
        ("waits for EIP assessment", "mental health"),
        ("c diff cases are rising", "infection and antimicrobial resistance"),
        ("GUM clinic waits", "HIV and sexual health"),
        ("FND patients", "neurological conditions"),
        ("LD annual health checks", "learning disability"),
        ("OA knee patients", "musculoskeletal conditions"),
        ("EOL patients die in hospital", "people at the end of life"),
        ("our DTOC figures", "hospital discharge"),
        ("anorexia admissions", "mental health"),
        ("uncontrolled HTN in our practices", "high blood pressure"),
        ("our SPLWs are stretched", "social prescribing and peer support"),
        ("LoS for frail patients is 12 days", "emergency admissions"),
        ("A&G requests go unanswered", "pathway redesign"),
        ("CAUTI rates in care homes", "infection and antimicrobial resistance"),
        ("QOF hypertension targets", "primary care"),
        ("CMHT waits", "mental health"),
        ("TLHC uptake is low", "lung cancer"),
        ("our PTL keeps growing", "waiting lists"),
        ("ICU beds", "hospital care"),
    ],
)
def test_abbreviations_and_synonyms_name_their_concept(vocabulary: Vocabulary, text: str, concept: str) -> None:
    assert concept in {c.name for c in vocabulary.find(text)}


def test_blood_borne_virus_testing_is_not_hiv_work(vocabulary: Vocabulary) -> None:
    found = {c.name for c in vocabulary.find("opt-out blood-borne virus testing for hepatitis C in prisons")}
    assert "blood-borne viruses" in found and "HIV and sexual health" not in found


def test_sudden_kidney_failure_is_acute_injury_not_chronic_disease(vocabulary: Vocabulary) -> None:
    found = {c.name for c in vocabulary.find("acute kidney failure after surgery")}
    assert "acute kidney injury" in found and "chronic kidney disease" not in found


def test_capitalised_abbreviations_do_not_match_ordinary_words(vocabulary: Vocabulary) -> None:
    found = {c.name for c in vocabulary.find("the team edited the prep notes as patients fall through the gaps")}
    assert not found & {"urgent and emergency care", "HIV and sexual health", "frailty and falls"}


def test_abbreviations_in_other_cases_or_with_a_lower_case_meaning_match_only_as_written(
    vocabulary: Vocabulary,
) -> None:
    found = {
        c.name
        for c in vocabulary.find(
            "Tia and Ed from the ward; incontinence pads; prep in 200 ms; egfr mutation; 5 mi; a good fit; "
            "ooh, respect; send us a dm; gum disease; sight loss"
        )
    }
    assert not found & {
        "diabetes",
        "stroke",
        "urgent and emergency care",
        "cardiovascular disease",
        "HIV and sexual health",
        "chronic kidney disease",
        "neurological conditions",
        "diagnostic testing",
        "people at the end of life",
        "emergency admissions",
    }
    assert {c.name for c in vocabulary.find("PAD and PrEP")} == {"cardiovascular disease", "HIV and sexual health"}


def test_idioms_and_organisation_names_do_not_name_a_concept(vocabulary: Vocabulary) -> None:
    idioms = (
        "nobody keeps an eye on who is going downhill; carbon monoxide checks; a winter bed crisis; "
        "a good night's sleep on the ward; CT scanners at end of life; circulating tumour DNA"
    )
    found = {c.name for c in vocabulary.find(f"{idioms}; Leeds Teaching Hospitals; winner at the HTN Now Awards")}
    assert not found & {
        "missed appointments",
        "eye conditions",
        "environmental sustainability",
        "mental health",
        "training and education",
        "people at the end of life",
        "high blood pressure",
    }


@pytest.mark.parametrize(
    ("text", "not_named", "still_named"),
    [
        ("care falls short of the guidelines", {"frailty and falls", "workforce capacity"}, set()),
        ("patients short of breath; we are short of nurses", set(), {"workforce capacity"}),
        ("weight-loss jabs and flu jabs", set(), {"vaccination", "weight management and diabetes remission"}),
        ("the new weight-loss jabs", {"vaccination"}, {"weight management and diabetes remission"}),
        (
            "vague symptoms such as unexplained weight loss",
            {"weight management and diabetes remission"},
            {"early diagnosis"},
        ),
        ("Hull York Medical School", {"children and young people"}, set()),
        ("patients fall through the gaps, and falls at night in care homes", set(), {"frailty and falls"}),
        ("a resident falls to the floor at night", set(), {"frailty and falls"}),
        ("sudden kidney damage after surgery", {"chronic kidney disease"}, {"acute kidney injury"}),
        ("patient counselling on statins", {"mental health"}, {"high cholesterol"}),
        ("a virtual ward for frail patients at home", {"hospital care"}, {"virtual wards and remote monitoring"}),
        ("a sudden drop in kidney function after surgery", {"chronic kidney disease"}, {"acute kidney injury"}),
        # a concept means one thing: a waiting list is not a workforce problem
        (
            "the memory clinic waiting list is over a year; the elective backlog",
            {"workforce capacity"},
            {"waiting lists"},
        ),
        ("our community nurses are stretched and we rely on locums", {"waiting lists"}, {"workforce capacity"}),
        # a term in passing or inside a name
        ("backlogs since the pandemic; clinics moved online during Covid-19", {"COVID-19"}, {"waiting lists"}),
        ("funded by the Department of Health and Social Care for patients and carers", {"social care"}, set()),
        ("hospital bed capacity is under pressure", {"workforce capacity"}, {"hospital care"}),
        ("our Integrated Care Board wants fewer admissions", {"pathway redesign"}, {"integrated care system"}),
        ("Delta Wellbeing runs telehealth", {"mental health"}, {"virtual wards and remote monitoring"}),
        ("staff mental wellbeing is poor", set(), {"mental health"}),
        ("a self-management education course for arthritis", {"digital tools and apps"}, set()),
        ("patients track symptoms in an app", set(), {"digital tools and apps"}),
        ("inhaler technique in COPD", {"asthma"}, {"breathlessness and lung disease", "COPD"}),
        ("our Hospital at Home team", {"hospital care"}, {"virtual wards and remote monitoring"}),
        ("patients do a urine test at home", {"community services"}, set()),
        ("Roche Diagnostics and Skin Analytics", {"diagnostic testing", "data and population health analytics"}, set()),
        ("Finalist at the HTN Now Awards 2024", {"high blood pressure"}, set()),
        # everyday idioms in a challenge
        ("playing whack-a-mole with the rota", {"skin cancer"}, set()),
        ("the service was wound down in 2019", {"skin conditions"}, set()),
        ("we cannot fix this at a stroke", {"stroke"}, set()),
        ("clinics moved to MS Teams", {"neurological conditions"}, set()),
        (
            "the audit committee on backlog maintenance",
            {"data and population health analytics", "waiting lists"},
            set(),
        ),
        ("the board must discharge its statutory duties", {"hospital discharge"}, set()),
        ("financial performance has deteriorated", {"spotting deterioration early"}, set()),
        ("pre-pandemic activity levels", {"COVID-19"}, set()),
        # a condition of its own, months after the infection
        ("people with Long Covid who cannot return to work", {"COVID-19"}, {"long COVID"}),
        ("the new hub comes online in spring", {"digital tools and apps"}, set()),
        ("people in deprived wards are dying younger", {"hospital care", "people at the end of life"}, set()),
        ("children with special educational needs", {"training and education"}, set()),
        ("psychological safety in our teams", {"mental health"}, set()),
        ("eczema referrals to dermatology", {"skin cancer"}, set()),
    ],
)
def test_a_term_in_an_idiom_a_name_or_in_passing_does_not_name_its_concept(
    vocabulary: Vocabulary, text: str, not_named: set[str], still_named: set[str]
) -> None:
    """Users read shared concepts as the reasons for a match: the pandemic as a date, a department's
    name or "at a stroke" must not give one."""
    found = {c.name for c in vocabulary.find(text)}
    assert not found & not_named and still_named <= found


def test_every_concept_is_named_by_its_own_name(vocabulary: Vocabulary) -> None:
    """A challenge that says "skin conditions" should share *skin conditions*."""
    assert [c.name for c in vocabulary.concepts if c not in vocabulary.find(c.name)] == []


def test_an_idiom_holding_none_of_its_concepts_terms_is_refused() -> None:
    with pytest.raises(ValueError, match="not_in"):
        Vocabulary([Concept("frailty and falls", "population", ("falls",), not_in=("fall short",))])


def test_expansion_appends_concept_names_so_synonyms_meet(vocabulary: Vocabulary) -> None:
    expanded = "AF in care homes (atrial fibrillation; frailty and falls; care homes)"
    assert vocabulary.expand("AF in care homes") == expanded
    assert vocabulary.expand("nothing clinical here") == "nothing clinical here"


def test_shared_concepts_read_as_plain_words() -> None:
    concepts = [Concept("heart failure", "condition", ("HF",)), Concept("community services", "setting", ("x",))]
    assert Vocabulary.describe_shared(concepts) == ["same condition: heart failure", "same setting: community services"]


def test_a_weight_challenge_names_the_condition_apart_from_the_approach() -> None:
    vocabulary = load_vocabulary()
    found = vocabulary.find("our tier 3 weight management service for adults living with obesity is full")
    assert Vocabulary.describe_shared(found) == [
        "same condition: obesity",
        "similar approach: weight management and diabetes remission",
    ]


def test_shipped_vocabulary_is_well_formed() -> None:
    vocabulary = load_vocabulary()
    assert len(vocabulary) >= 60 and len(vocabulary.sha256) == 64
    names = [c.name for c in vocabulary.concepts]
    assert len(names) == len(set(names))


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown concept kind"):
        Vocabulary([Concept("x", "mood", ("x",))])


def test_exact_case_names_only_abbreviations_of_the_vocabulary() -> None:
    with pytest.raises(ValueError, match="exact_case"):
        Vocabulary([Concept("x", "condition", ("XY",))], exact_case=["xy"])


def test_terms_without_a_word_are_refused() -> None:
    with pytest.raises(ValueError, match="no letter or digit"):
        Vocabulary([Concept("x", "condition", ("&",))])


def test_first_word_prefilter_finds_exactly_what_a_full_scan_finds() -> None:
    """find() skips concepts whose terms' first words are absent; it must never skip a match."""
    from nhsmatch.corpus import load_corpus

    vocabulary = load_vocabulary()
    texts = [f"{r.title} {r.challenge} {r.intervention} {' '.join(r.outcomes)}" for r in load_corpus().records]
    texts += ["AFs and A&E", "follow-up for CVAs", "T2DM; HbA1c-guided", "virtual-wards", "Strokes, TIAs and DOACs"]
    texts += ["xAF, fast-AF and AF/flutter", "the ED's A&Es", "follow\nup", "İstanbul AF", "Alzheimer's; ALZHEIMERS"]
    texts += ["care falls short; falls", "İstanbul: falls short of falls"]
    for text in texts:
        patterns = zip(vocabulary.concepts, vocabulary._patterns, vocabulary._not_in, strict=True)
        full_scan = [c for c, pattern, not_in in patterns if pattern.search(not_in.sub("#", text) if not_in else text)]
        families = {c.broader for c in full_scan}
        assert vocabulary.find(text) == [c for c in vocabulary.concepts if c in full_scan or c.name in families], text


def test_a_named_disease_is_found_with_its_family() -> None:
    vocabulary = load_vocabulary()
    assert [c.name for c in vocabulary.find("melanoma on the rise")] == ["skin cancer", "cancer"]
    assert vocabulary.most_specific(["skin cancer", "cancer", "COPD"]) == {"skin cancer", "COPD"}
    assert vocabulary.within("cancer", "lung cancer") and vocabulary.within("lung cancer", "cancer")
    assert not vocabulary.within("lung cancer", "breast cancer")


def test_a_family_must_be_a_concept_of_the_same_kind() -> None:
    with pytest.raises(ValueError, match="broader of"):
        Vocabulary([Concept("myeloma", "condition", ("myeloma",), broader="blood cancers")])
    family = Concept("cancer", "condition", ("cancer",))
    with pytest.raises(ValueError, match="broader of"):
        Vocabulary([family, Concept("screening", "approach", ("screening",), broader="cancer")])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("AF", "AF (atrial fibrillation)"),
        ("AF detection", "AF (atrial fibrillation) detection"),
        ("AF patients not on DOACs", "AF (atrial fibrillation) patients not on DOACs (direct oral anticoagulant)"),
        ("copd and af", "copd (chronic obstructive pulmonary disease) and af (atrial fibrillation)"),
        ("AF clinics, and AF again", "AF (atrial fibrillation) clinics, and AF again"),  # once is enough
        ("atrial fibrillation (AF) screening", "atrial fibrillation (AF) screening"),  # already in words
        ("wet AMD injections", "wet AMD (wet age-related macular degeneration) injections"),  # the longer term
        ("ATTR-CM (transthyretin amyloid cardiomyopathy)", "ATTR-CM (transthyretin amyloid cardiomyopathy)"),
        ("a good fit; prep in 200 ms", "a good fit; prep in 200 ms"),  # lower-case words, not abbreviations
        ("nothing to spell out here", "nothing to spell out here"),
    ],
)
def test_abbreviations_are_spelled_out_once_for_the_model(vocabulary: Vocabulary, text: str, read: str) -> None:
    assert vocabulary.spell_out(text) == read


def test_every_abbreviation_of_the_shipped_vocabulary_is_spelled_out(vocabulary: Vocabulary) -> None:
    for concept in vocabulary.concepts:
        for term in (t for t in concept.terms if sum(c.isupper() for c in t) >= 2):
            singular = term[:-1] if term.endswith("s") else term  # "DOAC" covers "DOACs"
            assert vocabulary.spell_out(term) != term or vocabulary.spell_out(singular) != singular, term


def test_spelled_out_words_hold_no_abbreviation_to_spell_out(vocabulary: Vocabulary) -> None:
    """So spelling out is done once: the words it adds never call for more."""
    for concept in vocabulary.concepts:
        for term in concept.terms:
            read = vocabulary.spell_out(term)
            assert vocabulary.spell_out(read) == read, term


_SHIPPED = load_vocabulary()
_PIECES = ["AF", "af", "DOACs", "A&E", "wet", "AMD", "ATTR-CM", "ATTR", "(", ")", "-", "fit", "İ"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from([" ", "", "\n"]))
def test_spelling_out_only_adds_words(pieces: list[str], between: str) -> None:
    text = between.join(pieces)
    read = _SHIPPED.spell_out(text)
    remaining = iter(read)
    assert all(char in remaining for char in text)  # the text is kept, in order, with words added
    assert _SHIPPED.spell_out(read) == read


def test_spelled_out_names_only_abbreviations_of_the_vocabulary() -> None:
    with pytest.raises(ValueError, match="spelled_out"):
        Vocabulary([Concept("x", "condition", ("XY",))], spelled_out={"ZZ": "zed zed"})
    with pytest.raises(ValueError, match="need words"):
        Vocabulary([Concept("x", "condition", ("XY",))], spelled_out={"XY": " "})


def test_topics_are_the_conditions_and_approaches_a_question_asks_about(vocabulary: Vocabulary) -> None:
    names = [c.name for c in vocabulary.topics("Has anyone used NT-proBNP testing in primary care for heart failure?")]
    assert names == ["heart failure", "diagnostic testing"]  # primary care is a setting
    # Data sharing is asked of how any partnership was run as often as of the problem.
    assert vocabulary.topics("Was there a data sharing agreement in place?") == []
    assert vocabulary.find("Was there a data sharing agreement in place?")


def test_asked_of_any_partnership_names_only_concepts_of_the_vocabulary() -> None:
    with pytest.raises(ValueError, match="asked_of_any_partnership"):
        Vocabulary([Concept("x", "approach", ("xy",))], asked_of_any_partnership=["y"])
