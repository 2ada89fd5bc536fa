"""Challenges that name a partner: `python -m bench.named_partners` (about 10 s).

Before choosing a supplier, a leader asks who has used it: "Has anyone worked with Doccla on a
virtual ward?". No dev or new-set challenge names a partner, so `matcher eval` cannot tell whether
such a question is understood. Each question here names one organisation with precedents in the
corpus, and a topic on which it did some of its work, in the words of an NHS manager; written for
this bench before any was ranked; 16 more (`MORE_QUESTIONS`, session 40) were written to probe
step 8 before its topic rule, naming other partners, some as people shorten them ("Gilead",
"Kheiron"). Prints, for each set, for the shipped ranking, the same with the bonus alone (step 8
before session 40) and without step 8: the share of questions whose first precedent is the named
partner's, the mean number of its precedents in the top 3 and top 5, and the questions whose first
is another's; then how long finding the names takes, per challenge, over the dev challenges (none
names a partner).
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
MORE_QUESTIONS = {
    "Has any trust used Luscii for virtual wards?": "Luscii",
    "Who has worked with Boston Scientific on heart failure?": "Boston Scientific",
    "Has anyone partnered with Kheiron on breast screening?": "Kheiron Medical Technologies",
    "Any trusts worked with Current Health on hospital at home?": "Current Health",
    "Has anyone used Docobo for remote monitoring of frail patients?": "Docobo",
    "Who has worked with Gilead on hepatitis C?": "Gilead Sciences",
    "Any examples of Boehringer Ingelheim working on lung fibrosis?": "Boehringer Ingelheim",
    "Has anyone worked with Lilly on diabetes?": "Lilly",
    "Who has used Skin Analytics for dermatology referrals?": "Skin Analytics",
    "Has anyone partnered with Roche Diagnostics on pathology?": "Roche Diagnostics",
    "Any examples of Sanofi supporting diabetes care?": "Sanofi",
    "Has the Stroke Association worked with the NHS on support for stroke survivors?": "Stroke Association",
    "Who has worked with Microsoft on virtual consultations?": "Microsoft",
    "Has Insulet helped anyone roll out closed loop?": "Insulet",
    "Who worked with Qure.ai on chest X-rays?": "Qure.ai",
    "Has anyone used Oxehealth's Oxevision on mental health wards?": "Oxehealth",
}


def theirs(matcher: Matcher, precedent: Precedent, partner: str) -> bool:
    key = matcher.names.key(partner)
    return any(matcher.names.key(o.name) == key for o in precedent.record.non_nhs_partners)


def figures(matcher: Matcher, questions: dict[str, str] = QUESTIONS) -> tuple[float, float, float, list[str]]:
    first, top3, top5, missed = [], [], [], []
    for question, partner in questions.items():
        shown = [theirs(matcher, p, partner) for p in matcher.match(question, limit=5).precedents]
        first.append(shown[0])
        top3.append(sum(shown[:3]))
        top5.append(sum(shown))
        if not shown[0]:
            missed.append(question)
    return fmean(first), fmean(top3), fmean(top5), missed


def main() -> None:
    base = load_configured_matcher()
    rankings = {
        "shipped": base,
        "bonus alone (before)": base.with_ranking(replace(base.ranking, named_partner_topic_first=False)),
        "without step 8": base.with_ranking(
            replace(base.ranking, named_partner_bonus=0, named_partner_topic_first=False)
        ),
    }
    for title, questions in (("questions", QUESTIONS), ("more questions (session 40)", MORE_QUESTIONS)):
        undetected = [
            q
            for q, partner in questions.items()
            if base.names.key(partner) not in map(base.names.key, base.match(q).named_partners)
        ]
        print(f"{len(questions)} {title} naming a partner; the partner not found in {len(undetected)}: {undetected}")
        print(f"{'ranking':22}{'first is theirs':>18}{'theirs in top 3':>18}{'theirs in top 5':>18}")
        for label, matcher in rankings.items():
            first, top3, top5, missed = figures(matcher, questions)
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
