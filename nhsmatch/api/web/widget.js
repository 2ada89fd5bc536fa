// <partner-finder api="https://HOST" region="London" limit="5"></partner-finder>
// Past NHS partnerships and likely partners for a challenge, for any web site to embed.
// Shadow DOM keeps the host's CSS out; theme it with the --pf-* custom properties below.
// It sets no cookies, uses no storage and requests nothing but its `api` origin's /v1/match.
(() => {
  "use strict";
  if (customElements.get("partner-finder")) return; // the script was included twice

  // Without an `api` attribute, use the server this script came from.
  const SCRIPT_ORIGIN = document.currentScript ? new URL(document.currentScript.src).origin : location.origin;
  const LABELS = { strong: "Strong match", partial: "Partial match", weak: "Weak match" };

  const CSS = `
:host {
  all: initial; /* no inherited font, colour or spacing from the host page */
  display: block;
  max-width: var(--pf-max-width, 42rem);
  font: 1rem/1.5 var(--pf-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  color: var(--pf-text, #212b32);
  overflow-wrap: anywhere;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.box {
  background: var(--pf-bg, #fff);
  border: 1px solid var(--pf-border, #aeb7bd);
  border-top: 4px solid var(--pf-accent, #005eb8);
  border-radius: var(--pf-radius, 4px);
  padding: 1rem;
}
h2 { font-size: 1.1875rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.35rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint, .meta { color: var(--pf-muted, #4c6272); font-size: 0.875rem; }
.hint { margin: 0 0 0.35rem; }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: stretch; }
textarea {
  flex: 1 1 14rem; min-height: 3.25rem; resize: vertical; margin: 0;
  font: inherit; color: inherit; background: var(--pf-bg, #fff);
  border: 2px solid var(--pf-text, #212b32); border-radius: 0; padding: 0.4rem 0.5rem;
}
button {
  font: inherit; font-weight: 600; cursor: pointer;
  color: var(--pf-accent-text, #fff); background: var(--pf-accent, #005eb8);
  border: 0; border-radius: var(--pf-radius, 4px); padding: 0.5rem 1rem;
}
button:disabled { opacity: 0.7; cursor: progress; }
a { color: var(--pf-accent, #005eb8); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible {
  outline: 3px solid transparent; color: #212b32; background: var(--pf-focus, #ffeb3b);
  box-shadow: 0 -2px var(--pf-focus, #ffeb3b), 0 4px #212b32; text-decoration: none;
}
textarea:focus-visible { outline: 3px solid var(--pf-focus, #ffeb3b); box-shadow: inset 0 0 0 2px #212b32; }
.status { margin: 0.5rem 0 0; min-height: 1.5em; font-size: 0.9375rem; }
.status.error { color: var(--pf-error, #d5281b); font-weight: 600; }
ol, ul { margin: 0; padding: 0; list-style: none; }
li { padding: 0.45rem 0; border-top: 1px solid #d8dde0; }
li:first-child { border-top: 0; }
.title { font-weight: 600; }
.badge {
  display: inline-block; margin-left: 0.35rem; padding: 0 0.4rem; border-radius: var(--pf-radius, 4px);
  font-size: 0.75rem; font-weight: 700; vertical-align: 0.1em; color: #fff; background: #4c6272;
}
.badge.strong { background: #007f3b; }
.badge.partial { background: #005eb8; }
.why { font-size: 0.875rem; }
.more { display: inline-block; margin-top: 0.75rem; font-weight: 600; }
.notice { margin: 0 0 0.5rem; padding-left: 0.6rem; border-left: 4px solid var(--pf-accent, #005eb8); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

  let sheet = null; // one constructed stylesheet for every instance; not blocked by a strict CSP
  function adoptStyles(root) {
    if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h("style", {}, CSS));
    }
  }

  // h("a", {href}, "text", child): DOM from data, never from HTML strings.
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key.includes("-") || key === "role") node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children.flat()) if (child != null && child !== false) node.append(child);
    return node;
  }

  const newTab = () => h("span", { className: "sr" }, " (opens in a new tab)");

  function years(p) {
    if (p.start_year && p.end_year && p.start_year !== p.end_year) return `${p.start_year}–${p.end_year}`;
    return String(p.start_year || p.end_year || "");
  }

  const plural = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

  // Who the NHS worked with: the companies, or else the other partners (charities, universities).
  function withWhom(p) {
    const names = (p.industry_partners.length ? p.industry_partners : p.other_partners).map((o) => o.name);
    if (!names.length) return "";
    return `with ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}`;
  }

  // When the challenge was read as separate problems, the one this precedent was found for.
  const forProblem = (p) => (p.for_problem == null ? "" : `for problem ${p.for_problem + 1}`);

  // "problem 2", "problems 1 and 3": separate problems named by number, from their indices.
  function problemNumbers(indices) {
    const numbers = indices.map((i) => i + 1);
    return numbers.length === 1 ? `problem ${numbers[0]}` : `problems ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
  }

  class PartnerFinder extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return; // moved within the page: already built
      const root = this.attachShadow({ mode: "open" });
      adoptStyles(root);
      this.input = h("textarea", { id: "q", rows: 2, maxLength: 5000, required: true, "aria-describedby": "hint" });
      this.button = h("button", { type: "submit" }, "Search");
      this.status = h("p", { className: "status", role: "status", "aria-live": "polite" });
      this.results = h("div", { hidden: true });
      const form = h(
        "form",
        { noValidate: true },
        h("label", { htmlFor: "q" }, this.getAttribute("label") || "Describe your local health challenge"),
        h("p", { className: "hint", id: "hint" }, "The problem itself, not your organisation. Press Enter to search."),
        h("div", { className: "row" }, this.input, this.button),
      );
      root.append(
        h(
          "section",
          { className: "box", lang: "en-GB", "aria-labelledby": "heading" },
          h("h2", { id: "heading" }, this.getAttribute("heading") || "Find NHS partnerships like yours"),
          form,
          this.status,
          this.results,
        ),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.search();
      });
      this.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.search();
        }
      });
      this.results.addEventListener("keydown", (event) => this.arrowKeys(event));
    }

    get api() {
      return (this.getAttribute("api") || SCRIPT_ORIGIN).replace(/\/+$/, "");
    }

    get limit() {
      const n = parseInt(this.getAttribute("limit") || "5", 10);
      return Math.min(Math.max(Number.isFinite(n) ? n : 5, 1), 20);
    }

    get region() {
      return (this.getAttribute("region") || "").trim();
    }

    // The full page, with this search in its URL fragment.
    fullPageUrl(challenge, region = this.region) {
      const params = new URLSearchParams({ q: challenge });
      if (region) params.set("region", region);
      return `${this.api}/#${params}`;
    }

    async search() {
      const challenge = this.input.value.trim();
      if (!challenge) {
        this.say("Describe your challenge first.", true);
        this.input.focus();
        return;
      }
      this.controller?.abort();
      const controller = (this.controller = new AbortController());
      this.say("Searching…");
      this.button.disabled = true;
      try {
        const body = await this.post(challenge, controller.signal);
        this.show(challenge, body);
      } catch (err) {
        if (err.name !== "AbortError") this.say(err.message, true);
      } finally {
        if (this.controller === controller) this.button.disabled = false;
      }
    }

    async post(challenge, signal) {
      const filters = this.region ? { regions: [this.region] } : {};
      let response;
      try {
        response = await fetch(`${this.api}/v1/match`, {
          method: "POST",
          mode: "cors",
          credentials: "omit", // never send or accept cookies
          referrerPolicy: "no-referrer", // the host page's address is none of the API's business
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ challenge, limit: this.limit, filters }),
          signal,
        });
      } catch (err) {
        if (err.name === "AbortError") throw err;
        throw new Error("Could not reach the partnership matcher. Try again later.");
      }
      if (response.ok) return response.json();
      if (response.status === 503) throw new Error("The partnership matcher is starting up. Try again in a few seconds.");
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message || `The partnership matcher answered ${response.status}.`);
    }

    say(message, isError = false) {
      this.status.textContent = message;
      this.status.classList.toggle("error", isError);
    }

    show(challenge, body) {
      const { precedents, partners } = body;
      const more = h("a", { className: "more", href: this.fullPageUrl(challenge), target: "_blank", rel: "noopener" },
        "See all results and filters", newTab());
      const notEnglish = body.not_in_english
        ? h("p", { className: "notice" },
          "This challenge does not read as English, which the matcher reads: describe it in English for closer matches.")
        : null;
      // The words the search read differently from what was typed, as the full page says them.
      const slips = Object.entries(body.corrected_words || {});
      const searchedFor = slips.map(([typed, read]) => `“${read}” (you typed “${typed}”)`).join(", ");
      const corrected = slips.length ? h("p", { className: "hint" }, `Searched for ${searchedFor}.`) : null;
      const asides = body.set_aside || [];
      const leftOut = asides.length
        ? h("p", { className: "hint" }, `Left out of the search, as not the problem: ${asides.map((c) => `“${c}”`).join(", ")}`)
        : null;
      const background = body.read_as_background || [];
      const aboutYou = background.length
        ? h("p", { className: "hint" },
          `Read as background rather than the problem, so counted for much less: ${background.map((s) => `“${s}”`).join(", ")}`)
        : null;
      const problems = body.separate_problems || [];
      const eachAlone = problems.length
        ? h("p", { className: "hint" },
          `Read as separate problems, each searched alone and their precedents shown in turn: ${
            problems.map((s, i) => `problem ${i + 1}: “${s}”`).join("; ")}`)
        : null;
      const named = body.named_partners || [];
      const theirsFirst = named.length
        ? h("p", { className: "hint" }, `Their precedents first, among comparable ones: ${named.join(", ")}`)
        : null;
      const passed = body.alternatives_to || [];
      const othersFirst = passed.length
        ? h("p", { className: "hint" },
          `Others' work first, as asked: their precedents come last, and they are no likely partners: ${passed.join(", ")}`)
        : null;
      const places = (body.places || []).map((p) => p.name);
      const whereNotWhat = places.length
        ? h("p", { className: "hint" },
          `Searched without the place names, so that no partnership matches for its place alone: ${places.join(", ")}`)
        : null;
      // Separate problems with no strong precedent, when others have one.
      const weak = body.no_strong_precedent ? [] : body.no_strong_precedent_for || [];
      // Within a region there may be nothing close; "has anyone done this before?" is asked of the whole NHS.
      const inRegion = this.region ? ` in ${this.region}` : "";
      const everywhere = this.region
        ? [" ", h("a", { href: this.fullPageUrl(challenge, ""), target: "_blank", rel: "noopener" },
          "Search every region", newTab())]
        : null;
      if (!precedents.length) {
        this.render(notEnglish, corrected, leftOut, aboutYou, eachAlone, theirsFirst, othersFirst, whereNotWhat,
          h("p", {}, `No past partnerships found${inRegion}.`, everywhere), more);
        this.say("No past partnerships found.");
        return;
      }
      const precedentItems = precedents.map((p) =>
        h(
          "li",
          {},
          h("a", { className: "title", href: p.source_url, target: "_blank", rel: "noopener noreferrer" }, p.title, newTab()),
          h("span", { className: `badge ${p.match}` }, LABELS[p.match]),
          h("div", { className: "meta" },
            [p.locality, p.region !== p.locality && p.region, years(p), withWhom(p), forProblem(p)]
              .filter(Boolean).join(" · ")),
          p.shared_concepts.length
            ? h("div", { className: "why" }, `Why it matches: ${p.shared_concepts.join(" · ")}`)
            : null,
          p.other_conditions.length
            ? h("div", { className: "why" }, `About another condition, a model of care to borrow at best: ${p.other_conditions.join(", ")}`)
            : null,
        ),
      );
      const partnerItems = partners.slice(0, this.limit).map((p) =>
        h("li", {}, h("span", { className: "title" }, p.name),
          h("div", { className: "meta" }, `${p.type} · ${plural(p.evidence.precedent_count, "similar precedent")}`)));
      this.render(
        notEnglish,
        corrected,
        leftOut,
        aboutYou,
        eachAlone,
        theirsFirst,
        othersFirst,
        whereNotWhat,
        body.no_strong_precedent
          ? h("p", { className: "notice" }, `No strong precedent${inRegion}: these are the closest related `
            + "partnerships, so check how far each one fits.", everywhere)
          : weak.length
            ? h("p", { className: "notice" }, `No strong precedent for ${problemNumbers(weak)}${inRegion}: the `
              + `precedents for ${weak.length === 1 ? "it" : "them"} are the closest related partnerships, so check `
              + "how far each one fits.", everywhere)
            : null,
        h("h3", { id: "precedents" }, "Past partnerships"),
        h("ol", { "aria-labelledby": "precedents" }, precedentItems),
        partnerItems.length ? h("h3", { id: "partners" }, "Likely partners") : null,
        partnerItems.length ? h("ul", { "aria-labelledby": "partners" }, partnerItems) : null,
        more,
      );
      const fit = body.no_strong_precedent
        ? ", none a strong match,"
        : weak.length ? `, none a strong match for ${problemNumbers(weak)},` : "";
      const found = `${plural(precedents.length, "past partnership")}${fit}`;
      // Said in the status too, as a screen reader announces the status and not the notice.
      const english = body.not_in_english ? " The challenge does not read as English." : "";
      this.say(`${found} and ${plural(partnerItems.length, "likely partner")} found.${english}`);
    }

    // replaceChildren would show a null as the text "null": the sections a result lacks are left out.
    render(...sections) {
      this.results.replaceChildren(...sections.filter(Boolean));
      this.results.hidden = false;
    }

    // Up and down arrows move between the result links.
    arrowKeys(event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const links = [...this.results.querySelectorAll("a")];
      const at = links.indexOf(this.shadowRoot.activeElement);
      if (at < 0) return;
      event.preventDefault();
      const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      links[next].focus();
    }
  }

  customElements.define("partner-finder", PartnerFinder);
})();
