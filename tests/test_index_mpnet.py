"""The ranking encoder's model (all-mpnet-base-v2, 8-bit, our own ONNX graph)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from rescite.core.errors import ConfigError
from rescite.index.embedders import Embedder
from rescite.index.mpnet import MPNET, MpnetEmbedder, model_files, unpacked, weight_parts
from rescite.index.onnx_encoder import (
    OnnxEncoder,
    WeightFile,
    graph,
    read_safetensors,
    relative_buckets,
    weights_stamp,
)

TEXTS = [
    "Instructs the Secretary-General to report on progress to the Council",
    "The Council appointed a new Secretary-General last year",
    "Calls upon Member States to combat the misuse of information technologies for criminal "
    "purposes, and to cooperate in investigating such offences across borders",
    "Resolves to instruct the Director of the Telecommunication Development Bureau to assist "
    "developing countries in building confidence and security in the use of ICTs",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mpnet-cache")


@pytest.fixture(scope="module")
def mpnet(cache: Path) -> OnnxEncoder:
    return MpnetEmbedder(cache)


def test_ranking_encoder_ranks_a_paraphrase_above_the_same_words_elsewhere(
    mpnet: OnnxEncoder,
) -> None:
    assert isinstance(mpnet, Embedder)
    vectors = mpnet.embed_documents(TEXTS)
    query = mpnet.embed_query("the head of the Union must tell the Council how far things got")
    assert vectors.shape == (4, 768)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ query) > float(vectors[1] @ query)
    crime = mpnet.embed_query("which texts ask countries to fight cybercrime together?")
    assert int(np.argmax(vectors @ crime)) == 2
    # each text runs alone: its vector is the same among others as on its own
    assert np.allclose(mpnet.embed_query(TEXTS[1]), vectors[1], atol=1e-6)


def test_ranking_model_is_built_once_and_its_8_bit_vectors_follow_the_float_model(
    mpnet: OnnxEncoder, cache: Path, tmp_path: Path
) -> None:
    """Against the float graph (itself checked against the published model's outputs when it
    was written: cosine 1.0 on corpus clauses), the 8-bit one keeps its feed-forward outputs
    float; all 8-bit, these texts' mean cosine was about 0.92."""
    import onnxruntime
    from tokenizers import Tokenizer

    mpnet.embed_query("loaded")  # built in the background; this waits for it
    built = sorted(cache.glob("*.onnx"))
    assert len(built) == 1
    stamp = built[0].stat().st_mtime_ns
    model_files(weight_parts(), cache)
    assert built[0].stat().st_mtime_ns == stamp  # found, not built again

    weights, words = unpacked(weight_parts(), tmp_path)
    plain = tmp_path / "float.onnx"
    plain.write_bytes(graph(read_safetensors(weights), MPNET).SerializeToString())
    session = onnxruntime.InferenceSession(str(plain), providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(words))
    tokenizer.no_padding()
    cosines = []
    for text, quantized in zip(TEXTS, mpnet.embed_documents(TEXTS), strict=True):
        ids = np.array([tokenizer.encode(text).ids])
        mean = session.run(None, {"ids": ids, "mask": np.ones_like(ids)})[0][0]
        cosines.append(float(quantized @ (mean / np.linalg.norm(mean))))
    assert min(cosines) > 0.97 and float(np.mean(cosines)) > 0.98


def test_relative_position_buckets_follow_mpnets_definition() -> None:
    """Keys before the query fill buckets 0-15, keys after it 16-31; offsets under 8 are exact,
    longer ones share logarithmic buckets up to 128 tokens away."""
    buckets = relative_buckets(300, 32, 128)
    assert buckets[5, 5] == 0
    assert buckets[5, 4] == 1 and buckets[5, 6] == 17
    assert buckets[10, 3] == 7 and buckets[3, 10] == 23
    assert buckets[8, 0] == 8  # 8 back: the first logarithmic bucket
    assert buckets[16, 0] == 10  # 8 * log(2) / log(16) = 2 buckets further
    assert buckets[299, 0] == 15 and buckets[0, 299] == 31  # beyond 128: the last ones
    assert buckets.shape == (300, 300) and buckets.min() == 0 and buckets.max() == 31


def test_a_model_is_named_by_the_hashes_pip_recorded_so_every_install_finds_it(
    tmp_path: Path,
) -> None:
    """A new virtual environment installs the same pieces with new modification times: the
    model built by another environment is found, not built again beside it."""
    parts = weight_parts()
    assert all(part.recorded for part in parts)  # pip recorded every piece's hash
    stamp = weights_stamp(parts)
    piece = tmp_path / "piece"
    piece.write_bytes(b"weights")
    recorded = WeightFile(piece, "a-recorded-hash")
    before, unrecorded = weights_stamp([recorded]), weights_stamp([WeightFile(piece)])
    os.utime(piece, ns=(1, 1))  # as a fresh install leaves it
    assert weights_stamp([recorded]) == before != weights_stamp([WeightFile(piece, "another")])
    assert weights_stamp([WeightFile(piece)]) != unrecorded  # no hash: named by size and time
    assert stamp == weights_stamp(weight_parts()) != before


def test_broken_weight_packages_are_a_config_error_that_says_to_reinstall(tmp_path: Path) -> None:
    piece = tmp_path / "all-mpnet-base-v2.zip.001"
    piece.write_bytes(b"not a zip at all" * 100)
    with pytest.raises(ConfigError, match="--force-reinstall"):
        model_files([WeightFile(piece)], tmp_path / "cache")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the model cache folder should be")
    with pytest.raises(ConfigError, match="RESCITE_EMBEDDER__MODEL_CACHE"):
        MpnetEmbedder(blocked).embed_query("anything")
