import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nhsmatch.corpus import DEFAULT_CORPUS_PATH, DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.asides import set_aside


@pytest.mark.parametrize(
    ("challenge", "searched", "dismissed"),
    [
        (
            "Our diabetes outcomes are fine. The problem is people waiting a year for hip replacements.",
            "The problem is people waiting a year for hip replacements.",
            ["Our diabetes outcomes are fine."],
        ),
        (
            "We are not looking for anything about diabetes; our problem is long waits for knee operations",
            "our problem is long waits for knee operations",
            ["We are not looking for anything about diabetes"],
        ),
        (
            "Staffing isn't the problem - patients arrive late while the wards are full",
            "patients arrive late while the wards are full",
            ["Staffing isn't the problem"],
        ),
        (
            "Rural patients wait weeks for an appointment, but GP access in the towns is fine.",
            "Rural patients wait weeks for an appointment",
            ["but GP access in the towns is fine."],
        ),
        (
            "We're happy with our diabetes care. Falls at night are the problem.",
            "Falls at night are the problem.",
            ["We're happy with our diabetes care."],
        ),
        (
            "We have no concerns about COPD; care home residents fall at night.",
            "care home residents fall at night.",
            ["We have no concerns about COPD"],
        ),
        (
            "Please ignore the AF audit. Care home residents fall at night.",
            "Care home residents fall at night.",
            ["Please ignore the AF audit."],
        ),
        # Asked to be left out of the results, or out of the question's scope.
        (
            "Please don't return projects on online consultations. Our frail patients fall at night.",
            "Our frail patients fall at night.",
            ["Please don't return projects on online consultations."],
        ),
        (
            "The virtual ward is outside the scope of this search; care home residents fall at night.",
            "care home residents fall at night.",
            ["The virtual ward is outside the scope of this search"],
        ),
        (
            "pulmonary rehab waits are short, not relevant. COPD patients are readmitted within a month",
            "COPD patients are readmitted within a month",
            ["pulmonary rehab waits are short, not relevant."],
        ),
        (
            "Smoking cessation can be excluded. Asthma reviews are months overdue.",
            "Asthma reviews are months overdue.",
            ["Smoking cessation can be excluded."],
        ),
    ],
)
def test_a_clause_that_dismisses_its_topic_is_set_aside(challenge: str, searched: str, dismissed: list[str]) -> None:
    assert set_aside(challenge) == (searched, dismissed)


@pytest.mark.parametrize(
    "challenge",
    [
        "Patients with AF are not anticoagulated, and we have no way of knowing who is going downhill.",
        "We don't want people to travel 50 miles, rather than being seen in their own practice.",
        "Getting blood pressure under control is hard when most patients are not seen for a year.",
        "Diabetes care is fine.",  # all of it dismissive: searched whole rather than not at all
        "Patients are not happy with the wait, and staff would be happy with a shared record.",  # wanted
        "Clinicians ignore the alerts because there are too many.",
        # What a service leaves out, or what does not fit, is the problem, not a request to the search.
        "Our eligibility criteria exclude people with dementia, so they never get rehab.",
        "Practices can exclude patients from the register, and many frail patients are excepted.",
        "Patients get leaflets that are not relevant to them, and the data we get is not relevant.",
        "Waits are not within the 18-week standard, and people living outside this area cannot be seen.",
        "GPs don't include them on the register, and patients don't go there because of the buses.",
        "Community pharmacy is not part of our pathway yet; staff leave them out of the handover.",
        "It's not all good news: patients don't worry about their blood pressure until it is too late.",
        "Flow is the main issue. Plans are in hand to redevelop the front entrance.",  # "in hand to": under way
    ],
)
def test_negations_that_describe_the_problem_are_searched(challenge: str) -> None:
    assert set_aside(challenge) == (challenge, [])


def test_bullet_points_stay_apart_once_one_is_set_aside() -> None:
    searched, dismissed = set_aside("- Beds are full\n- AF care is in hand\n- Staff are short")
    assert searched == "Beds are full\n- \n- Staff are short" and dismissed == ["AF care is in hand"]


def test_no_record_or_dev_challenge_reads_as_a_dismissal() -> None:
    """The bundled texts describe problems and what was done: none of them loses a clause (the list
    is that narrow)."""
    texts = [json.loads(line)["query"] for line in DEFAULT_DEV_QUERIES_PATH.read_text(encoding="utf-8").splitlines()]
    for line in DEFAULT_CORPUS_PATH.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts += [record["challenge"], record["intervention"], *record["outcomes"]]
    assert [text for text in texts if set_aside(text)[1]] == []


DISMISSALS_AND_PROBLEMS = st.sampled_from(
    ["AF is fine", "Beds are full", "we are not looking for apps", "staff are short", "it's not about money", "!!!"]
)


@given(
    st.lists(st.tuples(DISMISSALS_AND_PROBLEMS, st.sampled_from([". ", "; ", " - ", ", but ", "\n- ", "\n\n", " "])))
)
def test_what_is_searched_always_has_words_when_the_challenge_has(parts: list[tuple[str, str]]) -> None:
    text = "".join(clause + separator for clause, separator in parts)
    searched, dismissed = set_aside(text)
    assert all(clause in text for clause in dismissed)
    if any(character.isalnum() for character in text):
        assert any(character.isalnum() for character in searched)
    if dismissed:
        assert len(searched) < len(text)
