"""Statements of intent after a problem: `python -m bench.intentions` (about 40 s).

Leaders often end a challenge with what they mean to try ("We want to try remote monitoring or
acoustic sensors."), naming an approach without the condition again. Read less half the whole
challenge (focus.py), such a sentence looks like background to the classifier of sentences, as a
follow-up question does; so a statement of intent whose intended part names a condition or an
approach counts as the problem whatever the classifier reads (matcher/background.py, `intended`).
Organisations' plans for themselves ("The trust also plans to join a pathology network") and
generic wishes ("We'd love to speak to anyone who's been through this") should stay background.

Two helper sessions that saw nothing of the project wrote the challenges below, each ending in an
approach intended, an organisation's plan (half naming a service or condition, to tempt a rule
keyed on topic words) or a generic wish, told to vary the wording as much as they could. The rule's
wording was shaped after reading the first set (SHAPED_ON); the second (HELD_OUT) was written and
read only after it, and is only a check.

Prints, per set and ranking, the share of approaches intended that count as the problem (weight at
least CONCEPT_WEIGHT) and of plans and wishes that do not; then, for want of judgments, a proxy of
what counting the intent does to the ranking: for each challenge ending in an approach (these and
`bench.questions`' stated follow-ups), a record among the last sentence's best 3 read alone and the
rest's best 30 read alone, and that record's reciprocal rank in the whole challenge's top 10; and
nDCG@10 of the answerable dev challenges with a follow-up of intent after each (DEV_INTENTS), against
the challenges as written: the judgments are of the problem alone, so this checks that counting the
intent does not pull the ranking away from it.
"""

from __future__ import annotations

from statistics import fmean

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.background import CONCEPT_WEIGHT
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries, reciprocal_rank
from nhsmatch.matcher.passages import sentence_spans
from nhsmatch.matcher.search import Matcher, Ranking

from .context import as_sentence, mean_ndcg
from .questions import FOLLOW_UPS, FOLLOW_UPS_AFTER, last_weight, print_last_sentences

