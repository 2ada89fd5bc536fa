"""The page and the widget in headless Chromium, against the real API (real model, real index)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

import httpx
import pytest
from playwright.sync_api import Locator, Page, Route, expect

from nhsmatch.api.cli import (
    ALTERNATIVES_NOTE,
    BACKGROUND_NOTE,
    NAMED_PARTNERS_NOTE,
    NOT_IN_ENGLISH_NOTE,
    OTHER_CONDITIONS_NOTE,
    PLACES_NOTE,
    SEPARATE_PROBLEMS_NOTE,
)
from nhsmatch.api.routes.web import WEB_DIR

pytestmark = pytest.mark.browser

AF_CHALLENGE = "Too many people with atrial fibrillation are not anticoagulated and we see avoidable strokes"
APART_FROM_NOVARTIS = "Apart from Novartis, which companies have supported heart failure services?"
LIPIDS_CHALLENGE = "Too few people with high cholesterol are on lipid-lowering treatment and heart attacks stay high"
COPD_CHALLENGE = "People with COPD wait months for spirometry and a diagnosis, and winter admissions keep rising"
BACKGROUND = "We are a teaching hospital trust with two main sites and 9,000 staff."  # read as about the asker
# Two unrelated problems in one challenge: each is searched alone.
AF_ALONE = "People with AF are not anticoagulated."
MPN_ALONE = "Our haematology clinics are overloaded with stable MPN follow-ups."
DENTAL_SEPARATELY = "Separately, children wait over a year for dental extractions under general anaesthetic."
# Mental health waiting lists share its aim, not its condition.
MSK_WAITS = "our MSK physio waiting list is over a year"
# A real problem that no partnership in the corpus addresses.
PARKING_CHALLENGE = "Staff at our hospital cannot find anywhere to park and night shifts start late"
# Welsh: "Too many heart failure patients are admitted to hospital as emergencies."
WELSH_CHALLENGE = "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng."
CSV_HEADER = [
    *("rank", "title", "match", "similarity", "for_problem", "region", "locality", "start_year", "end_year"),
    "arrangement",
    *("therapy_areas", "care_settings", "nhs_partners", "industry_partners", "other_partners", "outcome_status"),
    *("outcomes", "why", "other_conditions", "source_url", "source_publisher", "id"),
]

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text()


@contextmanager
def searching(page: Page) -> Iterator[None]:
    """Waits until the search the block starts has been answered and drawn, not just begun."""
    with page.expect_response(lambda response: urlsplit(response.url).path == "/v1/match"):
        yield
    expect(page.locator("#results")).not_to_have_attribute("aria-busy", "true")


def search(page: Page, challenge: str = AF_CHALLENGE) -> Locator:
    page.get_by_label("Describe your local health challenge").fill(challenge)
    with searching(page):
        page.get_by_role("button", name="Find partnerships").click()
    cards = page.locator("#cards > li")
    expect(cards.first).to_be_visible()
    return cards


def assert_contrast(page: Page, min_checked: int) -> None:
    checked, failures = page.evaluate(CONTRAST_JS)
    assert checked >= min_checked
    assert failures == []


def widget(page: Page) -> Locator:
    return page.locator("partner-finder")


# ---- the widget, embedded in a page on another origin ----


def test_widget_on_another_origin_shows_real_results(page: Page, host_url: str, api_url: str, artifacts: Path) -> None:
    origins: set[str] = set()
    page.on("request", lambda request: origins.add("{0.scheme}://{0.netloc}".format(urlsplit(request.url))))
    page.goto(f"{host_url}/")

    box = widget(page).get_by_label("Describe your local health challenge")
    box.fill(LIPIDS_CHALLENGE)
    box.press("Enter")

    precedents = widget(page).locator("ol > li")
    expect(precedents).to_have_count(5)  # the element's limit="5"
    # The same precedents, in the same order, as the API gives for the element's region and limit.
    expected = httpx.post(
        f"{api_url}/v1/match", json={"challenge": LIPIDS_CHALLENGE, "limit": 5, "filters": {"regions": ["London"]}}
    ).json()
    partner_count = min(len(expected["partners"]), 5)
    partners_found = f"{partner_count} likely partner{'' if partner_count == 1 else 's'} found."
    expect(widget(page).get_by_role("status")).to_have_text(f"5 past partnerships and {partners_found}")
    titles = precedents.locator("a.title").evaluate_all("links => links.map(a => a.firstChild.textContent)")
    assert titles == [p["title"] for p in expected["precedents"]]
    metas = precedents.locator(".meta").all_inner_texts()
    assert all("London" in meta for meta in metas)
    # Each precedent says who did it and, in plain words, why it matches.
    for meta, precedent in zip(metas, expected["precedents"], strict=True):
        assert all(company["name"] in meta for company in precedent["industry_partners"][:3])
    shared = [p["shared_concepts"] for p in expected["precedents"] if p["shared_concepts"]]
    whys = [f"Why it matches: {' · '.join(concepts)}" for concepts in shared]
    assert whys and precedents.locator(".why").all_inner_texts() == whys
    expect(widget(page).locator("ul > li").first).to_be_visible()  # likely partners
    more = widget(page).get_by_role("link", name=re.compile("See all results"))
    assert more.get_attribute("href").startswith(f"{api_url}/#q=Too+few+people")
    assert "region=London" in more.get_attribute("href")

    # Private and self-contained: only the host and the API were asked for anything, nothing was stored.
    assert origins == {host_url, api_url}
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie + localStorage.length + sessionStorage.length") == "00"

    assert_contrast(page, min_checked=25)
    page.evaluate("document.activeElement.blur()")
    page.screenshot(path=artifacts / "widget-desktop.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "widget-390.png", full_page=True)


def test_widget_resists_host_css_and_takes_its_theme(page: Page, host_url: str) -> None:
    page.goto(f"{host_url}/")
    heading = widget(page).get_by_role("heading", name="Find NHS partnerships like yours")
    expect(heading).to_be_visible()  # despite the host's `h2 { display: none !important }`
    expect(widget(page).get_by_role("button", name="Search")).to_be_visible()
    style = heading.evaluate("e => { const s = getComputedStyle(e); return [s.textTransform, s.fontFamily, s.color]; }")
    assert style[0] == "none"
    assert "Georgia" not in style[1]
    assert style[2] == "rgb(33, 43, 50)"
    # The host page themes it through --pf-accent.
    button = widget(page).get_by_role("button", name="Search")
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(51, 0, 114)"


def test_widget_is_keyboard_usable_and_announces_results(page: Page, host_url: str) -> None:
    page.goto(f"{host_url}/")
    expect(widget(page).get_by_role("button", name="Search")).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Enter")  # nothing typed yet
    expect(widget(page).get_by_role("status")).to_have_text("Describe your challenge first.")
    page.keyboard.type(COPD_CHALLENGE)
    page.keyboard.press("Enter")
    expect(widget(page).get_by_role("status")).to_contain_text("past partnerships")
    first_link = widget(page).locator("ol > li a").first
    first_link.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.shadowRoot.activeElement.textContent")
    assert focused == widget(page).locator("ol > li a").nth(1).text_content()


def test_widget_says_what_it_searched_for_and_when_no_precedent_is_strong(page: Page, host_url: str) -> None:
    page.goto(f"{host_url}/")
    box = widget(page).get_by_label("Describe your local health challenge")
    box.fill(f"{BACKGROUND} Our diabetes care is fine. {LIPIDS_CHALLENGE.replace('cholesterol', 'cholestrol')}")
    box.press("Enter")
    expect(widget(page).get_by_text("Searched for “cholesterol” (you typed “cholestrol”).")).to_be_visible()
    left_out = "Left out of the search, as not the problem: “Our diabetes care is fine.”"
    expect(widget(page).get_by_text(left_out)).to_be_visible()
    expect(widget(page).get_by_text(f"{BACKGROUND_NOTE}: “{BACKGROUND}”")).to_be_visible()
    expect(widget(page).get_by_text("No strong precedent", exact=False)).to_have_count(0)

    box.fill(f"{AF_ALONE} {MPN_ALONE}")
    box.press("Enter")
    numbered = f"problem 1: “{AF_ALONE}”; problem 2: “{MPN_ALONE}”"
    expect(widget(page).get_by_text(f"{SEPARATE_PROBLEMS_NOTE}: {numbered}")).to_be_visible()
    expect(widget(page).locator("ol > li .meta").first).to_contain_text("for problem 1")
    expect(widget(page).locator("ol > li .meta").nth(1)).to_contain_text("for problem 2")
    box.fill(f"{LIPIDS_CHALLENGE}. {DENTAL_SEPARATELY}")  # London has strong precedents for the first only
    box.press("Enter")
    weak_problem = "No strong precedent for problem 2 in London: the precedents for it"
    expect(widget(page).get_by_text(weak_problem, exact=False)).to_be_visible()
    expect(widget(page).get_by_role("status")).to_contain_text(", none a strong match for problem 2,")

    box.fill(MSK_WAITS)
    box.press("Enter")
    expect(widget(page).get_by_text(f"{OTHER_CONDITIONS_NOTE}: mental health").first).to_be_visible()
    expect(widget(page).get_by_text("No strong precedent", exact=False)).to_be_visible()

    box.fill("Has anyone in Lincolnshire worked with Doccla on a virtual ward?")
    box.press("Enter")
    expect(widget(page).get_by_text(f"{NAMED_PARTNERS_NOTE}: Doccla")).to_be_visible()
    expect(widget(page).get_by_text(f"{PLACES_NOTE}: Lincolnshire")).to_be_visible()

    box.fill(APART_FROM_NOVARTIS)
    box.press("Enter")
    expect(widget(page).get_by_text(f"{ALTERNATIVES_NOTE}: Novartis")).to_be_visible()

    box.fill(WELSH_CHALLENGE)
    box.press("Enter")
    expect(widget(page).get_by_text(NOT_IN_ENGLISH_NOTE)).to_be_visible()
    expect(widget(page).get_by_role("status")).to_contain_text("The challenge does not read as English.")

    box.fill(PARKING_CHALLENGE)
    box.press("Enter")
    status = widget(page).get_by_role("status")
    expect(status).to_have_text("5 past partnerships, none a strong match, and 0 likely partners found.")
    expect(widget(page).get_by_text("No strong precedent", exact=False)).to_be_visible()
    expect(widget(page).get_by_text("Searched for", exact=False)).to_have_count(0)
    expect(widget(page).get_by_text("Left out", exact=False)).to_have_count(0)
    expect(widget(page).get_by_text(BACKGROUND_NOTE, exact=False)).to_have_count(0)
    expect(widget(page).locator("ol > li")).to_have_count(5)  # still the nearest ones, each labelled
    expect(widget(page).locator("ol .badge.strong")).to_have_count(0)
    # Sections a result lacks (here: likely partners) are left out, not shown as text.
    assert "null" not in widget(page).locator("div:has(> ol)").inner_text()

    # A record whose locality is its region (London pharmacies' MenACWY campaign) says it once.
    box.fill("Teenagers are not getting their MenACWY vaccine; could community pharmacies help?")
    box.press("Enter")
    expect(widget(page).locator("ol > li").first).to_contain_text("MenACWY")
    expect(widget(page).locator("ol .meta").first).to_have_text(re.compile(r"^London( · (?!London)|$)"))


def test_widget_offers_every_region_when_its_region_has_no_strong_precedent(
    page: Page, host_url: str, api_url: str, artifacts: Path
) -> None:
    page.goto(f"{host_url}/")
    box = widget(page).get_by_label("Describe your local health challenge")
    box.fill(AF_CHALLENGE)  # London has no anticoagulation precedent; other regions do
    box.press("Enter")
    expect(widget(page).get_by_text("No strong precedent in London", exact=False)).to_be_visible()
    everywhere = widget(page).get_by_role("link", name=re.compile("Search every region"))
    href = everywhere.get_attribute("href")
    assert href.startswith(f"{api_url}/#q=Too+many+people") and "region" not in href
    widget(page).locator("ol").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "widget-no-strong.png", full_page=True)

    page.goto(href)
    cards = page.locator("#cards > li")
    expect(cards.first).to_contain_text("Strong match")
    expect(page.locator("#no-strong")).to_be_hidden()


def test_widget_script_is_small() -> None:
    size = (WEB_DIR / "widget.js").stat().st_size
    assert size < 20 * 1024, f"widget.js is {size} bytes; the budget is 20 KB unminified"


# ---- the page for ICS leaders ----


def test_page_search_shows_precedents_partners_and_peers(page: Page, api_url: str, artifacts: Path) -> None:
    page.goto(f"{api_url}/")
    page.get_by_role("button", name="Atrial fibrillation and strokes").click()  # an example challenge
    cards = page.locator("#cards > li")
    expect(cards).to_have_count(10)
    expect(page.locator("#more")).to_have_text("Show 10 more")
    first = cards.first
    expect(first.locator(".badge")).to_have_text(re.compile("(Strong|Partial|Weak) match"))
    challenge = page.get_by_label("Describe your local health challenge").input_value()
    assert "atrial fibrillation" in challenge
    expected = httpx.post(f"{api_url}/v1/match", json={"challenge": challenge, "limit": 10}).json()
    assert cards.locator("h3").all_inner_texts() == [p["title"] for p in expected["precedents"]]
    expect(first.locator(".card__why mark").first).to_be_visible()  # query words highlighted in `why`
    expect(first.locator(".card__outcomes li").first).to_be_visible()
    expect(first.get_by_role("link", name=re.compile("^Source: "))).to_have_attribute("href", re.compile("^https?://"))
    expect(page.locator("#partners > li").first).to_be_visible()
    expect(page.locator("#peers > li").first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("past partnerships found")
    assert "#q=Too+many+people+with+atrial" in page.url
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.screenshot(path=artifacts / "page-desktop.png")
    page.screenshot(path=artifacts / "page-desktop-full.png", full_page=True)
    assert_contrast(page, min_checked=100)

    # A likely partner's precedent link reveals and focuses that precedent's card.
    partner_link = page.locator("#partners [data-goto]").last
    target = partner_link.get_attribute("data-goto")
    partner_link.click()
    expect(page.locator(f"#p-{target}")).to_be_focused()

    # "More like this" loads similar partnerships into the card.
    more_like = first.get_by_role("button", name="More like this")
    more_like.click()
    expect(more_like).to_have_attribute("aria-expanded", "true")
    expect(first.locator(".card__similar li")).to_have_count(5)


def test_page_region_filter_narrows_results(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    cards = search(page)
    page.locator("summary", has_text="Filters").click()
    with searching(page):
        page.get_by_label("Region").select_option("South West")  # a change re-runs the search
    expect(page).to_have_url(re.compile("region=South\\+West"))
    expect(page.locator("#filter-count")).to_have_text("(1 active)")
    expect(cards.first.locator(".card__meta")).to_contain_text("South West")
    metas = cards.locator(".card__meta").all_inner_texts()
    assert metas and all(", South West · " in meta for meta in metas)


def test_page_offers_to_keep_to_the_region_of_a_place_the_challenge_names(page: Page, api_url: str) -> None:
    """A place may be what the asker asks about ("Has anyone in Scotland …?"): one click keeps to its region."""
    page.goto(f"{api_url}/")
    cards = search(page, "Has anyone in Lanarkshire used remote monitoring for COPD?")
    only = page.locator("#places-only").get_by_role("button")
    expect(only).to_have_text(["Show only partnerships in Scotland"])
    with searching(page):
        only.click()
    expect(page).to_have_url(re.compile("region=Scotland"))
    expect(page.get_by_label("Region")).to_have_value("Scotland")
    expect(page.locator("#places-only")).to_be_hidden()  # kept to it already
    expect(page.locator("#places")).to_have_text(f"{PLACES_NOTE}: Lanarkshire")
    metas = cards.locator(".card__meta").all_inner_texts()
    assert metas and all(", Scotland · " in meta or meta.startswith("Scotland · ") for meta in metas)


def test_page_says_which_typing_slips_it_searched_as_words(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    search(page, "Patients with atrial fibrilation are not anticoagulated")
    expect(page.locator("#corrected")).to_have_text("Searched for “fibrillation” (you typed “fibrilation”).")
    search(page)
    expect(page.locator("#corrected")).to_be_hidden()


def test_page_says_how_it_read_the_challenge(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    search(page, f"{BACKGROUND} Our diabetes outcomes are fine. People wait over a year for hip and knee replacements.")
    left_out = "Left out of the search, as not the problem: “Our diabetes outcomes are fine.”"
    expect(page.locator("#set-aside")).to_have_text(left_out)
    expect(page.locator("#background")).to_have_text(f"{BACKGROUND_NOTE}: “{BACKGROUND}”")
    search(page, f"{AF_ALONE} {MPN_ALONE}")
    numbered = f"problem 1: “{AF_ALONE}”; problem 2: “{MPN_ALONE}”"
    expect(page.locator("#problems")).to_have_text(f"{SEPARATE_PROBLEMS_NOTE}: {numbered}")
    expect(page.locator(".card__problem")).to_have_text(["for problem 1", "for problem 2"] * 5)
    expect(page.locator("#no-strong")).to_be_hidden()
    search(page, f"{AF_ALONE} {DENTAL_SEPARATELY}")
    expect(page.locator("#no-strong-text")).to_have_text(
        "No strong precedent for problem 2: the precedents for it are the closest related partnerships, "
        "so check how far each one fits before relying on it."
    )
    search(page, "Has anyone in Lincolnshire worked with Doccla on a virtual ward?")
    expect(page.locator("#named")).to_have_text(f"{NAMED_PARTNERS_NOTE}: Doccla")
    expect(page.locator("#places")).to_have_text(f"{PLACES_NOTE}: Lincolnshire")
    expect(page.locator("#alternatives")).to_be_hidden()
    search(page, APART_FROM_NOVARTIS)
    expect(page.locator("#alternatives")).to_have_text(f"{ALTERNATIVES_NOTE}: Novartis")
    search(page, WELSH_CHALLENGE)
    expect(page.locator("#not-english")).to_have_text(NOT_IN_ENGLISH_NOTE)
    expect(page.get_by_role("status")).to_contain_text("The challenge does not read as English.")
    search(page, "Patients with atrial fibrillation are not anticoagulated")
    expect(page.locator("#set-aside")).to_be_hidden()
    expect(page.locator("#background")).to_be_hidden()
    expect(page.locator("#problems")).to_be_hidden()
    expect(page.locator("#named")).to_be_hidden()
    expect(page.locator("#alternatives")).to_be_hidden()
    expect(page.locator("#places")).to_be_hidden()
    expect(page.locator("#not-english")).to_be_hidden()


def test_page_highlights_only_the_words_searched_for(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    search(page, "Our specialist nurses are fine. Heart failure is diagnosed late, when patients are admitted.")
    marks = [m.lower() for m in page.locator(".card__why mark").all_inner_texts()]
    assert "failure" in marks and "specialist" not in marks
    # The set-aside word is there to highlight, and is not.
    assert any("specialist" in why.lower() for why in page.locator(".card__why").all_inner_texts())


def test_page_says_when_no_precedent_is_strong_and_still_shows_the_nearest(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/#q={quote_plus(PARKING_CHALLENGE)}&region=London")
    cards = page.locator("#cards > li")
    expect(cards.first).to_be_visible()
    expect(page.locator("#no-strong")).to_be_visible()
    expect(page.locator("#no-strong-text")).to_have_text(re.compile(r"^No strong precedent: these are the closest"))
    expect(cards.locator(".badge--strong")).to_have_count(0)
    # A record whose locality is its region ("London") says it once.
    metas = cards.locator(".card__meta").all_inner_texts()
    assert any(meta.startswith("London · ") for meta in metas), metas
    assert not any(meta.startswith("London, London") for meta in metas), metas
    search(page, LIPIDS_CHALLENGE)  # London has strong precedents for this one
    expect(page.locator("#no-strong")).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d+ past partnerships found, 1 likely partner\.$"))


def test_page_says_when_a_precedent_is_about_another_condition(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    cards = search(page, MSK_WAITS)
    expect(page.locator("#no-strong")).to_be_visible()
    expect(cards.locator(".card__other").first).to_have_text(f"{OTHER_CONDITIONS_NOTE}: multiple sclerosis")
    expect(cards.locator(".card__other", has_text=f"{OTHER_CONDITIONS_NOTE}: mental health").first).to_be_visible()


def test_page_offers_to_search_without_filters_when_they_leave_no_strong_precedent(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    search(page, PARKING_CHALLENGE)  # no filters: nothing to take away
    expect(page.locator("#no-strong")).to_be_visible()
    expect(page.get_by_role("button", name="Search without filters")).to_be_hidden()

    page.goto(f"{api_url}/#q={quote_plus(AF_CHALLENGE)}&region=London")  # London has no anticoagulation precedent
    unfilter = page.get_by_role("button", name="Search without filters")
    expect(unfilter).to_be_visible()
    with searching(page):
        unfilter.click()
    expect(page.locator("#no-strong")).to_be_hidden()
    expect(page.locator("#cards > li").first).to_contain_text("Strong match")
    expect(page.get_by_label("Region")).to_have_value("")
    expect(page).not_to_have_url(re.compile("region="))


def test_page_search_lives_in_the_url_fragment(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/#q=heart+failure+diagnosed+late&region=London&measured=1")
    cards = page.locator("#cards > li")
    expect(cards.first).to_be_visible()
    expect(page.get_by_label("Describe your local health challenge")).to_have_value("heart failure diagnosed late")
    expect(page.get_by_label("Region")).to_have_value("London")
    expect(page.get_by_label("Measured outcomes only")).to_be_checked()
    assert all(re.match(r"(.+, )?London · ", meta) for meta in cards.locator(".card__meta").all_inner_texts())
    expect(cards.locator(".status-tag--expected")).to_have_count(0)
    london_titles = cards.locator("h3").all_inner_texts()

    search(page, COPD_CHALLENGE)
    expect(page).to_have_url(re.compile("q=People\\+with\\+COPD"))
    expect(cards.first.locator("h3")).not_to_have_text(london_titles[0])

    with searching(page):
        page.go_back()  # restores the previous search, its filters and its results
    expect(page.get_by_label("Describe your local health challenge")).to_have_value("heart failure diagnosed late")
    expect(page.get_by_label("Region")).to_have_value("London")
    expect(cards.first.locator("h3")).to_have_text(london_titles[0])


def exported(page: Page, path: Path) -> list[dict[str, str]]:
    """The rows of the page's CSV download, after checking its name and header."""
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == "nhs-partnership-matches.csv"
    download.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == CSV_HEADER
    return [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]


