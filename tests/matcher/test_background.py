from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nhsmatch.corpus import load_challenge_sentences
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.background import (
    CONCEPT_WEIGHT,
    FULL_WEIGHT_AT,
    ProblemSentences,
    intended,
    is_question,
)
from nhsmatch.matcher.errors import CorpusError
from nhsmatch.matcher.models import Precedent
from nhsmatch.matcher.search import Matcher, Ranking

# Not among the examples the classifier is fitted on (corpus/data/challenge_sentences.json).
ABOUT_THE_ASKER = [
    "We are a teaching hospital trust with two main sites and 9,000 staff.",
    "thanks in advance",
    "Our integrated care system serves 1.2 million people, with three acute trusts and a combined community "
    "and mental health trust.",
]
ABOUT_THE_PROBLEM = [
    "Too many people with COPD are admitted every winter.",
    "echo waits are 30 weeks",
    "Too many people with atrial fibrillation are not on anticoagulants.",
]
TOPICAL_QUESTION = "has anyone used pulmonary rehab to cut readmissions"
GENERIC_ASK = "Any contacts we could speak to?"


def test_the_examples_are_not_the_sentences_checked_here() -> None:
    examples = load_challenge_sentences()
    checked = {*ABOUT_THE_ASKER, *ABOUT_THE_PROBLEM, TOPICAL_QUESTION, GENERIC_ASK}
    assert not checked & {*examples.about_the_asker, *examples.about_the_problem}


def test_the_index_classifier_tells_sentences_about_the_asker_from_the_problem(full_matcher: Matcher) -> None:
    chances = full_matcher.corpus.problem_sentences.chances(full_matcher.embedder.encode(ABOUT_THE_ASKER))
    assert (chances < 0.2).all()
    chances = full_matcher.corpus.problem_sentences.chances(full_matcher.embedder.encode(ABOUT_THE_PROBLEM))
    assert (chances > 0.5).all()


def test_weights_count_problem_sentences_in_full_and_background_far_less(full_matcher: Matcher) -> None:
    classifier = full_matcher.corpus.problem_sentences
    question = "How did other trusts get patients home sooner?"
    vectors = full_matcher.embedder.encode([ABOUT_THE_ASKER[0], ABOUT_THE_PROBLEM[0], question])
    background, problem, asked = classifier.weights(vectors)
    assert problem == 1.0 and background < 0.2
    assert asked > 0.5  # a question that names what it asks about keeps most of its weight
    # A challenge all about the asker still counts its likeliest sentence in full.
    only_background = classifier.weights(full_matcher.embedder.encode(ABOUT_THE_ASKER))
    assert (
        only_background.max() == 1.0
        and classifier.chances(full_matcher.embedder.encode(ABOUT_THE_ASKER)).max() < FULL_WEIGHT_AT
    )


def test_a_question_that_names_its_topic_is_the_problem_and_a_bare_ask_is_background(full_matcher: Matcher) -> None:
    problem = ABOUT_THE_PROBLEM[0]
    assert full_matcher.embed_as_read(f"{problem} {TOPICAL_QUESTION}").sentence_weights == (1.0, 1.0)
    weights = full_matcher.embed_as_read(f"{problem} {GENERIC_ASK}").sentence_weights
    assert weights[0] == 1.0 and weights[1] < CONCEPT_WEIGHT


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("Has anyone used NT-proBNP testing in primary care?", True),
        ("any examples of point of care CRP testing in GP surgeries", True),  # typed without its mark
        ("how did other PCNs handle hypertension case finding", True),
        ("Is there a published evaluation I could read", True),
        ("Our PCN covers 60,000 patients in a mix of market towns and villages.", False),
        ("Looking for examples of virtual wards.", False),  # a request, left to the classifier
    ],
)
def test_a_question_is_told_by_its_mark_or_its_opening(sentence: str, question: bool) -> None:
    assert is_question(sentence) is question


