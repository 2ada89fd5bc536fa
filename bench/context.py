"""What background about the asker costs: `python -m bench.context` (about two minutes).

Leaders often open with their organisation ("Our ICS serves 1.4 million people ...") before the
problem. This adds background, written for the check, to each answerable dev challenge and prints
nDCG@10 against the challenges as written (the baseline, in the same run), for the shipped ranking
(which leans towards a challenge's most specific sentences, read in the model's one pass over the
whole: matcher/focus.py, and counts sentences about the asker less: matcher/background.py), the
same without telling background apart, with each sentence encoded alone, with no focus, and its
two halves:
- one of three sentences before or after (the focus's weights were chosen on these);
- a paragraph of ten background sentences (about 1,400 characters) before or after;
- held out: 1-3 of 15 other sentences, drawn at random for each challenge and put before or after,
  averaged over 5 seeded draws (the focus's weights were checked on these, never chosen); the same
  typed all in lower case, as into a search box, and as bullet points with no full stops, as pasted
  from a briefing (its sentences must still be told apart).
- blind: the same draws from 30 sentences written by a helper session that saw nothing of the
  project (`background.py`'s example sentences were written from a brief that named some of this
  bench's kinds of background, and the few near copies of its sentences were taken out of them).
A challenge typed as a search phrase, with no full stop (10 of the 50), gets one when background
follows it, as a person writing on would add it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from statistics import fmean

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries, ndcg_at
from nhsmatch.matcher.search import Matcher, Ranking

BACKGROUND = {
    "the system": (
        "Our integrated care system serves around 1.4 million people across four places, with three acute "
        "trusts, a combined community and mental health trust, 31 primary care networks and an active "
        "voluntary sector."
    ),
    "money": (
        "Like every system, we have a financial gap to close this year and next, and our boards have agreed "
        "that new work must show a clear return within two years."
    ),
    "plain": (
        "We are a large organisation serving around a million people across a wide area, and we would like "
        "to learn from others who have faced this before."
    ),
}
PARAGRAPH = " ".join(
    [
        BACKGROUND["the system"],
        "The joint forward plan sets out our ambition to improve population health, tackle inequalities in "
        "outcomes and access, and make the best use of the money we have.",
        BACKGROUND["money"],
        "Our clinical leaders have reviewed the evidence and spoken with patients and carers through our "
        "engagement programme, and the priorities they chose reflect what matters most to our communities.",
        "We have a shared care record across the system and a population health team who can help with "
        "analysis, but limited capacity to design and run new services ourselves.",
        "We are open to working with industry where there is a clear benefit to patients and the NHS, and we "
        "follow the ABPI code and our own conflicts of interest policy.",
        "Our estates are old and space in our hospitals is tight.",
        "Staff turnover has been high since the pandemic and morale is fragile in some teams, although our "
        "recent staff survey showed improvements.",
        "We would like to learn from other systems that have faced similar problems before we go out to procurement.",
        "The problem we most want to solve is set out here.",
    ]
)
HELD_OUT = [
    "I am the programme director for a primary care network of eight practices in the north of the county.",
    "Our ICB was formed in 2022 from three CCGs and now commissions services for 900,000 residents.",
    "We are a teaching hospital trust with two main sites and around 12,000 staff.",
    "Our board has set digital transformation and partnership working as priorities for the next three years.",
    "We would welcome ideas from industry partners who have worked with the NHS before.",
    "The trust has a good track record of innovation and was rated good by the CQC last year.",
    "Our PCN covers 60,000 patients in a mix of market towns and villages.",
    "We are keen to hear from any organisation that could help us.",
    "The ICS has four place-based partnerships and a provider collaborative for mental health.",
    "Our community trust provides services across two counties and employs 5,000 people.",
    "This is one of the priorities in our joint forward plan.",
    "We have some non-recurrent funding available this financial year.",
    "Our system is in the second year of a recovery plan agreed with NHS England.",
    "We have strong relationships with our local authorities and universities.",
    "Any project would need sign-off from our executive team and the ICB's finance committee.",
]
# Written by a helper session that saw nothing of this project (not the dev set, this bench or the
# example sentences the ranking's classifier of sentences learns from, matcher/background.py):
# never used to choose anything, only to check.
BLIND = [
    (
        "I'm the Director of Strategy at a mid-sized integrated care board covering around 1.1 million people"
        " across three local authority areas."
    ),
    "Our trust was formed in 2017 from the merger of two district general hospitals and a community services provider.",
    "we're a PCN of six practices, about 58k patients, mostly semi-rural",
    (
        "The ICB Board approved its five-year Joint Forward Plan in June, with prevention and tackling health"
        " inequalities as the two headline priorities."
    ),
    (
        "Alongside general acute services for roughly 600,000 residents, the trust runs the regional stroke "
        "unit and a busy maternity service."
    ),
    "For context, I'm a GP partner and the clinical director for our primary care network.",
    (
        "We are a small hospice charity with 16 inpatient beds and a community palliative care team covering "
        "two market towns."
    ),
    (
        "The ambulance service covers a largely rural footprint of over 10,000 square miles, with four "
        "emergency operations centres."
    ),
    (
        "Like most systems, we are operating under a significant financial recovery plan this year and every "
        "new initiative needs a clear return."
    ),
    (
        "We moved onto a single shared EPR across all acute sites eighteen months ago, and primary care is "
        "mostly on SystmOne."
    ),
    (
        "quick bit of background - i lead the council's public health team, which commissions our sexual "
        "health and drug and alcohol services"
    ),
    (
        "Governance sits with the place-based partnership board, which reports into the ICB's quality and "
        "performance committee."
    ),
    (
        "We'd favour partners who have worked with NHS organisations of a similar scale and can show evidence"
        " of sustained impact rather than pilot results."
    ),
    "Ideally we'd like to speak to someone who has actually implemented this, not just written about it.",
    (
        "The mental health trust I work for provides inpatient, community and specialist services, including "
        "CAMHS and perinatal mental health, across the whole county."
    ),
    "Any pointers gratefully received — thanks in advance.",
    "The practice has 14,000 registered patients, eight partners, and is a training practice for GP registrars.",
    (
        "We have a long-standing and generally constructive relationship with the local authority, including "
        "a pooled Better Care Fund."
    ),
    (
        "Headcount is around 9,500 staff, and vacancy rates have come down over the past year thanks to "
        "international recruitment."
    ),
    "What we really want to understand is what worked elsewhere, what didn't, and roughly what it cost.",
    (
        "I'm writing on behalf of the elective recovery programme board, which brings together the four acute"
        " providers in our ICS."
    ),
    "we're a teaching hospital with a major trauma centre and the regional renal and cardiothoracic services",
    "The population is older than the national average, and coastal towns make up a large part of our geography.",
    (
        "From over forty clinics, the community trust delivers district nursing, podiatry and musculoskeletal"
        " physiotherapy."
    ),
    (
        "The board's current strategic priorities are digital maturity, reducing agency spend, and improving "
        "staff retention."
    ),
    "Any recommendations will go to our executive management team for a decision in the autumn, so timing matters.",
    (
        "As a dermatologist who also chairs the trust's clinical effectiveness group, I'm used to weighing "
        "evidence but less so comparing service models."
    ),
    "hi all, salaried gp here - our surgery is a dispensing practice out in the fens so we run our own pharmacy too",
    (
        "We're part of a provider collaborative with two neighbouring trusts, sharing a joint diabetes and "
        "endocrinology network."
    ),
    (
        "Section 2 of this paper sets out the organisational context: the ICB was established on 1 July 2022 "
        "under the Health and Care Act."
    ),
]
DRAWS = 5
RANKINGS = {
    "shipped": Ranking(),
    "background not told apart": Ranking(tell_background_apart=False),
    "focus, one by one": Ranking(focus_alone_above_chars=0),
    "focus, none": Ranking(focus=False),
    "dense-only": Ranking(mode="dense", company_penalty=0),
    "bm25-only": Ranking(mode="lexical", company_penalty=0),
}
Rewrite = Callable[[JudgedQuery], str]


def mean_ndcg(matcher: Matcher, queries: list[JudgedQuery], rewrite: Rewrite) -> float:
    return fmean(
        ndcg_at([p.record.id for p in matcher.match(rewrite(q), limit=10).precedents], q.judgments) for q in queries
    )


def as_sentence(challenge: str) -> str:
    """A challenge typed as a search phrase ends with a full stop once a person writes on after it."""
    return challenge if challenge.endswith((".", "!", "?")) else f"{challenge}."


def around(background: str) -> dict[str, Rewrite]:
    return {"before": lambda q: f"{background} {q.query}", "after": lambda q: f"{as_sentence(q.query)} {background}"}


def held_out_draw(
    queries: list[JudgedQuery], seed: int, *, as_list: bool = False, sentences: list[str] = HELD_OUT
) -> Rewrite:
    """Background drawn from `sentences` for each challenge; `as_list`: each sentence, and the
    challenge, a bullet point with no full stop, as pasted from a briefing."""
    rng = random.Random(seed)
    drawn = {q.qid: (rng.sample(sentences, rng.randint(1, 3)), rng.random() < 0.5) for q in queries}

    def rewrite(q: JudgedQuery) -> str:
        background, before = drawn[q.qid]
        parts = [*background, q.query] if before else [as_sentence(q.query), *background]
        return "\n".join(f"- {part.rstrip('.')}" for part in parts) if as_list else " ".join(parts)

    return rewrite


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    base = load_configured_matcher()
    columns: dict[str, Rewrite] = {"as written": lambda q: q.query}
    for name, background in [*BACKGROUND.items(), ("paragraph", PARAGRAPH)]:
        columns |= {f"{name} {where}": rewrite for where, rewrite in around(background).items()}
    draws = [held_out_draw(queries, seed) for seed in range(DRAWS)]
    held_out: dict[str, list[Rewrite]] = {
        "held out": draws,
        "held out, lower": [lambda q, draw=draw: draw(q).lower() for draw in draws],
        "held out, as list": [held_out_draw(queries, seed, as_list=True) for seed in range(DRAWS)],
        "blind": [held_out_draw(queries, seed, sentences=BLIND) for seed in range(DRAWS)],
    }
    print(f"nDCG@10 over {len(queries)} answerable dev challenges, background added")
    print(f"{'ranking':18}" + "".join(f"{c:>19}" for c in [*columns, *held_out]))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        row = [mean_ndcg(matcher, queries, rewrite) for rewrite in columns.values()]
        row += [fmean(mean_ndcg(matcher, queries, draw) for draw in rewrites) for rewrites in held_out.values()]
        print(f"{label:18}" + "".join(f"{value:>19.3f}" for value in row))


if __name__ == "__main__":
    main()
