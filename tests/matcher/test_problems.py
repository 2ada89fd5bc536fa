"""Separate problems in one challenge are searched one at a time (matcher/problems.py)."""

import pytest

from nhsmatch.matcher.problems import (
    RelatedConditions,
    anchors,
    grouped,
    openings,
    opens_new_problem,
    parts,
    problems,
)
from nhsmatch.matcher.search import Matcher, Ranking
from nhsmatch.matcher.vocabulary import Concept

from ..conftest import DEV_QUERIES

AF = "Across our ICB thousands of people with AF are either undiagnosed or not properly anticoagulated."
MPN = "Separately, our haematology clinics are overloaded with stable MPN and CML follow-ups."
MPN_STAFF = "The nurses who run them are leaving."


def condition(name: str) -> Concept:
    return Concept(name, "condition", (name,))


def test_conditions_the_records_name_together_are_related() -> None:
    af, stroke, asthma = condition("atrial fibrillation"), condition("stroke"), condition("asthma")
    setting = Concept("primary care", "setting", ("GP",))
    related = RelatedConditions([[af, stroke, setting], [af, stroke], [af], [asthma, setting], [asthma]])
    assert related.related("atrial fibrillation", "stroke")
    assert related.related("asthma", "asthma")
    assert not related.related("atrial fibrillation", "asthma")  # a setting in common is no relation
    assert not related.related("atrial fibrillation", "a condition no record names")


def test_sentences_are_grouped_through_one_another() -> None:
    links = {(0, 2), (2, 3)}
    assert grouped([0, 1, 2, 3], lambda a, b: (a, b) in links) == [[0, 2, 3], [1]]


def test_a_sentence_belongs_to_the_problem_before_it_and_an_introduction_to_every_one() -> None:
    # 0 introduces; 1 and 3 anchor two problems; 2 follows 1; 4 is background, in no problem.
    assert problems([[1], [3]], [1.0, 1.0, 1.0, 1.0, 0.1], [0] * 5) == [[0, 1, 2], [0, 3]]


def test_a_sentence_in_a_part_belongs_to_that_parts_problem() -> None:
    # "AF … (0). … (1). Separately, our clinics are overloaded (2). Most are stable MPN follow-ups (3)."
    assert problems([[0], [3]], [1.0] * 4, [0, 0, 1, 1]) == [[0, 1], [2, 3]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Separately, our clinics are overloaded.",
        "Separately, the same COPD patients keep coming back through A&E.",  # "the same" ties nothing back
        "On a quite separate note, our clinics are overloaded.",
        "Unrelated to the above, our clinics are overloaded.",
        "We also have another problem: our clinics are overloaded.",
        "Our other big worry is that clinics are overloaded.",
        "Quite apart from this, our clinics are overloaded.",
        "Changing the subject, our clinics are overloaded.",
        "A second, unconnected request: our clinics are overloaded.",
        "Problem 2: our clinics are overloaded.",
    ],
)
def test_words_that_open_a_new_problem(sentence: str) -> None:
    assert opens_new_problem(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our clinics are overloaded.",
        "Also, our clinics are overloaded.",  # "also" goes on with the same problem as often
        "On top of that, our clinics are overloaded.",
        "Another issue with this pathway is that clinics are overloaded.",  # tied back to it
        "The second issue within this is that clinics are overloaded.",
        "One other thing on this - clinics are overloaded.",
        "A separate but related problem is that clinics are overloaded.",
        "A different angle on the same problem: clinics are overloaded.",
        "The knock-on effect is another problem: clinics are overloaded.",
        "Patients with both conditions are seen separately by two teams.",  # separately as care, not text
        "Patients are turning to A&E when clinics are overloaded.",
    ],
)
def test_words_that_go_on_with_the_same_problem(sentence: str) -> None:
    assert not opens_new_problem(sentence)


def test_a_part_that_names_no_condition_is_anchored_by_its_first_sentence_about_the_problem() -> None:
    sentences = ["AF is missed.", "Beds are full.", "Separately, we need help.", "Scans wait.", "Staff leave."]
    part = parts(sentences)
    assert part == [0, 0, 1, 1, 1]
    conditions = [{"atrial fibrillation"}, set(), set(), set(), set()]
    weights = [1.0, 1.0, 1.0, 1.0, 1.0]
    assert anchors(conditions, weights, [0] * 5) == [0]  # in one part, only a condition anchors
    assert anchors(conditions, weights, part) == [0, 1, 2, 3, 4]
    # Read alone, "Separately, we need help." is about no problem: the part's first that is anchors it,
    assert openings([0, 1, 2, 3, 4], [0.9, 0.9, 0.1, 0.8, 0.9], conditions, part) == [0, 3]
    # or, when none is, the one that reads most so; in one part, only a condition that reads so anchors.
    assert openings([0, 1, 2, 3, 4], [0.9, 0.9, 0.1, 0.3, 0.2], conditions, part) == [0, 3]
    assert openings([0], [0.3], conditions, [0] * 5) == []