# Written blind; the rule's cues and its list of reorganising verbs were chosen after reading it.
SHAPED_ON = {
    "approach, intended": [
        (
            "AF detection in our PCN is well below expected prevalence, and too many people are only diagnosed after "
            "they've had a stroke. We're minded to put handheld single-lead ECG devices into flu clinics and community "
            "pharmacies this autumn."
        ),
        (
            "Hypertension control across the ICB stands at approximately 60% against the national ambition of 80%, "
            "with the poorest performance concentrated in our most deprived neighbourhoods. The plan is to train "
            "health and wellbeing coaches to carry out blood pressure checks in mosques, barbers and food banks."
        ),
        (
            "t2dm pts under 40 not getting the 8 care processes, hba1c high, lots of DNAs. thinking about a structured "
            "education course run online in the evenings"
        ),
        (
            "We estimate nearly half of patients with an eGFR under 60 aren't on a CKD register, and urine ACR testing "
            "in people with diabetes is patchy at best. Next spring we'll pilot home ACR testing kits that patients "
            "use with a smartphone app."
        ),
        (
            "Spirometry backlog since COVID is over 2,000 patients across the PCN and we're labelling people with COPD "
            "on symptoms alone. What we have in mind is a hub-based diagnostic service with trained healthcare "
            "assistants doing quality-assured spirometry and FeNO."
        ),
        (
            "Lower GI urgent suspected cancer referrals have doubled in three years and colonoscopy capacity can't "
            "keep up, yet the conversion rate is under 5%. The idea on the table is faecal immunochemical testing in "
            "primary care to triage referrals before anyone is booked for a scope."
        ),
        (
            "Young people referred to CAMHS are waiting more than a year in parts of the county, and referrals for "
            "anxiety and low mood keep climbing. We're keen to commission a digital CBT platform with clinician "
            "oversight for those on the waiting list."
        ),
        (
            "Dementia diagnosis rates in our care homes are well below the 66.7% national ambition, and some residents "
            "go years without a formal diagnosis. Ideally we'd have a memory nurse doing in-reach assessments in the "
            "homes, backed by remote consultant review."
        ),
        (
            "Smoking at time of delivery is 14% across our LMNS, one of the highest rates in England, and very few "
            "pregnant smokers take up stop smoking support. Our next step is to embed a tobacco dependence adviser in "
            "every antenatal clinic, with CO monitoring at booking."
        ),
        (
            "Children in our inner-city wards are admitted with asthma far more often than elsewhere, and many have "
            "never had a written action plan or an inhaler technique check. We'd like to get school nurses running "
            "reviews in schools, with smart inhaler monitoring for the highest-risk children."
        ),
        (
            "Waits for orthopaedic outpatient appointments for knee and hip pain are over 40 weeks, and about a third "
            "of the patients seen don't need surgery. The trust is looking at first contact physiotherapists in GP "
            "practices to triage these patients earlier."
        ),
        (
            "Our health board's eye service follow-ups for glaucoma and medical retina are badly overdue, and we've "
            "had serious incidents linked to delayed reviews. We've been asked to set up a community optometrist-led "
            "monitoring scheme for stable patients."
        ),
        (
            "derm 2ww referrals through the roof, vast majority benign, clinic can't cope. hoping to get "
            "teledermatology with dermatoscope images from practices going before winter"
        ),
        (
            "Falls in over-75s drive a large share of our ambulance conveyances, and many are people who aren't "
            "injured but can't get up off the floor. We're after a falls response service with lifting equipment and a "
            "community paramedic so people can be assessed and treated at home."
        ),
        (
            "About 200 people account for over 4,000 ED attendances a year at our hospital, and most have complex "
            "social needs rather than acute medical problems. The team is planning a high intensity user service with "
            "named caseworkers who support each person in the community."
        ),
        (
            "Polypharmacy represents a significant risk in our older population, with over 8,000 patients prescribed "
            "ten or more medicines and several recent admissions attributable to anticholinergic burden. Practice "
            "pharmacists will run structured medication reviews, targeted using a risk stratification tool."
        ),
        (
            "MMR uptake at age five is under 85% in our borough, with the lowest rates among Somali and Roma families. "
            "We want to try pop-up vaccination clinics run alongside trusted faith and community leaders."
        ),
        (
            "Gram-negative bloodstream infections, mostly E. coli from urinary sources, are above our threshold and "
            "most are community onset. Thinking about a hydration and catheter care programme in care homes, with "
            "urine colour charts and staff training."
        ),
        (
            "Demand for our sexual health clinic outstrips capacity, and young people in the rural north of the county "
            "can't easily get to the one city-centre site. We'd look to expand online STI self-sampling kits that are "
            "ordered through a website and returned by post."
        ),
        (
            "Uptake of annual health checks for people with a learning disability is around 55% in our area, and "
            "reasonable adjustments are inconsistent from one practice to the next. Our intention is to bring in "
            "liaison nurses who help practices prepare and run the checks, with easy-read invitations."
        ),
        (
            "A disproportionate number of people in our area die in hospital despite having expressed a wish to die at "
            "home, and their advance care plans do not follow them between services. We plan to roll out a shared "
            "electronic care coordination record that the ambulance service and out-of-hours GPs can all see."
        ),
        (
            "Adult audiology waits in the health board have grown to 30 weeks, and the majority of patients have "
            "straightforward age-related hearing loss. Looking to commission a community direct-access service run by "
            "high street providers."
        ),
        (
            "HF dx late, mostly on emergency admission; echo wait 20+ wks. Considering NT-proBNP in primary care plus "
            "a community diagnostic pathway led by HF specialist nurse."
        ),
        (
            "Only about half of our patients with established cardiovascular disease are on a high-intensity statin, "
            "and lipid targets are rarely met. A pharmacist-led lipid optimisation clinic, including inclisiran where "
            "eligible, is what we're proposing."
        ),
        (
            "Diabetic foot amputation rates in the county are well above the national average, and patients often "
            "reach the multidisciplinary foot team too late. Our aim is to start a rapid-access foot protection "
            "service with community podiatrists and remote temperature-monitoring insoles."
        ),
        (
            "SABA over-reliance is rife: lots of adults collecting 12 or more reliever inhalers a year with no "
            "preventer on repeat. Community pharmacists could pick these people up at the point of dispensing, so "
            "we're putting together a targeted review service with them."
        ),
        (
            "Cervical screening coverage among 25 to 49 year olds has fallen below 65% in several practices, "
            "especially among women of South Asian heritage. We're exploring HPV self-sampling kits for non-attenders."
        ),
        (
            "Most lung cancers here are picked up at stage 3 or 4, and smoking rates in our former mining communities "
            "remain stubbornly high. Hoping to get targeted lung health checks with low-dose CT going, using mobile "
            "scanners parked at supermarkets."
        ),
        (
            "Physical health checks for people with severe mental illness are completed for fewer than half of those "
            "on the register, and the life expectancy gap is 15 to 20 years. The plan we're working up uses peer "
            "support workers to carry out the checks in community venues with point-of-care blood testing."
        ),
        (
            "Women with postnatal depression are often not picked up until they reach crisis, and health visitors tell "
            "us they don't have time for proper screening. Next year we intend to add digital mood screening to "
            "antenatal and postnatal contacts, with direct referral into the perinatal team."
        ),
        (
            "Paediatric ED attendances spike every winter with bronchiolitis and fever in under-fives, and many of "
            "these children could be safely managed at home. What we'd like is a paediatric hospital-at-home service "
            "with remote oxygen saturation monitoring."
        ),
        (
            "Our renal unit is at capacity for in-centre haemodialysis and some patients travel 90 minutes each way, "
            "three times a week. The renal team is keen to grow home dialysis, supported by remote monitoring and a "
            "technician visiting service."
        ),
        (
            "Our electronic frailty index flags around 3,000 people with severe frailty in the PCN, yet most get no "
            "proactive care until they turn up in A&E. We've got funding to try comprehensive geriatric assessment "
            "delivered at home by a multidisciplinary team."
        ),
        (
            "Ambulance handover delays at our main acute site regularly exceed four hours, with crews stacked outside "
            "the department. We're going to trial a single point of access where paramedics can call a senior "
            "clinician before deciding to convey."
        ),
        (
            "Antibiotic prescribing for respiratory tract infections in our practices is among the highest in the "
            "region, and patient expectation is a big driver. Point-of-care CRP testing in practices is our proposed "
            "next move."
        ),
        (
            "Flu vaccine uptake among housebound patients and under-65s in clinical risk groups fell last season "
            "across our Glasgow practices. I'd like to try automated text recall with a booking link, plus a roving "
            "team for people who can't leave home."
        ),
        (
            "We think several hundred people in our area have undiagnosed hepatitis C, many of them homeless or in "
            "contact with drug and alcohol services. The idea is dried blood spot testing with same-day treatment "
            "starts in hostels and needle exchanges."
        ),
        (
            "late HIV diagnosis still over 40% locally, lots of missed opportunities in ED. we want opt-out BBV "
            "testing for everyone having bloods taken in the department"
        ),
        (
            "After a dementia diagnosis, families tell us they get a leaflet and nothing else, and carers reach crisis "
            "point within months. We'd like to commission navigators who keep in touch with each family for the first "
            "year."
        ),
        (
            "Children with squint and amblyopia are being picked up late because orthoptist-led school vision "
            "screening stopped in parts of the HSCP area. Reinstating it with a tablet-based screening app run by "
            "school nurses is something we're weighing up."
        ),
        (
            "We see many hip fractures in people who have already had a fragility fracture, and most were never "
            "assessed or treated for osteoporosis. Setting up a fracture liaison service is the direction we're "
            "heading in."
        ),
        (
            "Black men in our city present with prostate cancer later than average, and few are having informed "
            "conversations with their GP about PSA testing. We'd hope to run community awareness and testing events "
            "with local churches and barbers."
        ),
        (
            "District nurses are spending a huge share of their time on chronic leg wounds that never heal, and few "
            "patients have had a Doppler assessment. A dedicated clinic offering compression therapy after proper "
            "vascular assessment is what we'd like to set up."
        ),
        (
            "Care home residents often have hearing aids that are broken, lost or have flat batteries, which adds to "
            "confusion and isolation. Training care staff as hearing champions, with a visiting audiology technician, "
            "is our current thinking."
        ),
        (
            "Autistic adults are waiting up to three years for a diagnostic assessment and the backlog keeps growing. "
            "Our commissioners want to test a digitally supported assessment using online questionnaires and remote "
            "observation."
        ),
        (
            "Out of hours, families of people dying at home are waiting hours for anticipatory medicines because "
            "district nurses can't always get to them. We're looking to stock just-in-case medicine boxes in selected "
            "community pharmacies with an on-call pharmacist."
        ),
        (
            "Children and young people with type 1 diabetes in our network have poorer HbA1c than the national audit "
            "average, and access to technology depends on postcode. Ideally we'd get every child onto a hybrid "
            "closed-loop system with remote review by the paediatric team."
        ),
        (
            "Adult obesity prevalence is over 30% in our district and the tier 3 weight management service has a "
            "two-year wait. Exploring a digital programme with health coaching that GP practices can refer into "
            "directly."
        ),
        (
            "Alcohol-related admissions keep rising, and we see the same patients in ED again and again with "
            "withdrawal and liver complications. A seven-day alcohol care team in the hospital is the thing we're "
            "pushing for."
        ),
        (
            "Liver disease is often found only when patients decompensate, and GPs have no easy access to fibrosis "
            "testing. Our pathway group has proposed automatic FIB-4 calculation in practice systems, with onward "
            "transient elastography in the community."
        ),
    ],
    "organisation, intended": [
        (
            "Door-to-needle times for thrombolysis have slipped to a median of 75 minutes, largely because of delays "
            "getting patients from the front door to CT. Separately, the trust goes live with its new electronic "
            "patient record in April, which is tying up most of the informatics team."
        ),
        (
            "Year 6 obesity is above 25% in several of our wards and uptake of family weight management is poor. The "
            "ICB is also merging with its neighbour next year, so a restructure of the commissioning directorates is "
            "under way."
        ),
        (
            "Completion rates for pulmonary rehab are under 40% and COPD readmissions remain stubbornly high. We're "
            "also planning to move the community respiratory team into the new health hub on the high street next "
            "autumn."
        ),
        (
            "Waits for memory assessment have crept up to 18 weeks and GPs are complaining about the lack of updates. "
            "Our board has agreed to refresh the joint forward plan, with sign-off expected in March."
        ),
        (
            "Patients on the 62-day cancer pathway are waiting far too long for diagnostics, particularly CT "
            "colonography and prostate MRI. We're preparing for a CQC inspection of our maternity and surgery services "
            "this autumn, and that is dominating the executive agenda."
        ),
        (
            "t2dm remission numbers tiny compared to what the data says we should manage, low uptake of low-cal diet "
            "referrals. pcn also taking on two more practices from april and we're changing clinical director"
        ),
        (
            "Out-of-area placements for acute mental health beds cost us over £8m last year, and patients are being "
            "sent hundreds of miles from home. Alongside this, the trust is replacing its finance and procurement "
            "system in July."
        ),
        (
            "Our stillbirth and preterm birth rates are above the national average, especially among women from the "
            "most deprived postcodes. We intend to complete the labour ward refurbishment under the new hospital "
            "programme by 2027."
        ),
        (
            "Children referred for neurodevelopmental assessment are waiting over two years for community paediatrics. "
            "The trust is also moving all its children's community services onto a single electronic record by "
            "December."
        ),
        (
            "Patients with knee osteoarthritis wait months for a first appointment and many are deconditioned by the "
            "time they're seen. The trust also intends to relocate outpatient dermatology to the Riverside site in the "
            "new year."
        ),
        (
            "The glaucoma follow-up backlog now exceeds 6,000 appointments, with some patients more than twelve months "
            "beyond their clinically indicated review date. The board's overriding priority for the coming financial "
            "year is recovery of the underlying deficit, with a 5% cost improvement target applied across every "
            "division."
        ),
        (
            "GPs are struggling to manage severe eczema and psoriasis while patients wait over a year for a "
            "dermatology appointment. The ICB is recruiting a new medical director, with interviews scheduled for June."
        ),
        (
            "Fall-related hip fractures in over-80s have risen by a fifth in three years and most happen at home. The "
            "council and the ICB plan to pool adult social care and community health budgets under a section 75 "
            "agreement from next April."
        ),
        (
            "Corridor care has become routine in our ED, with patients spending over 12 hours on trolleys most days. "
            "The trust launches its new five-year clinical strategy in the summer and staff consultation is running "
            "now."
        ),
        (
            "We're seeing huge amounts of medicines waste from repeat prescriptions that are ordered but never used, "
            "particularly inhalers and nutritional supplements. Our medicines optimisation team is being restructured, "
            "with two posts moving into the ICB's central team in September."
        ),
        (
            "Childhood immunisation uptake has dropped every year for five years, and we're now well below herd "
            "immunity levels for measles in some wards. Responsibility for commissioning vaccination services "
            "transfers to the ICB next year and we're setting up the governance arrangements now."
        ),
        (
            "C. diff rates on our elderly care wards are the highest they've been in a decade. The infection "
            "prevention team is relocating to the new admin block once the old nurses' home is demolished in the "
            "spring."
        ),
        (
            "Gonorrhoea and syphilis diagnoses have risen sharply in our area over the past two years, especially "
            "among young people. The council's public health team is going through a restructure and plans to appoint "
            "a permanent director of public health by the summer."
        ),
        (
            "People with a learning disability in our area die on average more than 20 years earlier than the general "
            "population, and LeDeR reviews keep flagging the same avoidable causes. The trust's board is to be reduced "
            "in size as part of a wider governance review later this year."
        ),
        (
            "Only about a third of patients on our palliative care registers have an advance care plan recorded, and "
            "families say conversations happen too late. The hospice is also planning to merge with another local "
            "hospice charity to form a single organisation by 2026."
        ),
        (
            "Adults are waiting around 30 weeks for a hearing assessment and complaints about audiology have doubled. "
            "The trust has a new chief executive starting in January and we'll be rewriting our corporate objectives "
            "with her."
        ),
        (
            "Many people with early CKD aren't coded and we only meet them when they're referred with an eGFR under "
            "20. The renal unit is moving into the refurbished east wing in 2026 as part of the estates programme."
        ),
        (
            "Heart failure readmissions within 30 days are running at nearly 25%, well above our peers. The ICS sits "
            "in segment 3 of the oversight framework and our priority this year is to exit the recovery support "
            "programme."
        ),
        (
            "blood pressure control poor across the PCN esp in working-age men who never come in. ARRS budget for next "
            "year still not confirmed so we're holding off any new recruitment until it is"
        ),
        (
            "Fewer than 80% of our patients with AF are anticoagulated, and there's wide variation between practices. "
            "We're in the middle of migrating all our practices from EMIS to SystmOne, due to finish by the end of the "
            "year."
        ),
        (
            "Children with asthma in our area are admitted to hospital at almost twice the England rate, and many are "
            "on the wrong inhalers. The ICB's strategy refresh is due in the autumn, the first since the board was "
            "established."
        ),
        (
            "Bowel screening uptake is under 55% in our poorest neighbourhoods compared with over 70% in the affluent "
            "ones. The trust also plans to join a pathology network with two neighbouring trusts next year."
        ),
        (
            "Too many of our lung cancers are found through emergency presentation, often at stage 4. On a separate "
            "note, our cancer alliance is redrawing its footprint from April, so some providers will be moving to a "
            "different alliance."
        ),
        (
            "People with severe mental illness in our area have very poor uptake of physical health checks, and "
            "cardiovascular deaths are high in this group. The mental health trust is consulting on closing one of its "
            "older inpatient sites and consolidating beds at the main hospital."
        ),
        (
            "Referrals to our perinatal mental health service have doubled, and many women wait weeks for first "
            "contact. We're about to go out to tender for facilities management and catering."
        ),
        (
            "Under-fives with minor illness make up nearly half of our paediatric ED attendances in winter. The "
            "children's hospital is also opening its new theatre block in October."
        ),
        (
            "Care home residents with dementia are being conveyed to hospital with behavioural crises that the homes "
            "feel unable to manage. Our ICB has to cut its running costs by 30% by next March, and we'll be consulting "
            "staff on a new structure over the summer."
        ),
        (
            "Severely frail older people are bouncing between hospital and home, with several admissions each in the "
            "last six months of life. Our community trust is being acquired by the local acute trust, with the "
            "transaction due to complete in the autumn."
        ),
        (
            "Category 2 response times in our rural areas average well over an hour, far beyond the 30-minute "
            "standard. The ambulance service is also replacing its computer-aided dispatch system next year."
        ),
        (
            "Our PCN is an outlier for broad-spectrum antibiotic prescribing, with co-amoxiclav and quinolone use well "
            "above the regional average. PCN board wants to form a federation with the neighbouring PCNs so we can "
            "hold contracts jointly from next April."
        ),
        (
            "Hepatitis C treatment starts have fallen since the elimination push lost momentum, and there are still "
            "undiagnosed people in our prisons and hostels. We're also switching our incident reporting to LFPSE at "
            "the same time, which is absorbing the governance team."
        ),
        (
            "Autism assessment waiting lists for adults are over two years long in our health board. The health "
            "board's annual planning round starts next month and every business case must be submitted by the end of "
            "January."
        ),
        (
            "Cataract surgery waits are over a year in our area and people are losing their driving licences while "
            "they wait. The ICB intends to move its headquarters out of the city-centre office into shared space with "
            "the council."
        ),
        (
            "Adults with obesity are waiting two years for the specialist weight management service, and GPs have no "
            "alternative to offer. Our digital team is busy rolling out a new patient portal app across outpatients "
            "this year."
        ),
        (
            "Alcohol-specific deaths in our HSCP area are among the highest in Scotland and have risen for three years "
            "running. The IJB sets its budget in March, and we expect to have to find significant savings."
        ),
    ],
    "generic, intended": [
        (
            "Sickle cell patients attending our ED in crisis wait on average over two hours for pain relief, well "
            "beyond the one-hour standard. We'd really value hearing from any trust that has cracked this."
        ),
        (
            "Epilepsy-related deaths in our area have prompted a coroner's prevention of future deaths report, and "
            "many patients haven't had a specialist review in years. Keen to see what has worked elsewhere and what it "
            "cost."
        ),
        (
            "People with Parkinson's admitted to our hospital frequently miss time-critical medication doses on the "
            "wards. Is there anyone out there with evidence of what actually makes a difference?"
        ),
        (
            "Hospital-acquired pressure ulcers have increased for the third consecutive year, notwithstanding a "
            "substantial investment in staff training. The board has requested examples from other areas, with "
            "outcomes, before it commits any further funding."
        ),
        "long covid clinic waiting list over 9 months, referrals not slowing. any pointers to similar projects welcome",
        (
            "Our practices are seeing more and more patients with chronic pain on high-dose opioids, and tapering "
            "conversations are hard to have in a ten-minute appointment. I'd like to compare notes with other PCNs "
            "facing the same thing."
        ),
        (
            "Stroke survivors in our area get very little rehabilitation after six weeks, and many lose the function "
            "they regained in hospital. What we need is solid evidence of impact and return on investment."
        ),
        (
            "Type 2 diabetes prevalence among our South Asian population is roughly double the local average, and "
            "people are being diagnosed younger each year. Looking for case studies, ideally with before-and-after "
            "data."
        ),
        (
            "Delayed discharges for patients awaiting packages of care occupy around 120 beds a day across our two "
            "acute sites. The ICB would like to understand how other systems have approached this and what the results "
            "were."
        ),
        (
            "Our community nursing teams have lost a quarter of their staff in two years and caseloads are "
            "unmanageable. Happy to talk to anyone who's been down this road."
        ),
        (
            "Deaths from drug overdose in our city are the highest they've been since records began. Any published "
            "evaluations would be hugely helpful."
        ),
        (
            "Self-harm presentations among teenage girls to our emergency department have tripled since 2019. Before "
            "we do anything we want to know what others have tried and whether it worked."
        ),
        (
            "Emergency admissions for people in their last year of life account for a huge proportion of our bed days "
            "in winter. Grateful for contacts in trusts that have made progress."
        ),
        (
            "Uptake of the NHS Health Check has never recovered since the pandemic, and we're missing people at high "
            "cardiovascular risk. We're trying to learn from other places, successes and failures both."
        ),
        (
            "Our rheumatology service is drowning in follow-up appointments for patients who are stable on their "
            "treatment. Would be good to know the costs and staffing involved in anything that's worked."
        ),
        (
            "Continence services have a 40-week wait and many older women are simply living with incontinence in "
            "silence. Interested in partnerships with industry that have delivered measurable results."
        ),
        (
            "Mental health patients in crisis are staying 24 hours or more in ED waiting for a bed, and staff feel out "
            "of their depth. Our team wants to visit a site that's further along."
        ),
        (
            "Women in our area are waiting months for menopause advice and many are given antidepressants instead of "
            "HRT. Could anyone share outcomes data?"
        ),
        (
            "nhs dental access is dire, kids turning up in ED with abscesses and GA extraction lists huge. need a "
            "business case so after benchmarks and savings figures from elsewhere"
        ),
        (
            "Our stillbirth rate has been flat for five years despite implementing every element of Saving Babies' "
            "Lives. Curious whether anyone has managed to shift this and how long it took."
        ),
        (
            "Gypsy, Roma and Traveller families in our patch have very little contact with primary care and poor child "
            "health outcomes. The clinical lead has asked me to find out what's out there."
        ),
        (
            "Waiting times for child and adolescent eating disorder treatment have doubled and more young people are "
            "being admitted medically unstable. Would welcome an introduction to comparable health boards."
        ),
        (
            "Remote and island communities in our health board struggle to access specialist outpatient care, with "
            "some patients travelling a full day each way. Seeking examples from Scotland or Wales in particular, as "
            "our context is so different from England's."
        ),
        (
            "Delirium in older inpatients goes unrecognised on our surgical wards, and it's lengthening stays by days. "
            "Ideally we'd find a peer who's a year or two ahead of us."
        ),
        (
            "Recognition of deteriorating residents in our care homes is inconsistent, and many are admitted late and "
            "very unwell. Open to hearing about anything with a track record."
        ),
        (
            "Gestational diabetes diagnoses have risen by 50% in four years and the antenatal diabetes clinic is "
            "overwhelmed. Some idea of what results are realistic would help us set targets."
        ),
        (
            "Uptake of the shingles vaccine among 70 to 79 year olds is around 40% in our PCN. Our commissioners are "
            "after evidence of cost-effectiveness from similar populations."
        ),
        (
            "Urinary tract infections in care home residents are frequently over-diagnosed and over-treated, and we're "
            "seeing resistance rise. Who else has looked at this, and what did they find?"
        ),
        (
            "Young carers in our area are largely invisible to health services and often have their own unmet health "
            "needs. We want to avoid reinventing the wheel."
        ),
        (
            "Since practices stopped ear syringing, patients with impacted ear wax are being referred to ENT or paying "
            "privately. Pointers to any independent evaluations, please."
        ),
    ],
}

