"""Golden relevance checks on the shipped corpus, with the real model: challenges worded
differently from the precedent they should find (written for these tests, not the dev set)."""

from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from nhsmatch.matcher.focus import SPECIFICITY_RANK, specificity
from nhsmatch.matcher.models import Filters, NamedPlace, Precedent
from nhsmatch.matcher.passages import split_sentences
from nhsmatch.matcher.search import Matcher, MatchThresholds, Ranking
from tests.invariants import gives_way_only_within, strong_first

AF_CHALLENGE = "Patients with atrial fibrillation are not anticoagulated and we have too many strokes"


def top_ids(matcher: Matcher, challenge: str, k: int = 3, **kwargs: object) -> list[str]:
    return [p.record.id for p in matcher.match(challenge, limit=k, **kwargs).precedents]  # type: ignore[arg-type]


def test_af_challenge_finds_stroke_prevention_precedents_and_their_partners(full_matcher: Matcher) -> None:
    result = full_matcher.match(AF_CHALLENGE, limit=10)
    for precedent in result.precedents[:3]:
        text = f"{precedent.record.title} {precedent.record.challenge}".lower()
        assert "atrial fibrillation" in text or " af " in text
        assert "anticoagula" in f"{text} {precedent.record.intervention}".lower()
    partner_names = {p.name for p in result.partners}
    top3_partners = {
        full_matcher.names.canonical(o.name) for p in result.precedents[:3] for o in p.record.industry_partners
    }
    assert top3_partners <= partner_names | {"Inspira Health Solutions Ltd"}
    assert "Bayer" in partner_names


@pytest.mark.parametrize(
    ("challenge", "expected"),
    [
        (
            "Heart failure patients admitted to our hospital are not seen by the specialist team, "
            "and their medicines are not optimised before they go home",
            {"novartis-royal-free-barnet-hf-in-reach-nurses", "novartis-st-georges-hf-in-reach-pharmacist"},
        ),
        (
            "People with type 2 diabetes could go into remission with a low-calorie diet, "
            "but we have no programme to offer them",
            {"nhs-england-diabetes-uk-path-to-remission", "oviva-hull-east-riding-diabetes-remission"},
        ),
        (
            "Women waiting for breast cancer treatment face long delays because the oncology clinic has no capacity",
            {"novartis-nnuh-breast-cancer-service-expansion", "novartis-royal-marsden-breast-cancer-capacity-redesign"},
        ),
    ],
)
def test_differently_worded_challenges_find_their_precedent_in_the_top_3(
    full_matcher: Matcher, challenge: str, expected: set[str]
) -> None:
    assert expected & set(top_ids(full_matcher, challenge))


def test_scores_are_in_unit_range_and_descending_with_why(full_matcher: Matcher) -> None:
    precedents = full_matcher.match(AF_CHALLENGE, limit=20).precedents
    scores = [p.score for p in precedents]
    assert len(precedents) == 20 and all(0 <= s <= 1 for s in scores)
    ranking = full_matcher.ranking
    assert gives_way_only_within(scores, ranking.largest_give_way - ranking.named_partner_bonus)  # names no partner
    assert strong_first([p.match for p in precedents])
    plain_ranking = Ranking(company_penalty=0, other_condition_penalty=0)
    plain = [p.score for p in full_matcher.with_ranking(plain_ranking).match(AF_CHALLENGE).precedents]
    assert plain == sorted(plain, reverse=True)
    for p in precedents:
        sentences = f"{p.record.challenge} {p.record.intervention} {' '.join(p.record.outcomes)}"
        assert 1 <= len(p.why) <= 2 and all(s in sentences for s in p.why)
    assert "anticoagula" in " ".join(precedents[0].why).lower()


def test_filters_restrict_every_precedent(full_matcher: Matcher) -> None:
    filters = Filters(regions=["London"], care_settings=["primary care"], year_from=2015, year_to=2024)
    result = full_matcher.match(AF_CHALLENGE, limit=50, filters=filters)
    assert result.precedents
    for p in result.precedents:
        record = p.record
        assert record.region == "London" and "primary care" in record.care_settings
        start, end = record.start_year or record.end_year, record.end_year or record.start_year
        assert start is not None and end is not None and end >= 2015 and start <= 2024


def test_partner_type_filter_shapes_partners(full_matcher: Matcher) -> None:
    result = full_matcher.match(AF_CHALLENGE, filters=Filters(partner_types=["medtech"]))
    assert result.partners and all(p.type == "medtech" for p in result.partners)
    assert "AliveCor" in {p.name for p in result.partners}


def test_filters_that_exclude_everything_return_nothing(full_matcher: Matcher) -> None:
    result = full_matcher.match(AF_CHALLENGE, filters=Filters(regions=["Wales"], therapy_areas=["pain"]))
    assert result.precedents == [] and result.partners == [] and result.no_strong_precedent


def test_partners_carry_their_evidence(full_matcher: Matcher) -> None:
    result = full_matcher.match(AF_CHALLENGE, limit=25)
    ranked = {p.record.id: p.score for p in result.precedents}
    for partner in result.partners:
        assert partner.precedent_ids and set(partner.precedent_ids) <= set(ranked)
        assert partner.evidence.precedent_count == len(partner.precedent_ids)
        assert partner.evidence.best_similarity == pytest.approx(
            max(ranked[i] for i in partner.precedent_ids), abs=1e-3
        )
    scores = [p.score for p in result.partners]
    assert scores == sorted(scores, reverse=True)
    assert result.nhs_peers and all(p.precedent_ids for p in result.nhs_peers)


