"""The HTTP contract: what the page, the widget and other sites send and get back."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..matcher.models import (
    NOT_BLANK,
    Filters,
    LikelyPartner,
    MatchLabel,
    NamedPlace,
    NhsPeer,
    Partnership,
    Precedent,
)
from ..matcher.search import Ranking
from ..matcher.taxonomy import Region

MAX_CHALLENGE_CHARS = 5000

Challenge = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_CHALLENGE_CHARS, pattern=NOT_BLANK),
    Field(
        description="The local problem in your own words (1 to 5,000 characters).",
        examples=["Patients with atrial fibrillation are not anticoagulated and we have too many strokes"],
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MatchRequest(_Strict):
    challenge: Challenge
    limit: int = Field(10, ge=1, le=50, description="How many precedents to return.")
    filters: Filters = Field(default_factory=Filters)
    near: list[Region] = Field(
        default_factory=list, description="Regions whose partners get a boost without filtering others out."
    )


class PrecedentOut(Partnership):
    """A partnership record with how well it matches and why."""

    score: float = Field(ge=0, le=1, description="Similarity to the challenge, 0 to 1.")
    match: MatchLabel = Field(description="`strong`: directly reusable; `partial`: related; `weak`: distant.")
    why: list[str] = Field(description="The precedent's sentences closest to the challenge.")
    shared_concepts: list[str] = Field(description="What the challenge and precedent share, in plain words.")
    other_conditions: list[str] = Field(
        default_factory=list,
        description="When the challenge names a condition and the precedent is about others only: those, in "
        "plain words. Such a precedent is a model of care to borrow at best, so never a `strong` match.",
    )
    for_problem: int | None = Field(
        None,
        description="When the challenge was read as separate problems: which one this precedent was found for, "
        "as its index in `separate_problems` (0 is the first); null otherwise.",
    )

    @classmethod
    def of(cls, precedent: Precedent) -> PrecedentOut:
        # The record and the scores were validated when they were made: no need to again per response.
        return cls.model_construct(
            **dict(precedent.record),
            score=precedent.score,
            match=precedent.match,
            why=precedent.why,
            shared_concepts=precedent.shared_concepts,
            other_conditions=precedent.other_conditions,
            for_problem=precedent.for_problem,
        )


class MatchResponse(BaseModel):
    precedents: list[PrecedentOut] = Field(
        description=f"Best first, except that beyond {Ranking().company_cap} precedents of one company, another "
        f"company's comparable work (scoring within {Ranking().company_penalty:g}, labelled alike) comes first, and "
        f"that when the challenge names a condition, a precedent about other conditions only (`other_conditions`) "
        f"gives way to one scoring within {Ranking().other_condition_penalty:g} (one about another disease of the "
        f"challenge's family, labelled partial, follows every strong match), and that the precedents of a partner the "
        f"challenge names (`named_partners`) come before others' scoring within {Ranking().named_partner_bonus:g}, "
        f"and first of all, when a partial or strong match, those on the conditions it names (or, naming none, "
        f"its approaches); the precedents of a partner it asks for alternatives to (`alternatives_to`) come last."
    )
    partners: list[LikelyPartner] = Field(description="Industry and third-sector organisations, best first.")
    nhs_peers: list[NhsPeer] = Field(description="NHS organisations that did comparable work.")
    no_strong_precedent: bool = Field(description="True when no precedent is a strong match.")
    corrected_words: dict[str, str] = Field(
        description="Typing slips in the challenge that were searched as the corpus word one edit away, "
        'as {typed: searched for}, e.g. {"diabtes": "diabetes"}; empty when none.'
    )
    set_aside: list[str] = Field(
        description="Clauses of the challenge that said what the problem is not, left out of the search, "
        'e.g. ["Our diabetes outcomes are fine."]; empty when none.'
    )
    read_as_background: list[str] = Field(
        description="Sentences of the challenge read as background (about the asker, or saying nothing of the "
        'problem, as a bare "What have others done?") rather than the problem, e.g. '
        '["We are a teaching hospital trust with 12,000 staff."]: they count for much less in the search, '
        "and the conditions or services they name are not taken as the problem's; empty when none."
    )
    separate_problems: list[str] = Field(
        description="When the challenge states separate problems (sentences about unrelated conditions), "
        'each problem in its own sentences, e.g. ["People with AF are not anticoagulated.", "Our '
        'haematology clinics are overloaded with stable MPN follow-ups."]: each was searched alone, and '
        "`precedents` takes their best in turn (the first of each, then the second of each, ...); empty "
        "when the challenge states one problem."
    )
    no_strong_precedent_for: list[int] = Field(
        description="The indices in `separate_problems` of those for which no precedent is a strong match, e.g. "
        "[1] when the first problem has strong precedents and the second only the nearest related ones; empty "
        "when the challenge states one problem (`no_strong_precedent` says it then)."
    )
    not_in_english: bool = Field(
        description="True when the challenge does not read as English (most of its words unknown and near no word "
        "of the corpus, or most of its letters not Latin): the model reads English only, so the precedents are "
        "likely far off and the asker should describe the challenge in English."
    )
    named_partners: list[str] = Field(
        description='Partners of past partnerships that the challenge names, e.g. ["Doccla"] for "Has anyone '
        'worked with Doccla on a virtual ward?": their precedents come first among comparable ones (those on '
        'what it asks them about, when a partial or strong match, first of all) and say "same partner: Doccla" '
        "in `shared_concepts`; empty when none."
    )
    alternatives_to: list[str] = Field(
        description='Partners of past partnerships that the challenge asks for alternatives to, e.g. ["Novartis"] '
        'for "Apart from Novartis, which companies have supported heart failure services?" or ["Healthy.io"] for '
        '"Our Healthy.io contract ends next year; who else offers something similar?": their names were not '
        "searched for, their precedents come after all others', and they are left out of `partners`; a short "
        'question that names no topic of its own ("Any alternatives to Brainomix?") was searched as their work it '
        "matches best; empty when none."
    )
    places: list[NamedPlace] = Field(
        description='Places the challenge names, each with its regions, e.g. [{"name": "Lincolnshire", "regions": '
        '["Midlands"]}] for "In Lincolnshire, nurses can\'t find infusion pumps": they were searched as "our '
        'area", so that no record matches for its place alone, and unless the request gives `near`, partners '
        "who worked in their regions get `near`'s boost (`evidence.region_overlap`); empty when none."
    )


class SimilarResponse(BaseModel):
    id: str
    similar: list[PrecedentOut]


class PartnershipPage(BaseModel):
    items: list[Partnership]
    total: int
    offset: int
    limit: int


class FacetValue(BaseModel):
    value: str
    count: int


class YearRange(BaseModel):
    min: int | None
    max: int | None


class FacetsResponse(BaseModel):
    regions: list[FacetValue]
    therapy_areas: list[FacetValue]
    care_settings: list[FacetValue]
    partner_types: list[FacetValue]
    arrangements: list[FacetValue]
    outcome_statuses: list[FacetValue]
    years: YearRange


class FieldProblem(BaseModel):
    field: str = Field(description="Where the problem is, e.g. `filters.regions[0]`.")
    problem: str
    allowed: list[str] | None = Field(None, description="The accepted values, where there is a fixed list.")


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[FieldProblem] = Field(default_factory=list)


class ErrorBody(BaseModel):
    error: ErrorDetail