# Written blind after the rule was made, by another helper; read only to check it.
HELD_OUT = {
    "approach, intended": [
        (
            "Our AF detection rates in the over-65s sit well below the national prevalence estimate, and audit shows "
            "opportunistic pulse checks are rarely documented. Around 400 people a year in the borough are admitted "
            "with stroke, and a fair share of those had undiagnosed AF. We plan to put handheld single-lead ECG "
            "devices into community pharmacies and flu clinics this winter."
        ),
        (
            "bp control in our PCN is poor, only 58% of hypertensives under 80 at target and loads havent had a "
            "reading in 18 months. practices are swamped. thinking of getting a clinical pharmacist to run virtual bp "
            "clinics using home readings sent in by text"
        ),
        (
            "Stroke survivors in rural Ceredigion and Powys wait up to six weeks for community therapy after "
            "discharge, and many lose function they regained on the ward. Our early supported discharge team only "
            "covers the main towns. The health board is considering tele-rehabilitation, with video physiotherapy "
            "sessions and wearable activity sensors."
        ),
        (
            "T2DM pts on our list w/ HbA1c >75 - about 300, many South Asian, poor attendance at structured education. "
            "Language a big barrier. Hoping to pilot a peer educator model with bilingual health champions running "
            "sessions in the mosque and gurdwara."
        ),
        (
            "Paediatric asthma admissions in our area are the highest in the region, concentrated in the most deprived "
            "wards where damp housing is common. Too many children are on repeat SABA with no preventer and no written "
            "plan. What we'd like to do is send a school nurse and a respiratory pharmacist into primary schools to "
            "check inhaler technique and issue personalised action plans."
        ),
        (
            "Around a third of our COPD patients discharged from hospital are readmitted within 90 days, mostly over "
            "winter. Pulmonary rehab uptake after an exacerbation is under 10%. Our respiratory team is preparing to "
            "launch a virtual ward with remote pulse oximetry and daily symptom scoring for the first fortnight after "
            "discharge."
        ),
        (
            "CKD is under-coded across the ICS: our modelling suggests 40% of people with stage 3-5 disease are not on "
            "a register, and urine ACR testing in people with diabetes is patchy. Late referral to renal means too "
            "many start dialysis in crisis. Home urine ACR kits linked to a smartphone app are something the ICB "
            "intends to commission for everyone with diabetes or hypertension who has not been tested in the last year."
        ),
        (
            "Liver disease deaths in our coastal towns are double the England average, and most patients are diagnosed "
            "when they already have decompensated cirrhosis. Primary care rarely goes beyond standard LFTs. A "
            "community transient elastography clinic inside the drug and alcohol service, with direct booking from "
            "GPs, is what we are hoping to set up."
        ),
        (
            "Over half of our lung cancers are picked up at stage 4, frequently through an emergency presentation. "
            "Smoking prevalence in our former mining villages remains above 20%. Mobile low-dose CT units parked in "
            "supermarket car parks - that is the approach the Cancer Alliance wants to expand into these communities."
        ),
        (
            "Only 41% of people on our SMI register had all six physical health checks last year, and life expectancy "
            "for this group is 15-20 years shorter than average. Many don't respond to letters from their GP. We're "
            "considering employing peer support workers to do the checks in people's homes and in community mental "
            "health hubs using point-of-care blood testing."
        ),
        (
            "Referrals of young people with eating disorders to our community CAMHS team have risen by 70% since 2020 "
            "and the urgent four-week standard is regularly breached. Some are medically unstable by the time they are "
            "seen. The trust hopes to introduce a first-episode rapid early intervention model, with a digital "
            "self-help platform for those still waiting."
        ),
        (
            "dementia diagnosis rate stuck at 54% in our PCN, well below the 66.7% ambition. memory clinic wait is 9 "
            "months. we want to do diagnosis in primary care for care home residents using the DiADeM tool, with GP "
            "training and backup from an admiral nurse"
        ),
        (
            "Black and Asian women in our LMNS footprint have markedly higher rates of stillbirth and late booking "
            "than white women. Many do not have their first antenatal appointment until after 12 weeks. The LMNS is "
            "preparing to recruit community maternity link workers who speak local languages and can book women into "
            "care at home."
        ),
        (
            "Our neonatal unit is regularly at capacity and babies are being transferred out of area, separating them "
            "from their parents. Many are late preterm babies who mainly need feeding support and observation. Setting "
            "up transitional care, with neonatal nurses supporting mothers to look after their babies on the postnatal "
            "ward, is the plan for next year."
        ),
        (
            "Waits for a first CAMHS appointment locally are over a year, and school staff report increasing self-harm "
            "among 11-14 year olds. GPs feel they have nothing to offer in the meantime. Mental health support teams "
            "based in schools, offering CBT-based guided self-help, are being considered by the ICB for the secondary "
            "schools in the two worst-affected towns."
        ),
        (
            "Knee OA pts being referred straight to ortho with little evidence of conservative mx - 30% of those seen "
            "aren't surgical candidates. 52 wk wait for 1st appt. I'd like to set up first contact physio triage plus "
            "a group exercise and education programme in our leisure centres."
        ),
        (
            "Our hospital eye service is overwhelmed by stable glaucoma and ocular hypertension follow-ups, with some "
            "patients overdue by more than a year and at risk of sight loss. Consultant capacity simply cannot keep "
            "up. An optometrist-led monitoring service in the community, with virtual consultant review of OCT and "
            "visual field results, is what we intend to commission."
        ),
        (
            "2WW skin cancer referrals have doubled and around 90% turn out to be benign lesions. Dermatology can't "
            "meet the faster diagnosis standard. Teledermatology triage with dermoscopic photos taken in GP practices, "
            "possibly supported by an AI triage tool, is the direction we want to go in."
        ),
        (
            "District nurses across the remote parts of NHS Highland spend a large share of their time on leg ulcers, "
            "many dressed for over a year without a diagnosis or Doppler assessment. Healing rates are poor and "
            "dressing spend keeps rising. NHS Highland is planning a dedicated compression clinic model, with digital "
            "wound imaging so specialists can review healing remotely."
        ),
        (
            "Older people with moderate and severe frailty account for most of our emergency bed days, yet few have a "
            "personalised care plan. Practices identify them through the eFI but little happens afterwards. We intend "
            "to run comprehensive geriatric assessments in PCN-based hubs, with a geriatrician joining monthly MDTs."
        ),
        (
            "Falls in care homes account for one in five of our ambulance call-outs, and many residents are uninjured "
            "but still conveyed to ED because staff cannot get them up safely. Long lies at night are common. Lifting "
            "cushions and a video-assessed response from a clinician in the care coordination hub - that is what we'd "
            "like in place across all 60 homes."
        ),
        (
            "ED attendances from frequent attenders keep rising: 200 people account for over 4,000 visits a year, "
            "often driven by loneliness, alcohol or unmanaged long-term conditions. Staff feel they are going round in "
            "circles. Our plan is a high intensity user service, where a dedicated coordinator works with each person "
            "in the community."
        ),
        (
            "Category 2 response times are well over the 30-minute standard, and crews spend hours held outside ED. A "
            "big chunk of 999 calls are for people who don't need conveying. The ambulance trust wants to expand "
            "clinical validation of category 3 and 4 calls in the control room, using senior paramedics and a remote "
            "consultation platform."
        ),
        (
            "Delayed discharges for people needing a package of care at home are running at 120 a day across our two "
            "acute sites. Domiciliary care supply is short and assessments happen too late in the stay. Introducing "
            "discharge to assess, with reablement and a single trusted assessor, is the ambition for this winter."
        ),
        (
            "Follow-up outpatient appointments in rheumatology and gastroenterology make up 70% of activity, and many "
            "patients are stable and attend only to be told all is well. DNA rates sit at 12%. Next on our list: "
            "patient-initiated follow-up, backed by remote symptom monitoring through an app."
        ),
        (
            "We have nearly 3,000 patients on ten or more medicines, and anticholinergic burden in our older "
            "population is high. Medicines-related admissions are a growing worry. Structured medication reviews "
            "focused on deprescribing, delivered by our PCN pharmacists with a risk stratification tool to prioritise "
            "who is seen first, are planned from April."
        ),
        (
            "MMR uptake at five years is 81% in our inner-city borough, and we've had two measles outbreaks this year. "
            "Some communities have low trust in the NHS and many families move frequently. We'd love to try pop-up "
            "vaccination clinics run with faith leaders, plus text reminders in community languages."
        ),
        (
            "As a community pharmacist I see how many people with coughs and sore throats expect antibiotics, and "
            "prescribing for respiratory tract infections across our practices remains among the highest in the "
            "region. Broad-spectrum use for UTIs also exceeds targets. Top of our wish list: point-of-care CRP testing "
            "in GP surgeries and community pharmacies."
        ),
        (
            "STI rates, especially gonorrhoea and syphilis, have risen sharply among young people in our city, and "
            "clinic appointments are booked weeks ahead. Many young people simply won't come into a clinic. We hope to "
            "expand online testing with postal kits and same-day results by text."
        ),
        (
            "Late HIV diagnosis in our area stands at 48%, especially among heterosexual Black African men and women. "
            "People don't see themselves as at risk and aren't offered a test. The ICB intends to bring in opt-out "
            "bloodborne virus testing in its emergency departments."
        ),
        (
            "hep C - we think ~1,500 people locally undiagnosed, mostly current or ex injecting drug users plus people "
            "in the prison. engagement with hospital clinics poor. peer-led test and treat in needle exchanges and "
            "hostels using dried blood spot testing is what we're after"
        ),
        (
            "Only half of adults on our learning disability register received an annual health check last year, and "
            "LeDeR reviews keep identifying missed cancers and constipation. Some practices don't know who is on the "
            "register. Reasonable-adjustment flags on the record, an easy-read invitation pack and longer appointments "
            "supported by a liaison nurse are what we propose to introduce."
        ),
        (
            "Adult autism assessment waits in our county exceed four years and the backlog is growing. People in "
            "crisis present to mental health services without a diagnosis. We're weighing up a digital assessment "
            "pathway, with remote observation and a triage questionnaire to prioritise those most in need."
        ),
        (
            "Nearly half of deaths in our area happen in hospital, even though most people say they would rather die "
            "at home. Advance care plans are rarely shared between services and out-of-hours crews can't see them. "
            "Shared electronic palliative care coordination records, visible to ambulance, 111 and hospice staff, are "
            "something the palliative care network plans to adopt."
        ),
        (
            "Audiology waits for hearing aid assessment in our HSC Trust have reached 40 weeks, and many older people "
            "on the list are becoming isolated. Most referrals are for straightforward age-related loss. Direct access "
            "to adult hearing assessment through high street audiology providers is an option the Trust is exploring."
        ),
        (
            "childrens tooth extractions under GA are the top reason for elective admission in 5-9 yr olds round here. "
            "no fluoridation, and lots of families can't get an NHS dentist. supervised toothbrushing in nurseries and "
            "fluoride varnish by dental nurses in schools is our next step"
        ),
        (
            "Around 30% of our Year 6 children are obese, adult prevalence is 35%, and tier 3 weight management "
            "capacity is very limited. Demand for GLP-1 medicines is soaring with no wraparound support to offer. "
            "Hence the plan: digital weight management with remote coaching, linked to prescribing in primary care."
        ),
        (
            "Smoking at time of delivery is still 14% in our trust, well above the national ambition of 6%. CO "
            "monitoring at booking is not always done. Opt-out referral to an in-house tobacco dependence adviser at "
            "the first antenatal visit, with financial incentive vouchers, is planned."
        ),
        (
            "Alcohol-related admissions to our hospital have increased by a quarter in five years, and many of the "
            "same patients come back repeatedly. There is no seven-day specialist cover. Staff here want to establish "
            "a dedicated care team with a specialist nurse in ED and assertive outreach after discharge."
        ),
        (
            "People sleeping rough in our city centre have an average age of death in their mid-40s and mainly use ED "
            "for healthcare. GP registration is low. A mobile health van staffed by a nurse and a GP, visiting day "
            "centres and hostels every week, is what the homeless health partnership proposes."
        ),
    ],
    "organisation, intended": [
        (
            "Our heart failure patients wait up to 20 weeks for an echocardiogram after a raised NT-proBNP, and many "
            "are admitted before they are seen. Specialist nurse caseloads are double the recommended level. "
            "Separately, the trust is relocating its cardiology department into the new cardiac and vascular block "
            "when it opens next spring."
        ),
        (
            "hypertension case finding in our PCN has stalled - community pharmacy BP checks are low and practices "
            "haven't got the HCA time. we're also merging two of our practices into one partnership from october"
        ),
        (
            "Amputation rates in people with diabetes are among the highest in England in our ICS, and foot protection "
            "services vary between places. Patients with active ulcers wait too long for the multidisciplinary foot "
            "clinic. Next year our podiatry service transfers from the community trust to the acute trust as part of a "
            "wider reorganisation."
        ),
        (
            "Asthma reviews in our practices are often a tick-box exercise, and children are still being admitted who "
            "have never had one. SABA prescribing is excessive. The ICB is replacing its primary care clinical systems "
            "with a single shared instance of SystmOne across all 14 PCNs by 2026."
        ),
        (
            "COPD is frequently diagnosed without spirometry since the hubs shut in the pandemic, and the diagnostic "
            "backlog sits at about 2,000 patients. Many are on inhalers they may not need. The respiratory physiology "
            "team will be rehoused in the refurbished north wing while the main hospital roof is replaced."
        ),
        (
            "Door-to-needle times at our hyperacute stroke unit have slipped to a median of 70 minutes, and few "
            "eligible patients get thrombectomy because the nearest centre is two hours away. Out-of-hours imaging is "
            "a bottleneck. The board has agreed to consolidate stroke, neurology and neurosurgery under one clinical "
            "division from April."
        ),
        (
            "Our renal unit is full and patients travel over an hour three times a week for haemodialysis. Home "
            "dialysis uptake is under 10%. Meanwhile, the lease on our satellite dialysis unit expires in 2027 and we "
            "intend to negotiate an extension with the landlord."
        ),
        (
            "MASLD is increasingly common in our diabetes clinics, but there is no clear pathway for fibrosis "
            "assessment, so hepatology receives lots of inappropriate referrals. Liver clinic waits are 30 weeks. Our "
            "hepatology and gastroenterology services are joining the regional operational delivery network next year."
        ),
        (
            "Breast screening uptake in our most deprived postcodes is under 55%, compared with 75% in the more "
            "affluent parts of the county. Women from some ethnic minority communities are particularly "
            "under-represented. We are also putting the mobile screening units out to tender alongside the rest of the "
            "radiology equipment replacement programme."
        ),
        (
            "men waiting too long on the prostate pathway - MRI to biopsy taking 3+ wks, FDS breached most months. "
            "urology short staffed. trust planning to appoint 2 new consultant urologists and a new clinical director "
            "by summer"
        ),
        (
            "Out-of-area placements for adult acute mental health beds cost us over 10 million pounds last year and "
            "separate people from their families. Length of stay is long because of housing delays. The mental health "
            "trust is formally merging with its neighbour on 1 April, and a new unitary board will be appointed in the "
            "coming months."
        ),
        (
            "Adults with severe anorexia in our region are being admitted to general medical wards with little "
            "specialist input. There are no specialist beds within 90 miles. The provider collaborative is reviewing "
            "its governance and risk-share agreement for specialised commissioning budgets this year."
        ),
        (
            "Care home residents with dementia are being admitted with delirium and UTIs, and they often deteriorate "
            "in hospital and can't return to their home. Care home staff turnover is high. Our older people's mental "
            "health wards are moving from the old Victorian site to the new purpose-built unit at St Anne's in 2026."
        ),
        (
            "Maternity at our trust was rated requires improvement by the CQC, and midwife vacancies are at 15%. Women "
            "are being diverted to neighbouring units when we are short-staffed. The trust plans to rebuild the labour "
            "ward and obstetric theatres, with enabling works starting next year."
        ),
        (
            "Babies born before 27 weeks in the north of Scotland have to be transferred to one of the three neonatal "
            "intensive care centres. Parents face long journeys and weeks of separation. NHS Grampian goes live with a "
            "new electronic patient record in its neonatal unit in the autumn."
        ),
        (
            "Children with complex needs are waiting over two years for community paediatric assessment, and parents "
            "are turning to private providers. School staff are exhausted. Community paediatrics and CAMHS are being "
            "brought together into a single children's directorate as part of our restructure."
        ),
        (
            "Hip and knee replacement waits are over 60 weeks at our trust, and patients deteriorate while waiting, "
            "some now needing more complex surgery. Theatre productivity is below GIRFT benchmarks. Our orthopaedic "
            "surgeons will operate from the treatment centre theatres next year while the main theatres are "
            "refurbished."
        ),
        (
            "Patients with wet AMD are missing their injection intervals because of capacity in our macular clinic. "
            "Some are losing vision as a result. The ophthalmology department is relocating to the new eye centre on "
            "the Parkside campus in late 2026."
        ),
        (
            "Dermatology in our ICB has lost three consultants in two years and relies on locums. Routine waits are "
            "over a year for conditions like psoriasis and eczema. A procurement for the community dermatology "
            "contract will launch in the autumn, as the current provider's contract ends next March."
        ),
        (
            "Pressure ulcers acquired on our community caseload have risen by 20% this year, and two serious incidents "
            "are under investigation. Documentation of skin inspection is inconsistent. Our tissue viability team will "
            "move from the medical directorate to the nursing directorate in the new structure."
        ),
        (
            "i'm clinical director of a rural PCN - lots of housebound frail elderly, long drives for home visits, "
            "care coordinators stretched thin. also on the horizon: taking over the lease on the old library for PCN "
            "office space"
        ),
        (
            "Hip fractures among over-80s in our area are higher than expected, and the fracture liaison service "
            "covers only half the county. Bone health assessment after a fragility fracture is inconsistent. The two "
            "acute trusts in our ICS intend to form a group model with a single chief executive from next year."
        ),
        (
            "Our ED four-hour performance has been under 60% for most of this year, with 12-hour trolley waits routine "
            "and corridor care now normal. Flow out of the department is the main issue. Plans are in hand to "
            "redevelop the hospital's front entrance and car parks, funded through the capital programme for 2027."
        ),
        (
            "Hospital handover delays at our busiest receiving site are costing more than 1,500 crew hours a month. "
            "Crews are stuck outside and calls wait in the stack. The ambulance service is upgrading its "
            "computer-aided dispatch system and will switch over in the new financial year."
        ),
        (
            "Our community hospital beds are full of people waiting for care home placements, some for over two "
            "months. Social care assessment capacity is limited. Over the next 18 months the two community hospitals "
            "will be consolidated onto a single site, subject to public consultation."
        ),
        (
            "Missed outpatient appointments cost the trust about 5 million pounds a year, with DNA rates highest among "
            "younger men and people in deprived areas. Letters often arrive late or go to old addresses. Also coming: "
            "a switch of our patient administration system to the new EPR supplier next year."
        ),
        (
            "Spend on branded inhalers and DOACs keeps rising, and practices vary tenfold in prescribing of high-cost "
            "drugs. Medicines optimisation resource is thin. The medicines management team is being restructured as "
            "the ICB cuts its running costs by 30%."
        ),
        (
            "Flu and COVID vaccine uptake among our frontline staff dropped to 40% last winter. Some staff groups are "
            "particularly hesitant. The occupational health service is being outsourced to a shared provider across "
            "the three trusts from next year."
        ),
        (
            "C. diff and E. coli bacteraemia rates at our trust are above threshold, and antimicrobial stewardship "
            "ward rounds happen only once a week. Our microbiologists are overstretched. The pathology network is "
            "consolidating all microbiology labs into one hub laboratory at the university hospital."
        ),
        (
            "Demand for contraception, especially LARC, has risen and women are waiting weeks for coil fittings. "
            "Several GP practices have stopped fitting altogether. The local authority is re-tendering the integrated "
            "sexual health contract, with a new provider due to start in 2026."
        ),
        (
            "Retention in HIV care is slipping, with around 8% of people diagnosed not seen in the last year. Some "
            "have moved away or have complicated lives. Our HIV clinic is leaving the genitourinary medicine building "
            "for the main outpatient block next summer."
        ),
        (
            "People with a learning disability admitted to our acute trust often have long stays and poor experience, "
            "and our liaison nurse team is just two people. Reasonable adjustments aren't consistently recorded. Our "
            "trust board wants to achieve an outstanding rating at the next well-led inspection."
        ),
        (
            "Out-of-hours palliative care in our health board relies on a handful of district nurses covering huge "
            "rural areas, and families ring 111 in a crisis. Just-in-case medicines are often not available. The "
            "health board is due to publish its new three-year clinical services strategy in the autumn."
        ),
        (
            "A regional review of paediatric audiology highlighted quality failings here, and children with hearing "
            "loss are being diagnosed late. Waits for reassessment are long. Accreditation of our audiology service "
            "under IQIPS is a goal for the next two years."
        ),
        (
            "Access to NHS dentistry here is among the worst in England, and people turn up at ED and their GP with "
            "dental abscesses. Many practices have handed back contracts. Pharmacy, optometry and dental commissioning "
            "is being delegated from NHS England to the ICB, and a head of primary care will be appointed to lead it."
        ),
        (
            "Around 40% of our adult population is obese and the specialist weight management service has a two-year "
            "waiting list. Bariatric surgery capacity is minimal. Closing a 40 million pound deficit this year, "
            "through a savings programme agreed with providers, is the ICB's overriding aim."
        ),
        (
            "Smoking prevalence among people on our mental health inpatient units is over 50%, and many relapse after "
            "discharge. Staff are unsure about prescribing nicotine replacement. This year the trust joins the "
            "regional mental health, learning disability and autism provider collaborative."
        ),
        (
            "Alcohol-related hospital admissions in our HSC Trust area keep rising, and there is very little community "
            "detox. Addiction services are fragmented across voluntary providers. Later this year the Trust moves onto "
            "encompass, the new regional digital record."
        ),
        (
            "People experiencing homelessness are often discharged from our hospitals straight back to the street, and "
            "readmissions are high. There is no step-down accommodation. Recruitment to a new ICB inclusion health "
            "lead post begins in the new year, funded from the population health budget."
        ),
        (
            "Families of children with rare diseases tell us they attend dozens of separate appointments across "
            "several hospitals, with no one coordinating their care. Diagnosis often takes years. Our genetics service "
            "is merging with the neighbouring trust's genomic laboratory under the regional Genomic Medicine Service "
            "alliance."
        ),
    ],
    "generic, intended": [
        (
            "Patients with sickle cell disease presenting to our ED in crisis wait too long for pain relief, and "
            "several have told us they feel disbelieved by staff. The haemoglobinopathy team is small and based on one "
            "site. We'd welcome hearing from other areas that have cracked this."
        ),
        (
            "sudden deaths in epilepsy among our learning disability population flagged in LeDeR. no epilepsy "
            "specialist nurse in the community since 2022. keen to connect with any ICB that has seen results"
        ),
        (
            "Gestational diabetes diagnoses have almost doubled since we changed testing criteria, and the antenatal "
            "diabetes clinic is overwhelmed. Postnatal follow-up for type 2 diabetes is almost non-existent. What I "
            "really want is evidence of what worked elsewhere, and what it cost."
        ),
        (
            "Perinatal mental health referrals have risen sharply, but women from South Asian communities remain "
            "under-represented in the service. Health visitors pick up distress but don't know where to send people. "
            "Would love to talk to anyone who has done this well."
        ),
        (
            "People with Parkinson's admitted to our hospital frequently miss time-critical doses, and their stays are "
            "longer as a result. Specialist nurse cover is limited to weekdays. The board has asked us to find "
            "examples from comparable systems before committing any money."
        ),
        (
            "Every winter bronchiolitis admissions overwhelm our paediatric ward and we have to cancel elective "
            "children's surgery. Many infants could probably be cared for at home with the right support. Any "
            "published outcomes or economic evaluations would help us build a business case."
        ),
        (
            "prisoners at the local cat B miss outpatient appts constantly because of escort shortages, and continuity "
            "of care on release is poor. looking for anyone who has been through this and is willing to share learning"
        ),
        (
            "Aortic stenosis is under-diagnosed in our older population, and many patients only reach the TAVI service "
            "after presenting acutely with heart failure. Auscultation in primary care is inconsistent. We are "
            "interested in learning from partnerships with industry that have delivered measurable impact."
        ),
        (
            "Children with severe eczema in our ICS wait over a year for paediatric dermatology, and families describe "
            "sleepless nights and missed school. GPs lack confidence in stepping up treatment. Our clinical leads "
            "would value a conversation with teams who have faced something similar."
        ),
        (
            "Cervical screening coverage for women aged 25-49 has fallen to 62% in our borough. Younger women and "
            "those from some minority groups are least likely to attend. Ideally we'd benchmark ourselves against "
            "similar populations to see where we sit."
        ),
        (
            "Over 1,200 patients across our practices are on more than 120mg oral morphine equivalent a day for "
            "chronic non-cancer pain. Pain clinic waits are long and GPs feel stuck. It would be useful to understand "
            "the return on investment others have achieved."
        ),
        (
            "Unpaid carers in our health board area are reaching breaking point, and many are older people with "
            "long-term conditions themselves. We rarely identify them until there is a crisis. Examples, contacts and "
            "lessons learned all gratefully received."
        ),
        (
            "Hepatitis B prevalence is high among our migrant communities from East Asia and sub-Saharan Africa, but "
            "very few are tested or linked to care. Antenatal screening picks up some women, but partners and children "
            "are often missed. Before we go any further, I'd like to see what the evidence says."
        ),
        (
            "Suicides among middle-aged men in our area have risen over three years, and most had seen a GP in the "
            "months before they died. Bereavement support for families is patchy. The programme team is hoping to "
            "visit a site where this has been done successfully."
        ),
        (
            "Pancreatic cancer in our region is mostly diagnosed late, with fewer than 10% of patients eligible for "
            "surgery. Vague symptoms mean repeated GP visits before referral. Open to any ideas and keen to compare "
            "notes with peers."
        ),
        (
            "Women with suspected endometriosis wait years for a diagnosis, and our gynae waiting list has grown to "
            "18,000. Many are repeatedly prescribed analgesia in primary care. Interested to know what outcomes other "
            "trusts achieved, and over what timescale."
        ),
        (
            "Young adults with type 1 diabetes disengage when they move from paediatric to adult services, and DKA "
            "admissions in 18-25 year olds are rising. Clinic attendance is under 50%. We need to understand costs and "
            "benefits before we can take anything to our finance committee."
        ),
        (
            "undiagnosed genetic conditions in kids across our region - families going years without answers and "
            "completely fed up. finding out who else has tried to solve this, and what they learned, is the priority "
            "right now"
        ),
        (
            "Children on our Scottish islands with complex respiratory conditions travel to the mainland for almost "
            "every appointment, often with an overnight stay. Families lose days of work and school. Pointers to "
            "relevant case studies would be much appreciated."
        ),
        (
            "Uptake of cardiac rehabilitation after MI at our trust is 35%, and lower still among women and people "
            "from minority ethnic groups. Those who don't attend have worse outcomes. I'd be grateful if someone could "
            "share how they measured success."
        ),
    ],
}

