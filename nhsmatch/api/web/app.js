// The page for ICS leaders. Plain DOM, no framework, no build step, no inline code (a strict
// Content-Security-Policy applies). The search lives in the URL fragment (#q=...&region=...):
// fragments are never sent to servers, so challenge texts stay out of access logs, and the
// browser's history gives shareable links and a working back button for free.
"use strict";

const PAGE_SIZE = 10;
// Likely partners are drawn from the 25 best precedents; fetching that many means every
// partner's evidence can link to a card on this page.
const FETCH_LIMIT = 25;
// URL key -> request filter field, for the single-choice filters.
const CHOICES = { region: "regions", therapy: "therapy_areas", setting: "care_settings", partner: "partner_types" };
const STATE_KEYS = ["q", ...Object.keys(CHOICES), "from", "to", "measured"];
const MATCH_LABELS = { strong: "Strong match", partial: "Partial match", weak: "Weak match" };
// The places a challenge names are where, not what: said as the widget and the CLI say it.
const PLACES_NOTE = "Searched without the place names, so that no partnership matches for its place alone";

const $ = (id) => document.getElementById(id);

// el("p", {className: "x"}, "text", child): the only way this page builds DOM, so text is never parsed as HTML.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key.startsWith("data-") || key.startsWith("aria-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// ---- state <-> URL <-> form ----

function readState(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state = {};
  for (const key of STATE_KEYS) state[key] = (params.get(key) || "").trim();
  return state;
}

function toHash(state) {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) if (state[key]) params.set(key, state[key]);
  return "#" + params.toString();
}

function formState() {
  const form = $("search").elements;
  const state = { q: form.q.value.trim(), from: form.from.value.trim(), to: form.to.value.trim() };
  for (const key of Object.keys(CHOICES)) state[key] = form[key].value;
  state.measured = form.measured.checked ? "1" : "";
  return state;
}

function fillForm(state) {
  const form = $("search").elements;
  form.q.value = state.q;
  for (const key of Object.keys(CHOICES)) {
    const select = form[key];
    // A shared link may name a value the facets did not list (or failed to load): keep it.
    if (state[key] && ![...select.options].some((o) => o.value === state[key])) {
      select.append(el("option", { value: state[key], textContent: state[key] }));
    }
    select.value = state[key];
  }
  form.from.value = state.from;
  form.to.value = state.to;
  form.measured.checked = state.measured === "1";
  showFilterCount(state);
}

function activeFilters(state) {
  return STATE_KEYS.filter((key) => key !== "q" && state[key]).length;
}

function showFilterCount(state) {
  const count = activeFilters(state);
  $("filter-count").textContent = count ? `(${count} active)` : "";
  $("clear-filters").hidden = count === 0;
  if (count) $("filters").open = true;
}

function matchRequest(state) {
  const filters = {};
  for (const [key, field] of Object.entries(CHOICES)) if (state[key]) filters[field] = [state[key]];
  if (state.measured) filters.outcome_statuses = ["reported"];
  if (state.from) filters.year_from = Number(state.from);
  if (state.to) filters.year_to = Number(state.to);
  return { challenge: state.q, limit: FETCH_LIMIT, filters };
}

// ---- talking to the API ----

async function api(path, options) {
  let response;
  try {
    response = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new Error("Could not reach the service. Check your connection and try again.");
  }
  if (response.ok) return response.json();
  let message = `The service answered ${response.status}.`;
  try {
    message = (await response.json()).error.message || message;
  } catch {
    // not our JSON error shape (a proxy's page, say): keep the status line
  }
  if (response.status === 503) message = "The service is starting up. Try again in a few seconds.";
  throw new Error(message);
}

let facetsLoaded = false;