def test_page_keeps_what_was_typed_while_filter_choices_load(page: Page, api_url: str) -> None:
    # The filter choices come late: the challenge typed and searched for meanwhile must survive them.
    held: list[Route] = []
    page.route("**/v1/facets", lambda route: held.append(route))
    with page.expect_request("**/v1/facets"):
        page.goto(f"{api_url}/")
    box = page.get_by_label("Describe your local health challenge")
    box.fill(COPD_CHALLENGE)
    with page.expect_response("**/v1/facets"):
        held.pop().continue_()
    expect(box).to_have_value(COPD_CHALLENGE)
    expect(page.get_by_label("Region")).to_contain_text("London")  # the choices did arrive

    # A search begun before they arrive runs once, and stays on screen.
    page.goto("about:blank")
    with page.expect_request("**/v1/facets"):
        page.goto(f"{api_url}/")
    box.fill(COPD_CHALLENGE)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    with searching(page):
        page.get_by_role("button", name="Find partnerships").click()
    with page.expect_response("**/v1/facets"):
        held.pop().continue_()
    expect(page.locator("#cards > li").first).to_be_visible()
    expect(box).to_have_value(COPD_CHALLENGE)
    assert requests.count("/v1/match") == 1


def test_page_exports_results_as_csv(page: Page, api_url: str, tmp_path: Path) -> None:
    page.goto(f"{api_url}/")
    cards = search(page)
    rows = exported(page, tmp_path / "export.csv")
    assert len(rows) == 25  # every precedent fetched, not only the 10 on screen
    assert [row["rank"] for row in rows[:3]] == ["1", "2", "3"]
    assert rows[0]["title"] == cards.first.locator("h3").inner_text()
    assert all(row["source_url"].startswith("http") for row in rows)
    assert {row["for_problem"] for row in rows} == {""}
    # Separate problems: each row says, in its own words, which problem it was found for.
    search(page, f"{AF_ALONE} {MPN_ALONE}")
    rows = exported(page, tmp_path / "problems.csv")
    assert [row["for_problem"] for row in rows[:4]] == [AF_ALONE, MPN_ALONE] * 2
    search(page, MSK_WAITS)
    rows = exported(page, tmp_path / "other.csv")
    assert "mental health" in {row["other_conditions"] for row in rows}


