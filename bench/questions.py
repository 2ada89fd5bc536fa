"""Questions and asks in a challenge: `python -m bench.questions` (about 40 s).

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
  what an ask costs the ranking;
- 120 challenges written blind by a third helper session whose last sentence follows up the problem
  stated before it: an approach asked about or stated without naming the condition again ("Anyone
  used a virtual ward with remote pulse oximetry monitoring?"), which should count as the problem,
  or a generic ask, which should not. This is the harder case: a sentence's vector is read less half
  the whole challenge's (focus.py), which takes away the topic it shares with the problem. A question
  that names a condition or an approach counts as the problem whatever the classifier reads
  (background.py), and so does a statement of intent naming one (bench.intentions); "classifier alone"
  is the ranking without either rule, "questions alone raised" without the second;
- 120 more challenges, written blind by a fourth helper session after that rule was made: questions
  and statements naming an approach, generic asks, and sentences about the asker after the problem.
"""

from __future__ import annotations

import random
from statistics import fmean

import numpy as np

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.background import CONCEPT_WEIGHT
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries
from nhsmatch.matcher.search import Matcher, Ranking

from .context import as_sentence, mean_ndcg

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
# Challenges whose last sentence follows up the problem before it, written blind by another helper
# session: it names an approach without the condition, or asks for nothing in particular.
FOLLOW_UPS = {
    "approach, asked": [
        (
            "Our AF detection rates are well below the national ambition and too many strokes happen in people "
            "with undiagnosed AF. Has anyone tried handheld single-lead ECG devices at flu clinics?"
        ),
        (
            "Uptake of structured education for newly diagnosed type 2 diabetes is under 10% across our ICB. Did "
            "anyone commission a digital self-management programme instead of face-to-face courses?"
        ),
        (
            "COPD pts in our PCN keep bouncing back in within 30 days of discharge. Anyone used a virtual ward "
            "with remote pulse oximetry monitoring?"
        ),
        (
            "Two-week-wait referrals for suspected lower GI cancer have completely outstripped our colonoscopy "
            "capacity. Has anyone rolled out FIT in symptomatic triage?"
        ),
        (
            "waiting times for CAMHS assessment are over a year here and families are really struggling. anyone "
            "used an online CBT platform for kids while they wait?"
        ),
        (
            "Smoking at time of delivery is still around 12% in our maternity unit. Has anyone embedded opt-out "
            "CO monitoring and a tobacco dependence advisor at booking?"
        ),
        (
            "We have a large number of children with asthma turning up at ED repeatedly. Has anyone tried school "
            "nurse reviews supported by connected inhalers?"
        ),
        (
            "Falls in frail older people at home are driving a huge number of ambulance call-outs. Has anyone set"
            " up a falls pick-up service run jointly with the ambulance trust?"
        ),
        (
            "Dementia diagnosis rates in our care homes are poor and residents go undiagnosed for years. Any "
            "experience of in-reach memory assessment led by advanced nurse practitioners?"
        ),
        (
            "Lots of our CKD patients are not coded and progression is picked up late. Has anyone run a uACR "
            "campaign using home smartphone urine testing kits?"
        ),
        (
            "Liver disease is usually found only at decompensation in our population. Has anyone implemented "
            "FIB-4 with reflex ELF testing on primary care bloods?"
        ),
        (
            "Patients with wet AMD are waiting too long for their injections and some are losing vision. Has "
            "anyone set up nurse-led injection clinics in community hubs?"
        ),
        (
            "Derm referrals have doubled and routine waits are now 40 weeks. Anyone used teledermatology with "
            "dermoscopy images attached at the point of referral?"
        ),
        (
            "Door-to-needle times for thrombolysis vary a lot between our two hyperacute sites. Has anyone "
            "deployed AI CT and perfusion interpretation across a network?"
        ),
        (
            "MSK physio waits are long and patients ping-pong between GP and orthopaedics. Has anyone "
            "commissioned first contact practitioners across a whole PCN?"
        ),
        (
            "Young people in our city have rising chlamydia and gonorrhoea rates but clinic attendance is low. "
            "Has anyone used online postal self-sampling kits?"
        ),
        (
            "MMR uptake at five years is below 85% in several of our wards. Has anyone tried text message "
            "reminders with a direct booking link?"
        ),
        (
            "Cervical screening coverage in 25 to 29 year olds keeps dropping year on year. Any experience of "
            "offering HPV self-sampling?"
        ),
        (
            "Our ED has long waits for minor illness that could easily be seen elsewhere. Has anyone put GP "
            "streaming at the front door?"
        ),
        (
            "Delayed discharges for patients waiting on packages of care are blocking about 60 beds a day. Has "
            "anyone made discharge to assess work with trusted assessors?"
        ),
        (
            "Rheumatology follow-up lists are huge and many of the patients are stable. Has anyone switched to "
            "patient-initiated follow-up?"
        ),
        (
            "Polypharmacy in the over-75s is a major driver of admissions in our patch. Has anyone run structured"
            " medication reviews targeted by a risk stratification tool?"
        ),
        (
            "Hypertension control is much worse in our most deprived quintile than anywhere else. Has anyone "
            "tried pharmacy BP checks in mosques, barbershops and community centres?"
        ),
        (
            "Heart failure patients on our caseload are not being uptitrated to optimal doses. Is anyone running "
            "remote titration clinics led by specialist pharmacists?"
        ),
        (
            "Too many children with type 1 have HbA1c above target despite going to every clinic. Has anyone "
            "expanded access to hybrid closed loop systems?"
        ),
        (
            "Pulmonary rehab completion is poor because sessions are an hour's bus ride away for most people. Has"
            " anyone offered an app-based or virtual programme?"
        ),
        (
            "Over half of our lung cancers are diagnosed at stage 4. Has anyone run targeted lung health checks "
            "with a mobile CT scanner?"
        ),
        (
            "People with SMI die 15 to 20 years earlier than everyone else and annual physical health checks are "
            "patchy. Has anyone used peer support workers to do outreach checks?"
        ),
        (
            "Women with gestational diabetes currently have to come into clinic every week. Has anyone used "
            "remote glucose monitoring through an app?"
        ),
        (
            "Readmissions for neonatal jaundice are higher than we would like. Has anyone equipped community "
            "midwives with transcutaneous bilirubin meters?"
        ),
        (
            "Frail patients are spending their last weeks of life in and out of hospital. Has anyone implemented "
            "digital ReSPECT plans shared with the ambulance service?"
        ),
        (
            "Patients with lymphoedema in our area have no specialist service at all. Has anyone commissioned a "
            "hub-and-spoke model with trained community nurses?"
        ),
        (
            "Haemodialysis patients are travelling 90 minutes each way three times a week. Has anyone worked with"
            " industry to grow a home haemodialysis programme?"
        ),
        (
            "Diabetic foot ulcers are leading to far too many amputations locally. Has anyone used thermal "
            "imaging foot mats as an early warning?"
        ),
        (
            "Glaucoma follow-ups are badly backlogged and patients are coming to harm. Has anyone moved stable "
            "patients into optometrist-led virtual review clinics?"
        ),
        (
            "Osteoporosis goes undiagnosed after fragility fractures in our trust more often than not. Has anyone"
            " used AI opportunistic screening of existing CT scans?"
        ),
        (
            "Recognition of deterioration in our care homes is very inconsistent. Has anyone rolled out RESTORE2 "
            "with NEWS2 on tablets?"
        ),
        (
            "Antibiotic prescribing for respiratory tract infections in our practices is well above the national "
            "average. Has anyone introduced CRP point-of-care testing?"
        ),
        (
            "Black men are referred for suspected prostate cancer far less than their risk would predict. Has "
            "anyone run community awareness events with a mobile PSA testing van?"
        ),
        (
            "alcohol related admissions keep going up and we have no alcohol care team. anyone done a seven-day "
            "ACT with outreach into the community?"
        ),
    ],
    "approach, stated": [
        (
            "Hypertension case finding in our PCN is way behind target and we have a long list of people with no "
            "BP recorded in five years. We are thinking about home BP monitors loaned out through community "
            "pharmacies."
        ),
        (
            "Lipid management after MI is poor, with most patients nowhere near their LDL targets. We want to try"
            " inclisiran clinics run by the PCN pharmacists."
        ),
        (
            "DKA admissions in young adults have gone up two years running. We'd like to pilot a joint transition"
            " clinic with a youth worker attached."
        ),
        (
            "Too many of our asthma patients are over-relying on SABA inhalers. We're considering an EMIS-"
            "integrated search and review pathway with automated recall."
        ),
        (
            "Patients with suspected cancer but vague symptoms are bouncing around the system for months. Looking"
            " to set up a rapid diagnostic centre with a non-specific symptoms pathway."
        ),
        (
            "Adults with anxiety and depression in our deprived areas rarely self-refer to talking therapies. We "
            "want to embed therapists in GP practices, food banks and family hubs."
        ),
        (
            "Perinatal mental health referrals are rising and the team is overwhelmed. Keen to explore a digital "
            "triage and self-referral app."
        ),
        (
            "Parents bring babies with bronchiolitis to ED in huge numbers every winter. We're considering a "
            "paediatric virtual ward with home sats monitoring."
        ),
        (
            "Moderately frail patients are not being identified until they fall or get admitted. Planning to use "
            "the eFI and population health data to target proactive anticipatory care."
        ),
        (
            "Carers of people with dementia are hitting crisis point and admissions follow. We're interested in a"
            " navigator service linked to the voluntary sector."
        ),
        (
            "AKI is often missed in the community until bloods come back days later. We'd like to trial point-of-"
            "care creatinine testing with the community nursing teams."
        ),
        (
            "Hep C here is concentrated in people who inject drugs and most of them are untreated. Considering "
            "test-and-treat in needle exchanges and hostels."
        ),
        (
            "Diabetic eye screening DNA rates are around 20% in some of our practices. We want to try mobile "
            "screening units parked at supermarkets."
        ),
        (
            "Suspected skin cancer referrals are swamping the 2WW service. We are looking at AI-based triage of "
            "lesion images taken in primary care."
        ),
        (
            "Stroke survivors get very little therapy once they leave hospital. Thinking about a tele-rehab "
            "package with wearable sensors for upper limb work."
        ),
        (
            "Our hip and knee replacement waits are over 52 weeks. We're considering a digitally delivered "
            "prehabilitation programme while people wait."
        ),
        (
            "Late HIV diagnosis is still high among people who attend our ED. We want to extend opt-out blood-"
            "borne virus testing to every adult having bloods taken."
        ),
        (
            "Flu vaccine uptake among housebound patients is poor. Planning to partner with community pharmacy on"
            " a home visiting vaccination team."
        ),
        (
            "Breast screening uptake is lowest among women from some South Asian communities. Looking at "
            "community health champions and translated video invitations."
        ),
        (
            "Ambulance handover delays at our ED are regularly over three hours. We want a proper rapid handover "
            "cohort area with a fit-to-sit model."
        ),
        (
            "Patients who are medically fit for discharge wait hours for their TTOs. We'd like to bring in "
            "electronic discharge prescribing and robotic dispensing."
        ),
        (
            "New referrals to gastroenterology are growing faster than we can cope with. We want advice and "
            "guidance combined with a faecal calprotectin pathway for GPs."
        ),
        (
            "Patients on high-risk drugs like methotrexate regularly miss their monitoring bloods. Interested in "
            "a shared care monitoring dashboard pulling results from primary and secondary care."
        ),
        (
            "The life expectancy gap between our most and least deprived neighbourhoods is almost ten years, "
            "mostly driven by CVD. We want to run checks in workplaces and community venues with point-of-care "
            "cholesterol testing."
        ),
        (
            "Children with epilepsy wait months to see a specialist and some end up in A&E in the meantime. We're"
            " considering a specialist nurse advice line with video consultations."
        ),
        (
            "Patients with long COVID in our area have very limited access to rehab. Planning to commission a "
            "digital self-management app with clinician oversight."
        ),
        (
            "Women are waiting over a year for gynae appointments for menopause symptoms. We want to set up group"
            " clinics run by GPs with an extended role."
        ),
        (
            "Lots of chronic pain pts on high-dose opioids with no proper review. looking at a pharmacist-led "
            "tapering programme plus social prescribing."
        ),
        (
            "Lithium monitoring for our patients with bipolar disorder is inconsistent at best. Thinking about "
            "point-of-care lithium testing in the community mental health teams."
        ),
        (
            "Renal anaemia patients travel to hospital just to get their ESA injections. We'd like a homecare "
            "delivery model with nurse training for self-injection."
        ),
        (
            "Cataract waiting lists are long and our theatre utilisation is poor. We're considering a high-volume"
            " low-complexity hub with one-stop assessment."
        ),
        (
            "People with learning disabilities are missing annual health checks in lots of practices. Keen to try"
            " an easy-read digital pre-check questionnaire and a dedicated nurse facilitator."
        ),
        (
            "Pressure ulcers on our community caseload are rising. We're thinking of using smart mattresses with "
            "pressure mapping sensors."
        ),
        (
            "Many of our psoriasis patients are on high-cost biologics with no dose review. We want to explore "
            "biosimilar switching backed by a nurse-led support programme."
        ),
        (
            "Bowel screening uptake is low among men in our coastal towns. Planning a GP-endorsed text reminder "
            "and kit re-send campaign."
        ),
        (
            "Unplanned admissions from care homes are high, especially out of hours. We'd like to put remote "
            "monitoring kit and a digital referral line into every home."
        ),
        (
            "Patients with suspected obstructive sleep apnoea wait up to a year for a sleep study. We want to use"
            " disposable home-based sleep test devices."
        ),
        (
            "Young people moving from paediatric to adult services with long-term conditions disengage and end up"
            " in crisis. We're looking to set up a transition service with a self-management app."
        ),
        (
            "Patients with suspected valve disease wait far too long for an echo. Thinking about digital "
            "stethoscopes with AI murmur detection in GP surgeries."
        ),
        (
            "TB contact tracing in our high-incidence areas is slow and patchy. Considering IGRA screening "
            "delivered by community outreach workers."
        ),
    ],
    "generic ask": [
        (
            "Our CVD prevention work is not reaching men in their 40s and 50s in the most deprived areas. Who has"
            " done something similar and would be willing to talk?"
        ),
        "Uptake of NHS Health Checks has never recovered since COVID. Any examples out there?",
        (
            "Type 2 diabetes remission rates in our patch are tiny compared with the national pilots. What did it"
            " cost and how long did it take to get going?"
        ),
        (
            "We have too many people with severe asthma on repeated oral steroid courses. Would love to hear from"
            " anyone who has tackled this."
        ),
        (
            "Cancer treatment in our trust is being held up by long waits for pathology reporting. Looking for "
            "projects with published outcomes."
        ),
        (
            "Out-of-area placements for adult mental health inpatients are costing us a fortune. Who was the "
            "industry partner and how was the contract structured?"
        ),
        (
            "Postpartum haemorrhage rates at our unit have crept up over the past two years. Has anyone done this"
            " successfully elsewhere?"
        ),
        (
            "Kids with eczema are seen again and again by GPs without any clear care plan. Any contacts I could "
            "reach out to?"
        ),
        (
            "frailty team cant keep up with referrals from practices, lots of pts end up admitted anyway. any "
            "examples + who to contact pls"
        ),
        (
            "People with dementia are staying in acute beds for weeks after they are medically fit. Keen to hear "
            "what worked and what didn't."
        ),
        (
            "Transplant assessment for kidney patients from ethnic minority groups takes longer than for white "
            "patients. Was there an evaluation and can we see it?"
        ),
        (
            "Alcohol-related liver disease admissions have doubled in five years. Interested in anything that's "
            "been tried, big or small."
        ),
        (
            "Diabetic retinopathy treatment clinics are overbooked and patients keep getting pushed back. How "
            "long did similar projects take from idea to go-live?"
        ),
        (
            "Leg ulcers are taking months to heal and district nurses spend hours a day on dressings. Was this "
            "done under a joint working agreement, and how did the governance work?"
        ),
        (
            "Stroke patients in our rural area can't get early supported discharge quickly. Looking for any "
            "comparable work, ideally from the last three years."
        ),
        (
            "Back pain accounts for a huge share of our GP appointments and imaging requests. Does anyone have a "
            "business case we could borrow?"
        ),
        (
            "Repeat attendances for PEP at our sexual health clinics keep increasing. Would welcome any examples,"
            " especially from similar urban populations."
        ),
        (
            "Shingles and pneumococcal vaccine uptake among the over-65s is lagging. What were the results and "
            "did they last?"
        ),
        (
            "Our AAA screening programme has poor attendance in certain postcodes. Just want to know if anyone "
            "has cracked this."
        ),
        (
            "111 dispositions to ED are high and a lot of those patients could be seen elsewhere. How were the "
            "savings measured?"
        ),
        (
            "Patients referred to our virtual ward are often turned away because of overnight staffing gaps. Who "
            "funded it and was the funding recurrent?"
        ),
        (
            "Outpatient DNA rates in our trust are over 10% and worse in deprived areas. Any projects that scaled"
            " beyond a single site?"
        ),
        (
            "Wasted medicines from repeat prescriptions are costing the ICB millions each year. Would like to see"
            " the evaluation and what was actually saved."
        ),
        (
            "The gap in childhood immunisation uptake between our Gypsy, Roma and Traveller communities and "
            "everyone else is widening. Has anyone been here before?"
        ),
        (
            "HF nurses are swamped with new diagnoses and can't see their existing caseload. Please point me to "
            "anything relevant."
        ),
        (
            "Teenagers presenting to ED after self-harm are waiting over 24 hours for an assessment. How did they"
            " get clinicians on board?"
        ),
        (
            "Women at risk of pre-eclampsia are not consistently started on aspirin early enough in pregnancy. "
            "What was the procurement route?"
        ),
        "Sickle cell patients in crisis wait far too long for pain relief in our ED. Who should I speak to?",
        "COPD is often diagnosed in our practices without any spirometry. Looking for lessons learned, good or bad.",
        (
            "Men with prostate cancer on hormone therapy get no routine bone health or cardiovascular monitoring."
            " What did patients think of it?"
        ),
        (
            "Bed occupancy on our elderly care wards has been above 98% all year. Anything that went beyond a "
            "pilot would be really useful."
        ),
        (
            "Rates of childhood obesity in our borough are among the highest in England. Is there any independent"
            " evaluation?"
        ),
        (
            "Children with suspected autism wait more than two years for a diagnostic assessment. How many staff "
            "did it need and what were the running costs?"
        ),
        (
            "Our community paediatric team can't keep up with ADHD medication reviews. Is there anything with a "
            "proper published evidence base?"
        ),
        (
            "Cardiac rehab uptake after MI is under 40% and much lower in women. Who led it, the trust, the ICB "
            "or the company?"
        ),
        (
            "Patients with glaucoma are losing sight because their follow-ups are overdue. How was data sharing "
            "handled between the partners?"
        ),
        (
            "We see lots of patients whose psoriatic arthritis is diagnosed years after their skin symptoms "
            "started. Any successful examples, ideally with contact details?"
        ),
        "Emergency contraception is under-used by under-18s in our area. What barriers did others run into?",
        (
            "People discharged after a fall are not getting any follow-up from community services. Did it "
            "actually make a measurable difference?"
        ),
        (
            "Head and neck cancer patients lose a lot of weight during treatment because dietetic input is so "
            "limited. Would like to know what others wish they had done differently."
        ),
    ],
}
# Written by a fourth helper session after the rule for questions that name a topic (background.py) was
# made, to check it: a follow-up question or statement naming an approach, a generic ask, or a sentence
# about the asker. Two changes followed reading them (data sharing no topic of a question, and "diabetic
# eye screening" an eye condition; docs/matching-experiments.md, *Questions that name a topic*).
FOLLOW_UPS_AFTER = {
    "approach, asked": [
        (
            "Uptake of the NHS Health Check in our most deprived wards is under 30% and we keep finding"
            " hypertension late. Has anyone tried blood pressure checks in barbershops or mosques?"
        ),
        (
            "COPD admissions spike every winter and many patients on the register have never had spirometry"
            " confirmed. Did any ICB commission community diagnostic hubs doing FeNO and spirometry together?"
        ),
        (
            "we have loads of T2 diabetes pts with HbA1c over 75 who never come to reviews. anyone tried remote"
            " CGM with a virtual clinic"
        ),
        (
            "Haemodialysis starts are often crash-landings because CKD stage 4 patients aren't picked up early"
            " enough in primary care. Is there any experience of using eGFR/ACR searches with automated alerts"
            " to GP practices?"
        ),
        (
            "Two-week-wait lung referrals are rising but stage at diagnosis is still poor, particularly among"
            " our ex-mining communities. What about mobile CT scanners in supermarket car parks?"
        ),
        (
            "Waits for a first CAMHS appointment are over 18 months in parts of our patch and young people are"
            " presenting in crisis at A&E. Could a digital CBT platform with clinician oversight work while they"
            " wait?"
        ),
        (
            "Our perinatal mental health service sees only a fraction of the women we would expect, especially"
            " from South Asian communities. Are there examples of peer support workers embedded in antenatal"
            " clinics?"
        ),
        (
            "diabetic eye screening DNA rate is 25% in our inner city practices. has anyone used AI grading in"
            " high street optometrists to bring it closer to home"
        ),
        (
            "We have a backlog of over 9,000 patients overdue glaucoma follow-up and hospital eye service"
            " capacity is maxed out. How did other trusts use virtual clinics with community optometrists doing"
            " the imaging?"
        ),
        (
            "Knee and hip osteoarthritis referrals to orthopaedics keep climbing and many patients have had no"
            " conservative management at all. Did anyone set up group exercise and education classes run through"
            " first contact physios?"
        ),
        (
            "Dermatology two-week waits for suspected skin cancer have doubled in three years and most lesions"
            " turn out to be benign. Has any trust tried teledermoscopy with AI triage?"
        ),
        (
            "Care home residents with frailty are being conveyed to ED after falls when many could be managed in"
            " place. Is there precedent for a response car crewed by a paramedic and an OT, linked to a clinical"
            " hub?"
        ),
        (
            "Our UTC sees large numbers of children with minor illness that could be managed elsewhere and the"
            " front door is overwhelmed. Would a paediatric hospital-at-home team make a dent in that?"
        ),
        (
            "Polypharmacy in over-75s is leading to avoidable admissions, especially from anticholinergic"
            " burden. Any examples of community pharmacists doing structured medication reviews using a"
            " risk-stratification tool?"
        ),
        (
            "Flu and COVID vaccine uptake among our housebound and homeless populations is dreadful. Has anyone"
            " tried outreach vans with pop-up clinics at hostels and food banks?"
        ),
        (
            "chlamydia and gonorrhoea positivity is up in under-25s and clinic slots go within minutes of"
            " opening. anyone tried postal self-sampling kits ordered online"
        ),
        (
            "People with epilepsy in our area frequently end up in ED after seizures and there is one specialist"
            " nurse for the whole county. Did any system try a wearable monitoring device linked to a nurse-led"
            " service?"
        ),
        (
            "Liver disease deaths have risen sharply here and most patients are diagnosed at decompensation. Has"
            " anybody used FibroScan in primary care or drug and alcohol services for case finding?"
        ),
        (
            "Hepatitis C elimination is stalling because the remaining patients are the hardest to reach. Are"
            " there examples of point-of-care testing in prisons and needle exchanges with same-day treatment"
            " start?"
        ),
        (
            "Heart failure readmissions within 30 days are among the highest in the region. Could remote"
            " monitoring with connected scales and community NT-proBNP testing help us?"
        ),
        (
            "Over half our asthma patients are over-reliant on SABA inhalers and several children have been"
            " admitted this year. Has anyone tried pharmacy-led inhaler technique reviews with smart inhalers?"
        ),
        (
            "We have waits of over three years for adult ADHD assessment in some parts of the ICB. Is there any"
            " experience of objective testing like QbTest to speed up the pathway"
        ),
        (
            "Rates of gestational diabetes are rising and our antenatal diabetes clinic cannot keep up. What"
            " about app-based glucose monitoring reviewed remotely by midwives?"
        ),
        (
            "Stroke patients from our rural hospitals often arrive too late for thrombectomy because of transfer"
            " times. Did anyone implement AI imaging software to speed up decisions on CT angiography?"
        ),
        (
            "Hypertension control in our PCN is the lowest in the ICS and BP checks clog up GP appointments. Has"
            " anyone rolled out home monitors with readings submitted through the NHS App or by text?"
        ),
        (
            "Familial hypercholesterolaemia is vastly under-diagnosed locally; we have found fewer than 10% of"
            " expected cases. Were there any projects combining searches of lipid results with genetic testing"
            " and cascade screening of relatives?"
        ),
        (
            "Our renal transplant waiting list shows Black and South Asian patients waiting much longer than"
            " white patients. Is there anything out there on community champions and living donor education"
        ),
        (
            "lots of frail elderly pts in our practice with no care plans and we end up with crisis admissions."
            " has anyone used the eFI plus a proactive MDT with care coordinators"
        ),
        (
            "Children with eczema are bouncing between GP and dermatology with little improvement. Anyone tried"
            " a nurse-led education clinic with written action plans?"
        ),
        (
            "Prostate cancer in Black men in our city is being diagnosed later than it should be. Has there been"
            " a partnership that ran awareness and PSA testing events in churches and community centres"
        ),
        (
            "Bowel screening uptake is around 55% in our most deprived LSOAs. Has anyone evaluated text"
            " reminders and GP endorsement letters for the FIT kit?"
        ),
        (
            "Sepsis recognition in care homes is poor and residents arrive at ED already very unwell. Has any"
            " ICS tried RESTORE2 with digital observations feeding a remote clinical hub?"
        ),
        (
            "We have rising numbers of people with dementia admitted with delirium and staying for weeks. Could"
            " technology-enabled care, such as home sensors and GPS trackers, keep people at home longer"
        ),
        (
            "Antibiotic prescribing for sore throats and coughs in our out-of-hours service is well above"
            " target. Did any area pilot CRP point-of-care testing?"
        ),
        (
            "Waits for wheelchair and posture assessment for children with cerebral palsy are over a year. Are"
            " there examples of 3D scanning being used to speed up seating provision?"
        ),
        (
            "Psoriasis patients on biologics need regular monitoring visits that eat into outpatient capacity."
            " How have other places used homecare delivery and remote monitoring of bloods?"
        ),
        (
            "Back pain is our biggest reason for MSK consultations in general practice and referrals to spinal"
            " surgeons are high. Is app-based digital physiotherapy something anyone has commissioned"
        ),
        (
            "Physical health checks for people with serious mental illness are well below the 60% target. Has"
            " anyone tried bringing the checks into depot clinics with an HCA and point-of-care HbA1c?"
        ),
        (
            "Hearing loss in adults is under-identified in our area and audiology waits are long. Any examples"
            " of direct-access audiology through high street providers?"
        ),
        (
            "Our early pregnancy unit is swamped and women with bleeding wait hours in A&E. what was the"
            " experience elsewhere with nurse-led scanning and virtual follow up"
        ),
    ],
    "approach, stated": [
        (
            "Our AAA screening programme has very low uptake among men from Gypsy and Traveller communities. We"
            " are thinking of taking the portable ultrasound scanner to sites alongside a trusted liaison worker."
        ),
        (
            "People with long COVID in our area wait months for a first assessment. Keen to explore a digital"
            " self-management programme combined with group rehab sessions."
        ),
        (
            "Pressure ulcer incidence on district nursing caseloads has risen for three consecutive quarters."
            " Our plan is to trial sub-epidermal moisture scanning to catch tissue damage earlier."
        ),
        (
            "we have huge numbers of people waiting for gastroscopy with reflux symptoms, some with Barrett's."
            " thinking about trying the capsule sponge test in a community setting"
        ),
        (
            "Heart valve disease is often picked up late in older people across our ICS. We would like to pilot"
            " digital stethoscopes with AI analysis in GP practices and care homes."
        ),
        (
            "Children with type 1 diabetes in our trust have HbA1c well above the national average, especially"
            " in deprived areas. The team wants to move all eligible children onto hybrid closed-loop systems"
            " with remote data review."
        ),
        (
            "Eating disorder referrals for young people have doubled since the pandemic and we can't meet the"
            " waiting time standard. We're considering an online family-based treatment offer."
        ),
        (
            "Suicide rates among middle-aged men in our coastal towns are the highest in the region. Our"
            " thinking is to commission a real-time surveillance system and partner with a text-based crisis"
            " line."
        ),
        (
            "Osteoporosis is under-treated after fragility fractures and we have no fracture liaison service."
            " The plan is to set one up using automated identification of patients from radiology reports."
        ),
        (
            "Routine follow-up of breast cancer survivors fills clinics that could be used for new patients."
            " We'd like to move to patient-initiated follow-up supported by a remote surveillance system."
        ),
        (
            "Preterm birth rates in our LMNS are above the national average. We are exploring quantitative fetal"
            " fibronectin testing and a prevention clinic run by a specialist midwife."
        ),
        (
            "the number of pts on warfarin with no proper review in 12 months is worrying. want to try INR"
            " self-testing at home with results uploaded to the practice"
        ),
        (
            "Obesity is driving a lot of our diabetes and joint referrals and there is no tier 3 service. The"
            " board is minded to commission a digital weight management programme with access to the newer"
            " medicines."
        ),
        (
            "Ambulance handover delays are averaging three hours at our main ED, mostly for frail older"
            " patients. We intend to test a call-before-convey model with a single point of access for crews."
        ),
        (
            "Glue ear in young children is causing long ENT waits and speech delays. I'm keen to try"
            " tablet-based hearing tests in nurseries and schools with onward referral to community audiology."
        ),
        (
            "Too many people with lower back pain and sciatica are being referred for MRI scans they don't need."
            " We are considering an AI-enabled triage tool for referrals, with stratified care delivered by"
            " physios."
        ),
        (
            "Smoking in pregnancy remains at about 14% across our system. We are planning to introduce CO"
            " monitoring at every antenatal contact plus a financial incentive scheme for quitting."
        ),
        (
            "Uptake of HPV vaccination in secondary schools has dropped since the pandemic. The immunisation"
            " team wants to try digital consent forms and catch-up sessions in community venues."
        ),
        (
            "Patients with leg ulcers are seen by several services with no consistent plan and healing rates are"
            " poor. We'd like to test a wound-imaging app that measures healing and shares photos with tissue"
            " viability."
        ),
        (
            "More people in their last year of life die in hospital than tell us they want to. Our intention is"
            " to roll out shared digital advance care plans visible to 111, ambulance crews and out-of-hours GPs."
        ),
    ],
    "generic ask": [
        (
            "Our COPD readmissions are the worst in the region and we have heard about a remote monitoring pilot"
            " elsewhere. How was it funded, and who paid once the pilot money ran out?"
        ),
        (
            "Falls in care homes are driving a big chunk of our ambulance call-outs. What did the information"
            " governance arrangements look like for sharing resident data with the company?"
        ),
        (
            "uncontrolled hypertension is a big issue across our PCN. who do we speak to about the project and"
            " is there a named contact"
        ),
        (
            "Our diabetic foot amputation rate is double the England average. How long did it take from the"
            " first conversation to go-live?"
        ),
        (
            "Young people with anxiety and depression are waiting over a year for treatment. Did the pilot have"
            " a formal independent evaluation and can we see the results?"
        ),
        (
            "Lung cancer is diagnosed at stage 4 in over half our patients. What contract or procurement route"
            " was used to bring the industry partner on board?"
        ),
        (
            "Heart failure patients are being admitted repeatedly because we have no community HF nurses in the"
            " north of the county. Was there a DPIA done, and who signed it off as data controller?"
        ),
        (
            "Sickle cell patients tell us they wait hours in ED for pain relief and feel disbelieved. What were"
            " the lessons learned, good and bad?"
        ),
        ("Waits for cataract surgery are 40 weeks at our local trust. how did they handle the backfill for staff time"),
        (
            "Our dementia diagnosis rate is stuck at 55%. Was this a joint working agreement under the ABPI"
            " Code, and how was the company's role kept separate from prescribing decisions?"
        ),
        (
            "Our maternity unit has had repeated CQC concerns about postpartum haemorrhage management. What did"
            " the company actually provide: kit, staff, money or analytics?"
        ),
        (
            "Chronic kidney disease is under-coded in around a third of our practices. Could it be scaled across"
            " a whole ICS, or was it only ever a small pilot?"
        ),
        "too many kids turning up in ED with asthma attacks every September. what did it cost per patient",
        (
            "Skin cancer referrals are swamping our dermatology service. Is it possible to arrange a site visit"
            " to see how the clinic runs day to day?"
        ),
        (
            "We have a very high rate of self-harm presentations among teenage girls. How was the data shared"
            " with schools, and did the Caldicott Guardian raise any concerns?"
        ),
        (
            "Our PCN has many patients with atrial fibrillation who are not anticoagulated. Was there any risk"
            " of the arrangement being seen as an inducement to prescribe, and how was that managed?"
        ),
        (
            "Urgent care streaming at our front door is chaotic and 12-hour waits are common. What happened when"
            " the partnership ended – was there an exit strategy?"
        ),
        (
            "Syphilis diagnoses have tripled in our city over five years. Who was the senior responsible owner,"
            " and what governance route did it go through?"
        ),
        (
            "Relapse rates are high in our early intervention in psychosis service. how were service users"
            " involved in designing the app"
        ),
        (
            "People with Parkinson's struggle to get timely medication reviews and often miss doses when"
            " admitted. What was the timeline from business case to full rollout?"
        ),
        (
            "Our glaucoma monitoring backlog is a real clinical risk. Did they have to run a formal tender, or"
            " was it a direct award under the Provider Selection Regime?"
        ),
        (
            "Fatty liver disease is an emerging problem given our obesity levels. What did the evaluation find"
            " on return on investment"
        ),
        (
            "MMR uptake at 5 years is below 80% in two of our wards. Did they publish anything, a case study or"
            " paper, that we could take to our board?"
        ),
        (
            "Frail older people are stuck in hospital waiting for packages of care. How did the trust get the"
            " clinical safety case (DCB0129/DCB0160) completed for the software?"
        ),
        (
            "Stroke survivors get very little rehab after six weeks in our area. Who owned the data at the end,"
            " and could the NHS keep using it?"
        ),
        (
            "Osteoarthritis referrals are overwhelming the MSK service. how many staff did it need and were they"
            " NHS or company employed"
        ),
        (
            "Women with endometriosis are waiting years for a diagnosis and our gynae lists are enormous. Who at"
            " the ICB would normally sign off something like this?"
        ),
        (
            "Our TB incidence is among the highest in England outside London. Was the service sustained after"
            " the initial funding, and who commissions it now?"
        ),
        (
            "Infant mortality in our most deprived wards is above the national average. What was the patient and"
            " public involvement like, and was Healthwatch involved?"
        ),
        (
            "Many adults with learning disabilities on our registers are missing their annual health check. Is"
            " there a contact at the company or the ICB we could talk to"
        ),
        (
            "Opioid prescribing for chronic pain is well above the national average in our PCN. how did the"
            " practices get paid for their time"
        ),
        (
            "Our paediatric epilepsy service can't meet the two-week first-seen standard. Were there any data"
            " protection problems when linking to hospital records?"
        ),
        (
            "IBD flares are filling our acute medical beds. What outcome measures did they use and how were they"
            " collected?"
        ),
        (
            "We are seeing more people under 40 with type 2 diabetes, mainly in our South Asian communities. Was"
            " the company paid on outcomes or a flat fee?"
        ),
        (
            "Melanoma follow-up appointments take up a lot of consultant time. What would we need to have in"
            " place locally before we could replicate it?"
        ),
        (
            "Readmissions for neonatal jaundice are creeping up. Did it need ethics approval or was it classed"
            " as service evaluation?"
        ),
        (
            "Alcohol-related admissions here are the second highest in the North East. What were the biggest"
            " barriers and how were they overcome"
        ),
        (
            "Waits for MRI when MS is suspected are pushing diagnosis back by months. What did the clinicians"
            " think of it after a year, and was there real buy-in?"
        ),
        (
            "Bronchiectasis is managed inconsistently across our three acute trusts. Is there a memorandum of"
            " understanding or data sharing agreement we could borrow as a template?"
        ),
        (
            "a lot of our housebound pts with long term conditions miss their annual reviews. how did they get"
            " practices signed up and keep them engaged"
        ),
    ],
    "background": [
        (
            "Hypertension detection in our Bangladeshi community is low and strokes are happening at younger"
            " ages. We are a PCN of seven practices in east London serving around 60,000 patients, a third of"
            " whom do not speak English as a first language."
        ),
        (
            "Waits for autism assessment for children now exceed two years. I'm the commissioning lead for"
            " children and young people's mental health at a small ICB with very limited transformation funding"
            " this year."
        ),
        (
            "COPD exacerbations drive most of our winter bed pressures. We are a rural district general hospital"
            " with three respiratory consultants and no pulmonary rehab capacity in the west of the county."
        ),
        (
            "lots of gestational diabetes and the antenatal clinic is swamped. im a consultant midwife at a unit"
            " with about 4,500 births a year, we already use BadgerNet"
        ),
        (
            "Leg ulcer healing rates are poor and dressing costs have risen by 20%. Our community trust runs"
            " district nursing and tissue viability across two ICBs and has a 4% cost improvement target."
        ),
        (
            "Diabetic retinopathy screening uptake has not recovered since COVID. I am the eye care lead for an"
            " ICS that has just taken on delegated commissioning of pharmacy, optometry and dental services."
        ),
        (
            "Repeat self-harm presentations to ED are high among adults in our coastal towns. As a mental health"
            " trust we provide crisis resolution, liaison psychiatry and a 24/7 helpline, but vacancy rates are"
            " around 18%."
        ),
        (
            "Too many frail older people are admitted from care homes in their last weeks of life. The board has"
            " made reducing avoidable admissions its top priority for the coming year and we have just appointed"
            " an Ageing Well programme lead."
        ),
        (
            "CKD monitoring in primary care is patchy and we don't know how many people have stage 3. We're a GP"
            " federation of 14 practices on a shared SystmOne unit with a small analytics team."
        ),
        (
            "Our children's asthma outcomes are among the worst in the region. I lead the patient experience"
            " team at a teaching hospital and we have had several complaints from families about inconsistent"
            " discharge advice."
        ),
        (
            "Waits for a first rheumatology appointment are over 40 weeks. The trust is part of an acute"
            " provider collaborative and has committed to cutting follow-ups by 25% under the elective recovery"
            " plan."
        ),
        (
            "Cervical screening uptake among women aged 25 to 29 has fallen below 60%. Our sexual health service"
            " is run through a local authority integrated contract covering contraception, STI testing and HIV"
            " prevention."
        ),
        (
            "pts with heart failure keep getting readmitted. small rural practice, list of 6,500, one partner"
            " with a cardio interest, no echo locally and nearest hospital 40 miles away"
        ),
        (
            "Flu vaccine uptake in pregnant women is only 35% across our LMNS. We have an established maternity"
            " digital team but no dedicated vaccination midwife, and our funding ends in March."
        ),
        (
            "Hospital-onset C. difficile cases have exceeded our threshold for the second year running. I am the"
            " director of infection prevention and control at a 900-bed acute trust with an ageing estate."
        ),
        (
            "Antidepressant prescribing is rising while talking therapy recovery rates are falling. Our ICB"
            " covers 1.2 million people with high deprivation, and our mental health strategy prioritises people"
            " with co-occurring substance misuse."
        ),
        (
            "Lung cancer survival in our area lags the England average. We already run a targeted lung health"
            " check programme with the Cancer Alliance, but uptake varies widely between PCNs."
        ),
        (
            "Many people with epilepsy in our learning disability service have not had a medication review in"
            " over a year. We are a combined community and mental health trust with a specialist LD nursing team"
            " covering a large rural patch."
        ),
        (
            "Stroke patients discharged from hospital wait weeks for community therapy. Our ICS has an"
            " integrated stroke delivery network and any new service would have to be delivered within existing"
            " budgets."
        ),
        (
            "Hip fracture patients are waiting over 36 hours for surgery. We are an orthogeriatric service in a"
            " DGH with a single consultant, and we are expecting a CQC inspection this spring."
        ),
    ],
}
HOSTS = 3  # dev challenges each question is put after
DRAWS = 3
RANKINGS = {
    "shipped": Ranking(),
    "questions alone raised": Ranking(topical_intentions=False),  # before statements of intent were
    "classifier alone": Ranking(topical_questions=False, topical_intentions=False),  # neither kept regardless
    "background not told apart": Ranking(tell_background_apart=False),
}


