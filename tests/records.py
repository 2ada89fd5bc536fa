"""Valid partnership records for write tests, each about a distinct topic so a search finds it."""

from __future__ import annotations

from typing import Any

TOPICS = (
    (
        "Sickle cell crisis pain relief in emergency departments",
        "People with sickle cell disease arriving at A&E in a pain crisis waited hours for pain relief.",
        "haematology",
    ),
    (
        "Hearing aid uptake among older adults in care homes",
        "Care home residents with hearing loss were not assessed and few had working hearing aids.",
        "other",
    ),
    (
        "Head lice outbreaks in primary schools",
        "Repeated head lice outbreaks in primary schools kept children out of class and parents at home.",
        "other",
    ),
    (
        "Snakebite antivenom stock in rural hospitals",
        "Rural hospitals held out-of-date antivenom stock for adder bites and could not find it at night.",
        "other",
    ),
    (
        "Dental decay among children in deprived coastal towns",
        "Children in deprived coastal towns had high rates of tooth decay and long waits for extractions.",
        "other",
    ),
)


def record(index: int = 0, *, id_prefix: str = "test-write", **changes: Any) -> dict[str, Any]:
    """A valid record as JSON; `index` picks the topic and makes the id unique."""
    title, challenge, therapy_area = TOPICS[index % len(TOPICS)]
    body: dict[str, Any] = {
        "id": f"{id_prefix}-{index}",
        "title": title,
        "challenge": challenge,
        "intervention": f"A local NHS trust and a supplier redesigned the pathway for: {title.lower()}.",
        "outcomes": ["Waiting times fell by a third in the first year"],
        "outcome_status": "reported",
        "therapy_areas": [therapy_area],
        "care_settings": ["secondary care"],
        "nhs_partners": [{"name": "Example NHS Foundation Trust", "type": "acute trust"}],
        "industry_partners": [{"name": "Example Devices Ltd", "type": "medtech"}],
        "region": "London",
        "locality": "Lewisham",
        "start_year": 2021,
        "end_year": 2022,
        "arrangement": "joint working",
        "source_url": "https://example.org/case-study",
        "source_publisher": "Example NHS Foundation Trust",
    }
    body.update(changes)
    return body
