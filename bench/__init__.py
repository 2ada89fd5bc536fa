"""Benchmarks: `python -m bench.run` (service vs naive baseline) and `python -m bench.scale` (corpus size)."""