def test_similar_excludes_the_record_itself(full_matcher: Matcher) -> None:
    similar = full_matcher.similar("bayer-bnssg-dwac-bristol", limit=5)
    ids = [p.record.id for p in similar]
    assert "bayer-bnssg-dwac-bristol" not in ids and len(ids) == 5
    assert any("af" in i or "anticoag" in i for i in ids[:3])


def test_a_challenge_with_no_precedent_says_so_and_still_returns_the_nearest(full_matcher: Matcher) -> None:
    result = full_matcher.match("The staff canteen runs out of vegan options by lunchtime on weekdays", limit=5)
    assert result.no_strong_precedent
    assert len(result.precedents) == 5 and all(p.match != "strong" for p in result.precedents)


def test_abbreviations_find_the_same_precedents_as_the_words(full_matcher: Matcher) -> None:
    spelled = top_ids(full_matcher, "people with atrial fibrillation not on anticoagulants", k=10)
    abbreviated = top_ids(full_matcher, "AF patients not on DOACs", k=10)
    assert len(set(spelled) & set(abbreviated)) >= 7


@pytest.mark.parametrize(("abbreviation", "words"), [("AF", "atrial fibrillation"), ("HF", "heart failure")])
def test_a_bare_abbreviation_is_read_as_its_words(full_matcher: Matcher, abbreviation: str, words: str) -> None:
    """The model knows few NHS abbreviations: read as typed, "AF" alone found only weak matches."""
    typed = full_matcher.match(abbreviation, limit=5).precedents
    spelled = full_matcher.match(words, limit=5).precedents
    assert typed[0].match == spelled[0].match == "strong"
    assert len({p.record.id for p in typed} & {p.record.id for p in spelled}) >= 3
    as_typed = full_matcher.with_ranking(Ranking(spell_out_abbreviations=False)).match(abbreviation, limit=1)
    assert as_typed.precedents[0].score < typed[0].score - 0.1


def test_a_dna_rate_is_read_as_missed_appointments(full_matcher: Matcher) -> None:
    """NHS shorthand: a "DNA rate" is patients who did not attend. Spelled out as "did not attend
    rate", the model put an outpatient medicines project before the missed-appointments trial."""
    first = top_ids(full_matcher, "Our outpatient DNA rate is 12%.", k=1)
    assert first == ["drdoctor-nhs-england-missed-appointments-trial"]


def test_a_test_named_alone_is_read_as_the_condition_it_looks_for(full_matcher: Matcher) -> None:
    """NT-proBNP is the blood test that rules heart failure in or out: spelled out as a "natriuretic
    peptide blood test", it found no strong precedent and no heart failure work in its top 5."""
    result = full_matcher.match("NT-proBNP in primary care", limit=5)
    assert not result.no_strong_precedent
    assert sum("same condition: heart failure" in p.shared_concepts for p in result.precedents) >= 3


def test_only_a_short_challenge_has_its_abbreviations_spelled_out(full_matcher: Matcher) -> None:
    """In a longer challenge the words around an abbreviation speak for it (README)."""
    as_typed = full_matcher.with_ranking(Ranking(spell_out_abbreviations=False))
    short = "AF patients not on DOACs"
    longer = (
        "In our PCN many people with AF have never had their stroke risk reviewed, and the practices have "
        "no pharmacist time to start anticoagulation or to follow people up afterwards"
    )
    assert float(full_matcher.encode_challenge(short) @ as_typed.encode_challenge(short)) < 0.95
    np.testing.assert_allclose(full_matcher.encode_challenge(longer), as_typed.encode_challenge(longer), atol=1e-6)


def test_only_concepts_met_by_another_word_than_their_name_nudge_the_challenge(full_matcher: Matcher) -> None:
    unnudged = full_matcher.with_ranking(Ranking(concept_nudge=0))

    def scores(matcher: Matcher, challenge: str) -> list[float]:
        return [p.score for p in matcher.match(challenge, limit=5).precedents]

    for named in ("heart failure admissions", "AF patients"):  # by name, or spelled out for the model
        assert scores(full_matcher, named) == scores(unnudged, named)
    assert scores(full_matcher, "an irregular pulse found late") != scores(unnudged, "an irregular pulse found late")


def test_a_challenge_typed_in_lower_case_is_understood_as_written(full_matcher: Matcher) -> None:
    written = full_matcher.match("COPD patients keep coming back through A&E every winter", limit=5).precedents
    typed = full_matcher.match("copd patients keep coming back through a&e every winter", limit=5).precedents
    assert [p.record.id for p in typed] == [p.record.id for p in written]
    assert typed[0].shared_concepts == written[0].shared_concepts
    assert "same condition: COPD" in typed[0].shared_concepts


def test_a_typing_slip_finds_what_the_word_finds_and_is_reported(full_matcher: Matcher) -> None:
    written = full_matcher.match("Patients with atrial fibrillation are not anticoagulated", limit=5)
    slipped = full_matcher.match("Patients with atrial fibrilation are not anticoaulated", limit=5)
    assert [p.record.id for p in slipped.precedents] == [p.record.id for p in written.precedents]
    assert slipped.corrected_words == {"fibrilation": "fibrillation", "anticoaulated": "anticoagulated"}
    assert written.corrected_words == {}