def test_a_follow_up_question_that_names_an_approach_counts_as_the_problem(full_matcher: Matcher) -> None:
    """After a problem, a question read less the whole challenge looks like a generic ask to the
    classifier (background.py); naming an approach, it asks about the problem."""
    problem = "Too many heart failure patients are diagnosed only when admitted as emergencies."
    question = "Has anyone used NT-proBNP testing in primary care?"
    challenge = f"{problem} {question}"
    classifier_only = full_matcher.with_ranking(Ranking(topical_questions=False))
    assert classifier_only.match(challenge, limit=1).read_as_background == [question]
    assert classifier_only.embed_as_read(challenge).sentence_weights[1] < CONCEPT_WEIGHT
    shipped = full_matcher.match(challenge, limit=10)
    assert shipped.read_as_background == []
    assert full_matcher.embed_as_read(challenge).sentence_weights[1] >= CONCEPT_WEIGHT
    assert "same setting: primary care" in {c for p in shipped.precedents for c in p.shared_concepts}
    # A generic ask after the same problem is still background, even one that names data.
    for ask in ["How much did it cost?", "Who held the data and was there a data sharing agreement in place?"]:
        assert full_matcher.match(f"{problem} {ask}", limit=1).read_as_background == [ask]


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("We want to try remote monitoring or acoustic sensors.", " try remote monitoring or acoustic sensors."),
        ("The board is minded to commission a digital weight service", " commission a digital weight service"),
        ("keen to explore point-of-care testing", " explore point-of-care testing"),
        ("Our plan is to embed a tobacco adviser in clinics.", " to embed a tobacco adviser in clinics."),
        # Its subject is not what is intended.
        ("Our digital lead would like a quick chat with their supplier.", " quick chat with their supplier."),
        ("The trust also plans to join a pathology network next year.", None),  # reorganising itself
        ("We're also planning to move the respiratory team into the new hub.", None),
        ("Our PCN covers 60,000 patients in a mix of market towns and villages.", None),
        ("Looking for examples of virtual wards.", None),  # asks for precedents
        # Put last, what is intended comes first.
        ("A community heart failure clinic is what we're after.", "A community heart failure clinic"),
        (
            "Nurse-led spirometry in practices, with a hub for complex cases, is our current thinking.",
            "Nurse-led spirometry in practices, with a hub for complex cases",
        ),
        ("Merging the two stroke units is what the board intends.", None),  # reorganising itself
        ("Heart failure is what we see most in frail patients.", None),  # no intent
        ("Our preferred option is a virtual ward.", " a virtual ward."),
    ],
)
def test_an_intent_is_told_by_its_opening_and_what_is_intended_follows_it(sentence: str, what: str | None) -> None:
    assert intended(sentence) == what


def test_a_stated_intent_that_names_an_approach_counts_as_the_problem(full_matcher: Matcher) -> None:
    """Read less the whole challenge, an intent after the problem looks like background to the
    classifier, as a follow-up question does."""
    problem = (
        "Our frail elderly patients in care homes keep getting admitted to hospital after falls at night; the"
        " ambulance service is overwhelmed."
    )
    intent = "We want to try remote monitoring or acoustic sensors."
    challenge = f"{problem} {intent}"
    classifier_only = full_matcher.with_ranking(Ranking(topical_intentions=False))
    assert classifier_only.match(challenge, limit=1).read_as_background == [intent]
    assert full_matcher.match(challenge, limit=1).read_as_background == []
    assert full_matcher.embed_as_read(challenge).sentence_weights[1] == CONCEPT_WEIGHT
    # Plans that name a topic only in their subject, or reorganise the asker, stay background.
    for plan in [
        "Our digital lead would like a quick chat with their supplier.",
        "The trust also plans to move the community respiratory team into the new hub.",
    ]:
        assert full_matcher.match(f"{problem} {plan}", limit=1).read_as_background == [plan]


def test_concepts_named_only_by_background_are_not_shared(full_matcher: Matcher) -> None:
    challenge = f"{ABOUT_THE_ASKER[2]} {ABOUT_THE_PROBLEM[2]}"
    told_apart = full_matcher.match(challenge, limit=5).precedents
    read_alike = full_matcher.with_ranking(Ranking(tell_background_apart=False)).match(challenge, limit=5).precedents
    background = {
        "same setting: integrated care system",
        "same setting: hospital care",
        "same condition: mental health",
    }
    assert not {c for p in told_apart for c in p.shared_concepts} & background
    assert {c for p in read_alike for c in p.shared_concepts} & background
    assert all("same condition: atrial fibrillation" in p.shared_concepts for p in told_apart)


