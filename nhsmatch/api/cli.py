"""The `matcher` command: build, serve, search, validate."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from ..matcher.errors import CorpusError, MatcherError
from ..matcher.models import Filters, MatchResult
from ..matcher.search import Matcher
from ..matcher.taxonomy import ARRANGEMENTS, CARE_SETTINGS, PARTNER_TYPES, REGIONS, THERAPY_AREAS
from .commands.eval_cmd import eval_command
from .commands.import_cmd import import_command
from .settings import Settings, get_settings

F = TypeVar("F", bound=Callable[..., Any])

PARTNER_IDS_SHOWN = 3  # the rest are in --json
BACKGROUND_NOTE = "Read as background rather than the problem, so counted for much less"
SEPARATE_PROBLEMS_NOTE = "Read as separate problems, each searched alone and their precedents shown in turn"
NAMED_PARTNERS_NOTE = "Their precedents first, among comparable ones"  # the partners the challenge names
ALTERNATIVES_NOTE = "Others' work first, as asked: their precedents come last, and they are no likely partners"
PLACES_NOTE = "Searched without the place names, so that no partnership matches for its place alone"
OTHER_CONDITIONS_NOTE = "About another condition, a model of care to borrow at best"
NOT_IN_ENGLISH_NOTE = (
    "This challenge does not read as English, which the matcher reads: describe it in English for closer matches."
)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("faiss").setLevel(logging.WARNING)  # it logs every CPU feature it lacks


def _settings(**overrides: Any) -> Settings:
    try:
        base = get_settings()
    except ValueError as err:  # pydantic's ValidationError for a bad MATCHER_ variable
        raise click.ClickException(f"invalid configuration: {err}") from err
    given = {key: value for key, value in overrides.items() if value is not None}
    return base.model_copy(update=given) if given else base


class _MatcherGroup(click.Group):
    """Turns every MatcherError into `Error: …` and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MatcherError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=_MatcherGroup)
@click.version_option(package_name="nhs-partnership-matcher")
def cli() -> None:
    """The NHS partnership matcher: precedents and likely partners for a local health challenge."""


@cli.command()
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path), help="JSONL corpus [MATCHER_CORPUS_PATH].")
@click.option("--index-dir", type=click.Path(path_type=Path), help="Output directory [MATCHER_INDEX_DIR].")
def build(corpus_path: Path | None, index_dir: Path | None) -> None:
    """Embed every record and write the index atomically."""
    from ..corpus import load_vocabulary
    from ..index.build import build_index
    from .service import load_settings_embedder
    from .writes import corpus_store

    settings = _settings(corpus_path=corpus_path, index_dir=index_dir)
    configure_logging(settings.log_level)
    store = corpus_store(settings)
    store.load()  # a bad corpus fails here, before the model loads
    # Every core for the one big encode; this also leaves the ONNX encoder ready for `serve`.
    embedder = load_settings_embedder(settings, threads=os.cpu_count())
    vocabulary = load_vocabulary(settings.vocabulary_path)
    with store.reading() as corpus:
        manifest = build_index(corpus, embedder, vocabulary, settings.index_dir, progress=sys.stderr.isatty())
    click.echo(
        f"Built {manifest.index_kind} index of {manifest.record_count} records "
        f"({manifest.passage_count} passages) in {manifest.build_seconds:.1f}s -> {settings.index_dir}"
    )