def test_a_challenge_in_another_language_is_said_to_be_and_not_read_as_english_slips(full_matcher: Matcher) -> None:
    # Welsh: "Too many heart failure patients are admitted to hospital as emergencies."
    welsh_text = "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng."
    welsh = full_matcher.match(welsh_text)
    assert welsh.corrected_words == {}  # "derbyn" (admitted) is one edit from the corpus's "Derby"
    assert welsh.not_in_english and welsh.no_strong_precedent
    assert not full_matcher.match(AF_CHALLENGE, limit=1).not_in_english
    # Bilingual, as NHS Wales writes: read as English, its Welsh sentence has no slips for Derby.
    english = "Too many heart failure patients are admitted to hospital as emergencies."
    bilingual = full_matcher.match(f"{welsh_text} {english}", limit=3)
    assert not bilingual.not_in_english and bilingual.corrected_words == {}
    assert not bilingual.no_strong_precedent


def test_shared_concepts_explain_the_match(full_matcher: Matcher) -> None:
    precedent = full_matcher.match(AF_CHALLENGE, limit=1).precedents[0]
    assert precedent.match == "strong"
    assert "same condition: atrial fibrillation" in precedent.shared_concepts


def test_one_company_does_not_fill_the_top_10_when_others_did_comparable_work(full_matcher: Matcher) -> None:
    challenge = "Heart failure patients in our area are only diagnosed when they are admitted as emergencies"
    undiversified = full_matcher.with_ranking(Ranking(company_penalty=0)).match(challenge, limit=10).precedents
    diversified = full_matcher.match(challenge, limit=10).precedents

    def most_from_one_company(precedents: list[Precedent]) -> int:
        counts = Counter(full_matcher.names.key(o.name) for p in precedents for o in p.record.industry_partners)
        return max(counts.values())

    assert most_from_one_company(diversified) < most_from_one_company(undiversified)
    nearest = full_matcher.with_ranking(Ranking(company_penalty=0)).match(challenge, limit=40).precedents
    similarity = {p.record.id: p.score for p in nearest}
    assert all(p.score == similarity[p.record.id] for p in diversified)  # the step orders, it does not rescore


def test_a_fourth_precedent_of_one_company_gives_way_only_to_comparable_work(full_matcher: Matcher) -> None:
    """Beyond the third of one company, a precedent loses the same margin however many came before:
    another company's precedent comes first only when it scores within that margin."""
    margin = full_matcher.ranking.company_penalty
    companies = [full_matcher.companies_of(record.id) for record in full_matcher.records]
    novartis = [row for row, names in enumerate(companies) if names == {"novartis"}][:5]
    other = next(row for row, names in enumerate(companies) if names == {"pfizer"})
    rows = np.array([*novartis, other], dtype=np.int64)

    def shown(other_score: float) -> list[int]:
        scores = np.array([0.80, 0.79, 0.78, 0.77, 0.76, other_score])
        labels = ["strong"] * len(rows)
        return rows[full_matcher._reordered(rows, scores, np.zeros(len(rows)), labels)].tolist()

    assert shown(0.77 - margin + 0.005) == [*novartis[:3], other, *novartis[3:]]  # within the margin of the fourth
    assert shown(0.76 - margin + 0.005) == [*novartis[:3], novartis[3], other, novartis[4]]  # of the fifth only
    assert shown(0.76 - margin - 0.01) == [*novartis, other]


def test_a_fourth_precedent_of_one_company_never_gives_way_to_one_labelled_lower(full_matcher: Matcher) -> None:
    """Work labelled lower is not comparable: a strong fourth of one company stays before a partial
    precedent of another scoring within the margin, and a partial one before a weak one."""
    margin, thresholds = full_matcher.ranking.company_penalty, full_matcher.thresholds
    companies = [full_matcher.companies_of(record.id) for record in full_matcher.records]
    novartis = [row for row, names in enumerate(companies) if names == {"novartis"}][:4]
    other = next(row for row, names in enumerate(companies) if names == {"pfizer"})
    rows = np.array([*novartis, other], dtype=np.int64)

    def shown(fourth: float, other_score: float) -> list[int]:
        scores = np.array([0.80, 0.79, 0.78, fourth, other_score])
        labels = [thresholds.label(score) for score in scores]
        return rows[full_matcher._reordered(rows, scores, np.zeros(len(rows)), labels)].tolist()

    strong, partial = thresholds.strong, thresholds.partial
    assert shown(strong + 0.01, strong - 0.01) == [*novartis, other]
    assert shown(partial + 0.01, partial - 0.01) == [*novartis, other]
    assert shown(strong - 0.01, strong - 0.01 - margin + 0.005) == [*novartis[:3], other, novartis[3]]  # both partial


@pytest.mark.parametrize(
    "challenge",
    ["Asthma patients are over-reliant on reliever inhalers", "We want to find undiagnosed COPD in our practices"],
)
def test_a_companys_strong_matches_never_give_way_to_partial_ones(full_matcher: Matcher, challenge: str) -> None:
    """Beyond the third of one company, strong matches used to give way to partial ones of others
    scoring within the margin, which then came first."""
    assert strong_first([p.match for p in full_matcher.match(challenge, limit=10).precedents])


