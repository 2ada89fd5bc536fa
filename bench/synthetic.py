"""Synthetic corpora for scale tests: real records' fields recombined, every record marked synthetic.

Record i takes its title, challenge, therapy areas and care settings from one real record, its
intervention, partners and arrangement from a second, its outcomes from a third and its NHS
partners, place and years from a fourth. So every text is real prose and every record is valid,
but none describes a partnership that happened: ids start `synthetic-`, the publisher says so and
the URL is under the reserved `.invalid` domain.

    python -m bench.synthetic 10000 bench/results/synthetic-10000.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from nhsmatch.corpus import load_corpus
from nhsmatch.matcher.models import Partnership

SYNTHETIC_PUBLISHER = "Synthetic benchmark record (bench/synthetic.py), not a real partnership"
_PROBLEM = ("title", "challenge", "therapy_areas", "care_settings")
_INTERVENTION = ("intervention", "industry_partners", "other_partners", "arrangement")
_OUTCOMES = ("outcomes", "outcome_status")
_PLACE = ("nhs_partners", "region", "locality", "start_year", "end_year")


def synthesise(records: Sequence[Partnership], count: int, *, seed: int = 0) -> Iterator[dict[str, Any]]:
    """`count` synthetic records (JSON-ready dicts) recombined from `records`."""
    rng = random.Random(seed)
    sources = [record.model_dump(mode="json") for record in records]
    for number in range(count):
        record: dict[str, Any] = {"id": f"synthetic-{number:07d}"}
        for fields in (_PROBLEM, _INTERVENTION, _OUTCOMES, _PLACE):
            source = rng.choice(sources)
            record |= {field: source[field] for field in fields}
        record["source_url"] = f"https://synthetic.invalid/partnerships/{number}"
        record["source_publisher"] = SYNTHETIC_PUBLISHER
        yield record


def write_corpus(path: Path, count: int, *, seed: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in synthesise(load_corpus().records, count, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write_corpus(args.path, args.count, seed=args.seed))


if __name__ == "__main__":
    main()
