"""Separate problems in one challenge are searched one at a time (matcher/problems.py)."""

from nhsmatch.matcher.problems import RelatedConditions, grouped, interleaved, problems
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
    assert problems([[1], [3]], [1.0, 1.0, 1.0, 1.0, 0.1]) == [[0, 1, 2], [0, 3]]


def test_lists_are_interleaved_each_item_once() -> None:
    assert interleaved([["a", "b", "c"], ["b", "d"]], key=str, limit=4) == ["a", "b", "d", "c"]
    assert interleaved([["a", "b"], []], key=str, limit=1) == ["a"]


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


def test_no_dev_challenge_is_read_as_separate_problems(full_matcher: Matcher) -> None:
    assert [q for q in DEV_QUERIES if full_matcher.match(q, limit=1).separate_problems] == []


def test_background_that_names_a_service_is_no_problem_of_its_own(full_matcher: Matcher) -> None:
    background = "From over forty clinics, the community trust delivers district nursing, podiatry and physiotherapy."
    challenge = f"Over a thousand adults with type 1 diabetes here need a hybrid closed loop system. {background}"
    assert full_matcher.match(challenge, limit=1).separate_problems == []
