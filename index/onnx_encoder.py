"""Transformer sentence encoders run by onnxruntime with 8-bit weights: the graph we write from
safetensors weights, its quantized build cached on disk, and the embedder that runs it.

Two models use it: all-MiniLM-L6-v2 (a BERT, minilm.py) and all-mpnet-base-v2 (an MPNet,
mpnet.py). They differ in the embedding (BERT adds a token-type row, MPNet counts positions
from 2), in the names of their weights, and in MPNet's relative-position bias on every
layer's attention scores; `Architecture` says which.

Matrices are quantized to int8 per channel; activations are quantized per run, so each text is
run alone: batched, a text's vector moved a little with its batchmates (cosine 0.985-0.99), and
re-embedding one document moved the ranking of others. A run of one text keeps a second
thread idle, so texts are embedded by two runs at once, each on one thread.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import struct
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from rescite.core.errors import ConfigError
from rescite.index.embedders import normalised


@dataclass(frozen=True)
class Architecture:
    name: str
    layers: int
    heads: int
    hidden: int
    max_tokens: int  # the model's own limit (sentence-transformers' max_seq_length)
    epsilon: float  # of every layer norm
    first_position: int  # position id of the first token
    token_type: bool  # BERT adds token type 0's embedding
    query: str  # weight names inside `encoder.layer.N.`
    key: str
    value: str
    attended: str
    attended_norm: str
    relative_buckets: int = 0  # MPNet: relative-position buckets shared by every layer
    relative_distance: int = 128
    # Each layer's feed-forward output kept in float: the GELU's outliers make an 8-bit MPNet
    # drift from its float model (mean cosine 0.91 on 150 corpus clauses; 0.9935 with these
    # float, at 25 texts/s against 46 all 8-bit and 14 all float).
    float_feed_forward_out: bool = False

    def kept_float(self) -> list[str]:
        """The graph's matrix products left unquantized."""
        if not self.float_feed_forward_out:
            return []
        return [f"encoder.layer.{layer}.output.dense.mm" for layer in range(self.layers)]


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (8-byte header size, JSON header, raw data)."""
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue  # position_ids (int64) is a buffer, not a weight
        start, end = (8 + size + offset for offset in info["data_offsets"])
        tensors[name.removeprefix("bert.")] = np.frombuffer(
            raw[start:end], dtype=np.float32
        ).reshape(info["shape"])
    return tensors


def relative_buckets(tokens: int, buckets: int, distance: int) -> np.ndarray:
    """MPNet's bucket of each (query, key) pair's offset: half the buckets for keys before the
    query, half after; exact offsets below a quarter of them, logarithmic up to `distance`.
    Computed in float32, as the model was trained."""
    offset = np.arange(tokens)[:, None] - np.arange(tokens)[None, :]  # query minus key
    half = buckets // 2
    exact = half // 2
    side = (offset < 0).astype(np.int64) * half
    far = np.abs(offset)
    with np.errstate(divide="ignore"):
        scaled = (
            np.log(far.astype(np.float32) / np.float32(exact))
            / np.float32(math.log(distance / exact))
            * np.float32(half - exact)
        )
    large = np.minimum(exact + np.where(far < exact, 0, scaled).astype(np.int64), half - 1)
    return np.asarray(side + np.where(far < exact, far, large), dtype=np.int64)


def graph(weights: dict[str, np.ndarray], shape: Architecture) -> Any:
    """The ONNX graph: ids and mask (batch, tokens) -> mean of the last layer (batch, hidden),
    and the last layer itself (batch, tokens, hidden: each word piece's vector)."""
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    initializers: list[Any] = []
    hidden, heads = shape.hidden, shape.heads

    def const(name: str, value: Any) -> str:
        initializers.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(kind: str, inputs: list[str], name: str, **attributes: Any) -> str:
        nodes.append(helper.make_node(kind, inputs, [name], name=name, **attributes))
        return name

    def norm(x: str, key: str) -> str:
        scale, bias = (
            const(key + ".g", weights[key + ".weight"]),
            const(key + ".b", weights[key + ".bias"]),
        )
        return op("LayerNormalization", [x, scale, bias], key, epsilon=shape.epsilon, axis=-1)

    def dense(x: str, key: str) -> str:
        matrix = const(key + ".w", np.ascontiguousarray(weights[key + ".weight"].T))
        return op(
            "Add",
            [op("MatMul", [x, matrix], key + ".mm"), const(key + ".b", weights[key + ".bias"])],
            key,
        )

    one, axis1 = const("one", np.array(1, np.int64)), const("axis1", np.array([1], np.int64))
    tokens = op("Gather", [op("Shape", ["ids"], "shape"), one], "tokens")
    first = const("first", np.array(shape.first_position, np.int64))
    positions = op("Range", [first, op("Add", [tokens, first], "last"), one], "positions")
    words = op("Gather", [const("words", weights["embeddings.word_embeddings.weight"]), "ids"], "w")
    places = op(
        "Gather",
        [const("places", weights["embeddings.position_embeddings.weight"]), positions],
        "p",
    )
    x = op("Add", [words, places], "wp")
    if shape.token_type:
        x = op(
            "Add", [x, const("kind0", weights["embeddings.token_type_embeddings.weight"][0])], "wpk"
        )
    x = norm(x, "embeddings.LayerNorm")
    mask = op("Cast", ["mask"], "maskf", to=TensorProto.FLOAT)
    unit = const("unit", np.array(1.0, np.float32))
    masked = op(
        "Mul",
        [op("Sub", [unit, mask], "inverse"), const("far", np.array(-1e4, np.float32))],
        "far_off",
    )
    bias = op("Unsqueeze", [masked, const("axes12", np.array([1, 2], np.int64))], "bias")
    if shape.relative_buckets:
        table = weights["encoder.relative_attention_bias.weight"][
            relative_buckets(shape.max_tokens, shape.relative_buckets, shape.relative_distance)
        ].transpose(2, 0, 1)  # (heads, query, key)
        zero = const("zero", np.array([0], np.int64))
        ends = op(
            "Concat",
            [op("Unsqueeze", [tokens, const("axis0", np.array([0], np.int64))], "n1")] * 2,
            "ends",
            axis=0,
        )
        window = op(
            "Slice",
            [
                const("relative", np.ascontiguousarray(table)),
                op("Concat", [zero, zero], "starts", axis=0),
                ends,
                const("axes_qk", np.array([1, 2], np.int64)),
            ],
            "relative.window",
        )
        bias = op("Add", [bias, window], "bias.relative")
    head_shape = const("head_shape", np.array([0, 0, heads, hidden // heads], np.int64))
    flat_shape = const("flat_shape", np.array([0, 0, hidden], np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(hidden // heads), np.float32))
    half = const("half", np.array(0.5, np.float32))
    root_half = const("root_half", np.array(1.0 / np.sqrt(2.0), np.float32))
    for layer in range(shape.layers):
        key = f"encoder.layer.{layer}."
        parts = {}
        for part, name, order in (
            ("query", shape.query, [0, 2, 1, 3]),
            ("key", shape.key, [0, 2, 3, 1]),
            ("value", shape.value, [0, 2, 1, 3]),
        ):
            y = op("Reshape", [dense(x, key + name), head_shape], f"{key}{part}.heads")
            parts[part] = op("Transpose", [y], f"{key}{part}.t", perm=order)
        scores = op(
            "Mul", [op("MatMul", [parts["query"], parts["key"]], key + "qk"), scale], key + "scaled"
        )
        weights_ = op(
            "Softmax", [op("Add", [scores, bias], key + "biased")], key + "softmax", axis=-1
        )
        mixed = op(
            "Transpose",
            [op("MatMul", [weights_, parts["value"]], key + "mixed")],
            key + "mixed.t",
            perm=[0, 2, 1, 3],
        )
        attended = dense(op("Reshape", [mixed, flat_shape], key + "flat"), key + shape.attended)
        x = norm(op("Add", [attended, x], key + "residual1"), key + shape.attended_norm)
        inner = dense(x, key + "intermediate.dense")
        erf = op("Erf", [op("Mul", [inner, root_half], key + "erf.in")], key + "erf")
        gelu = op(
            "Mul",
            [op("Mul", [inner, half], key + "half"), op("Add", [erf, unit], key + "erf1")],
            key + "gelu",
        )
        out = dense(gelu, key + "output.dense")
        x = norm(op("Add", [out, x], key + "residual2"), key + "output.LayerNorm")
    spread = op("Unsqueeze", [mask, const("axis2", np.array([2], np.int64))], "mask3")
    total = op("ReduceSum", [op("Mul", [x, spread], "kept"), axis1], "total", keepdims=0)
    count = op("ReduceSum", [mask, axis1], "count", keepdims=1)
    op("Div", [total, count], "mean")
    onnx_graph = helper.make_graph(
        nodes,
        shape.name,
        [
            helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
            for name in ("ids", "mask")
        ],
        [
            helper.make_tensor_value_info("mean", TensorProto.FLOAT, ["batch", hidden]),
            helper.make_tensor_value_info(x, TensorProto.FLOAT, ["batch", "tokens", hidden]),
        ],
        initializers,
    )
    model = helper.make_model(onnx_graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


@dataclass(frozen=True)
class WeightFile:
    """An installed file of a model's weights and the hash pip recorded for it, if any."""

    path: Path
    recorded: str | None = None


def installed_file(distribution: str, name_part: str) -> WeightFile | None:
    """The installed distribution's first file whose name holds `name_part`, with the hash its
    RECORD gives (read without reading the file); None when it is not installed."""
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        return None
    found = next((file for file in files if name_part in file.name), None)
    if found is None or not (path := Path(str(found.locate()))).is_file():
        return None
    return WeightFile(path, found.hash.value if found.hash else None)


def weights_stamp(files: Sequence[WeightFile]) -> str:
    """A name for the weights in `files`, the same in every install of the same release (from
    the hashes pip recorded), so that each virtual environment finds the model another built;
    from their sizes and modification times where no hash was recorded."""
    recorded = [file.recorded for file in files]
    if all(recorded):
        return "h" + hashlib.sha256("\n".join(map(str, recorded)).encode()).hexdigest()[:16]
    stats = [file.path.stat() for file in files]
    return f"{sum(s.st_size for s in stats)}-{max(s.st_mtime_ns for s in stats)}"


def quantized(target: Path, float_graph: Callable[[], Any], kept_float: Sequence[str] = ()) -> Path:
    """`target`, the 8-bit form of `float_graph()` (but for the nodes `kept_float`), built the
    first time."""
    if target.is_file():
        return target
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        plain, eight_bit = Path(scratch) / "float.onnx", Path(scratch) / "int8.onnx"
        onnx.save(float_graph(), plain)
        quiet = logging.getLogger().level
        logging.getLogger().setLevel(logging.ERROR)  # it advises a pre-processing we need not
        try:
            quantize_dynamic(
                plain,
                eight_bit,
                weight_type=QuantType.QInt8,
                per_channel=True,
                nodes_to_exclude=list(kept_float),
            )
        finally:
            logging.getLogger().setLevel(quiet)
        eight_bit.replace(target)  # atomic: a concurrent builder wrote the same bytes
    return target


@dataclass(frozen=True)
class Pieces:
    """A text's word pieces ("cyber", "##crime") and the model's vector of each, in order."""

    words: tuple[str, ...]
    vectors: np.ndarray  # (pieces, hidden), unit rows


# The built model and its tokenizer file, made when first needed (off the caller's thread).
ModelFiles = Callable[[], tuple[Path, Path]]


class OnnxEncoder:
    """An English sentence encoder: unit vectors, texts cut at the model's token limit."""

    def __init__(
        self, model_id: str, shape: Architecture, files: ModelFiles, workers: int = 2
    ) -> None:
        self.model_id = model_id
        self.dimension = shape.hidden
        self._max_tokens = shape.max_tokens
        self._workers = workers  # texts run at once, each on one thread
        self._loaded: tuple[Any, Any] | None = None
        self._failed: BaseException | None = None
        # Not a daemon: a process that ended while a daemon thread was inside onnxruntime
        # aborted ("terminate called without an active exception", exit 134); Python waits
        # for this thread to finish loading before it exits.
        self._loader = threading.Thread(target=self._load, args=(files,), name=f"{shape.name}-load")
        self._loader.start()  # off the critical path of a cold `rescite ask`

    def _load(self, files: ModelFiles) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer

            model, tokenizer_file = files()
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1  # one text gains nothing from a second thread
            options.log_severity_level = 3
            session = onnxruntime.InferenceSession(
                str(model), options, providers=["CPUExecutionProvider"]
            )
            tokenizer = Tokenizer.from_file(str(tokenizer_file))
            tokenizer.no_padding()  # the file pads to 128; each text runs alone, unpadded
            tokenizer.enable_truncation(self._max_tokens)
            self._loaded = (session, tokenizer)
        except BaseException as error:  # raised again to the first caller
            self._failed = error

    def _model(self) -> tuple[Any, Any]:
        self._loader.join()
        if self._loaded is None:
            if isinstance(self._failed, ConfigError):
                raise self._failed
            raise ConfigError(
                f"the encoder {self.model_id} could not be loaded ({self._failed}); check the "
                "model cache folder (RESCITE_EMBEDDER__MODEL_CACHE)"
            ) from self._failed
        return self._loaded

    def _runs(self, texts: Sequence[str], output: int) -> tuple[list[list[str]], list[np.ndarray]]:
        """Each text's word pieces and one of the model's outputs for it (0: the mean, 1: the
        last layer), each text run alone; the other output is not copied out."""
        session, tokenizer = self._model()
        name = session.get_outputs()[output].name

        def run(ids: list[int]) -> np.ndarray:  # one text per run
            batch = np.asarray([ids], dtype=np.int64)
            (result,) = session.run([name], {"ids": batch, "mask": np.ones_like(batch)})
            row: np.ndarray = result[0]
            return row

        encodings = tokenizer.encode_batch(list(texts))
        token_ids = [encoding.ids for encoding in encodings]
        if len(token_ids) == 1:
            outputs = [run(token_ids[0])]
        else:
            with ThreadPoolExecutor(self._workers, thread_name_prefix="encoder") as pool:
                outputs = list(pool.map(run, token_ids))
        return [encoding.tokens for encoding in encodings], outputs

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalised(np.vstack(self._runs(texts, 0)[1]))

    def pieces(self, texts: Sequence[str]) -> list[Pieces]:
        """Each text's word pieces (without the model's markers) and their unit vectors."""
        if not texts:
            return []
        tokens, states = self._runs(texts, 1)
        return [
            Pieces(tuple(words[1:-1]), normalised(layer[1:-1]))
            for words, layer in zip(tokens, states, strict=True)
        ]

    def embed_query(self, text: str) -> np.ndarray:
        row: np.ndarray = self.embed_documents([text])[0]
        return row