async function loadFacets() {
  $("facets-problem").hidden = true;
  try {
    const facets = await api("/v1/facets");
    for (const select of document.querySelectorAll("select[data-facet]")) {
      const options = facets[select.dataset.facet].map(({ value, count }) =>
        el("option", { value, textContent: `${value} (${count})` }),
      );
      select.replaceChildren(select.options[0], ...options); // keep "Any ..."
    }
    const statuses = facets.outcome_statuses.map((f) => f.value);
    $("measured-field").hidden = !statuses.includes("reported");
    for (const input of [$("f-from"), $("f-to")]) {
      if (facets.years.min) input.min = input.placeholder = facets.years.min;
      if (facets.years.max) input.max = facets.years.max;
    }
    $("f-to").placeholder = facets.years.max || "";
    facetsLoaded = true;
  } catch (err) {
    $("facets-problem").hidden = false;
    $("facets-problem").textContent = `Filter choices could not be loaded: ${err.message}`;
  }
}

// ---- views: loading, results, empty, error ----

let latest = null; // the AbortController of the search on screen
let shown = { state: null, body: null, visible: 0 };

function setView(view) {
  $("results").hidden = view !== "results";
  $("problem").hidden = view !== "problem";
  $("empty").hidden = view !== "empty";
}

async function search(state) {
  latest?.abort();
  const controller = (latest = new AbortController());
  $("status").textContent = "Searching past partnerships…";
  $("status").className = "status status--loading";
  $("results").setAttribute("aria-busy", "true");
  $("submit").disabled = true;
  try {
    const body = await api("/v1/match", {
      method: "POST",
      body: JSON.stringify(matchRequest(state)),
      signal: controller.signal,
    });
    showResults(state, body);
  } catch (err) {
    if (err.name === "AbortError") return;
    showProblem(err.message);
  } finally {
    if (latest === controller) {
      $("results").removeAttribute("aria-busy");
      $("status").classList.remove("status--loading");
      $("submit").disabled = false;
    }
  }
}

function showProblem(message) {
  $("status").textContent = "";
  $("problem-text").textContent = message;
  setView("problem");
}