@cli.command()
@click.option("--host", help="Address to listen on [MATCHER_HOST].")
@click.option("--port", type=int, help="Port [MATCHER_PORT].")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
def serve(host: str | None, port: int | None, workers: int) -> None:
    """Serve the HTTP API, the web page and the widget (rebuilding a stale index first)."""
    import uvicorn

    from .observability import configure_logging as configure_service_logging

    settings = _settings(host=host, port=port)
    configure_service_logging(settings.log_level, settings.log_format)
    if workers > 1:
        # Build once before forking, so workers don't race to rebuild a stale index.
        from .service import load_matcher

        load_matcher(settings)
        if not settings.encoder_calls:  # workers share the cores rather than each using them all
            os.environ["MATCHER_ENCODER_CALLS"] = str(max(1, (os.cpu_count() or 1) // workers))
    uvicorn.run(
        "nhsmatch.api.app:create_served_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_config=None,
        access_log=False,  # URLs can carry search terms; the app logs what it needs
    )


def _filter_options(function: F) -> F:
    options = [
        click.option("--region", "regions", multiple=True, type=click.Choice(REGIONS), help="Repeatable."),
        click.option("--therapy-area", "therapy_areas", multiple=True, type=click.Choice(THERAPY_AREAS)),
        click.option("--care-setting", "care_settings", multiple=True, type=click.Choice(CARE_SETTINGS)),
        click.option("--partner-type", "partner_types", multiple=True, type=click.Choice(PARTNER_TYPES)),
        click.option("--arrangement", "arrangements", multiple=True, type=click.Choice(ARRANGEMENTS)),
        click.option("--year-from", type=int),
        click.option("--year-to", type=int),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@cli.command()
@click.argument("challenge")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50))
@_filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of tables.")
def search(challenge: str, limit: int, as_json: bool, **filter_values: Any) -> None:
    """Find precedents and likely partners for CHALLENGE."""
    from pydantic import ValidationError

    from .routes.match import to_response
    from .schemas import MatchRequest

    try:
        request = MatchRequest(challenge=challenge, limit=limit, filters=Filters(**filter_values))
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'filters'}: {e['msg']}" for e in err.errors())
        raise click.UsageError(problems) from err
    configure_logging("WARNING")
    matcher = load_configured_matcher()
    result = matcher.match(request.challenge, limit=request.limit, filters=request.filters)
    if as_json:
        click.echo(to_response(result).model_dump_json(indent=2))
    else:
        _print_result(result)


