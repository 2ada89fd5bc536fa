"""The controlled vocabularies of the corpus schema (corpus/README.md).

Each vocabulary is a ``Literal`` type, so pydantic validates it and OpenAPI lists the values, and a
tuple of the same values for code that needs to iterate them.
"""

from typing import Literal, get_args

Region = Literal[
    "North East and Yorkshire",
    "North West",
    "Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "UK-wide",
]
TherapyArea = Literal[
    "cardiovascular",
    "diabetes and endocrine",
    "respiratory",
    "renal",
    "oncology",
    "mental health",
    "neurology",
    "infectious disease and vaccines",
    "musculoskeletal",
    "dermatology",
    "ophthalmology",
    "gastroenterology and hepatology",
    "haematology",
    "rare diseases",
    "women's health",
    "immunology and inflammation",
    "pain",
    "population health and multimorbidity",
    "medicines optimisation",
    "digital and data",
    "other",
]
CareSetting = Literal[
    "primary care",
    "secondary care",
    "community",
    "mental health services",
    "pharmacy",
    "system-wide",
    "social care",
]
NhsPartnerType = Literal[
    "acute trust",
    "community trust",
    "mental health trust",
    "ICB",
    "CCG",
    "PCN",
    "GP practice",
    "health board",
    "HSC trust",
    "health innovation network",
    "national body",
    "other NHS",
]
IndustryPartnerType = Literal["pharmaceutical", "medtech", "digital", "diagnostics", "consultancy", "other industry"]
OtherPartnerType = Literal[
    "patient organisation", "charity", "academic", "local authority", "professional body", "other"
]
# A likely partner is an industry or an "other" organisation (charity, patient organisation, ...).
PartnerType = Literal[IndustryPartnerType, OtherPartnerType]
Arrangement = Literal["joint working", "collaborative working", "partnership"]
OutcomeStatus = Literal["reported", "expected"]

REGIONS: tuple[Region, ...] = get_args(Region)
THERAPY_AREAS: tuple[TherapyArea, ...] = get_args(TherapyArea)
CARE_SETTINGS: tuple[CareSetting, ...] = get_args(CareSetting)
PARTNER_TYPES: tuple[str, ...] = get_args(IndustryPartnerType) + get_args(OtherPartnerType)
ARRANGEMENTS: tuple[Arrangement, ...] = get_args(Arrangement)
OUTCOME_STATUSES: tuple[OutcomeStatus, ...] = get_args(OutcomeStatus)