# A judged check: one follow-up of intent for each answerable dev challenge, written by a third helper
# from the challenge's text alone (not its judgments), naming an approach without the condition.
DEV_INTENTS = {
    "dev-001": (
        "We're considering a hub-and-spoke network with a shared virtual multidisciplinary meeting linking the "
        "specialist centre, district hospitals and practices."
    ),
    "dev-002": (
        "The network wants to roll out AI software that automatically reads scans and shares images instantly with "
        "the neuroscience centre through a smartphone app."
    ),
    "dev-003": "Keen to trial an AI tool acting as the second reader alongside a single radiologist.",
    "dev-004": (
        "Thinking about group-based virtual onboarding with manufacturer-supported training and remote review of "
        "device data through a cloud platform."
    ),
    "dev-005": (
        "Our team is considering a combined cardiometabolic clinic where one joint review optimises all medicines in "
        "a single visit."
    ),
    "dev-007": (
        "We plan to introduce very brief advice at every clinic visit, with direct referral to a stop-smoking adviser "
        "and a tailored patient leaflet."
    ),
    "dev-008": (
        "The service hopes to add an online self-referral form and a website chatbot so people can sign up without "
        "calling."
    ),
    "dev-009": (
        "Exploring teledermatology, with GP practices taking dermoscopic photos that consultants triage remotely."
    ),
    "dev-010": (
        "The health board plans to fund an education programme for community nurses and practice staff, plus "
        "specialist stop-smoking support embedded in routine reviews."
    ),
    "dev-011": (
        "Pilot proposed: NT-proBNP testing in primary care plus pharmacist-led medicines optimisation clinics to "
        "titrate doses."
    ),
    "dev-012": (
        "We'd like to set up a hospital-at-home service with remote monitoring and a rapid-response consultant-led "
        "team."
    ),
    "dev-013": (
        "Hoping to establish a dedicated MDT and a named clinical nurse specialist as single point of contact, with "
        "outreach through community groups."
    ),
    "dev-014": (
        "Our wards are looking at sub-epidermal moisture scanners to spot early tissue damage before anything is "
        "visible on the skin."
    ),
    "dev-015": (
        "The ICB is considering smartphone-based home urine testing kits so people can complete the check without a "
        "surgery visit."
    ),
    "dev-017": (
        "We're exploring a rapid diagnostic centre that also accepts direct referrals from community pharmacists and "
        "optometrists."
    ),
    "dev-018": (
        "The board wants to offer self-referral digital CBT programmes that adults can start on their smartphones "
        "straight away."
    ),
    "dev-019": "Considering a satellite injection clinic in the city run by trained nurse injectors.",
    "dev-020": (
        "Exploring nurse-led injection clinics in community settings, with treat-and-extend regimes and longer-acting "
        "drugs to cut visit frequency."
    ),
    "dev-022": (
        "Thinking about a nurse navigator post to coordinate each cycle, with shared care protocols for referring "
        "hospitals."
    ),
    "dev-024": (
        "The PCN wants to use AI-enabled digital stethoscopes in practices to detect likely cases at the point of care."
    ),
    "dev-025": (
        "Our trust plans to set up pharmacist-led prescribing clinics and remote symptom monitoring for treatment "
        "reviews."
    ),
    "dev-026": (
        "We intend to pilot a risk-stratification dashboard combining practice records with local air-quality data to "
        "flag those needing proactive review."
    ),
    "dev-027": (
        "The service is considering wearable remote monitoring and a home-assessment kit so reviews can happen "
        "virtually."
    ),
    "dev-028": (
        "Planning to run an automated search tool across practice systems, then pharmacist-led recall for statin "
        "intensification and inclisiran."
    ),
    "dev-029": (
        "The ICS hopes to adopt a shared lipid optimisation pathway with pharmacist-led virtual clinics and access to "
        "injectable therapies."
    ),
    "dev-030": (
        "One idea is a small-grants programme run by a voluntary-sector intermediary that simplifies applications and "
        "pays funding upfront."
    ),
    "dev-031": (
        "Our team is considering a winter virtual ward with home pulse oximetry and a predictive model to identify "
        "frequent attenders."
    ),
    "dev-032": (
        "Keen to bring in liquid biopsy, a blood test for circulating tumour DNA, at first suspicion so results "
        "arrive in days."
    ),
    "dev-034": (
        "The trust is exploring a managed equipment service where a supplier replaces and maintains scanners in "
        "return for a long-term fee."
    ),
    "dev-035": (
        "We're thinking about a virtual ward where patients wear monitoring devices that alert a central hub when "
        "their observations deteriorate."
    ),
    "dev-036": (
        "Planning to install real-time location tracking, with RFID tags on equipment and an electronic bed-state "
        "board."
    ),
    "dev-037": (
        "An electronic alert that flags rising creatinine from the lab system straight to the ward team's devices is "
        "something we'd like to introduce."
    ),
    "dev-038": (
        "The ICB intends to commission community pharmacy checks and pop-up stations at mosques, barbers and football "
        "grounds."
    ),
    "dev-039": (
        "Keen to trial a real-time command centre that pulls data from every system and uses predictive analytics to "
        "forecast demand."
    ),
    "dev-041": (
        "Thinking about case-finding with handheld ECG devices in pharmacies plus practice record searches to flag "
        "anyone not on a DOAC."
    ),
    "dev-042": (
        "The service wants to bring in an administrative coordinator and a digital patient-management platform to "
        "take over paperwork and triage."
    ),
    "dev-043": (
        "Considering pop-up vaccination sessions at colleges and universities, backed by text message reminders from "
        "practices."
    ),
    "dev-044": (
        "The combined authority hopes to commission a real-world evaluation linking primary care, hospital and "
        "employment data for treated patients."
    ),
    "dev-045": (
        "We plan to move these follow-ups onto a remote monitoring pathway, with blood results reviewed virtually by "
        "specialist nurses."
    ),
    "dev-046": "Exploring a take-back recycling scheme run through community pharmacies with manufacturer collection.",
    "dev-047": (
        "The department wants AI analysis of dermoscopic images to discharge low-risk lesions straight from triage."
    ),
    "dev-048": (
        "Our clinic intends to use a validated screening questionnaire at every appointment, with fast-track referral "
        "to a joint rheumatology clinic."
    ),
    "dev-049": (
        "We'd like to train a practice-based champion in each surgery, supported by virtual clinics with a hospital "
        "consultant."
    ),
    "dev-050": (
        "Plans include an electronic alert triggered by raised NT-proBNP so the specialist team can in-reach on any "
        "ward and arrange follow-up."
    ),
}

