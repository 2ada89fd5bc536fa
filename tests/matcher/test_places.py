"""Places named in a challenge, found in the shipped gazetteer as people write them."""

from pathlib import Path

import pytest

from nhsmatch.api.settings import Settings
from nhsmatch.corpus import Corpus, load_places
from nhsmatch.matcher.errors import CorpusError
from nhsmatch.matcher.places import Places


@pytest.fixture(scope="module")
def places() -> Places:
    return load_places()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("In Lincolnshire, nurses can't find infusion pumps.", ["Lincolnshire"]),
        ("we're a pcn in lincolnshire", ["Lincolnshire"]),  # a place's name in any case
        ("Our ICB (Cheshire and Merseyside): falls are up.", ["Cheshire and Merseyside"]),  # the longest name
        ("Our A&E in Reading is full; so is Bath's.", ["Reading", "Bath"]),  # everyday words, capitalised
        ("North East Lincolnshire and North West London", ["North East Lincolnshire", "North West London"]),
        ("Stoke-on-Trent's GPs and the Black Country's", ["Stoke-on-Trent", "Black Country"]),
    ],
)
def test_places_are_found_as_people_write_them(places: Places, text: str, named: list[str]) -> None:
    assert [place.name for place in places.named_in(text)] == named


@pytest.mark.parametrize(
    "text",
    [
        "Reading the audit, we found falls were up.",  # an everyday word starting a sentence
        "We need a warm bath, some light reading and a black country walk.",  # everyday words, lower case
        "Every patient has a Glasgow Coma Scale score and a Bristol Stool Chart.",  # curated phrases
        "Access to the Oxford-AstraZeneca vaccine across England and the UK.",  # the NHS as a whole is no place
    ],
)
def test_everyday_words_and_named_scales_name_no_place(places: Places, text: str) -> None:
    assert places.named_in(text) == []


def test_each_place_names_its_regions(places: Places) -> None:
    regions = {place.name: place.regions for place in places.named_in("Cumbria, Milton Keynes and Swansea")}
    assert regions == {
        "Cumbria": ["North East and Yorkshire", "North West"],  # split between two ICBs
        "Milton Keynes": ["East of England", "South East"],
        "Swansea": ["Wales"],
    }


def test_what_is_searched_reads_each_place_as_our_area_and_keeps_every_other_word(places: Places) -> None:
    assert places.as_anywhere("In Lincolnshire, nurses can't find pumps.") == "In our area, nurses can't find pumps."
    assert places.as_anywhere("Across the North East and Hull's wards") == "Across our area and our area's wards"
    assert places.as_anywhere("Reading the audit: Glasgow Coma Scale") == "Reading the audit: Glasgow Coma Scale"
    assert Places().as_anywhere("In Lincolnshire") == "In Lincolnshire"  # no gazetteer, no place


def test_the_shipped_places_agree_with_the_regions_of_the_corpus(places: Places, full_corpus: Corpus) -> None:
    """Each record's locality names a place of the record's region, if any, and most name one."""
    regional = [record for record in full_corpus.records if record.region != "UK-wide"]
    placed = 0
    for record in regional:
        found = places.named_in(f"We are in {record.locality}.")
        assert not found or any(record.region in place.regions for place in found), (record.locality, found)
        placed += bool(found)
    assert placed / len(regional) >= 0.95


def test_a_places_file_naming_an_unknown_region_or_place_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "places.toml"
    path.write_text('[regions]\nAtlantis = ["Lyonesse"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="'Atlantis' is not a region"):
        load_places(path)
    path.write_text('as_written = ["Bath"]\n[regions]\nWales = ["Cardiff"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="as_written lists places no region lists: Bath"):
        load_places(path)


def test_a_places_path_with_no_file_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no file at"):
        Settings(places_path=tmp_path / "places.toml")
