"""Challenges whose known answer the dev set finds useful but never wants: `python -m bench.useful_records`
(about 20 s).

Of the corpus's 345 records, 70 are a useful precedent (grade 1) for some dev challenge but the one
wanted (grade 2) for none, nor for any challenge of the new judged set, and no `bench.new_topics`
challenge was written from them. The dev set tuned their place in lists about other problems, never
as the answer: a hidden set's known-item challenge may well be written from one. A helper session,
given for each of these records only its problem (the record's challenge), therapy areas and care
settings, wrote the challenge a local NHS leader elsewhere facing that problem today might type: 1-3
sentences in their own words, never four words in a row from the record, naming no solution,
company or place. It saw no code. The record a challenge was written from is its known answer.
Prints, for each ranking and half, the same figures as `bench.new_topics`. The records, sorted by
id, were dealt alternately into two halves: the first may be looked at when improving the matcher,
and its misses are printed; the second is held out, for measuring only.
"""

from __future__ import annotations

from .new_topics import report

OPEN = {
    "ampersand-health-barts-kings-myibd-care": (
        "Our IBD service has lots of young Crohn's and colitis patients needing regular follow-ups and blood "
        "tests. We want safe remote options instead of routine clinic visits."
    ),
    "astrazeneca-scotland-health-innovation-transformation-partnership": (
        "As a health board we need to diagnose and treat long-term conditions sooner, grow clinical research "
        "and spread proven pathways nationally now we're past Covid. Who's done this with industry?"
    ),
    "babylon-royal-wolverhampton-digital-first-integrated-care": (
        "We're a trust that runs hospital, community and some GP practices, and staffing is tight. We want "
        "patients to get quicker, joined-up access across all three with fewer trips to hospital."
    ),
    "boehringer-moor-green-lane-diabetes-mdt": (
        "Our PCN has a group of high-risk type 2 diabetics not hitting HbA1c, BP or cholesterol targets, and "
        "they keep turning up for unplanned care."
    ),
    "buckinghamshire-healthcare-ufonia-dora-acceptability": (
        "Would our cataract patients actually be happy with an automated phone call rather than a nurse for "
        "routine post-op follow-up? Eye clinic capacity is really tight."
    ),
    "canon-tameside-modular-mri-suite": (
        "MRI demand has never been higher and our second scanner is in a trailer outside, so it can't take "
        "inpatients or A&E patients."
    ),
    "cheshire-merseyside-bp-at-home-hypertension-accelerator": (
        "Patients bring in paper readings from their home BP monitors and our practice staff work out the "
        "averages by hand. It eats up time, mistakes creep in and readings go missing."
    ),
    "chiesi-wirral-comet-copd-detection": (
        "We reckon thousands of people on our patch have COPD and don't know it - our rates are well above "
        "the national figure and it's one of our top reasons for emergency admission."
    ),
    "deepmind-moorfields-eye-scan-research": (
        "Our eye clinic can't keep up with reading OCT scans, and wet AMD and diabetic retinopathy need "
        "picking up early to save sight."
    ),
    "doccla-barnet-enhanced-virtual-care": (
        "Patients with liver disease, heart disease, Parkinson's or dementia who've been admitted as an "
        "emergency recently keep coming back in. How do we keep them out of hospital?"
    ),
    "fast-track-cities-london-hiv-partnership": (
        "Our city has high HIV rates, too many late diagnoses, stigma, and marginalised groups missing out on "
        "support. We need a joined-up plan to get to zero new infections."
    ),
    "gloucestershire-hospitals-polygeist-long-stay-prediction": (
        "We need to cut long lengths of stay but our clinicians can't see early enough which patients are "
        "likely to stay a long time and why."
    ),
    "gsk-salford-lung-study": (
        "How do new inhaled respiratory drugs perform in real patients with multiple conditions, not just the "
        "narrow groups in trials? We'd like real-world evidence from routine care."
    ),
    "heart-uk-aac-ahsn-tackling-cholesterol-together": (
        "We're missing lots of people with high cholesterol, including FH, and those we do find often aren't "
        "treated properly."
    ),
    "leeds-teaching-hospitals-villa-care-integrated-discharge-wards": (
        "Our acute beds are full of medically optimised patients waiting to go home or into care, and flow "
        "through the hospital is stuck."
    ),
    "lilly-frimley-icb-slough-diabetes": (
        "T2 diabetes in our working-age population is higher than we'd expect, and younger adults miss their "
        "targets even when they get every annual check. It's worst in our most deprived, ethnically diverse "
        "town."
    ),
    "medtronic-manchester-smarthearts-triagehf": (
        "We have masses of remote monitoring data from patients' pacemakers and ICDs but don't use it "
        "systematically to spot who's heading for a heart failure admission."
    ),
    "msd-uhb-lung-cancer-pdp": (
        "Across our network, lung cancer patients get very different access to tests and treatment depending "
        "on which hospital they go to, and even within the same team."
    ),
    "multi-pharma-nottingham-nimrod-diabetes": (
        "We've got thousands of diabetic patients and hundreds admitted each year with complications like "
        "heart attacks and strokes. What's worked elsewhere?"
    ),
    "nhs-wales-icst-respiratory-digital-therapeutics-toolkit": (
        "We've had plenty of respiratory pilots that work but never get rolled out, so how well COPD and "
        "asthma patients are supported to self-manage varies hugely across our practices. How do others scale "
        "what works?"
    ),
    "north-central-london-whzan-care-home-remote-monitoring": (
        "GPs and community teams are getting into our care homes less in person, and staff struggle to "
        "recognise when frail residents are deteriorating."
    ),
    "novartis-bedfordshire-spondyloarthritis-management": (
        "Our rheumatology team has a backlog of hundreds of PsA and axSpA patients, our database is out of "
        "date so under-treated patients are hard to find, and patient education is limited."
    ),
    "novartis-imperial-ealing-hf-virtual-wards": (
        "We want our community heart failure team to look after more patients at home safely with specialist "
        "oversight, and to reach people who struggle to get to services."
    ),
    "novo-nordisk-mid-south-essex-obesity-service-redesign": (
        "Tier 3 weight management access is patchy across our ICB, and with new weight-loss drugs approved we "
        "need to redesign our obesity pathway."
    ),
    "nw-london-icb-rethink-suicide-prevention": (
        "We want a suicide prevention approach that's rooted in local communities and run with grassroots "
        "groups, because our statutory services can't really reach people that way."
    ),
    "ouh-imperial-ufonia-dora-cataract-study": (
        "Routine post-op cataract follow-up swallows a big chunk of our ophthalmology clinic capacity. What "
        "alternatives are out there?"
    ),
    "pfizer-central-lancashire-chorley-stop-smoking": (
        "Referrals into our local quit smoking service are too low. How have others got more smokers referred?"
    ),
    "pfizer-our-life-nhs-north-west-reaching-out": (
        "Our region has some of the worst death rates from MI and stroke in the country, plus lots of "
        "enduring mental illness and admissions from violence. A chunk of our population just doesn't engage "
        "with the NHS - how do we reach them?"
    ),
    "pfizer-royal-free-nac-amyloidosis-pathway-manager": (
        "Our specialist amyloidosis centre is out of capacity and takes referrals from across the country, "
        "many seen remotely. We need a more consistent, coordinated patient journey."
    ),
    "spirit-health-swansea-bay-care-home-mental-health-remote-monitoring": (
        "Our care homes for residents with serious mental illness need to pick up when someone is going "
        "downhill, but the in-reach team can't get round often enough."
    ),
    "tdl-royal-free-uclh-health-services-laboratories": (
        "We need our pathology service to be leaner and keep up with new technology, without losing quality "
        "or our role in training and research."
    ),
    "teva-gloucestershire-ccg-advanced-inhaler-training": (
        "Asthma admissions are going up and our respiratory spend is huge. Inhaler technique is poor among "
        "patients and our own staff alike."
    ),
    "teva-stockport-ccg-stop-it": (
        "Patients on the right inhalers still aren't controlled because they use them wrongly - flare-ups, "
        "steroid step-ups and waste. Very few of our clinicians can demonstrate the full correct technique."
    ),
    "tunstall-homecall-south-tees-care-home-falls-telecare": (
        "Care homes here call 999 for lots of falls where nobody's really hurt, which means needless A&E "
        "trips and admissions. How do we cut these?"
    ),
    "wysa-cnwl-plymouth-ai-award-waiting-list-study": (
        "People referred to our adult mental health services wait three months or more and often get worse "
        "while they wait."
    ),
}

