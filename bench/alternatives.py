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
sixth, written before the last widening, is the held-out check (README). A seventh (session 44),
40 and 20 questions that name the partner alone and say nothing of what it does ("Any
alternatives to Brainomix?", "Philips NHS case studies please"), was read after rules for such
questions were written and widened from its misses; an eighth (30 and 20), written blind after
that, was held out, then read to widen them again; a ninth (10 and 30), written blind before that,
is held out. For each set, for the shipped ranking and without step 9, prints:
- alternatives: the share read so (the partner in `alternatives_to`), whose first precedent is
  another's, with none of the partner's in the top 5, and without the partner among the first 5
  likely partners;
- theirs: the share wrongly read as asking for alternatives, and whose first precedent is theirs;
and the questions misread. Then, for the seventh and eighth sets' alternatives read so (as each
was read before its widening), how good the others' work shown is: nDCG@5 of others' precedents
against grades a helper session gave blind to the system
(bench/data/alternatives_by_name_judged.jsonl: 2 = comparable work the asker would want, 1 =
related; pooled from the top 5 of the rankings compared, unjudged records count as 0), shipped and
with such a question searched as written rather than as the partner's work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import fmean

from bench.named_partners import theirs
from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.matcher.evaluation import ndcg_at
from nhsmatch.matcher.search import Matcher

QUESTIONS_PATH = Path(__file__).parent / "data" / "alternatives.jsonl"
JUDGED_PATH = Path(__file__).parent / "data" / "alternatives_by_name_judged.jsonl"


@dataclass(frozen=True)
class Question:
    set: str  # "first" to "ninth, by name, held out"
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
    judged = [json.loads(line) for line in JUDGED_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    as_written = base.with_ranking(replace(base.ranking, their_work_as_topic=False))
    for set_name in dict.fromkeys(j["set"] for j in judged):
        chosen = [j for j in judged if j["set"] == set_name]
        print(f"\n{set_name}: others' work shown for {len(chosen)} judged questions naming the partner alone")
        print(f"{'ranking':22}{'nDCG@5':>10}{'first a 2':>12}{'useful of 5':>14}")
        for label, matcher in {"shipped": base, "searched as written": as_written}.items():
            shown = [others_shown(matcher, j["question"], j["partner"]) for j in chosen]
            grades = [[j["judgments"].get(i, 0) for i in ids] for j, ids in zip(chosen, shown, strict=True)]
            ndcg = fmean(ndcg_at(ids, j["judgments"], 5) for j, ids in zip(chosen, shown, strict=True))
            first_wanted = fmean(bool(g) and g[0] == 2 for g in grades)
            useful = fmean(sum(grade >= 1 for grade in g) / 5 for g in grades)
            print(f"{label:22}{ndcg:>10.3f}{first_wanted:>12.0%}{useful:>14.0%}")


def others_shown(matcher: Matcher, question: str, partner: str, depth: int = 5) -> list[str]:
    """The first `depth` precedents shown for the question that are not the partner's."""
    result = matcher.match(question, limit=depth * 4)
    return [p.record.id for p in result.precedents if not theirs(matcher, p, partner)][:depth]


if __name__ == "__main__":
    main()