function showResults(state, body) {
  shown = { state, body, visible: Math.min(PAGE_SIZE, body.precedents.length) };
  if (body.precedents.length === 0) {
    $("status").textContent = "No partnerships found.";
    $("remove-filters").hidden = activeFilters(state) === 0;
    setView("empty");
    return;
  }
  const n = body.precedents.length;
  // Said in the status too, as a screen reader announces the status and not the notice.
  const english = body.not_in_english ? " The challenge does not read as English." : "";
  $("status").textContent = `${plural(n, "past partnership")} found, ${plural(body.partners.length, "likely partner")}.${english}`;
  $("not-english").hidden = !body.not_in_english;
  const slips = Object.entries(body.corrected_words || {});
  $("corrected").textContent = slips.length
    ? `Searched for ${slips.map(([typed, read]) => `“${read}” (you typed “${typed}”)`).join(", ")}.`
    : "";
  $("corrected").hidden = slips.length === 0;
  const asides = body.set_aside || [];
  $("set-aside").textContent = asides.length
    ? `Left out of the search, as not the problem: ${asides.map((c) => `“${c}”`).join(", ")}`
    : "";
  $("set-aside").hidden = asides.length === 0;
  const background = body.read_as_background || [];
  $("background").textContent = background.length
    ? `Read as background rather than the problem, so counted for much less: ${background.map((s) => `“${s}”`).join(", ")}`
    : "";
  $("background").hidden = background.length === 0;
  const problems = body.separate_problems || [];
  $("problems").textContent = problems.length
    ? `Read as separate problems, each searched alone and their precedents shown in turn: ${numberedProblems(problems)}`
    : "";
  $("problems").hidden = problems.length === 0;
  const named = body.named_partners || [];
  $("named").textContent = named.length ? `Their precedents first, among comparable ones: ${named.join(", ")}` : "";
  $("named").hidden = named.length === 0;
  const passed = body.alternatives_to || [];
  $("alternatives").textContent = passed.length
    ? `Others' work first, as asked: their precedents come last, and they are no likely partners: ${passed.join(", ")}`
    : "";
  $("alternatives").hidden = passed.length === 0;
  const placesNamed = body.places || [];
  const places = placesNamed.map((p) => p.name);
  $("places").textContent = places.length ? `${PLACES_NOTE}: ${places.join(", ")}` : "";
  $("places").hidden = places.length === 0;
  // A place may be what the asker asks about ("Has anyone in Scotland …?"): one click keeps to its region.
  const regions = state.region ? [] : [...new Set(placesNamed.flatMap((p) => p.regions))];
  $("places-only").replaceChildren(
    ...regions.map((region) =>
      el("button", { type: "button", className: "button button--secondary button--small", "data-region": region },
        `Show only partnerships in ${region}`),
    ),
  );
  $("places-only").hidden = regions.length === 0;
  // No strong precedent at all, or none for some of the separate problems.
  const weak = body.no_strong_precedent ? [] : body.no_strong_precedent_for || [];
  $("no-strong-text").textContent = weak.length
    ? `No strong precedent for ${problemNumbers(weak)}: the precedents for ${weak.length === 1 ? "it" : "them"} `
      + "are the closest related partnerships, so check how far each one fits before relying on it."
    : "No strong precedent: these are the closest related partnerships, so check how far each one fits before relying on it.";
  $("no-strong").hidden = !body.no_strong_precedent && weak.length === 0;
  // Filters may be what keeps a strong precedent out: "has anyone done this before?" asks the whole NHS.
  $("unfilter").hidden = activeFilters(state) === 0;
  renderCards();
  $("partners").replaceChildren(...body.partners.map((p) => personItem(p, partnerFacts(p))));
  $("peers").replaceChildren(...body.nhs_peers.map((p) => personItem(p, [p.region].filter(Boolean))));
  if (!body.partners.length) $("partners").append(el("li", { className: "hint" }, "None found."));
  if (!body.nhs_peers.length) $("peers").append(el("li", { className: "hint" }, "None found."));
  setView("results");
}

// "problem 1: “…”; problem 2: “…”": each precedent names the number of the problem it was found for.
const numberedProblems = (problems) => problems.map((s, i) => `problem ${i + 1}: “${s}”`).join("; ");

