"""The domain's records: a partnership case study, a search's filters, and what a match returns."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .taxonomy import (
    Arrangement,
    CareSetting,
    IndustryPartnerType,
    NhsPartnerType,
    OtherPartnerType,
    OutcomeStatus,
    PartnerType,
    Region,
    TherapyArea,
)

# The pattern says "not only whitespace" in the JSON Schema too (min_length after stripping can't).
# \x85 is named because JSON Schema's (ECMA) \s omits it while the validator's (Unicode) \s has it.
NOT_BLANK = r"[^\s\x85]"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=NOT_BLANK)]
Year = Annotated[int, Field(ge=1948, le=2100)]  # the NHS was founded in 1948
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NhsPartner(_Frozen):
    name: Text
    type: NhsPartnerType


class IndustryPartner(_Frozen):
    name: Text
    type: IndustryPartnerType


class OtherPartner(_Frozen):
    name: Text
    type: OtherPartnerType


class Partnership(_Frozen):
    """One publicly disclosed NHS–industry partnership (schema: corpus/README.md)."""

    id: RecordId = Field(description="Stable slug, lowercase a-z0-9 and hyphens.")
    title: Text = Field(description="The project's name as published.")
    challenge: Text = Field(description="The local problem or unmet need it set out to address.")
    intervention: Text = Field(description="What the partners actually did.")
    outcomes: list[Text] = Field(min_length=1, description="Results, or expected benefits.")
    outcome_status: OutcomeStatus = Field(description="`reported`: results were published; `expected`: only aims were.")
    therapy_areas: list[TherapyArea] = Field(min_length=1, max_length=3)
    care_settings: list[CareSetting] = Field(min_length=1)
    nhs_partners: list[NhsPartner] = Field(min_length=1)
    industry_partners: list[IndustryPartner] = Field(default_factory=list)
    other_partners: list[OtherPartner] = Field(default_factory=list)
    region: Region
    locality: Text = Field(description="The place as published: town, ICS or trust area.")
    start_year: Year | None = None
    end_year: Year | None = None
    arrangement: Arrangement
    source_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s\x85]+$")]
    source_publisher: Text

    @model_validator(mode="after")
    def _years_in_order(self) -> Partnership:
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValueError(f"start_year {self.start_year} is after end_year {self.end_year}")
        return self

    @model_validator(mode="after")
    def _has_a_partner(self) -> Partnership:
        if not self.industry_partners and not self.other_partners:
            raise ValueError("a partnership needs at least one industry_partners or other_partners entry")
        return self

    @property
    def years(self) -> tuple[int | None, int | None]:
        return self.start_year, self.end_year

    @property
    def non_nhs_partners(self) -> tuple[IndustryPartner | OtherPartner, ...]:
        """Industry partners, then other partners: who a precedent names as a likely partner."""
        return (*self.industry_partners, *self.other_partners)


class Filters(_Frozen):
    """Restricts a search. Empty lists mean "any"; lists match any of their values."""

    regions: list[Region] = Field(default_factory=list)
    therapy_areas: list[TherapyArea] = Field(default_factory=list)
    care_settings: list[CareSetting] = Field(default_factory=list)
    partner_types: list[PartnerType] = Field(default_factory=list)
    arrangements: list[Arrangement] = Field(default_factory=list)
    outcome_statuses: list[OutcomeStatus] = Field(
        default_factory=list, description="`reported` keeps only precedents with published results."
    )
    year_from: Year | None = Field(default=None, description="Keeps projects running in or after it.")
    year_to: Year | None = Field(default=None, description="Keeps projects running in or before it.")

    @model_validator(mode="after")
    def _years_in_order(self) -> Filters:
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError(f"year_from {self.year_from} is after year_to {self.year_to}")
        return self

    def admits(self, record: Partnership) -> bool:
        """True when the record passes every filter."""
        if self.regions and record.region not in self.regions:
            return False
        if self.therapy_areas and not set(self.therapy_areas) & set(record.therapy_areas):
            return False
        if self.care_settings and not set(self.care_settings) & set(record.care_settings):
            return False
        if self.arrangements and record.arrangement not in self.arrangements:
            return False
        if self.outcome_statuses and record.outcome_status not in self.outcome_statuses:
            return False
        if self.partner_types:
            types = {p.type for p in record.industry_partners} | {p.type for p in record.other_partners}
            if not set(self.partner_types) & types:
                return False
        return self._admits_years(record)

    def _admits_years(self, record: Partnership) -> bool:
        if self.year_from is None and self.year_to is None:
            return True
        start, end = record.start_year or record.end_year, record.end_year or record.start_year
        if start is None or end is None:
            return False  # an undated project can't be shown to fall in the range
        return (self.year_from is None or end >= self.year_from) and (self.year_to is None or start <= self.year_to)

    @property
    def is_empty(self) -> bool:
        return self == Filters()


MatchLabel = Literal["strong", "partial", "weak"]


class Precedent(_Frozen):
    """A past partnership ranked against a challenge, with the evidence for the match."""

    record: Partnership
    score: float = Field(ge=0.0, le=1.0)
    match: MatchLabel
    why: list[str]
    shared_concepts: list[str]
    # When the challenge names a condition and the precedent only others: those (a model of care at best).
    other_conditions: list[str] = []
    # When the challenge was read as separate problems: the index in MatchResult.separate_problems of
    # the one this precedent was found for.
    for_problem: int | None = None


class PartnerEvidence(_Frozen):
    """The components behind a likely partner's score, shown so users can judge it."""

    precedent_count: int
    mean_similarity: float
    best_similarity: float
    latest_year: int | None
    region_overlap: bool


class LikelyPartner(_Frozen):
    """An organisation ranked by its track record on precedents similar to the challenge."""

    name: str
    type: str
    score: float = Field(ge=0.0, le=1.0)
    precedent_ids: list[str]
    evidence: PartnerEvidence


class NhsPeer(_Frozen):
    """An NHS organisation that did comparable work: someone to call for advice."""

    name: str
    type: str
    score: float = Field(ge=0.0, le=1.0)
    precedent_ids: list[str]
    region: str


class NamedPlace(_Frozen):
    """A place the challenge names, read as where the asker is rather than as part of the problem."""

    name: str
    regions: list[Region]


class MatchResult(_Frozen):
    precedents: list[Precedent]
    partners: list[LikelyPartner]
    nhs_peers: list[NhsPeer]
    no_strong_precedent: bool
    corrected_words: dict[str, str] = {}  # typing slips read as corpus words: {typed: read as}
    set_aside: list[str] = []  # clauses that said what the problem is not, left out of the search
    read_as_background: list[str] = []  # sentences read as about the asker, not the problem: counted less
    separate_problems: list[str] = []  # the problems searched one at a time, when the challenge states several
    no_strong_precedent_for: list[int] = []  # those of the separate problems with no strong precedent
    not_in_english: bool = False  # the challenge does not read as English, which the model reads
    named_partners: list[str] = []  # partners of the precedents the challenge names: their work comes first
    alternatives_to: list[str] = []  # partners it asks for alternatives to: their work comes last, no likely partners
    places: list[NamedPlace] = []  # places the challenge names: searched as "our area", their regions near