def test_two_unrelated_problems_are_each_searched_and_shown_in_turn(full_matcher: Matcher) -> None:
    result = full_matcher.match(f"{AF} {MPN} {MPN_STAFF}", limit=6)
    assert result.separate_problems == [AF, f"{MPN} {MPN_STAFF}"]
    af_alone = [p.record.id for p in full_matcher.match(AF, limit=3).precedents]
    mpn_alone = [p.record.id for p in full_matcher.match(f"{MPN} {MPN_STAFF}", limit=3).precedents]
    assert [p.record.id for p in result.precedents] == [
        x for pair in zip(af_alone, mpn_alone, strict=True) for x in pair
    ]
    assert [p.for_problem for p in result.precedents] == [0, 1] * 3  # each names the problem it answers
    partners = {p.name for p in result.partners}
    assert "Novartis" in partners and partners & {"Bayer", "Pfizer"}  # MPN's sponsor, and AF's
    # Read as one text, the AF problem, with more records like it, fills the list.
    whole = full_matcher.with_ranking(Ranking(separate_problems=False)).match(f"{AF} {MPN} {MPN_STAFF}", limit=6)
    assert whole.separate_problems == []
    assert not {p.record.id for p in whole.precedents} & set(mpn_alone)
    assert {p.for_problem for p in whole.precedents} == {None}


def test_an_introduction_is_searched_with_every_problem_but_not_shown_as_one(full_matcher: Matcher) -> None:
    intro = "Two problems keep coming up at our board."
    af, skin = (
        "First, people with atrial fibrillation are not anticoagulated.",
        "Second, dermatology waits are over a year.",
    )
    assert full_matcher.match(f"{intro} {af} {skin}", limit=2).separate_problems == [af, skin]


def test_related_conditions_or_facets_of_one_problem_are_one_problem(full_matcher: Matcher) -> None:
    for challenge in [
        "Too many people with AF are not anticoagulated. As a result we see strokes that could have been prevented.",
        "Heart failure is diagnosed late, on emergency admission. Our community nurses are stretched.",
        "Many of our patients with diabetes have not had a urine ACR test. Early kidney disease is being missed.",
    ]:
        assert full_matcher.match(challenge, limit=1).separate_problems == [], challenge


def test_a_writer_who_says_a_new_problem_begins_has_each_searched_alone(full_matcher: Matcher) -> None:
    beds = "Our acute beds are full all year round and patients wait on trolleys in corridors."
    scans = "Our radiology equipment is old and patients wait weeks for a scan."
    # Neither names a condition: read as one problem unless the writer says where the second begins.
    assert full_matcher.match(f"{beds} {scans}", limit=1).separate_problems == []
    marked = f"On a different note, {scans[0].lower()}{scans[1:]}"
    result = full_matcher.match(f"{beds} {marked}", limit=4)
    assert result.separate_problems == [beds, marked]
    assert [p.for_problem for p in result.precedents] == [0, 1, 0, 1]
    # The writer's word outweighs conditions the records name together (two cancer services).
    screening = "Uptake of breast screening is low in our most deprived wards."
    skin = "Skin cancer referrals have doubled and dermatology cannot keep up."
    assert full_matcher.match(f"{screening} {skin}", limit=1).separate_problems == []
    assert full_matcher.match(f"{screening} Separately, {skin[0].lower()}{skin[1:]}", limit=1).separate_problems


def test_two_problems_typed_in_one_sentence_are_each_searched_alone(full_matcher: Matcher) -> None:
    af = "Too many of our patients with atrial fibrillation are not anticoagulated"
    dental = "and separately children wait over a year for dental extractions under general anaesthetic."
    result = full_matcher.match(f"{af}, {dental}", limit=4)
    assert result.separate_problems == [af, dental]
    assert result.no_strong_precedent_for == [1]


def test_a_problem_with_no_strong_precedent_is_named_when_another_has_one(full_matcher: Matcher) -> None:
    dental = "Separately, children wait over a year for dental extractions under general anaesthetic."
    result = full_matcher.match(f"{AF} {dental}", limit=4)
    assert [p.match for p in result.precedents] == ["strong", "weak"] * 2
    assert result.no_strong_precedent_for == [1] and not result.no_strong_precedent
    assert full_matcher.match(f"{AF} {MPN}", limit=2).no_strong_precedent_for == []
    alone = full_matcher.match(dental[len("Separately, ") :], limit=2)  # one problem: said by no_strong_precedent
    assert alone.no_strong_precedent and alone.no_strong_precedent_for == []


def test_words_that_set_apart_what_has_the_same_closest_records_are_one_problem(full_matcher: Matcher) -> None:
    challenge = (
        "Too many people with heart failure are diagnosed only when admitted as an emergency. "
        "Another problem we have: patients with breathlessness wait months for an echocardiogram."
    )
    assert full_matcher.match(challenge, limit=1).separate_problems == []


def test_no_dev_challenge_is_read_as_separate_problems(full_matcher: Matcher) -> None:
    assert [q for q in DEV_QUERIES if full_matcher.match(q, limit=1).separate_problems] == []


def test_background_that_names_a_service_is_no_problem_of_its_own(full_matcher: Matcher) -> None:
    background = "From over forty clinics, the community trust delivers district nursing, podiatry and physiotherapy."
    challenge = f"Over a thousand adults with type 1 diabetes here need a hybrid closed loop system. {background}"
    assert full_matcher.match(challenge, limit=1).separate_problems == []
