"""Properties every ranking must keep, shared by the example and property-based tests."""

from __future__ import annotations


def gives_way_only_within(scores: list[float], margin: float, labels: list[str] | None = None) -> bool:
    """No score is more than `margin` (the ranking's penalties and bonus) above any score shown before
    it, but for a match not labelled strong after a strong one (`labels`, in the same order): a
    precedent about another disease of the challenge's family follows every strong match."""
    labels = labels or ["strong"] * len(scores)
    return all(
        scores[j] <= scores[i] + margin + 1e-9 or (labels[i] == "strong" != labels[j])
        for i in range(len(scores))
        for j in range(i + 1, len(scores))
    )


def strong_first(labels: list[str]) -> bool:
    """Every strong match comes before every other one, as when the challenge names no partner (whose
    precedents come first among comparable ones): no step moves a strong match below a partial one."""
    strong = [label == "strong" for label in labels]
    return strong == sorted(strong, reverse=True)