// "problem 2", "problems 1 and 3": separate problems named by number, from their indices.
function problemNumbers(indices) {
  const numbers = indices.map((i) => i + 1);
  return numbers.length === 1 ? `problem ${numbers[0]}` : `problems ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

function renderCards() {
  const { state, body, visible } = shown;
  // The words searched for: not those of the clauses set aside as not the problem (their spacing is the API's).
  const asides = body.set_aside || [];
  const terms = queryTerms(asides.reduce((text, clause) => text.replace(clause, " "), state.q.replace(/\s+/g, " ")));
  $("cards").replaceChildren(...body.precedents.slice(0, visible).map((p) => card(p, terms)));
  const rest = body.precedents.length - visible;
  $("more").hidden = rest <= 0;
  $("more").textContent = `Show ${Math.min(rest, PAGE_SIZE)} more`;
}

// "London", not "London, London", for the records whose locality is their region.
function place(record) {
  return record.locality === record.region ? record.region : `${record.locality}, ${record.region}`;
}

const plural = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function years(record) {
  const { start_year: start, end_year: end } = record;
  if (start && end && start !== end) return `${start}–${end}`;
  return String(start || end || "Year not published");
}

function names(partners) {
  return partners.map((p) => p.name).join(", ");
}

function card(p, queryTermSet) {
  const terms = new Set([...queryTermSet, ...conceptTerms(p.shared_concepts)]);
  const similarId = `similar-${p.id}`;
  const partnerRows = [
    ["NHS", names(p.nhs_partners)],
    ["Industry", names(p.industry_partners)],
    ["Other", names(p.other_partners)],
  ].filter(([, value]) => value);
  return el(
    "li",
    { className: "card", id: `p-${p.id}`, tabIndex: -1 },
    el(
      "div",
      { className: "card__top" },
      el("span", { className: `badge badge--${p.match}` }, MATCH_LABELS[p.match]),
      el("span", { className: "card__score" }, `similarity ${p.score.toFixed(2)}`),
      p.for_problem == null ? null : el("span", { className: "card__problem" }, `for problem ${p.for_problem + 1}`),
    ),
    el("h3", { className: "card__title" }, p.title),
    el("p", { className: "card__meta" }, `${place(p)} · ${years(p)} · ${p.arrangement}`),
    el(
      "dl",
      { className: "card__partners" },
      partnerRows.map(([label, value]) => [el("dt", {}, label), el("dd", {}, value)]),
    ),
    el("ul", { className: "tags", "aria-label": "Therapy areas" }, p.therapy_areas.map((t) => el("li", {}, t))),
    el(
      "div",
      { className: "card__why" },
      el("h4", {}, "Why it matches"),
      p.shared_concepts.length
        ? el("ul", { className: "concepts" }, p.shared_concepts.map((c) => el("li", {}, c)))
        : null,
      p.other_conditions.length
        ? el("p", { className: "card__other" }, `About another condition, a model of care to borrow at best: ${p.other_conditions.join(", ")}`)
        : null,
      el("ul", {}, p.why.map((sentence) => el("li", {}, highlight(sentence, terms)))),
    ),
    el(
      "div",
      { className: "card__outcomes" },
      el(
        "h4",
        {},
        "Outcomes ",
        el("span", { className: `status-tag status-tag--${p.outcome_status}` }, p.outcome_status === "reported" ? "reported" : "expected, not measured"),
      ),
      el("ul", {}, p.outcomes.map((o) => el("li", {}, withFigures(o)))),
    ),
    el(
      "div",
      { className: "card__actions" },
      el("a", { href: p.source_url, rel: "noopener noreferrer", className: "source" }, `Source: ${p.source_publisher}`),
      el(
        "button",
        { type: "button", className: "button button--secondary button--small", "data-similar": p.id, "aria-expanded": "false", "aria-controls": similarId },
        "More like this",
      ),
    ),
    el("div", { className: "card__similar", id: similarId, hidden: true }),
  );
}

function partnerFacts(p) {
  const e = p.evidence;
  const facts = [
    plural(e.precedent_count, "similar precedent"),
    `best similarity ${e.best_similarity.toFixed(2)}`,
    `average ${e.mean_similarity.toFixed(2)}`,
  ];
  if (e.latest_year) facts.push(`latest ${e.latest_year}`);
  if (e.region_overlap) facts.push("worked in your region");
  return facts;
}

function personItem(person, facts) {
  const byId = new Map(shown.body.precedents.map((p) => [p.id, p]));
  const precedents = person.precedent_ids.filter((id) => byId.has(id));
  return el(
    "li",
    { className: "person" },
    el("h3", { className: "person__name" }, person.name),
    el("p", { className: "person__type" }, `${person.type} · score ${person.score.toFixed(2)}`),
    el("p", { className: "person__facts" }, facts.join(" · ")),
    precedentLinks(person, precedents.map((id) => byId.get(id))),
  );
}

// The first few precedents as links to their cards; the rest behind a disclosure.
function precedentLinks(person, precedents) {
  if (!precedents.length) return null;
  const list = (items) =>
    el(
      "ul",
      { className: "person__links", "aria-label": `Precedents with ${person.name}` },
      items.map((p) => el("li", {}, el("button", { type: "button", className: "linklike", "data-goto": p.id }, p.title))),
    );
  const rest = precedents.slice(3);
  return [
    list(precedents.slice(0, 3)),
    rest.length ? el("details", { className: "person__more" }, el("summary", {}, `${rest.length} more`), list(rest)) : null,
  ];
}

// Shows a precedent's card, revealing more cards if it is beyond those shown, and moves focus to it.
function goToCard(id) {
  const index = shown.body.precedents.findIndex((p) => p.id === id);
  if (index >= shown.visible) {
    shown.visible = index + 1;
    renderCards();
  }
  const target = $(`p-${id}`);
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

async function toggleSimilar(button) {
  const box = $(button.getAttribute("aria-controls"));
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", String(!open));
  box.hidden = open;
  if (open || box.dataset.loaded) return;
  box.replaceChildren(el("p", { className: "hint" }, "Loading similar partnerships…"));
  try {
    const body = await api(`/v1/partnerships/${encodeURIComponent(button.dataset.similar)}/similar?limit=5`);
    box.dataset.loaded = "1";
    box.replaceChildren(
      el("h4", {}, "More like this"),
      el(
        "ul",
        {},
        body.similar.map((s) =>
          el(
            "li",
            {},
            el("a", { href: s.source_url, rel: "noopener noreferrer" }, s.title),
            el("span", { className: "hint" }, ` ${place(s)} · ${years(s)}`),
          ),
        ),
      ),
    );
  } catch (err) {
    box.replaceChildren(el("p", { className: "error-text" }, `Could not load similar partnerships: ${err.message}`));
  }
}

// ---- highlighting: query words in the `why` sentences, figures in outcomes ----

const STOPWORDS = new Set(
  ("about after also been being both could does doing down each from have having here into just more most much " +
    "many need needs only other over same should some such than that their them then there these they this those " +
    "through under very were what when where which while with would your our people patients").split(" "),
);

function stem(word) {
  return word.toLowerCase().replace(/'s$/, "").replace(/(ations?|ions?|ings?|ed|es|s|ly)$/, "");
}

function queryTerms(text) {
  const words = text.match(/\p{L}[\p{L}\p{N}'-]*/gu) || [];
  return new Set(words.filter((w) => w.length >= 4 && !STOPWORDS.has(w.toLowerCase())).map(stem));
}

// "same condition: heart failure" -> the words after the colon
function conceptTerms(concepts) {
  return [...queryTerms(concepts.map((c) => c.split(":").pop()).join(" "))];
}

function isTerm(word, terms) {
  if (word.length < 4) return false;
  const s = stem(word);
  for (const t of terms) {
    if (s === t) return true;
    // "anticoagulated" ~ "anticoagulation": one stem starts the other, and both are long enough to mean it
    if (Math.min(s.length, t.length) >= 5 && (s.startsWith(t) || t.startsWith(s))) return true;
  }
  return false;
}

function highlight(sentence, terms) {
  return sentence
    .split(/(\p{L}[\p{L}\p{N}'-]*)/u)
    .filter(Boolean)
    .map((part) => (isTerm(part, terms) ? el("mark", {}, part) : part));
}

const FIGURE = /([£$€]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|percentage points?|k\b|m\b|bn\b|million|billion))?)/i;

function withFigures(text) {
  return text
    .split(FIGURE)
    .filter(Boolean)
    .map((part) => (FIGURE.test(part) && !/^(19|20)\d\d$/.test(part) ? el("strong", { className: "figure" }, part) : part));
}

// ---- CSV export ----

const CSV_COLUMNS = [
  ["rank", (p, i) => i + 1],
  ["title", (p) => p.title],
  ["match", (p) => p.match],
  ["similarity", (p) => p.score.toFixed(3)],
  // The problem's own words: an exported list is read without the page's notice that numbers them.
  ["for_problem", (p) => (p.for_problem == null ? "" : shown.body.separate_problems[p.for_problem])],
  ["region", (p) => p.region],
  ["locality", (p) => p.locality],
  ["start_year", (p) => p.start_year ?? ""],
  ["end_year", (p) => p.end_year ?? ""],
  ["arrangement", (p) => p.arrangement],
  ["therapy_areas", (p) => p.therapy_areas.join("; ")],
  ["care_settings", (p) => p.care_settings.join("; ")],
  ["nhs_partners", (p) => names(p.nhs_partners)],
  ["industry_partners", (p) => names(p.industry_partners)],
  ["other_partners", (p) => names(p.other_partners)],
  ["outcome_status", (p) => p.outcome_status],
  ["outcomes", (p) => p.outcomes.join("; ")],
  ["why", (p) => p.why.join(" ")],
  ["other_conditions", (p) => p.other_conditions.join("; ")],
  ["source_url", (p) => p.source_url],
  ["source_publisher", (p) => p.source_publisher],
  ["id", (p) => p.id],
];

function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // a spreadsheet must not run it as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportCsv() {
  const rows = [CSV_COLUMNS.map(([name]) => name)];
  shown.body.precedents.forEach((p, i) => rows.push(CSV_COLUMNS.map(([, get]) => get(p, i))));
  const csv = "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n"; // BOM: Excel reads UTF-8
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = el("a", { href: url, download: "nhs-partnership-matches.csv" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- wiring ----

function submit() {
  const state = formState();
  if (!state.q) {
    $("status").textContent = "Describe your challenge first, or pick an example.";
    $("challenge").focus();
    return;
  }
  const hash = toHash(state);
  if (location.hash === hash) search(state); // same search again: no new history entry
  else location.hash = hash; // -> hashchange -> search
}

function fromUrl() {
  const state = readState(location.hash);
  fillForm(state);
  if (state.q) search(state);
  else {
    latest?.abort();
    setView("none");
    $("status").textContent = "";
  }
}

function clearFilters() {
  const form = $("search").elements;
  for (const key of Object.keys(CHOICES)) form[key].value = "";
  form.from.value = form.to.value = "";
  form.measured.checked = false;
  showFilterCount(formState());
}

function wire() {
  const form = $("search");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  $("challenge").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  // A changed filter re-runs the search on screen.
  $("filters").addEventListener("change", () => {
    showFilterCount(formState());
    // Only when it changes the search: Enter in a year box has already submitted it.
    if (shown.state && formState().q && toHash(formState()) !== location.hash) submit();
  });
  for (const chip of document.querySelectorAll("[data-example]")) {
    chip.addEventListener("click", () => {
      $("challenge").value = chip.dataset.example;
      submit();
    });
  }
  $("clear-filters").addEventListener("click", () => {
    clearFilters();
    if (formState().q) submit();
  });
  for (const id of ["remove-filters", "unfilter"]) {
    $(id).addEventListener("click", () => {
      clearFilters();
      submit();
    });
  }
  $("retry").addEventListener("click", async () => {
    if (!facetsLoaded) await loadFacets(); // the service may have been starting up
    fromUrl();
  });
  $("export").addEventListener("click", exportCsv);
  $("more").addEventListener("click", () => {
    const first = shown.visible;
    shown.visible = Math.min(shown.visible + PAGE_SIZE, shown.body.precedents.length);
    renderCards();
    $("cards").children[first]?.focus();
  });
  // One listener for every card's and panel's buttons, however often they are re-rendered.
  document.addEventListener("click", (event) => {
    const similar = event.target.closest("[data-similar]");
    if (similar) toggleSimilar(similar);
    const goto = event.target.closest("[data-goto]");
    if (goto) goToCard(goto.dataset.goto);
    const region = event.target.closest("[data-region]");
    if (region) location.hash = toHash({ ...shown.state, region: region.dataset.region }); // -> hashchange -> search
  });
  window.addEventListener("hashchange", fromUrl);
}

async function start() {
  wire();
  await loadFacets();
  // Only a link's search, and only if none began while the choices loaded: an empty
  // fragment would otherwise wipe what the user typed meanwhile.
  if (location.hash && !latest) fromUrl();
}

start();
