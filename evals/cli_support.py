"""What `rescite eval` does besides printing: open the archive, evaluate, write the outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rescite.core.settings import Settings

from .gold import DEFAULT_GOLD, load_gold
from .report import floors_path_for, load_floors, write_outputs
from .suite import EvalOptions, evaluate

CORPUS_FOLDERS = ("core", "bulk", "duplicates")


def run_eval(
    settings: Settings,
    gold: Path | None,
    floors: Path | None,
    *,
    baselines: bool,
    calibrate: bool = True,
) -> dict[str, Any]:
    """Evaluate the archive under `settings.home`, ingesting the corpus first if it is empty."""
    from rescite.core.wiring import open_archive
    from rescite.index.embedders import make_embedder

    gold_path = gold or DEFAULT_GOLD
    questions = load_gold(gold_path)
    embedder = make_embedder(settings.embedder)
    with open_archive(settings, embedder=embedder) as archive:
        if archive.counts()[0] == 0:
            folders = [settings.corpus / "documents" / name for name in CORPUS_FOLDERS]
            archive.ingest([f for f in folders if f.is_dir()])
        options = EvalOptions(
            baselines=baselines,
            gold_path=gold_path,
            floors=load_floors(floors_path_for(gold_path, floors)),
            calibrate=calibrate,
        )
        return evaluate(archive, settings, questions, options, embedder=embedder)


def write_runs(result: dict[str, Any], folder: Path) -> None:
    """One TREC run file per system (`qid Q0 id rank score tag`); chunk ids for baselines."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in result["runs"].items():
        (folder / f"{name}.run").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_calibration(result: dict[str, Any], path: Path) -> None:
    calibration = result.get("calibration") or {}
    payload = {k: v for k, v in calibration.items() if k != "supports"}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def write_all(
    result: dict[str, Any],
    json_path: Path | None,
    md_path: Path | None,
    runs: Path | None,
    calibration: Path | None,
) -> None:
    for path in (json_path, md_path, calibration):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
    write_outputs(result, json_path, md_path)
    if runs:
        write_runs(result, runs)
    if calibration:
        write_calibration(result, calibration)