HELD_OUT = {
    "astrazeneca-central-lancashire-precision-asthma-mobile-clinic": (
        "Lots of asthma patients stayed away from their GP and A&E during Covid and we're still dealing with "
        "the respiratory backlog. How do we get them reviewed again?"
    ),
    "astrazeneca-ulster-priory-springhill-ckd": (
        "We think lots of patients with kidney disease are sitting unrecognised on GP lists. How do practices "
        "find people whose CKD could progress to dialysis or a heart event?"
    ),
    "betsi-cadwaladr-radiology-management-solutions-waiting-lists": (
        "Imaging backlog is growing. Need to get scan waits down fast."
    ),
    "brain-in-hand-cornwall-partnership-autism-digital-self-management": (
        "Adult autism assessment waits have shot up and people are waiting years, struggling with anxiety and "
        "day-to-day life in the meantime. What support can we offer before diagnosis?"
    ),
    "canon-kettering-covid-ct-unit": (
        "Cancer and immunosuppressed outpatients are nervous about coming onto the hospital site for CT, and "
        "extra cleaning between scans has cut our throughput."
    ),
    "cdhn-building-community-pharmacy-partnership-centred-soul-newry": (
        "Deprivation and health inequalities cluster in certain neighbourhoods here, and mainstream services "
        "don't meet needs like support for women who've had traumatic lives. How have others tackled this "
        "locally?"
    ),
    "chiesi-humber-frontier-copd-screening": (
        "Undiagnosed and badly controlled COPD is putting people in hospital for a week at a time. How do we "
        "find and treat them sooner?"
    ),
    "cntw-mental-health-concern-waiting-list-initiative": (
        "Caseloads in our community team for severe mental illness have jumped and people are waiting longer "
        "for treatment."
    ),
    "delta-wellbeing-tunstall-hywel-dda-telehealth-ltc": (
        "Rural patients with heart, lung and other long-term conditions travel long distances for "
        "appointments and end up admitted when it could have been avoided."
    ),
    "docobo-buckinghamshire-frailty-virtual-care": (
        "Our frail patients with multiple long-term conditions keep bouncing back to hospital, and our "
        "hospital at home only covers short acute episodes. How can we support them at home for longer?"
    ),
    "frimley-health-ufonia-dora-cataract-pathway": (
        "Our cataract service burns nursing time on phone clinics for pre-op screening calls, appointment "
        "reminders and post-op checks. How have others freed this up?"
    ),
    "gsk-bury-gp-federation-shingles-uptake": (
        "Shingles jab uptake among our 70-year-olds is way under the national average and way behind flu. How "
        "can practices boost it?"
    ),
    "gsk-wales-community-pharmacy-inhaler-review": (
        "Loads of asthma and COPD patients haven't had a practice review in over a year. We want community "
        "pharmacists doing more inhaler reviews, but their staff need better training."
    ),
    "inhealthcare-surrey-heartlands-blood-pressure-at-home": (
        "Lots of people in our ICB have high blood pressure and a big share are likely to have a stroke or "
        "MI. How do we get more of them diagnosed and controlled?"
    ),
    "lhch-boston-scientific-heartlogic-hub-and-spoke": (
        "Heart failure referrals keep climbing and we usually only pick people up once they've already "
        "decompensated and been admitted. How can we spot worsening HF earlier?"
    ),
    "macmillan-manchester-cancer-improvement-partnership": (
        "Lung cancer rates and deaths are high here, largely because people come forward late and our "
        "multi-provider pathway slows diagnosis. Breast cancer deaths are also a bit above average and "
        "survivors need more aftercare."
    ),
    "moic-abpi-ni-regional-heart-failure-service-transformation": (
        "Our heart failure services need a proper overhaul, and clinicians have flagged HF medicines as an "
        "area ripe for innovation. Any examples of whole-system HF redesign?"
    ),
    "msd-verily-hmr-test-bed": (
        "We pick up people with COPD, HF or T2 diabetes too late to stop them going downhill. How do we find "
        "those at risk earlier?"
    ),
    "nhs-grampian-stonehaven-mycopd-evaluation": (
        "COPD drives a lot of our admissions. We want patients to understand their condition and feel "
        "confident managing flare-ups themselves."
    ),
    "nhse-stroke-association-national-stroke-programme": (
        "Stroke care across our ICS is patchy - prevention, hyperacute treatment and rehab all have gaps. "
        "Looking for a joined-up improvement programme."
    ),
    "nottinghamshire-healthcare-isla-community-visual-technology": (
        "Our district nurses and podiatrists are doing loads of same-day and routine in-person visits, and "
        "the backlog since Covid is huge."
    ),
    "novartis-hammersmith-haemoglobinopathy-nurse-service": (
        "We look after hundreds of adult sickle cell and thalassaemia patients, many on regular transfusions "
        "and chelation, but have no specialist red cell nurse. Any examples of funding that role?"
    ),
    "novartis-uh-sussex-rheumatology-physician-associate": (
        "Rheumatology workforce gaps mean a growing queue of RA, PsA and axSpA patients waiting for "
        "appointments and biologics."
    ),
    "nras-kings-right-start-newly-diagnosed-ra": (
        "Newly diagnosed RA patients aren't getting tailored self-management support early on, and we need to "
        "meet the NICE quality standard on it."
    ),
    "openbrolly-nhs-highland-ibd-smartphone-monitoring": (
        "Our IBD patients are spread across a huge rural area, a long way from the hospital, and each GP only "
        "sees a handful so it's hard for them to stay up to date."
    ),
    "oxford-dart-programme-optellum-roche-ge": (
        "Too many of our lung cancer patients are picked up late and die within months. How do we catch more "
        "at stage 1?"
    ),
    "pfizer-nhs-highland-raigmore-cardiac-amyloid-hfpef": (
        "Some breathless patients or those with possible HF referred by GPs may actually have cardiac "
        "amyloid, and our current pathway doesn't catch it. How are other areas finding these patients before "
        "they reach end-stage?"
    ),
    "pfizer-rm-partners-cancer-mdt-meeting-review": (
        "Our cancer MDTs are overloaded and complex patients get a minute or two of discussion at most. We "
        "want to streamline the meetings so time goes where it's really needed."
    ),
    "roche-diagnostics-central-manchester-pathology": (
        "Our lab analysers are ageing and, as a teaching trust with lots of specialist services, we can't "
        "afford unreliable results. How have other trusts modernised hospital pathology so it's high quality "
        "and affordable long term?"
    ),
    "stroke-association-connect-nhse": (
        "Stroke patients are going home earlier than they used to and they and their families are left "
        "without support in those first weeks."
    ),
    "teva-ashford-ccg-asthma-mur": (
        "Respiratory is a priority for us. Practice nurses and community pharmacists teach inhaler technique "
        "inconsistently, so medicines reviews aren't having much impact."
    ),
    "teva-nhs-bristol-asthma-admissions": (
        "Asthma admissions, and even deaths, are too high in our city. Annual review rates vary hugely "
        "between practices, few patients have a written action plan and lots are exception reported."
    ),
    "teva-wirral-hcc-asthma-re-audit": (
        "Asthma prevalence on our patch is above the national rate and we have too many emergency asthma "
        "admissions costing a fortune."
    ),
    "wellmind-kent-community-pain-pathway-through-pain": (
        "Our community persistent pain service needs a safe, affordable alternative to in-person group pain "
        "programmes for patients who can't attend them."
    ),
    "wysa-health-innovation-south-east-scotland-young-people-sbri": (
        "Young people here wait months for mental health help. What fair, person-centred support can we offer "
        "while they're on the waiting list?"
    ),
}


if __name__ == "__main__":
    report(OPEN, HELD_OUT)
