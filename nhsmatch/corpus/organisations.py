"""Reads the curated organisation names file into the domain's OrganisationNames."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..matcher.errors import CorpusError, CorpusIssue
from ..matcher.organisations import OrganisationNames

DEFAULT_ORGANISATIONS_PATH = Path(__file__).parent / "data" / "organisations.toml"


def load_organisation_names(path: Path = DEFAULT_ORGANISATIONS_PATH) -> OrganisationNames:
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("organisation", [])
        return OrganisationNames(
            {entry["name"]: entry.get("aliases", []) for entry in entries},
            {entry["name"]: entry["not_in"] for entry in entries if "not_in" in entry},
            {entry["name"]: entry["known_as"] for entry in entries if "known_as" in entry},
            {entry["name"]: entry["products"] for entry in entries if "products" in entry},
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as err:
        raise CorpusError([CorpusIssue(str(path), 0, "organisation", str(err))]) from err
