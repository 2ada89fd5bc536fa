"""The dismissal list (matcher/asides.py) against the benches' texts: every challenge they ask
describes a problem and keeps all its clauses, and the dismissals the list was written or widened
with are all set aside."""

from __future__ import annotations

import pytest

from bench import asides, intentions, keywords, new_topics, paraphrase, questions
from nhsmatch.matcher.asides import set_aside

CHALLENGES = [
    *paraphrase.REWRITES.values(),
    *paraphrase.BLIND_REWRITES.values(),
    *paraphrase.BLIND_REWRITES_2.values(),
    *(typed for pair in keywords.TYPED.values() for typed in pair),
    *new_topics.OPEN.values(),
    *new_topics.HELD_OUT.values(),
    *questions.TOPICAL,
    *(challenge for kind in questions.FOLLOW_UPS.values() for challenge in kind),
    *(challenge for kind in intentions.SHAPED_ON.values() for challenge in kind),
    *(challenge for kind in intentions.HELD_OUT.values() for challenge in kind),
]


def test_no_bench_challenge_reads_as_a_dismissal() -> None:
    assert [text for text in CHALLENGES if set_aside(text)[1]] == []


@pytest.mark.parametrize("template", [*asides.DISMISSALS, *asides.WIDENED_WITH])
def test_the_dismissals_the_list_was_written_with_are_set_aside(template: str) -> None:
    for topic in asides.TOPICS:
        sentence = template.format(topic=topic, Topic=topic[0].upper() + topic[1:])
        searched, _ = set_aside(f"{sentence} Care home residents fall at night.")
        assert searched.endswith("Care home residents fall at night.") and topic not in searched, sentence
