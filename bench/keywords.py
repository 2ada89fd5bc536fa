"""Challenges typed into a search box: `python -m bench.keywords` (about 10 s).

The find-a-partner widget and the page are search boxes, and people type into search boxes as
into a search engine: "AF detection", "reduce falls in care homes". A helper session given only
the 44 answerable dev challenges wrote, for each, the keywords (1 to 3 words) and the terse phrase
(4 to 8 words) that its author might type instead, in their shorthand, lay or clinical words,
sometimes naming the kind of fix they would look for ("teledermatology"), never copying four words
in a row. The dev judgments carry over, since the same precedents are wanted. Prints, for each
ranking, nDCG@10 / the same over judged records only / the share wrongly flagged as having no
strong precedent (`bench.paraphrase` scores them the same way), then the shipped ranking's flagged
challenges with their first precedent and its grade. All of it has been looked at: the
abbreviations its keywords showed missing from the vocabulary (PRRT, anti-VEGF, GLP-1, HCL) were
added. Then, from another helper session told only what the library holds, 40 keywords and 40
phrases about NHS matters outside clinical care ("staff parking", "cut agency spend on porters"),
which have no precedent: how often each ranking flags them (`bench.no_precedent` asks the same in
sentences), with the first precedent's mean score. A model gives a short text a lower cosine to
everything, so the thresholds fitted on sentences are checked here on both sides.
"""

from __future__ import annotations

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import load_judged_queries

from .no_precedent import flagged
from .paraphrase import RANKINGS, scores

TYPED = {
    "dev-001": ("IPF care", "joined up pulmonary fibrosis pathway"),
    "dev-002": ("thrombectomy AI", "AI CT scan stroke LVO detection"),
    "dev-003": ("mammogram AI", "AI second reader breast screening"),
    "dev-004": ("hybrid closed loop", "scale up HCL starts type 1 adults"),
    "dev-005": ("diabetes cardiology", "combined cardio diabetes clinic post MI"),
    "dev-007": ("smoking arthritis", "stop smoking support rheumatoid arthritis patients"),
    "dev-008": ("IAPT self referral", "online self referral talking therapies"),
    "dev-009": ("teledermatology", "2ww skin cancer triage rural county"),
    "dev-010": ("COPD smoking", "improve COPD care and quit rates valleys"),
    "dev-011": ("heart failure", "earlier HF diagnosis and GDMT optimisation"),
    "dev-012": ("virtual wards", "hospital at home acute care"),
    "dev-013": ("metastatic breast cancer", "secondary breast cancer MDT inequalities"),
    "dev-014": ("pressure ulcers", "detect pressure damage early"),
    "dev-015": ("ACR testing", "diabetes patients overdue urine acr check"),
    "dev-017": ("early cancer diagnosis", "non specific symptoms cancer pathway"),
    "dev-018": ("digital CBT", "online therapy for insomnia and anxiety"),
    "dev-019": ("anti-VEGF", "local eye injection clinic closer to home"),
    "dev-020": ("wet AMD capacity", "community eye injections ageing population"),
    "dev-022": ("PRRT", "NET radionuclide therapy shared care"),
    "dev-024": ("HF echo backlog", "heart failure diagnosis echo waiting list"),
    "dev-025": ("SACT capacity", "chemo clinic backlog nurse shortage"),
    "dev-026": ("asthma air pollution", "predict high risk asthma deprived areas"),
    "dev-027": ("Parkinson's remote", "parkinsons review backlog rural patients"),
    "dev-028": ("lipid search", "case finding high cholesterol CVD PCN"),
    "dev-029": ("lipid management", "lipid optimisation secondary prevention pathway"),
    "dev-030": ("VCSE funding", "help charities access NHS funding"),
    "dev-031": ("COPD admissions", "reduce winter respiratory readmissions ICS"),
    "dev-032": ("ctDNA lung", "liquid biopsy lung cancer faster results"),
    "dev-034": ("imaging equipment", "replace old x-ray kit no capital"),
    "dev-035": ("remote monitoring", "virtual ward monitoring deteriorating patients"),
    "dev-036": ("asset tracking", "real time tracking of pumps and beds"),
    "dev-037": ("AKI alerts", "early AKI detection inpatients"),
    "dev-038": ("BP checks", "bp checks outside gp practices"),
    "dev-039": ("patient flow", "predict bed pressures hospital control centre"),
    "dev-041": ("AF detection", "find AF and anticoagulate stroke prevention"),
    "dev-042": ("MS nurse admin", "cut admin for MS specialist nurses"),
    "dev-043": ("MenACWY uptake", "meningitis vaccine uptake students"),
    "dev-044": ("GLP-1 evaluation", "real world evidence weight loss jabs"),
    "dev-045": ("MPN follow up", "shared care stable CML and MPN"),
    "dev-046": ("inhaler recycling", "used inhaler disposal take back scheme"),
    "dev-047": ("skin lesion triage", "AI triage for suspected skin cancer"),
    "dev-048": ("PsA screening", "screen psoriasis patients for joint disease"),
    "dev-049": ("AF champions", "upskill GP practices in anticoagulation"),
    "dev-050": ("HF inpatients", "identify heart failure admissions on general wards"),
}