RANKINGS = {
    "shipped": Ranking(),
    "questions alone raised": Ranking(topical_intentions=False),
    "classifier alone": Ranking(topical_questions=False, topical_intentions=False),
}
APPROACHES = {
    "stated follow-ups (bench.questions)": FOLLOW_UPS["approach, stated"] + FOLLOW_UPS_AFTER["approach, stated"],
    "shaped on": SHAPED_ON["approach, intended"],
    "held out": HELD_OUT["approach, intended"],
}


def ids(matcher: Matcher, challenge: str, limit: int) -> list[str]:
    return [p.record.id for p in matcher.match(challenge, limit=limit).precedents]


def proxy_targets(matcher: Matcher, challenges: list[str]) -> list[tuple[str, str]]:
    """(challenge, record) for each challenge whose last sentence, read alone, has a record among its
    best 3 that the rest of the challenge, read alone, has among its best 30."""
    targets = []
    for challenge in challenges:
        spans = sentence_spans(challenge)
        if len(spans) < 2:
            continue
        rest, last = challenge[: spans[-1][0]], challenge[spans[-1][0] :]
        near_rest = set(ids(matcher, rest, 30))
        both = [record for record in ids(matcher, last, 3) if record in near_rest]
        if both:
            targets.append((challenge, both[0]))
    return targets