def test_a_named_partners_comparable_work_comes_first_beyond_the_company_cap(full_matcher: Matcher) -> None:
    challenge = "Has anyone worked with Doccla on a virtual ward?"
    result = full_matcher.match(challenge, limit=10)
    assert result.named_partners == ["Doccla"]

    def doccla(precedent: Precedent) -> bool:
        return "Doccla" in {full_matcher.names.canonical(o.name) for o in precedent.record.non_nhs_partners}

    theirs = [p for p in result.precedents if doccla(p)]
    assert len(theirs) > full_matcher.ranking.company_cap  # the diversity step leaves the named company alone
    assert all(doccla(p) for p in result.precedents[:3])
    assert all(p.shared_concepts[0] == "same partner: Doccla" for p in theirs)
    assert not any("same partner" in c for p in result.precedents if not doccla(p) for c in p.shared_concepts)
    assert gives_way_only_within([p.score for p in result.precedents], full_matcher.ranking.largest_give_way)
    # Unnamed, another company's virtual ward scores first; the score shown stays the similarity.
    unnamed = replace(full_matcher.ranking, named_partner_bonus=0, named_partner_topic_first=False)
    plain = full_matcher.with_ranking(unnamed).match(challenge, limit=10)
    assert not doccla(plain.precedents[0])
    similarity = {p.record.id: p.score for p in plain.precedents}
    assert all(p.score == similarity[p.record.id] for p in result.precedents if p.record.id in similarity)


def test_a_named_partners_work_on_what_the_question_asks_comes_first(full_matcher: Matcher) -> None:
    """Luscii's one remote monitoring service is a partial match for "virtual wards" (0.57), and four
    other companies' virtual wards score 0.68-0.83: the bonus alone left it fifth."""
    challenge = "Has any trust used Luscii for virtual wards?"
    result = full_matcher.match(challenge, limit=5)
    assert result.named_partners == ["Luscii"]
    first = result.precedents[0]
    assert first.record.id == "all-together-better-sunderland-luscii-recovery-at-home" and first.match == "partial"
    assert first.shared_concepts[0] == "same partner: Luscii"
    assert "similar approach: virtual wards and remote monitoring" in first.shared_concepts
    bonus_alone = full_matcher.with_ranking(replace(full_matcher.ranking, named_partner_topic_first=False))
    assert bonus_alone.match(challenge, limit=5).precedents[0].record.id != first.record.id


def test_a_named_partners_work_unlike_the_challenge_stays_below_others(full_matcher: Matcher) -> None:
    """AstraZeneca ran no virtual ward: its nearest work is a weak match, so others' come first. Asked
    "... for frail patients", its data hub partnership that included remote monitoring is a partial
    match (0.52), and comes first, labelled so."""
    result = full_matcher.match("Has anyone worked with AstraZeneca on a virtual ward?", limit=5)
    assert result.named_partners == ["AstraZeneca"]
    assert not any("AstraZeneca" in {o.name for o in p.record.industry_partners} for p in result.precedents)
    frail = full_matcher.match("Has anyone worked with AstraZeneca on a virtual ward for frail patients?", limit=5)
    first = frail.precedents[0]
    assert "AstraZeneca" in {o.name for o in first.record.industry_partners} and first.match == "partial"
    assert all(p.match == "strong" for p in frail.precedents[1:])


def test_a_partner_the_challenge_asks_for_alternatives_to_comes_last_and_is_no_likely_partner(
    full_matcher: Matcher,
) -> None:
    """Before step 9, all six precedents shown were Novartis's, and Novartis the first likely partner."""
    challenge = "Apart from Novartis, which companies have supported heart failure services?"
    result = full_matcher.match(challenge, limit=10)
    assert result.alternatives_to == ["Novartis"] and result.named_partners == []

    def novartis(names: list[str]) -> bool:
        return "Novartis" in {full_matcher.names.canonical(name) for name in names}

    assert not any(novartis([o.name for o in p.record.non_nhs_partners]) for p in result.precedents)
    assert not novartis([p.name for p in result.partners])
    assert result.precedents[0].match == "strong" and "heart failure" in result.precedents[0].shared_concepts[0]
    assert not any("same partner" in c for p in result.precedents for c in p.shared_concepts)
    named = full_matcher.with_ranking(replace(full_matcher.ranking, look_past_partners=False)).match(
        challenge, limit=10
    )
    assert novartis([o.name for o in named.precedents[0].record.non_nhs_partners])
    assert novartis([named.partners[0].name])


def test_alternatives_asked_by_name_alone_are_searched_as_what_the_partner_does(full_matcher: Matcher) -> None:
    """ "Any alternatives to Brainomix?" names no topic: read as written, less the name, it matched a
    crisis house first (weak, 0.35). Searched as Brainomix's stroke work, others' stroke work comes first."""
    result = full_matcher.match("Any alternatives to Brainomix?", limit=5)
    assert result.alternatives_to == ["Brainomix"]
    assert not any("Brainomix" in {o.name for o in p.record.non_nhs_partners} for p in result.precedents)
    assert "stroke" in {c.name for c in full_matcher.vocabulary.find(result.precedents[0].record.title)}
    assert result.precedents[0].match != "weak"
    # A topic of its own is searched as written: others' virtual wards, not Doccla's kinds of work.
    topical = full_matcher.match("Apart from Doccla, who else runs virtual wards for COPD?", limit=5)
    assert topical.alternatives_to == ["Doccla"]
    assert "same condition: COPD" in topical.precedents[0].shared_concepts