def _print_result(result: MatchResult) -> None:
    """One block per precedent rather than a table, so that it reads at any terminal width; each
    brings what a user acts on: who, where, when, why it matches and where it was published."""
    import textwrap

    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False)

    width = max(console.width - 4, 40)

    def indented(text: str, style: str = "") -> None:
        # Wrapped here rather than by rich, so continuation lines keep the indent; words (URLs
        # above all) are never broken, so they can be copied.
        for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False):
            console.print(f"   {escape(line)}", style=style, soft_wrap=True)

    def indented_items(items: Sequence[str], separator: str, style: str = "") -> None:
        # Whole items to a line where they fit, so "same condition: heart failure" is never split.
        lines: list[str] = []
        for item in items:
            if lines and len(lines[-1]) + len(separator) + len(item) <= width:
                lines[-1] += separator + item
            else:
                lines.append(item)
        for i, line in enumerate(lines):
            indented(line + (separator.rstrip() if i < len(lines) - 1 else ""), style)

    if result.not_in_english:
        console.print(f"[bold]{NOT_IN_ENGLISH_NOTE}[/bold]\n")
    if result.corrected_words:
        slips = result.corrected_words.items()
        read_as = ", ".join(f'"{escape(read)}" (typed "{escape(typed)}")' for typed, read in slips)
        console.print(f"Searched for {read_as}.\n")
    if result.set_aside:
        clauses = ", ".join(f"“{escape(clause)}”" for clause in result.set_aside)
        console.print(f"Left out of the search, as not the problem: {clauses}\n")
    if result.read_as_background:
        sentences = ", ".join(f"“{escape(sentence)}”" for sentence in result.read_as_background)
        console.print(f"{BACKGROUND_NOTE}: {sentences}\n")
    if result.named_partners:
        console.print(f"{NAMED_PARTNERS_NOTE}: {escape(', '.join(result.named_partners))}\n")
    if result.alternatives_to:
        console.print(f"{ALTERNATIVES_NOTE}: {escape(', '.join(result.alternatives_to))}\n")
    if result.places:
        console.print(f"{PLACES_NOTE}: {escape(', '.join(place.name for place in result.places))}\n")
    if result.separate_problems:
        problems = "; ".join(f"problem {n}: “{escape(text)}”" for n, text in enumerate(result.separate_problems, 1))
        console.print(f"{SEPARATE_PROBLEMS_NOTE}: {problems}\n")
    if result.no_strong_precedent:
        console.print("[bold]No strong precedent[/bold]: these are the nearest partnerships.\n")
    elif weak := result.no_strong_precedent_for:
        nearest = f"the precedents for {'it' if len(weak) == 1 else 'them'} are the nearest partnerships"
        console.print(f"[bold]No strong precedent for {_problem_numbers(weak)}[/bold]: {nearest}.\n")
    console.print("[bold underline]Precedents[/bold underline]")
    for rank, p in enumerate(result.precedents, start=1):
        record = p.record
        partners = ", ".join(o.name for o in record.non_nhs_partners)
        console.print(f"\n[bold]{rank}. {escape(record.title)}[/bold]")
        found_for = "" if p.for_problem is None else f" · for problem {p.for_problem + 1}"
        indented(f"{p.match} match ({p.score:.2f}) · {partners}{found_for}")
        indented(f"{record.locality} ({record.region}){_years(*record.years)}")
        indented_items(p.shared_concepts, " · ", "italic")
        if p.other_conditions:
            indented(f"{OTHER_CONDITIONS_NOTE}: {', '.join(p.other_conditions)}", "italic")
        for sentence in p.why:
            indented(f"“{sentence}”")
        indented(f"{record.id} · {record.source_publisher} {record.source_url}", "dim")
    if result.partners:
        console.print("\n[bold underline]Likely partners[/bold underline]")
    for partner in result.partners:
        evidence = partner.evidence
        details = [_count(evidence.precedent_count, "similar precedent"), f"best {evidence.best_similarity:.2f}"]
        details += [f"latest {evidence.latest_year}"] if evidence.latest_year else []
        details += ["in your region"] if evidence.region_overlap else []
        console.print(f"{partner.score:.2f}  [bold]{escape(partner.name)}[/bold] ({partner.type})")
        indented(", ".join(details))
        shown = partner.precedent_ids[:PARTNER_IDS_SHOWN]
        if more := len(partner.precedent_ids) - len(shown):
            shown[-1] += f" and {more} more"
        indented_items(shown, ", ", "dim")
    if result.nhs_peers:
        console.print("\n[bold underline]NHS organisations that did comparable work[/bold underline]")
    for peer in result.nhs_peers:
        console.print(f"{peer.score:.2f}  [bold]{escape(peer.name)}[/bold] ({peer.type}, {peer.region})")


def _years(start: int | None, end: int | None) -> str:
    if start and end and start != end:
        return f", {start}–{end}"
    return f", {start or end}" if start or end else ""


def _problem_numbers(indices: list[int]) -> str:
    """The separate problems by number: "problem 2", "problems 1 and 3"."""
    numbers = [str(i + 1) for i in indices]
    return f"problem {numbers[0]}" if len(numbers) == 1 else f"problems {', '.join(numbers[:-1])} and {numbers[-1]}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
def validate(file: Path) -> None:
    """Check a JSONL corpus FILE; list every bad line as file:line: field: problem."""
    from ..corpus import load_corpus

    try:
        corpus = load_corpus(file)
    except CorpusError as err:
        for issue in err.issues:
            click.echo(str(issue), err=True)
        raise click.ClickException(f"{len(err.issues)} problem(s) in {file}") from err
    click.echo(f"{file}: {len(corpus.records)} valid records")


def load_configured_matcher() -> Matcher:
    """The matcher the service would serve, from the environment's settings."""
    from .service import load_matcher

    return load_matcher(_settings())


cli.add_command(eval_command)

cli.add_command(import_command)


def main() -> None:
    cli(prog_name="matcher")


if __name__ == "__main__":
    main()
