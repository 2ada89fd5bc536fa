import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsmatch.api.cli import (
    ALTERNATIVES_NOTE,
    BACKGROUND_NOTE,
    NAMED_PARTNERS_NOTE,
    NOT_IN_ENGLISH_NOTE,
    OTHER_CONDITIONS_NOTE,
    PLACES_NOTE,
    SEPARATE_PROBLEMS_NOTE,
    cli,
)
from tests.conftest import TINY_CORPUS_PATH

AF_CHALLENGE = "Patients with atrial fibrillation are not anticoagulated and we have too many strokes"


def test_validate_accepts_a_good_corpus() -> None:
    result = CliRunner().invoke(cli, ["validate", str(TINY_CORPUS_PATH)])
    assert result.exit_code == 0 and "10 valid records" in result.output


def test_validate_lists_bad_lines_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(TINY_CORPUS_PATH.read_text().splitlines()[0] + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: line: invalid JSON" in result.output
    assert "Error: 1 problem(s)" in result.output and "Traceback" not in result.output


def test_build_writes_an_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nhsmatch.api.settings import get_settings

    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["build", "--corpus", str(TINY_CORPUS_PATH), "--index-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "10 records" in result.output and (tmp_path / "current" / "manifest.json").is_file()


@pytest.mark.usefixtures("matcher_env")
def test_search_prints_precedents_partners_and_peers_readably_in_a_narrow_terminal() -> None:
    result = CliRunner().invoke(cli, ["search", AF_CHALLENGE, "--limit", "3"], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Bayer's two Don't Wait to Anticoagulate projects score alike: either may come first.
    dwac = re.compile(r"[12]\. Don't Wait to Anticoagulate Project \(Bristol\)")
    first = next(i for i, line in enumerate(lines) if dwac.fullmatch(line))
    assert lines[first + 1].startswith("   strong match (0.") and "Bayer HealthCare" in lines[first + 1]
    assert "   same condition: atrial fibrillation · same condition: stroke" in result.output
    assert "   bayer-bnssg-dwac-bristol · " in result.output  # the id, then the source, unbroken
    assert any(line.strip().startswith("https://") for line in lines[first:])
    assert "Likely partners" in lines and "NHS organisations that did comparable work" in lines
    bayer = lines.index(next(line for line in lines if re.fullmatch(r"0\.\d\d  Bayer \(pharmaceutical\)", line)))
    assert re.match(r"   \d+ similar precedents, best 0\.\d\d", lines[bayer + 1])
    for block in result.output.split("\n\n")[1:4]:  # a shared concept is never split across lines
        block_lines = block.splitlines()
        start = next(i for i, line in enumerate(block_lines) if line.startswith(("   same ", "   similar ")))
        end = next(i for i, line in enumerate(block_lines) if line.startswith("   “"))
        concepts = [c for line in block_lines[start:end] for c in line.strip().rstrip(" ·").split(" · ")]
        assert all(c.startswith(("same ", "similar ")) for c in concepts), concepts
    wrapped = [line for line in lines if "://" not in line]  # only a URL may run past the width
    assert max(len(line) for line in wrapped) <= 80


@pytest.mark.usefixtures("matcher_env")
def test_search_json_and_filters() -> None:
    result = CliRunner().invoke(cli, ["search", AF_CHALLENGE, "--json", "--region", "South West", "--limit", "2"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert [p["region"] for p in body["precedents"]] == ["South West", "South West"]


def test_search_says_which_typing_slips_it_read_as_words() -> None:
    result = CliRunner().invoke(cli, ["search", "diabtes patients waiting for insulin pumps", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert 'Searched for "diabetes" (typed "diabtes").' in result.output


def test_search_says_what_it_left_out_and_what_it_read_as_about_the_asker() -> None:
    background = "We are a teaching hospital trust with two main sites and 9,000 staff."
    challenge = f"{background} Our diabetes outcomes are fine. People wait over a year for hip and knee replacements."
    result = CliRunner().invoke(cli, ["search", challenge, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "Left out of the search, as not the problem: “Our diabetes outcomes are fine.”" in result.output
    assert f"{BACKGROUND_NOTE}: “{background}”" in " ".join(result.output.split())


def test_search_says_which_named_partners_precedents_it_put_first_and_which_places_it_left_out() -> None:
    challenge = "Has anyone in Lincolnshire worked with Doccla on a virtual ward?"
    result = CliRunner().invoke(cli, ["search", challenge, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert f"{NAMED_PARTNERS_NOTE}: Doccla" in result.output
    assert "same partner: Doccla" in result.output
    assert f"{PLACES_NOTE}: Lincolnshire" in " ".join(result.output.split())


def test_search_says_which_partners_it_looked_past_as_asked() -> None:
    challenge = "Apart from Novartis, which companies have supported heart failure services?"
    result = CliRunner().invoke(cli, ["search", challenge, "--limit", "3"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert f"{ALTERNATIVES_NOTE}: Novartis" in output
    assert "Novartis" not in output.replace(f"{ALTERNATIVES_NOTE}: Novartis", "")


def test_search_says_which_separate_problems_it_searched_one_at_a_time() -> None:
    af, mpn = (
        "People with AF are not anticoagulated.",
        "Our haematology clinics are overloaded with stable MPN follow-ups.",
    )
    result = CliRunner().invoke(cli, ["search", f"{af} {mpn}", "--limit", "2"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert f"{SEPARATE_PROBLEMS_NOTE}: problem 1: “{af}”; problem 2: “{mpn}”" in output
    assert output.count("· for problem 1") == output.count("· for problem 2") == 1
    assert "No strong precedent" not in output
    dental = "Separately, children wait over a year for dental extractions under general anaesthetic."
    result = CliRunner().invoke(cli, ["search", f"{af} {dental}", "--limit", "2"])
    output = " ".join(result.output.split())
    assert "No strong precedent for problem 2: the precedents for it are the nearest partnerships." in output


def test_search_says_when_a_precedent_is_about_another_condition() -> None:
    result = CliRunner().invoke(cli, ["search", "our MSK physio waiting list is over a year", "--limit", "3"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert f"{OTHER_CONDITIONS_NOTE}: multiple sclerosis" in output and "No strong precedent" in output


def test_search_says_when_a_challenge_does_not_read_as_english() -> None:
    welsh = "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng."
    result = CliRunner().invoke(cli, ["search", welsh, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert NOT_IN_ENGLISH_NOTE in " ".join(result.output.split())
    english = CliRunner().invoke(cli, ["search", AF_CHALLENGE, "--limit", "1"])
    assert NOT_IN_ENGLISH_NOTE not in " ".join(english.output.split())


def test_search_rejects_bad_options_with_a_message() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["search", AF_CHALLENGE, "--region", "Atlantis"])
    assert result.exit_code == 2 and "Atlantis" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["search", "   "])
    assert result.exit_code == 2 and "challenge" in result.output


def test_bad_configuration_is_an_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from nhsmatch.api.settings import get_settings

    monkeypatch.setenv("MATCHER_CORPUS_PATH", "/no/such/corpus.jsonl")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["search", AF_CHALLENGE])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1 and "Error: invalid configuration" in result.output
    assert "/no/such/corpus.jsonl" in result.output


@pytest.mark.usefixtures("matcher_env")
def test_eval_prints_the_comparison_table_and_writes_json(tmp_path: Path) -> None:
    from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH

    queries = tmp_path / "queries.jsonl"
    lines = [json.loads(line) for line in DEFAULT_DEV_QUERIES_PATH.read_text().splitlines()[:4]]
    lines[0]["judgments"]["judged-in-another-corpus"] = 2  # a precedent this corpus does not hold
    queries.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    output = tmp_path / "results.json"
    result = CliRunner().invoke(cli, ["eval", "--queries", str(queries), "--output", str(output), "--fit"])
    assert result.exit_code == 0, result.output
    expected = ("bm25-only", "dense-only", "shipped", "nDCG@10", "95 % interval", "nDCG@5 best", "label meant")
    for row in expected:
        assert row in result.output
    report = json.loads(output.read_text())
    results = report["results"]
    assert 0 < results["shipped"]["ndcg_10"] <= 1 and results["shipped"]["queries"] == 4
    partners = results["shipped"]["partners"]
    assert 0 < partners["ndcg_5_best"] <= 1 and 0 < partners["queries"] <= 4
    assert "partners" not in results["bm25, plain text"]  # the textbook baselines name no partners
    labels = results["shipped"]["labels"]
    assert sum(meaning["shown"] for meaning in labels.values()) == 40  # the top 10 of each of the 4 queries
    assert all(0 <= meaning["useful"] <= meaning["judged"] for meaning in labels.values())
    gain = report["shipped_gain"]
    assert gain["over"] in ("bm25-only", "dense-only") and gain["target"] == 0.05
    assert gain["mean"] == pytest.approx(results["shipped"]["ndcg_10"] - results[gain["over"]]["ndcg_10"], abs=2e-4)
    assert gain["low"] <= gain["mean"] <= gain["high"]
    low, high = report["strong_threshold"]["feasible"]  # the 4 are answerable: any threshold low enough
    assert low <= high and report["strong_threshold"]["held_out"]["splits"] > 0


def test_each_served_worker_sets_up_json_logging(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`serve --workers N` starts fresh processes: the factory they run configures their logging."""
    import logging

    from nhsmatch.api.app import create_served_app
    from nhsmatch.api.observability import JsonFormatter
    from nhsmatch.api.settings import get_settings

    monkeypatch.setenv("MATCHER_INDEX_DIR", str(tmp_path / "index"))
    get_settings.cache_clear()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        root.handlers = []
        app = create_served_app()
        assert app.state.settings.index_dir == tmp_path / "index"
        assert any(isinstance(h.formatter, JsonFormatter) for h in root.handlers)
    finally:
        root.handlers, level = saved
        root.setLevel(level)
        get_settings.cache_clear()
