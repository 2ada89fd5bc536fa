"""Properties every ranking must keep, shared by the example and property-based tests."""

from __future__ import annotations


def gives_way_only_within(scores: list[float], margin: float) -> bool:
    """No score is more than `margin` (the diversity penalty) above any score shown before it."""
    return all(later <= earlier + margin + 1e-9 for i, earlier in enumerate(scores) for later in scores[i + 1 :])