def last_weight(matcher: Matcher, challenge: str) -> float:
    weights = matcher.embed_as_read(challenge).sentence_weights
    return weights[-1] if weights else 1.0  # no weights when the ranking tells nothing apart


def question_weights(matcher: Matcher, questions: list[str], queries: list[JudgedQuery]) -> np.ndarray:
    """Each question's weight, put after HOSTS dev challenges drawn for it."""
    rng = random.Random(7)
    weights = []
    for question in questions:
        for query in rng.sample(queries, HOSTS):
            weights.append(last_weight(matcher, f"{as_sentence(query.query)} {question}"))
    return np.array(weights)


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    base = load_configured_matcher()
    with_asks = []
    for seed in range(DRAWS):
        rng = random.Random(seed)
        asks = {q.qid: rng.choice(GENERIC) for q in queries}
        with_asks.append(lambda q, asks=asks: f"{as_sentence(q.query)} {asks[q.qid]}")
    print(f"{len(TOPICAL)} topical questions and {len(GENERIC)} generic asks, each after {HOSTS} dev challenges")
    header = ["topical kept", "mean weight", "generic apart", "mean weight", "nDCG as written", "generic ask after"]
    print(f"{'ranking':27}" + "".join(f"{column:>18}" for column in header))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        topical = question_weights(matcher, TOPICAL, queries)
        generic = question_weights(matcher, GENERIC, queries)
        row = [np.mean(topical >= CONCEPT_WEIGHT), topical.mean(), np.mean(generic < CONCEPT_WEIGHT), generic.mean()]
        row.append(mean_ndcg(matcher, queries, lambda q: q.query))
        row.append(fmean(mean_ndcg(matcher, queries, rewrite) for rewrite in with_asks))
        print(f"{label:27}" + "".join(f"{value:>18.3f}" for value in row))
    for title, follow_ups in [
        ("following up the problem before it", FOLLOW_UPS),
        ("written after the rule for questions was made", FOLLOW_UPS_AFTER),
    ]:
        print(f"\nThe last sentence of {sum(map(len, follow_ups.values()))} challenges, {title}")
        print_last_sentences(base, RANKINGS, follow_ups, width=24)


def print_last_sentences(
    base: Matcher, rankings: dict[str, Ranking], challenges: dict[str, list[str]], width: int
) -> None:
    """Per ranking, the share of each kind's challenges whose last sentence counts as the problem
    (kinds named "approach ...") or is set apart (the others)."""
    kinds = [kind + (" kept" if kind.startswith("approach") else " apart") for kind in challenges]
    print(f"{'ranking':27}" + "".join(f"{kind:>{width}}" for kind in kinds))
    for label, ranking in rankings.items():
        matcher = base.with_ranking(ranking)
        row = []
        for kind, texts in challenges.items():
            kept = np.array([last_weight(matcher, text) >= CONCEPT_WEIGHT for text in texts])
            row.append(np.mean(kept) if kind.startswith("approach") else np.mean(~kept))
        print(f"{label:27}" + "".join(f"{value:>{width}.3f}" for value in row))


if __name__ == "__main__":
    main()