def test_page_shows_errors_and_recovers(page: Page, api_url: str) -> None:
    # A real 422 from the API: the year range is backwards.
    page.goto(f"{api_url}/#q=asthma+in+schools&from=2020&to=2010")
    problem = page.get_by_role("alert")
    expect(problem).to_contain_text("year_from 2020 is after year_to 2010")
    expect(page.locator("#results")).to_be_hidden()

    # The service unreachable (no facets, no search), then back.
    page.route("**/v1/**", lambda route: route.abort("connectionrefused"))
    page.goto("about:blank")  # a full load, so the page fetches its facets again
    page.goto(f"{api_url}/#q=asthma+in+schools&region=Wales")
    expect(problem).to_contain_text("Could not reach the service")
    expect(page.locator("#facets-problem")).to_contain_text("Filter choices could not be loaded")
    page.unroute("**/v1/**")
    page.get_by_role("button", name="Try again").click()
    expect(page.locator("#cards > li").first).to_be_visible()
    expect(problem).to_be_hidden()
    expect(page.locator("#facets-problem")).to_be_hidden()
    expect(page.get_by_label("Region")).to_have_value("Wales")
    expect(page.get_by_label("Region").locator("option")).to_have_count(1 + 11)  # "Any region" and each region


def test_page_empty_state_offers_to_remove_filters(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/#q=asthma+in+schools&from=1948&to=1950")  # nothing in the corpus is that old
    empty = page.locator("#empty")
    expect(empty).to_contain_text("No partnerships match these filters")
    page.get_by_role("button", name="Remove all filters and search again").click()
    expect(page.locator("#cards > li").first).to_be_visible()
    expect(page).not_to_have_url(re.compile("from="))
    expect(empty).to_be_hidden()


def test_page_fits_a_390px_screen(page: Page, api_url: str, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{api_url}/")
    page.screenshot(path=artifacts / "page-390-empty.png")
    search(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "page-390.png")
    page.locator("#results-heading").evaluate("heading => heading.scrollIntoView()")
    page.screenshot(path=artifacts / "page-390-results.png")
    page.screenshot(path=artifacts / "page-390-full.png", full_page=True)


def test_page_is_keyboard_usable_with_labelled_controls(page: Page, api_url: str) -> None:
    page.goto(f"{api_url}/")
    expect(page.locator("#f-region option").nth(1)).to_be_attached()  # facets loaded
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input, select, textarea')].filter(c => !c.labels.length).map(c => c.id)"
    )
    assert unlabelled == []
    for _ in range(3):  # the skip link comes first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "challenge":
            break
    assert page.evaluate("document.activeElement.id") == "challenge"
    page.keyboard.type(COPD_CHALLENGE)
    page.keyboard.press("Enter")
    expect(page.locator("#cards > li").first).to_be_visible()
    assert "copd" in page.locator("#cards > li").first.inner_text().lower()  # title, challenge or why


def test_page_works_under_a_strict_content_security_policy(page: Page, api_url: str) -> None:
    """No inline script, style or handler: the page runs unchanged under `default-src 'self'`."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)

    def with_csp(route) -> None:  # type: ignore[no-untyped-def]
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "default-src 'self'; img-src 'self' data:"}
        route.fulfill(response=response, headers=headers)

    page.route(f"{api_url}/", with_csp)
    page.goto(f"{api_url}/#q=diabetes+annual+reviews")
    expect(page.locator("#cards > li").first).to_be_visible()
    page.locator("summary", has_text="Filters").click()
    expect(page.get_by_label("Therapy area").locator("option")).not_to_have_count(1)
    assert violations == []


def test_api_docs_render_offline_from_this_origin(page: Page, api_url: str) -> None:
    """/docs is Swagger UI served by the service itself: it renders with no other origin reachable."""
    origins: set[str] = set()
    violations: list[str] = []
    page.on("request", lambda request: origins.add("{0.scheme}://{0.netloc}".format(urlsplit(request.url))))
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    page.route(re.compile(rf"^(?!{re.escape(api_url)}).*"), lambda route: route.abort())  # no network but us
    page.goto(f"{api_url}/docs")
    expect(page.get_by_text("/v1/match", exact=True)).to_be_visible()
    assert origins == {api_url} and violations == []
