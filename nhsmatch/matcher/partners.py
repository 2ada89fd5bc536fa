"""Likely partners and NHS peers, ranked by their track record on the similar precedents.

Only strong and partial precedents count as evidence. An organisation's score is a damped
noisy-OR over its precedents, ``1 - prod(1 - weight_i * EXTRA_EVIDENCE_DAMPING**i)`` with weights
sorted best first, where ``weight_i`` is the precedent's match score discounted for age and raised
for region overlap. One strong precedent counts most; each further one adds less, so a company
with many loosely similar projects does not drown out one that did exactly this.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from .models import LikelyPartner, NhsPeer, PartnerEvidence, Partnership
from .organisations import OrganisationNames
from .taxonomy import Region

RECENCY_HALF_LIFE_YEARS = 8.0  # an older precedent still counts, a little less
RECENCY_FLOOR = 0.7
REGION_BOOST = 1.15
EXTRA_EVIDENCE_DAMPING = 0.3  # a second precedent adds 0.3 of its weight, a third 0.09 (dev set, README)


@dataclass
class _Tally:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    precedents: list[tuple[Partnership, float]] = field(default_factory=list)


def recency_factor(record: Partnership, current_year: int) -> float:
    year = record.end_year or record.start_year
    if year is None:
        return RECENCY_FLOOR
    age = max(0, current_year - year)
    return max(RECENCY_FLOOR, 0.5 ** (age / RECENCY_HALF_LIFE_YEARS))


def _tally(
    scored: Sequence[tuple[Partnership, float]],
    names: OrganisationNames,
    mentions: Callable[[Partnership], Iterable[tuple[str, str]]],
) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for record, score in scored:
        counted: set[str] = set()
        for name, kind in mentions(record):
            key = names.key(name)
            tally = tallies[key]
            tally.names[names.canonical(name)] += 1
            tally.types[kind] += 1
            if key not in counted:  # an organisation listed twice in one record counts once
                counted.add(key)
                tally.regions[record.region] += 1
                tally.precedents.append((record, score))
    return tallies


def _damped_noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for i, weight in enumerate(sorted(weights, reverse=True)):
        miss *= 1.0 - min(1.0, max(0.0, weight)) * EXTRA_EVIDENCE_DAMPING**i
    return 1.0 - miss


def _display_name(names: Counter[str]) -> str:
    # The most used spelling; ties go to the shortest ("Pfizer" over "Pfizer Limited").
    return min(names, key=lambda name: (-names[name], len(name), name))


def rank_partners(
    scored: Sequence[tuple[Partnership, float]],
    names: OrganisationNames,
    *,
    current_year: int,
    partner_types: Sequence[str] = (),
    regions: Sequence[Region] = (),
    leave_out: Collection[str] = (),
    limit: int = 10,
) -> list[LikelyPartner]:
    """Industry and patient/charity organisations behind the scored precedents, best first, but for
    those `leave_out` keys (names.key)."""

    def mentions(record: Partnership) -> Iterable[tuple[str, str]]:
        for partner in record.non_nhs_partners:
            if (not partner_types or partner.type in partner_types) and names.key(partner.name) not in leave_out:
                yield partner.name, partner.type

    partners = []
    for tally in _tally(scored, names, mentions).values():
        weights = []
        for record, score in tally.precedents:
            boost = REGION_BOOST if regions and record.region in regions else 1.0
            weights.append(score * recency_factor(record, current_year) * boost)
        similarities = [score for _, score in tally.precedents]
        years = [r.end_year or r.start_year for r, _ in tally.precedents if r.end_year or r.start_year]
        partners.append(
            LikelyPartner(
                name=_display_name(tally.names),
                type=tally.types.most_common(1)[0][0],
                score=round(_damped_noisy_or(weights), 4),
                precedent_ids=[record.id for record, _ in tally.precedents],
                evidence=PartnerEvidence(
                    precedent_count=len(tally.precedents),
                    mean_similarity=round(sum(similarities) / len(similarities), 4),
                    best_similarity=round(max(similarities), 4),
                    latest_year=max(years) if years else None,
                    region_overlap=bool(regions) and any(r.region in regions for r, _ in tally.precedents),
                ),
            )
        )
    partners.sort(key=lambda p: (-p.score, -p.evidence.precedent_count, p.name))
    return partners[:limit]


def rank_nhs_peers(
    scored: Sequence[tuple[Partnership, float]], names: OrganisationNames, *, limit: int = 10
) -> list[NhsPeer]:
    """NHS organisations that did the similar precedents: people to ask how it went."""

    def mentions(record: Partnership) -> Iterable[tuple[str, str]]:
        return ((p.name, p.type) for p in record.nhs_partners)

    peers = [
        NhsPeer(
            name=_display_name(tally.names),
            type=tally.types.most_common(1)[0][0],
            score=round(_damped_noisy_or(score for _, score in tally.precedents), 4),
            precedent_ids=[record.id for record, _ in tally.precedents],
            region=tally.regions.most_common(1)[0][0],
        )
        for tally in _tally(scored, names, mentions).values()
    ]
    peers.sort(key=lambda p: (-p.score, -len(p.precedent_ids), p.name))
    return peers[:limit]
