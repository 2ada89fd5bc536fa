"""Questions and asks in a challenge: `python -m bench.questions` (about 15 s).

People often end a challenge with a question, or write one in the middle of it. Some name what they
ask about ("Has anyone used remote monitoring for COPD patients after discharge to cut
readmissions?"), and belong to the problem; others name nothing ("how much did it cost"), and are
background to it, as the sentences about the asker are (matcher/background.py). A helper session
that saw nothing of the project wrote the 50 of each kind below; they are never used to choose
anything, only to check (the classifier's own example questions were written by another one, and
any within cosine 0.7 of these were taken out of them).

Prints, per ranking:
- each kind put after 3 answerable dev challenges: the share of topical questions that count as the
  problem (weight at least CONCEPT_WEIGHT, so not listed in `read_as_background`), and of generic
  asks that do not, with each kind's mean weight;
- nDCG@10 of the dev challenges as written, and with one generic ask after each (3 seeded draws):
  what an ask costs the ranking.
"""

from __future__ import annotations

import random
from statistics import fmean

import numpy as np

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.background import CONCEPT_WEIGHT
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries, ndcg_at
from nhsmatch.matcher.search import Matcher, Ranking

from .context import as_sentence

TOPICAL = [
    "Has anyone used remote monitoring for COPD patients after discharge to cut readmissions?",
    "are there any projects on AI triage for dermatology referrals from primary care",
    "Could you point me to partnerships that reduced DNA rates in outpatient diabetes clinics?",
    "Looking for examples of virtual wards for frail elderly patients with heart failure.",
    "Has any ICB worked with industry on lipid management in people with familial hypercholesterolaemia?",
    "what have other trusts done about long waits for ADHD assessments in adults",
    "Is there anything out there on digital CBT for perinatal anxiety?",
    (
        "Did anyone manage to speed up cancer diagnosis through a rapid diagnostic centre partnership with a"
        " pharma company?"
    ),
    "any examples of point of care CRP testing in GP surgeries to cut antibiotic prescribing",
    (
        "We'd like to know if anyone has tackled delayed discharges from acute medical wards using a care home"
        " bed tracker."
    ),
    "Has there been work on atrial fibrillation detection in community pharmacies?",
    "Can you find projects that improved uptake of cervical screening among South Asian women?",
    "how did other PCNs handle hypertension case finding after covid",
    "Are there precedents for using wearable sensors to prevent falls in care home residents?",
    "Looking for anything on reducing ambulance handover delays at the ED front door.",
    "Has anyone partnered with a medtech firm on diabetic foot ulcer screening?",
    "pls send examples of remote monitoring for pregnant women with gestational diabetes",
    "What worked for improving childhood immunisation uptake in deprived areas?",
    "Have any trusts used AI to prioritise the ophthalmology backlog for wet AMD?",
    "Is there evidence a partnership helped reduce stillbirth rates in a maternity unit?",
    "Any NHS-industry work on biologics pathways for severe asthma in secondary care?",
    "We want to cut 30-day readmissions for heart failure — who has done this with a company?",
    "Has anyone done anything on chronic kidney disease detection using smartphone urine tests?",
    "can you find stuff on social prescribing for lonely older people",
    "Did any mental health trust work with industry to reduce out of area placements for acute psychiatric inpatients?",
    "Looking for examples where a trust improved stroke thrombolysis times with telestroke.",
    "What about osteoporosis - any fracture liaison service projects with pharma?",
    "Are there projects that reduced waiting times for MRI scans using AI reporting support?",
    "any examples of tackling childhood obesity through school based programmes with a partner",
    "Has anyone run a partnership on smoking cessation for inpatients on admission?",
    "Can you show me projects on early detection of sepsis on general wards using an electronic early warning tool?",
    "How have others improved access to hepatitis C testing in drug and alcohol services?",
    "Were there any schemes to cut unnecessary pathology tests ordered by junior doctors?",
    "Is there anything on medicines optimisation for polypharmacy in the over-75s?",
    "Looking for examples of digital pre-op assessment to reduce on-the-day cancellations in elective orthopaedics.",
    "have any places used robots or automation in hospital pharmacy dispensing",
    "We're after partnerships on prostate cancer pathway redesign, specifically MRI-first diagnosis.",
    "Did anyone reduce pressure ulcers across district nursing caseloads with a tech partner?",
    "How did other systems handle winter demand from paediatric respiratory infections like RSV?",
    "Any projects on targeted lung health checks for current and former smokers?",
    "Could you find work on improving dementia diagnosis rates in primary care?",
    "Has anyone tried at-home spirometry for people awaiting a COPD diagnosis?",
    "Are there examples of reducing inappropriate opioid prescribing for chronic pain?",
    "whats been done on eating disorder waiting lists for young people",
    "Has a trust partnered on self-management apps for inflammatory bowel disease to free up clinic capacity?",
    "Looking for anything on HIV PrEP access through sexual health services.",
    "Are there projects that reduced length of stay for hip fracture patients?",
    "Can you find partnerships aimed at cutting A&E attendances by frequent attenders with alcohol dependence?",
    "Has anyone used digital tools to improve uptake of NHS Health Checks in men aged 40 to 74?",
    "We want to get HbA1c under control for type 2 diabetes patients in our PCN, any similar projects?",
]
GENERIC = [
    "Who would be the best person to speak to about this?",
    "how much did it cost",
    "Could you share how the contract was structured with the company?",
    "Was it funded through a joint working agreement or a grant?",
    "any examples of this being done elsewhere",
    "How long did it take from sign-off to go-live?",
    "Is there a published evaluation I could read?",
    "Can we set up a call next week to talk it through?",
    "what were the governance arrangements",
    "Did they need a DPIA and who signed it off?",
    "Happy to share our business case if that helps.",
    "Was the company easy to work with?",
    "How did they measure success?",
    "Who held the data and was there a data sharing agreement in place?",
    "has anyone done something similar in another ICB",
    "Could you put me in touch with the project lead?",
    "What procurement route did they use - framework or direct award?",
    "I'd be grateful for any precedents you can find.",
    "Did the trust board have to approve it?",
    "Was there an exit strategy once the industry funding ended?",
    "how did they get clinicians on board",
    "Can you send me contact details for whoever ran it?",
    "Were there any conflict of interest issues with the pharma partner?",
    "What did the ABPI Code require them to publish?",
    "Is it still running or was it decommissioned?",
    "How many sites were involved?",
    "Did they get any pushback from the LMC?",
    "I can send over a one-page summary of our situation if useful.",
    "Was the ROI worked out and if so how?",
    "what was the timeline for the pilot",
    "Who owned the IP at the end?",
    "Could you tell me whether it was scaled up beyond the pilot?",
    "Any lessons learned you can pass on?",
    "As a PCN manager, I'd like to know what support the company gave with implementation.",
    "Did they use the local Health Innovation Network to broker it?",
    "Was the evaluation independent or done by the company itself?",
    "can u find me 3 or 4 comparable projects",
    "How was patient and public involvement handled?",
    "Please could you flag anything from the last two years only.",
    "Were there any information governance sticking points we should know about?",
    "Which ICB signed the MoU?",
    "Who paid for the staff backfill?",
    "What outcome measures did they report?",
    "Our digital lead would like a quick chat with their supplier.",
    "How did they fund it once it moved into business as usual?",
    "Is there a case study we could share with our ICB board?",
    "would they be open to a site visit",
    "Did it have to go past the Caldicott Guardian?",
    "What was the split of funding between the NHS and the company?",
    "Anything you can dig out would be really appreciated, thanks.",
]
HOSTS = 3  # dev challenges each question is put after
DRAWS = 3
RANKINGS = {"shipped": Ranking(), "background not told apart": Ranking(tell_background_apart=False)}


