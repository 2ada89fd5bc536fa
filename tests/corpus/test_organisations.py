import pytest

from nhsmatch.corpus import load_corpus
from nhsmatch.matcher.organisations import OrganisationNames


def test_published_spellings_of_one_company_are_one_partner(names: OrganisationNames) -> None:
    spellings = ["Novartis Pharmaceuticals UK Limited", "Novartis Pharmaceuticals UK Ltd", "Novartis", "Novartis UK"]
    assert {names.canonical(s) for s in spellings} == {"Novartis"}
    assert len({names.key(s) for s in spellings}) == 1
    assert names.canonical("Eli Lilly & Company Limited") == names.canonical("Lilly UK") == "Lilly"
    assert names.canonical("GlaxoSmithKline UK") == "GSK"


def test_suffixes_are_ignored_without_a_curated_entry(names: OrganisationNames) -> None:
    assert names.key("Acme Health Ltd") == names.key("ACME Health UK Limited") == names.key("The Acme Health plc")
    assert names.canonical("Acme Health Ltd") == "Acme Health Ltd"  # unknown: shown as published


def test_distinct_legal_entities_stay_apart(names: OrganisationNames) -> None:
    assert names.key("Roche Diagnostics UK and Ireland") != names.key("Roche Products Limited")
    assert names.key("Google Health") != names.key("Verily (formerly Google Life Sciences)")


def test_one_spelling_under_two_organisations_is_refused() -> None:
    with pytest.raises(ValueError, match="listed under both"):
        OrganisationNames({"Alpha": ["Shared Name"], "Beta": ["Shared Name Ltd"]})


def test_a_shared_short_name_that_spells_one_organisation_is_refused() -> None:
    with pytest.raises(ValueError, match="known_as of 'Alpha Products' spells 'Alpha'"):
        OrganisationNames({"Alpha": [], "Alpha Products": []}, known_as={"Alpha Products": ["Alpha Ltd"]})


def test_a_product_named_like_an_organisation_is_refused() -> None:
    with pytest.raises(ValueError, match="product 'Beta Ltd' of 'Alpha' spells the organisation 'Beta'"):
        OrganisationNames({"Alpha": [], "Beta": []}, products={"Alpha": ["Beta Ltd"]})
    assert OrganisationNames({"Alpha": []}, products={"Alpha": ["Gizmo"]}).products("Alpha") == ("Gizmo",)


def test_shipped_corpus_spellings_collapse_to_one_partner_each(names: OrganisationNames) -> None:
    corpus = load_corpus()
    spellings = {p.name for r in corpus.records for p in r.industry_partners}
    partners = {names.key(name) for name in spellings}
    assert len(partners) < len(spellings) - 20
    novartis = {name for name in spellings if names.canonical(name) == "Novartis"}
    assert novartis >= {"Novartis", "Novartis Pharmaceuticals UK Limited", "Novartis Pharmaceuticals UK"}
