"""Reads the curated places file into the domain's Places."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

from ..matcher.errors import CorpusError, CorpusIssue
from ..matcher.places import Places
from ..matcher.taxonomy import REGIONS, Region

DEFAULT_PLACES_PATH = Path(__file__).parent / "data" / "places.toml"


def load_places(path: Path = DEFAULT_PLACES_PATH) -> Places:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        regions: dict[str, list[Region]] = defaultdict(list)
        for region, places in table["regions"].items():
            if region not in REGIONS:
                raise ValueError(f"{region!r} is not a region; use one of {', '.join(REGIONS)}")
            for place in places:
                regions[place].append(region)
        unknown = set(table.get("as_written", ())) - set(regions)
        if unknown:
            raise ValueError(f"as_written lists places no region lists: {', '.join(sorted(unknown))}")
        return Places(regions, as_written=table.get("as_written", ()), not_in=table.get("not_in", ()))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as err:
        raise CorpusError([CorpusIssue(str(path), 0, "place", str(err))]) from err