def test_a_partners_own_work_asked_by_name_alone_comes_first(full_matcher: Matcher) -> None:
    """A question naming no topic ("similar trusts using Lenus Health"): read as written, Sensyne's
    research agreements came first (0.77) and Lenus's work third. Searched as Lenus's work, all of it
    comes first."""
    result = full_matcher.match("similar trusts using Lenus Health", limit=5)
    assert result.named_partners == ["Lenus Health"]
    lenus = ["Lenus Health" in {o.name for o in p.record.non_nhs_partners} for p in result.precedents]
    count = sum(1 for r in full_matcher.records if "Lenus Health" in {o.name for o in r.non_nhs_partners})
    assert lenus == [True] * min(count, 5) + [False] * (5 - min(count, 5))
    assert result.partners[0].name == "Lenus Health"


def test_a_long_challenge_naming_a_partner_is_about_its_problem(full_matcher: Matcher) -> None:
    """A question about a partner alone says little else. A challenge describing its problem at length,
    naming a partner in passing and no condition or approach the vocabulary knows, is searched as
    written: the partner's work gains the bonus of step 8, not first place and the score of its own."""
    challenge = (
        "Our two acute trusts' labs run on tired analysers, costs rise every year and we can't recruit enough"
        " staff. The region wants us to consolidate into one central facility with smaller hot labs at each"
        " hospital, and Siemens Healthineers has offered to run it. How have others kept the trainee pipeline going?"
    )

    def theirs(precedent: Precedent) -> bool:  # published as Siemens Healthcare, Siemens Medical Solutions too
        names = {full_matcher.names.canonical(o.name) for o in precedent.record.non_nhs_partners}
        return "Siemens Healthineers" in names

    result = full_matcher.match(challenge, limit=5)
    assert result.named_partners == ["Siemens Healthineers"]
    siemens = [p for p in result.precedents if theirs(p)]
    assert siemens and not theirs(result.precedents[0])
    assert all(p.match != "strong" for p in siemens)  # searched as their work, each would be strong
    short = full_matcher.match("Which trusts have worked with Siemens Healthineers?", limit=4)
    assert all(theirs(p) for p in short.precedents)


def test_a_product_names_its_maker_and_says_what_is_asked(full_matcher: Matcher) -> None:
    """People name what they use: "Oxevision" asks for Oxehealth's work. Looked past, its name is
    still searched ("beyond Sleepio" asks for others' digital CBT for insomnia), unlike a company's."""
    asked = full_matcher.match("Has anyone used Oxevision on older people's wards?", limit=5)
    assert asked.named_partners == ["Oxehealth"]
    assert asked.precedents[0].record.non_nhs_partners[0].name == "Oxehealth"

    challenge = "digital CBT for insomnia in primary care, looking beyond Sleepio"
    assert "Sleepio" in full_matcher.read(challenge).searched
    beyond = full_matcher.match(challenge, limit=5)
    assert beyond.alternatives_to == ["Big Health"] and beyond.named_partners == []
    assert not any("Big Health" in {o.name for o in p.record.non_nhs_partners} for p in beyond.precedents)
    assert "similar approach: digital tools and apps" in beyond.precedents[0].shared_concepts

    # Alternatives to one heart-failure device's remote monitoring: another maker's comes first.
    rival = full_matcher.match("Are there alternatives to TriageHF?", limit=5)
    assert rival.alternatives_to == ["Medtronic"]
    assert rival.precedents[0].record.non_nhs_partners[0].name == "Boston Scientific"


PUMPS = "nurses can't locate infusion pumps or free beds across the hospital"


def test_a_place_the_challenge_names_is_where_the_asker_is_not_what_it_asks(full_matcher: Matcher) -> None:
    placed = full_matcher.match(f"In Lincolnshire, {PUMPS}", limit=10)
    anywhere = full_matcher.match(f"In our area, {PUMPS}", limit=10, near=["Midlands"])
    assert placed.places == [NamedPlace(name="Lincolnshire", regions=["Midlands"])]
    assert [(p.record.id, p.score) for p in placed.precedents] == [(p.record.id, p.score) for p in anywhere.precedents]
    assert placed.partners == anywhere.partners  # the place's region is the likely partners' `near` hint
    assert "Lincoln" not in placed.precedents[0].record.locality
    # Searched as a word, the place drew an unrelated Lincolnshire service first, as a strong match.
    as_words = full_matcher.with_ranking(replace(full_matcher.ranking, places_as_anywhere=False))
    first = as_words.match(f"In Lincolnshire, {PUMPS}", limit=1).precedents[0]
    assert "Lincoln" in first.record.locality and first.match == "strong"


def test_a_request_near_hint_wins_over_the_places_named_and_typed_words_are_shown(full_matcher: Matcher) -> None:
    challenge = f"We are an acute trust in Lincolnshire with a large rural population. {PUMPS.capitalize()}."
    result = full_matcher.match(challenge, limit=10, near=["London"])
    anywhere = full_matcher.match(challenge.replace("Lincolnshire", "our area"), limit=10, near=["London"])
    assert result.partners == anywhere.partners
    assert result.read_as_background == ["We are an acute trust in Lincolnshire with a large rural population."]


