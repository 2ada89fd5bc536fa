"""Challenges on topics the dev set does not ask about: `python -m bench.new_topics` (about 10 s).

Of the corpus's 345 records, 94 are a useful precedent (grade 1 or 2) for none of the dev
challenges, so nothing tuned on the dev set was tuned on them, and the hidden set may well ask about
them. Two helper sessions, given for each of these records only its one-sentence problem, its
therapy areas and care settings (not its title, partners, place or what was done), wrote the
challenge a local NHS leader elsewhere facing that problem today might type: 1-3 sentences in
their own words, never four words in a row from the record, naming no solution, company or place.
The record a challenge was written from is its known answer. Prints, for each ranking and half,
the known answer's mean reciprocal rank, how often it comes first and within the top 10, how often
the challenge is flagged as having no strong precedent (each has one, so lower is better), and how
often one of the known answer's partner organisations is the first likely partner, or in the top 5.
The records, sorted by id, were dealt alternately into two halves: the first may be looked at when
improving the matcher, and its misses are printed; the second is held out, for measuring only.

Known-item ranks understate a good ranking where a record has sister projects: the dementia link
workers of one charity in two Scottish areas, the homeless hospital teams of one charity in several
trusts. Another of them first is as good an answer, and counts here as a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.matcher.search import Matcher

from .paraphrase import RANKINGS

OPEN = {
    "age-uk-notts-nottinghamshire-healthcare-new-care-homes": (
        "Several new care homes have opened in our patch, and residents moving in often lose touch with their"
        " GP, district nurses and other NHS input. We want them to get joined-up health support from the day "
        "they arrive, before small problems turn into 999 calls and admissions."
    ),
    "all-together-better-sunderland-luscii-recovery-at-home": (
        "Too many frail, housebound older people on our community caseload are isolated at home, and we only "
        "hear about them when they turn up at A&E or get admitted. As an ICB we want to keep a closer eye on "
        "things like blood pressure and breathlessness so we can step in earlier."
    ),
    "alzheimer-scotland-perth-kinross-post-diagnostic-link-workers": (
        "After someone in our area receives a dementia diagnosis, they and their family often hear nothing "
        "more until a crisis. Our community mental health team wants to close the post-diagnostic support gap"
        " for people with dementia and the relatives and carers looking after them."
    ),
    "amgen-ahsn-nenc-falls-fracture-case-review": (
        "Hip fracture admissions after falls are much higher in our region than elsewhere, and falls cost the"
        " local system tens of millions each year. In our PCN we want to find older patients at risk of falls"
        " and fragility fractures far earlier."
    ),
    "astrazeneca-3ns-nice-schizophrenia-implementation": (
        "Our mental health trust applies the NICE guidance on psychosis and schizophrenia patchily, with "
        "teams varying in how they offer family intervention, CBTp and physical health checks. We need a "
        "consistent way to get the guideline embedded in everyday practice across services."
    ),
    "astrazeneca-discover-now-nwl-partnership": (
        "Our ICS is redesigning care for heart failure, CKD and type 2 diabetes, but we lack real-world data "
        "showing which patients to prioritise or whether pathway changes are actually improving outcomes "
        "across general practice and hospitals."
    ),
    "beautiful-information-east-kent-moma-maternity-app": (
        "Our maternity unit hands out printed information packs that most pregnant women and their partners "
        "never read, so key safety messages and local service details get missed. We also struggle to predict"
        " how busy the labour ward will be from one week to the next."
    ),
    "cellar-trust-bradford-district-care-haven-crisis-service": (
        "In our district, anyone in mental distress after 5pm has nowhere to go except the emergency "
        "department. We also send too many patients to out-of-area beds, which is costly and takes them far "
        "from family and their local team."
    ),
    "clahrc-nwl-sickle-cell-society-prem": (
        "We don't have a clear view of what care is like for people with sickle cell in our trusts, whether "
        "in ED, on the wards or in outpatient clinics. Stories of long waits for pain relief keep surfacing, "
        "and we need a proper picture of where care falls short."
    ),
    "current-health-croydon-virtual-ward": (
        "Our two-hour urgent community response team is getting more referrals and far more complex patients,"
        " and clinicians spend most of their day driving to and carrying out home visits. We need to free up "
        "capacity so the team can keep people out of hospital."
    ),
    "derbyshire-carers-h-connect-hospital-discharge": (
        "Unpaid carers tell us they feel ignored and kept in the dark when their relative goes into hospital "
        "and then comes home. Our trust knows we should bring carers into discharge conversations from the "
        "start, but it isn't happening consistently on the wards."
    ),
    "ellenor-kent-medway-ccg-covid-capacity-support-scheme": (
        "Demand for end-of-life care at home has risen sharply, and our community palliative teams can't "
        "stretch to cover everyone. We're worried that whether someone gets good care in their last weeks "
        "depends on their postcode, and we need more capacity across the whole county."
    ),
    "epic-cornwall-e-health-productivity-innovation": (
        "Our population is rural and ageing, with care homes scattered across a large area that GPs and "
        "community teams struggle to reach. We lag behind on digital ways of working in health and social "
        "care, and small local tech businesses say they can't get in front of clinicians."
    ),
    "health-innovation-manchester-dementia-industry-group-partnership": (
        "Across our ICS there are tens of thousands of residents with dementia, the number keeps climbing as "
        "our population ages, and we spend hundreds of millions a year on their care. We need to improve "
        "diagnosis and support while getting better value from that spend."
    ),
    "henpicked-sherwood-forest-menopause-strategy": (
        "Most of our hospital workforce are women and a large share are over 50. Staff surveys suggest "
        "menopause symptoms are pushing experienced colleagues to cut their hours or think about quitting, "
        "and we believe it sits behind some of our sickness absence."
    ),
    "herts-health-hartmann-ambulatory-leg-ulcer-service": (
        "Leg ulcer patients in our area get very different care depending on which practice they're "
        "registered with, and many take months to heal or end up travelling to hospital clinics. We want "
        "consistent, evidence-based wound care delivered nearer home through general practice."
    ),
    "hiow-icb-ufonia-dora-cataract-choice": (
        "Our cataract referrals can go to lots of different NHS and independent providers, and collecting "
        "each patient's history and explaining their options takes GP and hospital staff too long. Patients "
        "wait longer than they should to get a date for surgery."
    ),
    "janssen-sept-maintaining-adherence-programme": (
        "Relapse and stopping medication are common among our patients with schizophrenia and bipolar "
        "disorder, driving repeat admissions and high inpatient bed occupancy. Our community mental health "
        "teams need to spot early warning signs sooner and help people stay on treatment."
    ),
    "lilly-coventry-warwickshire-adhd-transition": (
        "There is no commissioned adult ADHD service in our area, so young people lose support when they "
        "leave CAMHS and GPs are unsure whether they can keep prescribing. Adults who think they may have "
        "ADHD have nowhere to be assessed."
    ),
    "lsc-orcha-ingeus-ndpp-health-apps": (
        "Many of our patients with pre-diabetes start group sessions keen but drift back into old habits in "
        "the gaps between them. Without ongoing help to manage weight, eating and exercise, too many go on to"
        " develop type 2."
    ),
    "medtronic-mft-ai-robotic-surgery-collaboration": (
        "Our acute trust has big unmet needs in cardiology, neurosciences, surgery and diabetes, with long "
        "waits and patients travelling in for follow-up that could happen closer to home. We want to shift "
        "more monitoring and care out of hospital into the community."
    ),
    "medtronic-uhsm-wythenshawe-cath-labs": (
        "Demand for angiography and PCI at our heart centre keeps growing, but our cath labs are ageing and "
        "lists regularly overrun, so patients wait longer for procedures. We need the labs to run far more "
        "efficiently."
    ),
    "mft-hartmann-online-logistics-ordering-system": (
        "Across our hospital sites, ordering and stocking of clinical consumables is slow and inconsistent. "
        "Nurses waste time chasing supplies, and we end up with shortages on some wards and waste and "
        "overstock on others."
    ),
    "moic-abpi-ni-hepatitis-c-elimination-partnership": (
        "Hepatitis C diagnoses in our region have jumped well above the usual level, and we think many more "
        "people are infected without knowing it. Even though treatment now cures most people, too few are "
        "coming forward to be tested and treated."
    ),
    "msd-royal-liverpool-head-neck-pdp": (
        "Patients with suspected head and neck cancers in our trust wait too long between referral, "
        "diagnostics and a treatment decision compared with the national timed pathway. We want a faster, "
        "more efficient service and a better experience for patients."
    ),
    "msd-south-london-hin-hypo-pathway": (
        "Our ambulance crews often treat people for a hypo at home and leave them there, but their GP may "
        "never find out. We don't know whether practices are told or follow-up happens, so repeat severe "
        "hypoglycaemia may be going unchecked."
    ),
    "nhs-london-carers-hospital-discharge-toolkit": (
        "Our city has huge numbers of unpaid carers, yet hospital staff rarely identify them or include them "
        "when their relative or friend is discharged. That leads to avoidable readmissions and carers burning"
        " out."
    ),
    "nhse-hep-c-trust-elimination-peer-engagement": (
        "We're trying to find the last people with undiagnosed hepatitis C in our area, but most are people "
        "who inject drugs, rough sleepers and others who rarely engage with services. Without reaching them "
        "we won't achieve elimination."
    ),
    "novartis-christie-cancer-vanguard-data-project": (
        "Outcomes and patient experience vary a lot between cancer services across our alliance, but we can't"
        " see clearly from our data where the variation is or why it happens. We need better intelligence to "
        "target improvement along the pathways."
    ),
    "novartis-swansea-spms-solution": (
        "People whose MS has moved into the secondary progressive phase have no dedicated pathway in our "
        "health board. Recognition of progression is often late, and ongoing management is inconsistent "
        "between neurology teams, leaving patients without the specialist input they need."
    ),
    "nuh-linden-lodge-technology-living-lab": (
        "We're opening a new rehabilitation centre for people recovering from serious injury and neurological"
        " illness, and we have no overall plan for how digital systems should support patient care and staff "
        "there from day one."
    ),
    "oxehealth-mpft-oxevision-redwoods-st-georges": (
        "On our inpatient mental health wards, staff have to wake patients at night to do obs, which disrupts"
        " sleep and feels intrusive. Yet falls and physical deterioration can still go unnoticed in the gaps "
        "between checks."
    ),
    "oxford-ahsn-roche-diagnostics-plgf-pre-eclampsia": (
        "Our maternity unit admits lots of women with possible pre-eclampsia for observation, and most turn "
        "out not to have it. It's blocking antenatal beds and causing a great deal of anxiety for families."
    ),
    "pathway-kings-health-partners-homeless-team": (
        "Homeless patients across our acute and mental health trusts keep being discharged with nowhere to "
        "go, and many come straight back in. We need joined-up support between hospitals so nobody leaves a "
        "ward for the street."
    ),
    "pathway-royal-london-health-e1-homeless-team": (
        "Our inner-city hospital admits several hundred people experiencing homelessness each year, many from"
        " outside the borough, and they're at risk of being discharged unsafely and readmitted soon after. "
        "Housing responsibility is unclear when there's no local connection."
    ),
    "pfizer-inspire-nhs-scotland-research": (
        "Patients in our health board rarely get the chance to join trials of new medicines, and research "
        "isn't part of everyday culture for most of our clinicians. We want more studies open locally and "
        "more staff involved."
    ),
    "philips-lancashire-cumbria-innovation-alliance-test-bed": (
        "Too many of our frail elderly patients and people with several long-term conditions end up in "
        "hospital in our PCN for problems that could have been managed at home if we had spotted the decline "
        "earlier."
    ),
    "qbtech-ahsn-network-focus-adhd-programme": (
        "Children referred to our community paediatrics and CAMHS for ADHD wait well over a year for a "
        "diagnosis, and assessments lean heavily on parent and teacher questionnaires that can be subjective."
        " The backlog is costly and families struggle in the meantime."
    ),
    "roche-gosh-clinical-informatics": (
        "Our children's hospital treats many rare, complex diseases where new tests and therapies take years "
        "and cost a fortune to develop. We also can't recruit enough analysts, data scientists and engineers "
        "to make the most of our own patient data."
    ),
    "safe-haven-aldershot-sabp-catalyst-mcch": (
        "Our A&E sees a steady flow of people in mental distress in the evenings who don't need emergency "
        "medical care. Service users have told us they'd rather have a welcoming place to go after hours "
        "where they can talk to someone and get support."
    ),
    "sefton-cvs-cheshire-merseyside-high-intensity-use": (
        "A handful of patients account for a huge number of A&E attendances, 999 calls and urgent care "
        "contacts, and what's behind it is usually loneliness, housing, debt or other social problems rather "
        "than medical need."
    ),
    "sensyne-chelsea-westminster-strategic-research-agreement": (
        "Our trust collects masses of routine clinical data that could tell us which treatments and ways of "
        "working give better outcomes, but we don't have the analytical expertise in-house to make sense of "
        "it."
    ),
    "sensyne-milton-keynes-university-hospital-sra": (
        "Our district general hospital holds years of records on hundreds of thousands of patients, but we "
        "lack the funding and know-how to use that data safely and ethically for studies that could improve "
        "treatment and help develop new drugs."
    ),
    "smc-abpi-user-group-forum": (
        "Our medicines appraisal process now has to cover every newly licensed product, and handling "
        "pharmaceutical companies' evidence submissions is slow and clunky. We need an approach that is fair "
        "and timely and works for both the NHS and manufacturers, so patients aren't kept waiting."
    ),
    "tht-solent-cambridge-practice-hiv-text-testing-rushmoor": (
        "HIV prevalence in our borough is above the 2 per 1,000 threshold, and we know some residents are "
        "living with undiagnosed HIV while others have dropped out of care. Our GP practices and community "
        "services need to find and re-engage them."
    ),
    "touchstone-lslcs-leeds-hope-wellbeing-crisis-cafe": (
        "At night and at weekends, people in a mental health crisis are turning up at our emergency "
        "department when they don't need medical treatment, then waiting hours in an unsuitable environment. "
        "Our liaison team is overwhelmed and we need an alternative."
    ),
    "vernova-healum-type-2-diabetes-digital-care-plans": (
        "Our practices can't give every type 2 diabetes patient tailored education and help with lifestyle, "
        "and care plans are rarely shared across the wider team. HbA1c control is slipping and we're seeing "
        "more complications."
    ),
}

HELD_OUT = {
    "ahsn-network-versus-arthritis-escape-pain-national-programme": (
        "In our PCN, older patients with long-standing hip and knee pain take up a big share of GP "
        "appointments, and most just get repeat painkillers. We need a better community approach for chronic "
        "joint pain in the over-50s that eases pressure on practices."
    ),
    "alzheimer-scotland-nhs-grampian-aberdeenshire-link-workers": (
        "Dementia numbers in our rural health and social care partnership are rising fast as the population "
        "ages, and families say they're left alone straight after diagnosis. We need to reach people early, "
        "when they are still able to make decisions about their future care, money and living arrangements."
    ),
    "alzheimers-society-kingston-dementia-support-service": (
        "Newly diagnosed people with dementia in our borough, and their carers, often have no idea what help "
        "exists locally. Post-diagnostic support is patchy, so many only come back to services at crisis "
        "point."
    ),
    "amgen-nhsa-northern-bone-health-project": (
        "Too many older people at risk of osteoporotic fractures are never picked up or started on bone "
        "protection in our practices. Hip and wrist fractures after falls are costing the ICB heavily in "
        "admissions and social care packages."
    ),
    "astrazeneca-berkshire-mental-health-primary-care-guidelines": (
        "GPs across our ICB lack clear, consistent local guidance for managing depression, anxiety and severe"
        " mental illness in primary care, and practice varies widely between surgeries. We want to "
        "standardise care in line with national standards and contract requirements."
    ),
    "astrazeneca-imperial-my-medication-passport": (
        "Patients and carers often can't tell us accurately what they take, at what dose, what they're "
        "allergic to or which vaccines they've had, especially when moving between hospital and community. "
        "This causes medication errors and wastes clinician time at every handover."
    ),
    "black-thrive-living-well-network-alliance-capsa": (
        "Black residents in our borough are over-represented in Mental Health Act detentions and under-"
        "represented in early talking-therapy support. As a mental health trust we must tackle racial "
        "inequity in how people reach us, how they're treated and what outcomes they get."
    ),
    "champs-cheshire-merseyside-community-liver-health-checks": (
        "Liver disease deaths in our ICS are well above the England average, and most patients only come to "
        "light once they have cirrhosis or decompensate. Alcohol, obesity and viral hepatitis drive it, and "
        "we're missing the chance to find people earlier in the community."
    ),
    "community-pharmacy-ni-pha-hscb-living-well": (
        "Community pharmacies in our most deprived neighbourhoods see thousands of people daily, but we "
        "aren't using those contacts to help people stop smoking, cut down on drinking or eat better. How can"
        " pharmacy become a routine front door for prevention?"
    ),
    "deepc-ai4vbc-six-trust-radiology-platform": (
        "Reporting backlogs in our imaging department are delaying diagnosis on cancer, heart failure and "
        "memory pathways. We lack a safe, governed route to test, procure and roll out new automated "
        "decision-support tools across the trust's radiology network."
    ),
    "drdoctor-nhs-england-missed-appointments-trial": (
        "Our outpatient clinics lose thousands of slots a year to patients who don't attend, wasting "
        "consultant time and lengthening waiting lists. DNA rates are highest among younger and more deprived"
        " patients, and we need to bring them down."
    ),
    "emed-shropshire-telford-wrekin-falls-response-pilot": (
        "Older people who fall at home are the biggest group we convey to A&E; many lie on the floor for "
        "hours waiting for help, ending up with pressure damage, admission and lost independence. Winter "
        "makes ambulance delays much worse."
    ),
    "gilead-nhs-smpa-hep-c-elimination": (
        "Many clients of our substance misuse services are living with undiagnosed hep C and never get "
        "tested, let alone treated. We need to close that gap if our area is going to hit elimination "
        "targets."
    ),
    "henpicked-gateshead-health-staff-menopause-partnership": (
        "A large part of our workforce is women in their 40s and 50s, and staff going through perimenopause "
        "and menopause tell us they feel unsupported by managers; some are cutting hours or leaving. As a "
        "trust we want better awareness and workplace support."
    ),
    "hep-c-trust-bcuhb-hmp-berwyn-micro-elimination": (
        "Testing and treating hepatitis C in our large prison is hard: residents worry about stigma, few know"
        " much about the infection, and high turnover means people move on before treatment starts."
    ),
    "hin-south-london-oruk-escape-pain-licence": (
        "Our community MSK service needs a lasting, affordable way to support people with chronic back, hip "
        "and knee pain. Short-term funding keeps putting our rehab offer at risk while physio waiting lists "
        "grow."
    ),
    "hive-greater-manchester-fast-track-city-pash": (
        "Our city region wants to stop new HIV infections altogether over the next generation, while also "
        "reducing TB and hepatitis B and C. Stigma and large numbers of people who don't know they're "
        "infected keep holding us back."
    ),
    "lgbt-foundation-bha-talk-and-test-greater-manchester": (
        "HIV is still being diagnosed late across our ICS, particularly among Black African communities and "
        "gay and bisexual men, and our caseload is the largest in the region. We need to find people earlier "
        "and narrow these inequalities."
    ),
    "lsc-icb-nobi-hartland-house-falls-pilot": (
        "Falls are our top cause of emergency admission, and people in care homes and supported housing who "
        "fall overnight can lie on the floor for hours before anyone finds them. These long lies mean worse "
        "injuries and longer hospital stays."
    ),
    "medtronic-imperial-hammersmith-cath-labs": (
        "Our cardiac cath labs run on ageing equipment with inefficient scheduling, causing cancelled lists "
        "and delays for angiography and PCI. As a tertiary centre we need to modernise kit and improve "
        "throughput without a huge capital outlay."
    ),
    "medtronic-nhs-tayside-dundee-strategic-partnership": (
        "Clinicians in our health board come up with good ideas, but there is no clear route to develop and "
        "adopt them, and our dealings with industry are mostly transactional sponsorship. We want genuine "
        "joint partnerships where both sides share risk and benefit."
    ),
    "mendelian-central-south-gmsa-mendelscan-pcn-pilot": (
        "Patients with rare conditions can take years and many referrals to get a diagnosis, bouncing between"
        " GP and specialists. We want our practices to spot the warning signs of rare diseases much earlier."
    ),
    "microsoft-belfast-trust-teams-virtual-consultations": (
        "When the pandemic hit, our integrated trust, covering both health and care, struggled to keep "
        "clinics and community services going and make rapid decisions when staff and patients couldn't meet "
        "face to face. We need to be ready for remote working next time."
    ),
    "moic-accelerate-rapid-sepsis-diagnostic": (
        "Patients with sepsis in our hospitals often wait 48 hours or more for culture results, so clinicians"
        " default to broad-spectrum antibiotics. We need to identify the bug much faster to target treatment "
        "and support antimicrobial stewardship."
    ),
    "msd-south-eastern-hsct-rcc-pdp": (
        "Our kidney cancer pathway is slow and inconsistent, and we are missing 62-day targets for patients "
        "with renal cell carcinoma. We want every patient to get timely, best-practice treatment."
    ),
    "nhs-dpp-digital-pilot-industry": (
        "Group sessions for people with pre-diabetes in our PCN have long waits and high dropout, and many "
        "working-age patients can't attend face to face. We need other ways to help high-risk patients change"
        " their lifestyle and avoid type 2 diabetes."
    ),
    "nhse-health-justice-hep-c-trust-prison-peer2peer": (
        "Uptake of opt-out BBV testing in our prisons is lower than it should be because residents fear "
        "stigma and judgement. Hep C rates are much higher in custody than outside, and we're missing people."
    ),
    "norfolk-waveney-perinatal-pelvic-health-squeezy-epaq": (
        "Lots of women in our area have bladder or bowel leakage or prolapse symptoms after having a baby but"
        " never mention it, and those who do wait months for women's health physio. We want to pick up pelvic"
        " floor problems earlier after birth."
    ),
    "novartis-hampshire-iow-reimagining-care-pathways": (
        "Commissioners, national planning guidance and patients are all pushing our ICS to run outpatients "
        "and other services more efficiently, while elective recovery targets keep rising. We need "
        "productivity gains without compromising care."
    ),
    "novartis-uclh-cancer-collaborative-mdt-scorecards": (
        "Across our cancer alliance, data on waiting times, diagnoses and home chemotherapy sits in different"
        " hospital systems and is recorded differently by tumour site. Without a single view we can't easily "
        "see where to improve."
    ),
    "oviva-hull-east-riding-diabetes-remission": (
        "We have nearly 20,000 people with diabetes in our ICB and prescribing costs keep climbing. Many "
        "overweight patients with recently diagnosed type 2 could achieve remission through intensive weight "
        "loss, but primary care here doesn't offer that route."
    ),
    "oxehealth-oxford-health-oxevision-vaughan-thomas-ward": (
        "On our inpatient wards, nurses open doors every 15 minutes or hourly overnight to do observations, "
        "which wakes patients, upsets them and still doesn't stop every incident. We want safer nights with "
        "less disturbance."
    ),
    "pathway-brighton-royal-sussex-homeless-team": (
        "People experiencing homelessness in our acute hospital are regularly discharged straight back onto "
        "the street or into sofa-surfing, and come back in within weeks. Homeless deaths are rising "
        "nationally and we need safer discharge."
    ),
    "pathway-partnership-programme-homeless-hospital-teams": (
        "More homeless patients are coming through our hospitals with complex physical, mental health and "
        "substance use needs, and too often they leave us to sleep rough again and return via A&E. Our ICB "
        "wants to break this cycle."
    ),
    "pathway-uclh-homeless-hospital-team": (
        "We usually only find out a patient is homeless on the day they're due to leave, so there's no time "
        "to arrange anything and they go back out onto the street. Our trust needs to identify housing "
        "problems at admission."
    ),
    "pfizer-uclpartners-outpatient-medicines-provision": (
        "Since more of our outpatient clinics moved to video and phone, patients struggle to get hospital-"
        "only medicines, because these can't be dispensed through their local chemist. Many have to travel in"
        " just to collect prescriptions."
    ),
    "porters-care-nobi-somerset-care-home-falls-trial": (
        "Falls are frequent in our care homes, with almost half of residents falling in a three-month period,"
        " and hip fractures lead to long hospital stays and high costs. We want to cut falls and ambulance "
        "call-outs from care homes."
    ),
    "rdeft-community-housing-aid-bay6-homeless-discharge": (
        "Homeless patients on our wards stay longer than they need to because there's nowhere safe to send "
        "them, blocking beds and taking up staff time. Many then bounce back through ED. How can we improve "
        "discharge for this group?"
    ),
    "roche-manchester-ahsc-research-partnership": (
        "Too few of our patients get the chance to join clinical trials, especially in cancer, and our system"
        " is slow to give them access to new treatments and diagnostics. We want to grow research "
        "participation and generate real-world evidence locally."
    ),
    "sandoz-cancer-vanguard-biosimilars-adoption": (
        "Switching from originator biologics to biosimilars in oncology is slower than it should be at our "
        "trust, because clinicians and pharmacists don't feel confident explaining them to patients. We're "
        "missing out on large savings."
    ),
    "sensyne-cambridge-university-hospitals-partnership": (
        "Our teaching hospital holds vast amounts of patient data in cancer, cardiology and rare disease, but"
        " we're not using it to shorten cancer waits or support clinical decisions. We want to unlock that "
        "data safely to improve care and support drug research."
    ),
    "sensyne-george-eliot-wye-valley-sra": (
        "As a smaller district general hospital we are left out of data-driven research, which tends to go to"
        " big teaching trusts. We want our anonymised patient data to contribute safely, with any returns "
        "coming back into patient care."
    ),
    "siemens-barts-royal-london-technology-partnership": (
        "We're rebuilding major hospital sites for cardiac, cancer, trauma and paediatric care, and need the "
        "imaging and treatment equipment to stay current for decades rather than go out of date within a few "
        "years of opening."
    ),
    "st-john-ambulance-cymru-wast-falls-frailty-response": (
        "Thousands of over-60s fall every year in our health board area, and almost half of the 999 calls "
        "that follow don't need a hospital. Yet people lie for hours before an ambulance arrives, which harms"
        " them and ties up crews."
    ),
    "tht-st-helens-knowsley-national-hiv-testing-week-2012": (
        "A large share of people living with HIV in our region don't know they have it, and too many are "
        "diagnosed late, when the risk of dying is much higher. We need to find undiagnosed people sooner."
    ),
    "turning-point-lpt-mental-health-central-access-point": (
        "People in a mental health crisis in our area don't have one 24/7 number to call, so they end up "
        "ringing 111 or turning up at ED. Our mental health trust needs a better urgent route for them."
    ),
    "west-herts-badger-notes-good-things-foundation-maternity-hub": (
        "Our maternity service still uses paper notes, so women can't easily see their own records. But we "
        "worry that going digital will leave out women without smartphones or data, widening existing gaps in"
        " maternity outcomes."
    ),
}

DEPTH = 50  # a known answer ranked below this counts as not found (reciprocal rank 0)


@dataclass(frozen=True)
class KnownAnswer:
    """How one challenge's known answer fared."""

    rank: int | None  # among the precedents; None past DEPTH
    flagged: bool  # the challenge was said to have no strong precedent (it has one)
    partner_rank: int | None  # the best rank, among the likely partners, of a partner of the known answer
    first: str  # the id of the precedent ranked first


