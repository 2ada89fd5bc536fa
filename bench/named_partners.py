"""Challenges that name a partner: `python -m bench.named_partners` (about 10 s).

Before choosing a supplier, a leader asks who has used it: "Has anyone worked with Doccla on a
virtual ward?". No dev or new-set challenge names a partner, so `matcher eval` cannot tell whether
such a question is understood. Each question here names one organisation with precedents in the
corpus, and a topic on which it did some of its work, in the words of an NHS manager; written for
this bench before any was ranked. Prints, for the shipped ranking and the same without step 8 (the
bonus 0): the share of questions whose first precedent is the named partner's, the mean number of
its precedents in the top 3 and top 5, and the questions whose first is another's; then how long
finding the names takes, per challenge, over the dev challenges (none names a partner).
"""

from __future__ import annotations

import time
from dataclasses import replace
from statistics import fmean, median

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import load_judged_queries
from nhsmatch.matcher.mentions import PartnerMentions
from nhsmatch.matcher.models import Precedent
from nhsmatch.matcher.search import Matcher

QUESTIONS = {
    "Has anyone worked with Doccla on a virtual ward?": "Doccla",
    "Which trusts have partnered with Philips on radiology?": "Philips",
    "Any examples of joint working with Novartis on lipids in primary care?": "Novartis",
    "We're considering Healthy.io for kidney testing; who has used it and what did it change?": "Healthy.io",
    "Who has used Wysa while people wait for talking therapies?": "Wysa",
    "Has Pfizer funded pharmacists to improve anticoagulation for AF anywhere?": "Pfizer",
    "Looking for trusts that worked with AstraZeneca on asthma or COPD.": "AstraZeneca",
    "What have Teva done with CCGs on inhaler technique?": "Teva",
    "Has any ICB partnered with Oviva on type 2 diabetes remission or weight management?": "Oviva",
    "Examples of Medtronic working with the NHS on heart failure monitoring?": "Medtronic",
    "Who has used Annalise.ai to read chest X-rays?": "Annalise.ai",
    "Did anyone work with GSK on COPD in Wales or Scotland?": "GSK",
    "Have any hospitals used Ufonia's automated calls after cataract surgery?": "Ufonia",
    "Who worked with Macmillan Cancer Support on earlier cancer diagnosis?": "Macmillan Cancer Support",
    "Has the British Red Cross supported discharge from hospital anywhere?": "British Red Cross",
    "Projects with Bayer on eye disease clinics?": "Bayer",
}


def theirs(matcher: Matcher, precedent: Precedent, partner: str) -> bool:
    key = matcher.names.key(partner)
    return any(matcher.names.key(o.name) == key for o in precedent.record.non_nhs_partners)


def figures(matcher: Matcher) -> tuple[float, float, float, list[str]]:
    first, top3, top5, missed = [], [], [], []
    for question, partner in QUESTIONS.items():
        shown = [theirs(matcher, p, partner) for p in matcher.match(question, limit=5).precedents]
        first.append(shown[0])
        top3.append(sum(shown[:3]))
        top5.append(sum(shown))
        if not shown[0]:
            missed.append(question)
    return fmean(first), fmean(top3), fmean(top5), missed


def main() -> None:
    base = load_configured_matcher()
    undetected = [
        q
        for q, partner in QUESTIONS.items()
        if base.names.key(partner) not in map(base.names.key, base.match(q).named_partners)
    ]
    print(f"{len(QUESTIONS)} questions naming a partner; the partner not found in {len(undetected)}: {undetected}")
    print(f"{'ranking':22}{'first is theirs':>18}{'theirs in top 3':>18}{'theirs in top 5':>18}")
    for label, matcher in (
        ("shipped", base),
        ("without step 8", base.with_ranking(replace(base.ranking, named_partner_bonus=0))),
    ):
        first, top3, top5, missed = figures(matcher)
        print(f"{label:22}{first:>18.0%}{top3:>18.2f}{top5:>18.2f}")
        for question in missed:
            print(f"  another's first: {question}")
    challenges = [q.query for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH)]
    mentions = PartnerMentions.of_records(base.names, base.records)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        named = [mentions.named_in(challenge) for challenge in challenges]
        times.append((time.perf_counter() - start) / len(challenges))
    found = sum(map(len, named))
    print(f"finding names: median {median(times) * 1e6:.0f} µs per dev challenge (5 runs); names found: {found}")


if __name__ == "__main__":
    main()