def test_best_sentence_scores_of_some_records_equal_those_of_all(
    full_matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filtered search scores only its records' sentences, in chunks; it must agree with scoring all."""
    from nhsmatch.matcher import search

    monkeypatch.setattr(search, "PASSAGE_CHUNK", 7)  # several chunks, the last one partial
    query = full_matcher.encode_challenge("too many heart failure patients are diagnosed in hospital")
    every_row = np.arange(len(full_matcher.records), dtype=np.int64)
    some_rows = every_row[::3][:50]
    all_scores = full_matcher._best_passage_scores(query, every_row)
    np.testing.assert_allclose(full_matcher._best_passage_scores(query, some_rows), all_scores[some_rows], rtol=1e-6)


ORGANISATION = (
    "Our integrated care board commissions services for 1.2 million people across two cities and three "
    "counties, with four acute trusts, a mental health trust and 40 primary care networks. Our board has "
    "agreed a five-year joint forward plan with our local authorities and we have a population health "
    "management team. We would like to hear from partners who have done this before."
)
HF_PROBLEM = (
    "Heart failure patients admitted to our hospital are not seen by the specialist team, "
    "and their medicines are not optimised before they go home."
)


# About 1,500 characters, 286 word pieces: read as one text, the model stops (at 256) before the problem.
LONG_BACKGROUND = " ".join([ORGANISATION] * 4)


def test_a_long_challenge_leans_towards_the_problem_and_is_read_to_the_end(full_matcher: Matcher) -> None:
    """Read as one text, the background fills the model's 256 word pieces and the problem is cut off;
    read sentence by sentence, the vector leans towards the one with clearly closest records."""
    challenge = f"{LONG_BACKGROUND} {HF_PROBLEM}"
    as_one_text = full_matcher.with_ranking(Ranking(focus=False))
    problem = full_matcher.encode_challenge(HF_PROBLEM)
    assert full_matcher.encode_challenge(challenge) @ problem > as_one_text.encode_challenge(challenge) @ problem + 0.2
    assert "heart failure" in full_matcher.match(challenge, limit=1).precedents[0].record.title.lower()


def test_a_long_challenges_sentences_are_read_in_any_order(full_matcher: Matcher) -> None:
    first, last = f"{LONG_BACKGROUND} {HF_PROBLEM}", f"{HF_PROBLEM} {LONG_BACKGROUND}"
    np.testing.assert_allclose(full_matcher.encode_challenge(first), full_matcher.encode_challenge(last), atol=1e-5)


def test_a_challenge_past_the_models_limit_has_its_sentences_encoded_one_by_one(full_matcher: Matcher) -> None:
    """Allowed to read it in context, the one pass stops before the problem: that reading is set aside."""
    challenge = f"{LONG_BACKGROUND} {HF_PROBLEM}"
    in_context_if_it_can = full_matcher.with_ranking(Ranking(focus_alone_above_chars=10_000))
    np.testing.assert_allclose(
        in_context_if_it_can.encode_challenge(challenge), full_matcher.encode_challenge(challenge), atol=1e-6
    )


@pytest.mark.parametrize(
    "challenge",
    [
        f"{ORGANISATION} {HF_PROBLEM}",
        f"{HF_PROBLEM} {ORGANISATION}",
        f"{ORGANISATION} {HF_PROBLEM}".lower(),
        "\n".join(f"- {sentence.rstrip('.')}" for sentence in split_sentences(f"{ORGANISATION} {HF_PROBLEM}")),
    ],
    ids=["problem last", "problem first", "typed in lower case", "bullet points"],
)
def test_a_short_challenge_read_in_one_pass_leans_towards_the_problem(full_matcher: Matcher, challenge: str) -> None:
    """Its sentences are read in context, from the model's one pass over the whole challenge."""
    without_focus = full_matcher.with_ranking(Ranking(focus=False))
    problem = full_matcher.encode_challenge(HF_PROBLEM)
    focused, plain = full_matcher.encode_challenge(challenge), without_focus.encode_challenge(challenge)
    assert focused @ problem > plain @ problem + 0.1
    assert "heart failure" in full_matcher.match(challenge, limit=1).precedents[0].record.title.lower()


def test_a_challenge_of_one_sentence_is_the_models_vector_of_it(full_matcher: Matcher) -> None:
    np.testing.assert_allclose(
        full_matcher.encode_challenge(AF_CHALLENGE), full_matcher.embedder.encode([AF_CHALLENGE])[0], atol=1e-6
    )


def test_feedback_leaves_a_challenge_without_a_strong_first_match_alone(full_matcher: Matcher) -> None:
    challenge = "The staff canteen runs out of vegan options by lunchtime on weekdays"
    without = full_matcher.with_ranking(Ranking(feedback_depth=0)).match(challenge, limit=10).precedents
    shipped = full_matcher.match(challenge, limit=10).precedents
    assert [(p.record.id, p.score) for p in shipped] == [(p.record.id, p.score) for p in without]


def test_feedback_raises_most_the_records_most_like_the_clear_best_matches(full_matcher: Matcher) -> None:
    unordered = Ranking(company_penalty=0, other_condition_penalty=0)  # shown in score order
    plain = full_matcher.with_ranking(replace(unordered, feedback_depth=0)).match(AF_CHALLENGE, limit=20)
    fed = full_matcher.with_ranking(unordered).match(AF_CHALLENGE, limit=20)
    before = {p.record.id: p.score for p in plain.precedents}
    after = {p.record.id: p.score for p in fed.precedents}
    feedback = list(before)[:2]
    assert next(iter(after)) in feedback  # a match the feedback came from stays first

    documents, row_of = full_matcher.corpus.views["document"], full_matcher.corpus.row_of
    centroid = np.mean([documents[row_of[i]] for i in feedback], axis=0)
    others = [i for i in before if i in after and i not in feedback]
    others.sort(key=lambda i: documents[row_of[i]] @ centroid)
    gains = [after[i] - before[i] for i in others]
    half = len(gains) // 2
    assert np.mean(gains[-half:]) > np.mean(gains[:half])  # most like the feedback gain most


def test_feedback_rescoring_the_first_pass_best_ranks_the_top_as_rescoring_all(
    full_matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nhsmatch.matcher import search

    everything = top_ids(full_matcher, AF_CHALLENGE, k=10)
    monkeypatch.setattr(search, "FEEDBACK_POOL", 60)  # well under the corpus's 345 records
    assert top_ids(full_matcher, AF_CHALLENGE, k=10) == everything


def test_companies_of_names_a_records_industry_partners_as_the_diversity_step_counts_them(
    full_matcher: Matcher,
) -> None:
    from nhsmatch.matcher.errors import UnknownPartnershipError

    record = next(r for r in full_matcher.records if len(r.industry_partners) > 1)
    expected = {full_matcher.names.key(p.name) for p in record.industry_partners}
    assert full_matcher.companies_of(record.id) == expected and len(expected) > 1
    with pytest.raises(UnknownPartnershipError):
        full_matcher.companies_of("no-such-record")


def test_a_sentences_specificity_is_the_same_from_the_document_vectors_and_the_index(full_matcher: Matcher) -> None:
    """Corpora within EXHAUSTIVE_LIMIT take it from a product with the document vectors, larger
    ones from the ANN index: both give the best record's cosine minus the 21st best's."""
    sentences = full_matcher.embedder.encode([ORGANISATION, HF_PROBLEM, AF_CHALLENGE])
    from_index = specificity(*full_matcher.corpus.store.search(sentences, SPECIFICITY_RANK))
    np.testing.assert_allclose(full_matcher._specificity(sentences), from_index, atol=1e-5)
    assert from_index[0] < from_index[1]  # the organisation is less specific than the problem


FALLS_NOT_AF = (
    "Atrial fibrillation detection is not the problem. "
    "Care home residents fall at night and lie on the floor for hours."
)


def test_what_a_challenge_says_is_not_its_problem_is_left_out_of_the_search(full_matcher: Matcher) -> None:
    result = full_matcher.match(FALLS_NOT_AF, limit=3)
    alone = full_matcher.match("Care home residents fall at night and lie on the floor for hours.", limit=3)
    assert result.set_aside == ["Atrial fibrillation detection is not the problem."]
    assert [(p.record.id, p.score) for p in result.precedents] == [(p.record.id, p.score) for p in alone.precedents]

    def about_af(precedents: list[Precedent]) -> list[str]:
        return [p.record.id for p in precedents if "atrial fibrillation" in p.record.title.lower()]

    # Searched whole, the atrial fibrillation the asker dismissed is among what it finds.
    searched_whole = full_matcher.with_ranking(Ranking(set_aside_dismissals=False)).match(FALLS_NOT_AF, limit=3)
    assert about_af(searched_whole.precedents) and not about_af(result.precedents)


MSK_WAITS = "our MSK physio waiting list is over a year"


def test_a_precedent_about_another_condition_says_so_and_is_never_strong(full_matcher: Matcher) -> None:
    """Mental health waiting lists share the aim, not the condition: a model of care to borrow at best."""
    result = full_matcher.match(MSK_WAITS, limit=10)
    other = [p for p in result.precedents if p.other_conditions]
    assert "mental health" in {c for p in other for c in p.other_conditions}
    assert all(p.match == "partial" for p in other if p.score >= full_matcher.thresholds.partial)
    assert result.no_strong_precedent
    same = [p for p in result.precedents if "same condition: musculoskeletal conditions" in p.shared_concepts]
    assert same and not any(p.other_conditions for p in same)


def test_a_precedent_about_another_condition_does_not_steer_the_search(full_matcher: Matcher) -> None:
    """The first pass put a mental health waiting-list app first for an MSK physiotherapy backlog:
    fed back (step 5), it drew the mental health and MS services up to 0.70, all above the
    rheumatology service that cut a musculoskeletal backlog."""
    precedents = full_matcher.match(MSK_WAITS, limit=10).precedents
    assert not precedents[0].other_conditions
    ids = [p.record.id for p in precedents]
    rheumatology = ids.index("novartis-uh-sussex-rheumatology-physician-associate")
    assert rheumatology <= 1 and all(rheumatology < ids.index(p.record.id) for p in precedents if p.other_conditions)
    unordered_first_pass = Ranking(feedback_depth=0, other_condition_penalty=0)
    first_pass = full_matcher.with_ranking(unordered_first_pass).match(MSK_WAITS, limit=1).precedents[0]
    assert first_pass.other_conditions and first_pass.score >= full_matcher.ranking.feedback_floor  # would steer


def test_a_precedent_about_another_condition_gives_way_to_the_challenges_own(full_matcher: Matcher) -> None:
    unordered = full_matcher.with_ranking(Ranking(other_condition_penalty=0)).match(MSK_WAITS, limit=10).precedents
    shipped = full_matcher.match(MSK_WAITS, limit=10).precedents
    rheumatology = "novartis-uh-sussex-rheumatology-physician-associate"  # MSK, and waiting lists
    assert [p.record.id for p in shipped].index(rheumatology) < [p.record.id for p in unordered].index(rheumatology)
    similarity = {p.record.id: p.score for p in unordered}
    assert all(p.score == similarity[p.record.id] for p in shipped if p.record.id in similarity)  # orders only


def test_another_condition_gives_way_only_within_its_margin(full_matcher: Matcher) -> None:
    margin = full_matcher.ranking.other_condition_penalty
    rows = np.array([0, 1, 2], dtype=np.int64)
    other_first = np.array([margin, 0.0, 0.0])

    def shown(second: float) -> list[int]:
        scores = np.array([0.80, second, 0.50])
        labels = [full_matcher.thresholds.label(score) for score in scores]
        return full_matcher._reordered(rows, scores, other_first, labels).tolist()

    assert shown(0.80 - margin + 0.005) == [1, 0, 2]
    assert shown(0.80 - margin - 0.005) == [0, 1, 2]


def test_related_conditions_and_challenges_naming_none_are_not_another_condition(full_matcher: Matcher) -> None:
    strokes = full_matcher.match("Too many people in our area have strokes that could have been prevented", limit=10)
    atrial_fibrillation = [p for p in strokes.precedents if "atrial fibrillation" in p.record.title.lower()]
    assert atrial_fibrillation and not any(p.other_conditions for p in atrial_fibrillation)  # AF causes strokes
    unnamed = full_matcher.match("Our outpatient clinics have long waits and many missed appointments", limit=10)
    assert not any(p.other_conditions for p in unnamed.precedents)


MYELOMA_TRAVEL = "Multiple myeloma patients travel hours for treatment"


def test_a_precedent_on_another_disease_of_the_family_says_so_and_keeps_its_place(full_matcher: Matcher) -> None:
    """Myeloproliferative neoplasm services share the family of blood cancers with a myeloma challenge,
    not the disease: never strong, but not put after the rest, as the nearest model of care."""
    shipped = full_matcher.match(MYELOMA_TRAVEL, limit=5)
    nurse_led = [p for p in shipped.precedents if "myeloproliferative neoplasms" in p.other_conditions]
    assert len(nurse_led) >= 2 and all(p.match == "partial" for p in nurse_led)
    assert any(p.score >= full_matcher.thresholds.strong for p in nurse_led)  # strong by its score alone
    assert all(p.shared_concepts == ["same condition: blood cancers and blood disorders"] for p in nurse_led)
    assert shipped.no_strong_precedent
    unordered = full_matcher.with_ranking(Ranking(other_condition_penalty=0)).match(MYELOMA_TRAVEL, limit=5)
    assert [p.record.id for p in shipped.precedents] == [p.record.id for p in unordered.precedents]


def test_a_precedent_on_another_disease_of_the_family_follows_the_strong_ones(full_matcher: Matcher) -> None:
    """Type 2 diabetes services score above the type 1 hybrid closed loop roll-out for a type 1
    challenge, and were shown first, labelled partial, before the one strong match."""
    challenge = "Young people with type 1 diabetes have poor HbA1c control and many stop attending clinic."
    precedents = full_matcher.match(challenge, limit=6).precedents
    assert precedents[0].record.id == "insulet-leicester-community-group-hcl-rollout"
    assert precedents[0].match == "strong"
    type_2 = [p for p in precedents if "type 2 diabetes" in p.other_conditions]
    assert type_2 and all(p.match == "partial" for p in type_2)
    assert max(p.score for p in type_2) > precedents[0].score  # it gives way by more than any margin
    assert [p.score for p in type_2] == sorted((p.score for p in type_2), reverse=True)  # their own order kept


def test_precedents_on_other_cancers_are_not_strong_for_a_bowel_screening_challenge(full_matcher: Matcher) -> None:
    """The corpus has no bowel cancer work: lung cancer X-ray AI and breast screening AI are what it
    has nearest, and are shown as such, not as strong precedents. The disease is named "colorectal
    cancer": named "bowel cancer", its name put "bowel" into the search, which drew the inflammatory
    bowel disease apps first (0.81)."""
    result = full_matcher.match("Bowel screening uptake in our most deprived neighbourhoods is far too low", limit=5)
    assert result.no_strong_precedent
    other_cancers = [p for p in result.precedents if {"lung cancer", "breast cancer"} & set(p.other_conditions)]
    assert other_cancers and all(p.match != "strong" for p in other_cancers)
    assert "inflammatory bowel disease" not in result.precedents[0].other_conditions


def test_a_shared_disease_is_named_without_its_family(full_matcher: Matcher) -> None:
    result = full_matcher.match("lung cancer diagnosed late in smokers", limit=5)
    assert all("same condition: lung cancer" in p.shared_concepts for p in result.precedents)
    assert not any("same condition: cancer" in p.shared_concepts for p in result.precedents)
    assert not any(p.other_conditions for p in result.precedents)


def test_only_a_precedent_on_the_challenges_conditions_or_none_can_be_a_strong_match() -> None:
    thresholds = MatchThresholds()
    assert thresholds.label(0.9) == "strong"
    assert thresholds.label(0.9, other_condition=True) == "partial"
    assert thresholds.label(thresholds.partial - 0.01, other_condition=True) == "weak"
