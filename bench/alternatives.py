"""Questions that name a partner to ask for others: `python -m bench.alternatives` (about 20 s).

"Apart from Novartis, which companies have supported heart failure services?", "Our Healthy.io
contract ends next year; who else offers something similar?": a leader market-testing a service, or
told to find a second supplier, names the one to look past. Before step 9, such a question put that
partner's work first (step 8) and named it first among the likely partners.

bench/data/alternatives.jsonl holds six sets, each written blind by a helper session told only
what the service is and which partners the corpus has: 30 and then 25 questions each that want
others' work ("alternatives"), and 20 and then 25 each that name a partner and want its own work,
many in the same words ("Has anyone else worked with Doccla?", "What else has Medtronic done?":
"theirs"). The rules of alternatives.py were written from the first set; the second, the third
and then the fifth were checked and the rules widened from their misses (sessions 41 to 43); the
sixth, written before the last widening, is the held-out check (README). For each set, for the
shipped ranking and without step 9, prints:
- alternatives: the share read so (the partner in `alternatives_to`), whose first precedent is
  another's, with none of the partner's in the top 5, and without the partner among the first 5
  likely partners;
- theirs: the share wrongly read as asking for alternatives, and whose first precedent is theirs;
and the questions misread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import fmean

from bench.named_partners import theirs
from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.matcher.search import Matcher

QUESTIONS_PATH = Path(__file__).parent / "data" / "alternatives.jsonl"


@dataclass(frozen=True)
class Question:
    set: str  # "first" to "sixth" (held out)
    kind: str  # "alternatives": wants others' work; "theirs": the partner's own
    partner: str
    question: str


def load_questions(path: Path = QUESTIONS_PATH) -> list[Question]:
    return [Question(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Figures:
    read_as_alternatives: float
    first_is_theirs: float
    none_of_theirs_in_top5: float
    among_first_5_partners: float
    misread: list[str]


def figures(matcher: Matcher, questions: list[Question]) -> Figures:
    """The shares of `questions` (one kind) that each figure counts, and those read as the other kind."""
    read, first, none, partnered, misread = [], [], [], [], []
    for q in questions:
        result = matcher.match(q.question, limit=5)
        key = matcher.names.key(q.partner)
        passed = key in {matcher.names.key(name) for name in result.alternatives_to}
        shown = [theirs(matcher, p, q.partner) for p in result.precedents]
        read.append(passed)
        first.append(shown[0])
        none.append(not any(shown))
        partnered.append(key in {matcher.names.key(p.name) for p in result.partners[:5]})
        if passed != (q.kind == "alternatives"):
            misread.append(q.question)
    return Figures(fmean(read), fmean(first), fmean(none), fmean(partnered), misread)


def main() -> None:
    base = load_configured_matcher()
    rankings = {"shipped": base, "without step 9": base.with_ranking(replace(base.ranking, look_past_partners=False))}
    questions = load_questions()
    for set_name in dict.fromkeys(q.set for q in questions):
        for kind in ("alternatives", "theirs"):
            chosen = [q for q in questions if q.set == set_name and q.kind == kind]
            print(f"\n{set_name}, {kind}: {len(chosen)} questions")
            print(f"{'ranking':18}{'read so':>14}{'first theirs':>14}{'none of 5':>14}{'a partner':>14}")
            for label, matcher in rankings.items():
                f = figures(matcher, chosen)
                print(
                    f"{label:18}{f.read_as_alternatives:>14.0%}{f.first_is_theirs:>14.0%}{f.none_of_theirs_in_top5:>14.0%}"
                    f"{f.among_first_5_partners:>14.0%}"
                )
                if label == "shipped":
                    for question in f.misread:
                        print(f"  misread: {question}")


if __name__ == "__main__":
    main()
