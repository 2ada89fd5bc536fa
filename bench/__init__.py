"""Benchmarks: `python -m bench.run` (service vs naive baseline) and `python -m bench.scale` (corpus size)."""

from pathlib import Path

FRESH_CHALLENGES_PATH = Path(__file__).parent / "data" / "fresh_challenges.jsonl"  # the second judged set