def known_answers(matcher: Matcher, challenges: dict[str, str]) -> dict[str, KnownAnswer]:
    answers = {}
    for record_id, challenge in challenges.items():
        result = matcher.match(challenge, limit=DEPTH)
        ids = [p.record.id for p in result.precedents]
        record = matcher.get(record_id)
        its_partners = {matcher.names.key(p.name) for p in (*record.industry_partners, *record.other_partners)}
        partner_ranks = [i for i, p in enumerate(result.partners, 1) if matcher.names.key(p.name) in its_partners]
        answers[record_id] = KnownAnswer(
            rank=ids.index(record_id) + 1 if record_id in ids else None,
            flagged=result.no_strong_precedent,
            partner_rank=min(partner_ranks, default=None),
            first=ids[0],
        )
    return answers


def summary(answers: dict[str, KnownAnswer]) -> str:
    """MRR / first / in the top 10 / flagged / a partner of it the first likely partner / in the top 5."""
    ranks = [a.rank for a in answers.values()]
    partner_ranks = [a.partner_rank for a in answers.values()]
    mrr = fmean(1 / rank if rank else 0 for rank in ranks)
    return " / ".join(
        [
            f"{mrr:.3f}",
            *(f"{fmean(rank is not None and rank <= k for rank in ranks):.0%}" for k in (1, 10)),
            f"{fmean(a.flagged for a in answers.values()):.0%}",
            *(f"{fmean(rank is not None and rank <= k for rank in partner_ranks):.0%}" for k in (1, 5)),
        ]
    )


def report(open_half: dict[str, str], held_out: dict[str, str]) -> None:
    """Each ranking's summary for the two halves of known-item challenges, and the open half's misses."""
    base = load_configured_matcher()
    known = {record.id for record in base.corpus.records}
    halves = {"open half": open_half, "held out": held_out}
    assert all(set(half) <= known for half in halves.values()), "each known answer is a bundled record"
    print(f"{len(open_half)} + {len(held_out)} challenges; the known answer: MRR / first / in the top 10 / flagged;")
    print("a partner of it among the likely partners: first / in the top 5")
    print(f"{'ranking':22}" + "".join(f"{half:>38}" for half in halves))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        print(f"{label:22}" + "".join(f"{summary(known_answers(matcher, half)):>38}" for half in halves.values()))
    print("\nopen half, known answer not first, shipped (its rank, and what came first):")
    for record_id, answer in known_answers(base, open_half).items():
        if answer.rank != 1:
            print(f"  {record_id}: {answer.rank or f'past {DEPTH}'}, first {answer.first}")


if __name__ == "__main__":
    report(OPEN, HELD_OUT)