def test_the_result_names_the_sentences_read_as_about_the_asker(full_matcher: Matcher) -> None:
    challenge = f"{ABOUT_THE_ASKER[0]} {ABOUT_THE_PROBLEM[0]} How did other trusts get patients home sooner?"
    assert full_matcher.match(challenge, limit=1).read_as_background == [ABOUT_THE_ASKER[0]]
    # One sentence, or none about the asker: nothing to name.
    assert full_matcher.match(ABOUT_THE_PROBLEM[0], limit=1).read_as_background == []
    assert full_matcher.match(" ".join(ABOUT_THE_PROBLEM), limit=1).read_as_background == []
    told_alike = full_matcher.with_ranking(Ranking(tell_background_apart=False)).match(challenge, limit=1)
    assert told_alike.read_as_background == []


def test_a_paragraph_about_the_asker_no_longer_buries_the_problem(full_matcher: Matcher) -> None:
    background = [ABOUT_THE_ASKER[0], ABOUT_THE_ASKER[2], "We have a deficit and morale is fragile."]
    challenge = " ".join([*background, "Our diabetic patients miss their foot checks."])
    # Compared before the feedback step, which now finds its way back to diabetes either way: read
    # alike, the first pass's best is no diabetes work, and it is about another condition, so not fed back.
    first_pass = Ranking(feedback_depth=0)
    told_apart = full_matcher.with_ranking(first_pass).match(challenge, limit=5).precedents
    read_alike = full_matcher.with_ranking(replace(first_pass, tell_background_apart=False)).match(challenge, limit=5)

    def about_diabetes(precedents: list[Precedent]) -> int:
        return sum("same condition: diabetes" in p.shared_concepts for p in precedents)

    assert about_diabetes(told_apart) == 5 and about_diabetes(read_alike.precedents) < 5
    assert about_diabetes(full_matcher.match(challenge, limit=5).precedents) == 5


def test_background_keeps_no_share_of_the_whole_challenges_vector(full_matcher: Matcher) -> None:
    """The whole's share of the vector (focus.py) is read without the background, or it would bring
    back in full what the sentences' weights took out."""
    problem = "Our diabetic patients miss their foot checks."
    challenge = " ".join([ABOUT_THE_ASKER[0], ABOUT_THE_ASKER[2], problem])
    alone = full_matcher.encode_challenge(problem)
    as_read = full_matcher.with_ranking(Ranking(focus_whole_share=1.0)).encode_challenge(challenge)
    plain = full_matcher.embedder.encode([challenge])[0]
    assert as_read @ alone > plain @ alone + 0.15
    long_challenge = " ".join([*ABOUT_THE_ASKER * 5, problem])
    assert len(long_challenge) > Ranking().focus_alone_above_chars  # its sentences are encoded one by one
    as_read = full_matcher.with_ranking(Ranking(focus_whole_share=1.0)).encode_challenge(long_challenge)
    assert as_read @ alone > full_matcher.embedder.encode([long_challenge])[0] @ alone + 0.15


def test_the_classifier_round_trips_through_its_saved_array(embedder: SentenceTransformerEmbedder) -> None:
    fitted = ProblemSentences.fit(embedder, load_challenge_sentences())
    again = ProblemSentences.from_array(fitted.as_array())
    vectors = embedder.encode(ABOUT_THE_PROBLEM)
    np.testing.assert_allclose(again.chances(vectors), fitted.chances(vectors), rtol=1e-6)
    with pytest.raises(ValueError, match="vector of 2"):
        ProblemSentences.from_array(np.zeros((2, 3), dtype=np.float32))


@pytest.mark.parametrize(
    "content",
    ['{"about_the_asker": ["We are a PCN."]}', '{"about_the_asker": [], "about_the_problem": ["AF"]}', "not json"],
)
def test_challenge_sentences_without_both_kinds_are_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "sentences.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"sentences\.json"):
        load_challenge_sentences(path)


def test_the_bundled_examples_have_both_kinds_in_balance() -> None:
    examples = load_challenge_sentences()
    assert len(examples.about_the_asker) > 200 and len(examples.about_the_problem) > 200
    assert 0.9 < len(examples.about_the_asker) / len(examples.about_the_problem) < 1.1