OUT_OF_SCOPE = {
    "keywords": [
        "staff parking",
        "laundry tender",
        "catering contract",
        "porter rota",
        "payroll errors",
        "staff accommodation",
        "energy bills",
        "IT service desk",
        "switchboard upgrade",
        "fire risk assessment",
        "access control fobs",
        "waste contract",
        "uniform supplier",
        "mortuary capacity",
        "chaplaincy service",
        "volunteer expenses",
        "audit committee",
        "facility time",
        "charitable funds",
        "litigation costs",
        "cleaning contract",
        "lease car scheme",
        "backlog maintenance",
        "recruitment admin",
        "dbs checks",
        "standing financial instructions",
        "office furniture",
        "grounds maintenance",
        "lift breakdowns",
        "roof repairs",
        "vending machines",
        "sickness absence policy",
        "foi requests",
        "print contract",
        "post room",
        "CCTV",
        "nhs pension admin",
        "mileage claims",
        "PFI refinancing",
        "board papers",
    ],
    "phrase": [
        "cut agency spend on porters",
        "energy bills doubled hospital estate",
        "renegotiate pfi contract early termination",
        "outsourcing hospital laundry to private provider",
        "staff car park permit waiting list",
        "payroll overpayments recovery process",
        "key worker housing for nhs staff",
        "replacing old phone system across trust",
        "IT helpdesk response times too slow",
        "fire door compliance after inspection",
        "security staff body worn cameras",
        "cleaning contract retender soft fm",
        "hospital food supplier price increases",
        "mortuary body storage winter surge",
        "chaplaincy cover out of hours",
        "volunteer travel expenses reimbursement policy",
        "audit committee terms of reference template",
        "union facility time reporting requirements",
        "charitable funds spending rules legacy donations",
        "recycling contract general waste reduction",
        "new staff uniforms supplier procurement",
        "time to hire admin bottleneck recruitment",
        "office space consolidation after hybrid working",
        "board assurance framework refresh",
        "lift maintenance contract downtime penalties",
        "gritting and snow clearance hospital site",
        "foi request backlog information governance team",
        "managed print service printer fleet",
        "staff lottery scheme rules and payouts",
        "employment tribunal claim settlement costs",
        "return to work admin sickness absence",
        "water leak costs old estate buildings",
        "pest control contract hospital kitchens",
        "reduce stationery spend across departments",
        "nhs pension scheme queries for staff",
        "salary sacrifice home electronics scheme",
        "cctv upgrade main entrance and corridors",
        "annual leave carry over policy admin",
        "lost property handling at reception",
        "governor elections foundation trust membership",
    ],
}


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    assert set(TYPED) == {q.qid for q in queries}, "one typed pair per answerable challenge"
    columns = {
        "as written": None,
        "keywords": {qid: typed[0] for qid, typed in TYPED.items()},
        "phrase": {qid: typed[1] for qid, typed in TYPED.items()},
    }
    base = load_configured_matcher()
    print(f"nDCG@10 / over judged records only / wrongly flagged, {len(queries)} answerable dev challenges")
    print(f"{'ranking':22}" + "".join(f"{c:>26}" for c in columns))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        cells = [scores(matcher, queries, texts) for texts in columns.values()]
        print(f"{label:22}" + "".join(f"{f'{n:.3f} / {r:.3f} / {f:.0%}':>26}" for n, r, f in cells))
    print(f"\n{len(OUT_OF_SCOPE['keywords'])} keywords and {len(OUT_OF_SCOPE['phrase'])} phrases without a precedent")
    print(f"{'ranking':22}" + "".join(f"{kind + ' flagged':>20}{'first score':>14}" for kind in OUT_OF_SCOPE))
    for label, ranking in RANKINGS.items():
        if ranking.mode != "hybrid":  # the thresholds are fitted to the hybrid's scores
            continue
        cells = [flagged(base.with_ranking(ranking), typed)[:2] for typed in OUT_OF_SCOPE.values()]
        print(f"{label:22}" + "".join(f"{share:>20.0%}{score:>14.3f}" for share, score in cells))
    print("\nanswerable, flagged as having no strong precedent, shipped (first precedent, its score and grade):")
    for kind, texts in columns.items():
        for q in queries:
            result = base.match(q.query if texts is None else texts[q.qid], limit=1)
            if result.no_strong_precedent:
                first = result.precedents[0]
                grade = q.judgments.get(first.record.id, "unjudged")
                print(
                    f"  {kind}: {(texts or {}).get(q.qid, q.qid)!r} -> {first.record.id} ({first.score:.2f}, {grade})"
                )


if __name__ == "__main__":
    main()
