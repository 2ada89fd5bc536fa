"""Partner aggregation on hand-made precedents, where the right ranking is obvious."""

import json

from nhsmatch.corpus import DEFAULT_CORPUS_PATH
from nhsmatch.matcher.models import Partnership
from nhsmatch.matcher.organisations import OrganisationNames
from nhsmatch.matcher.partners import rank_nhs_peers, rank_partners, recency_factor

BASE = json.loads(DEFAULT_CORPUS_PATH.read_text(encoding="utf-8").splitlines()[2])


def record(record_id: str, partners: list[str], region: str = "London", year: int | None = 2024) -> Partnership:
    return Partnership.model_validate(
        BASE
        | {
            "id": record_id,
            "industry_partners": [{"name": n, "type": "pharmaceutical"} for n in partners],
            "other_partners": [],
            "region": region,
            "start_year": year,
            "end_year": year,
        }
    )


NAMES = OrganisationNames({"Novartis": ["Novartis Pharmaceuticals UK Limited"]})


def test_spellings_merge_and_more_evidence_ranks_higher() -> None:
    scored = [
        (record("a", ["Novartis Pharmaceuticals UK Limited"]), 0.6),
        (record("b", ["Novartis"]), 0.6),
        (record("c", ["Acme Ltd"]), 0.6),
    ]
    partners = rank_partners(scored, NAMES, current_year=2024)
    assert [p.name for p in partners] == ["Novartis", "Acme Ltd"]
    assert partners[0].precedent_ids == ["a", "b"] and partners[0].score > partners[1].score
    assert partners[0].evidence.precedent_count == 2


def test_one_strong_precedent_beats_a_weak_one_and_scores_stay_in_range() -> None:
    scored = [(record("a", ["Strong Co"]), 0.9), (record("b", ["Weak Co"]), 0.3)]
    partners = rank_partners(scored, NAMES, current_year=2024)
    assert [p.name for p in partners] == ["Strong Co", "Weak Co"]
    many = [(record(f"r{i}", ["Busy Co"]), 0.9) for i in range(30)]
    assert 0 <= rank_partners(many, NAMES, current_year=2024)[0].score <= 1


def test_one_precedent_that_did_this_beats_several_loosely_similar_ones() -> None:
    scored = [(record("exact", ["Exact Co"]), 0.6)] + [(record(f"loose{i}", ["Busy Co"]), 0.5) for i in range(3)]
    partners = rank_partners(scored, NAMES, current_year=2024)
    assert [p.name for p in partners] == ["Exact Co", "Busy Co"]
    assert partners[1].evidence.precedent_count == 3 and partners[1].score > 0.5  # more evidence still adds


def test_region_overlap_and_recency_count() -> None:
    scored = [(record("a", ["Local Co"], region="Wales"), 0.6), (record("b", ["Far Co"], region="London"), 0.6)]
    partners = rank_partners(scored, NAMES, current_year=2024, regions=["Wales"])
    assert partners[0].name == "Local Co" and partners[0].evidence.region_overlap
    assert recency_factor(record("old", ["X"], year=2004), 2024) < recency_factor(record("new", ["X"], year=2023), 2024)


def test_a_partner_listed_twice_in_one_record_counts_once() -> None:
    scored = [(record("a", ["Novartis", "Novartis Pharmaceuticals UK Limited"]), 0.5)]
    (partner,) = rank_partners(scored, NAMES, current_year=2024)
    assert partner.precedent_ids == ["a"] and partner.score == 0.5


def test_nhs_peers_come_from_nhs_partners() -> None:
    peers = rank_nhs_peers([(record("a", ["X"]), 0.7)], NAMES)
    assert [p.name for p in peers] == [p.name for p in record("a", ["X"]).nhs_partners]
    assert peers[0].precedent_ids == ["a"]