def question_weights(matcher: Matcher, questions: list[str], queries: list[JudgedQuery]) -> np.ndarray:
    """Each question's weight, put after HOSTS dev challenges drawn for it."""
    rng = random.Random(7)
    weights = []
    for question in questions:
        for query in rng.sample(queries, HOSTS):
            read = matcher.embed_as_read(f"{as_sentence(query.query)} {question}").sentence_weights
            weights.append(read[-1] if read else 1.0)  # no weights when the ranking tells nothing apart
    return np.array(weights)


def mean_ndcg(matcher: Matcher, queries: list[JudgedQuery], texts: dict[str, str]) -> float:
    return fmean(
        ndcg_at([p.record.id for p in matcher.match(texts[q.qid], limit=10).precedents], q.judgments) for q in queries
    )


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    base = load_configured_matcher()
    as_written = {q.qid: q.query for q in queries}
    with_asks = []
    for seed in range(DRAWS):
        rng = random.Random(seed)
        with_asks.append({q.qid: f"{as_sentence(q.query)} {rng.choice(GENERIC)}" for q in queries})
    print(f"{len(TOPICAL)} topical questions and {len(GENERIC)} generic asks, each after {HOSTS} dev challenges")
    header = ["topical kept", "mean weight", "generic apart", "mean weight", "nDCG as written", "generic ask after"]
    print(f"{'ranking':27}" + "".join(f"{column:>18}" for column in header))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        topical = question_weights(matcher, TOPICAL, queries)
        generic = question_weights(matcher, GENERIC, queries)
        row = [np.mean(topical >= CONCEPT_WEIGHT), topical.mean(), np.mean(generic < CONCEPT_WEIGHT), generic.mean()]
        row += [mean_ndcg(matcher, queries, as_written), fmean(mean_ndcg(matcher, queries, t) for t in with_asks)]
        print(f"{label:27}" + "".join(f"{value:>18.3f}" for value in row))


if __name__ == "__main__":
    main()