def main() -> None:
    base = load_configured_matcher()
    for title, challenges in [("the rule was shaped on", SHAPED_ON), ("written after the rule (held out)", HELD_OUT)]:
        counts = ", ".join(f"{len(v)} {k}" for k, v in challenges.items())
        print(f"\nThe last sentence of the challenges {title}: {counts}")
        print_last_sentences(base, RANKINGS, challenges, width=30)
    print("\nProxy: reciprocal rank in the top 10 of a record both halves find (see the docstring)")
    print(f"{'ranking':27}" + "".join(f"{title:>40}" for title in APPROACHES))
    targets = {title: proxy_targets(base, texts) for title, texts in APPROACHES.items()}
    print(f"{'challenges with a record':27}" + "".join(f"{len(t):>40}" for t in targets.values()))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        row = [fmean(reciprocal_rank(ids(matcher, c, 10), {r: 2}) for c, r in found) for found in targets.values()]
        print(f"{label:27}" + "".join(f"{value:>40.3f}" for value in row))
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    print(f"\nnDCG@10 over {len(queries)} answerable dev challenges, a follow-up of intent after each")
    print(f"{'ranking':27}{'as written':>16}{'intent after':>16}{'intent kept':>16}")

    def with_intent(q: JudgedQuery) -> str:
        return f"{as_sentence(q.query)} {DEV_INTENTS[q.qid]}"

    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        row = [
            mean_ndcg(matcher, queries, lambda q: q.query),
            mean_ndcg(matcher, queries, with_intent),
            fmean(last_weight(matcher, with_intent(q)) >= CONCEPT_WEIGHT for q in queries),
        ]
        print(f"{label:27}" + "".join(f"{value:>16.3f}" for value in row))


if __name__ == "__main__":
    main()
