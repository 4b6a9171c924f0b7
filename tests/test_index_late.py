"""Late interaction by the paraphrase encoder's word pieces (`index/late.py`), with the real
model."""

from __future__ import annotations

import numpy as np
import pytest
from rescite.index.late import content, late_scores, matched
from rescite.index.minilm import MiniLmEmbedder
from rescite.index.onnx_encoder import Pieces


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> MiniLmEmbedder:
    return MiniLmEmbedder(tmp_path_factory.mktemp("model-cache"))


def test_pieces_are_the_word_pieces_without_markers_each_with_a_unit_vector(
    model: MiniLmEmbedder,
) -> None:
    (pieces,) = model.pieces(["Resolves to combat cybercrime."])
    assert pieces.words[0] == "resolve" and pieces.words[-1] == "."
    assert "[CLS]" not in pieces.words and "[SEP]" not in pieces.words
    assert pieces.vectors.shape == (len(pieces.words), 384)
    assert np.allclose(np.linalg.norm(pieces.vectors, axis=1), 1.0, atol=1e-4)


def test_content_keeps_whole_words_that_are_not_function_words() -> None:
    words = ("what", "does", "the", "union", "resolve", "##s", "about", "spam", "?")
    pieces = Pieces(words, np.eye(len(words), dtype=np.float32))
    kept = content(pieces)
    assert [words[int(np.argmax(row))] for row in kept] == ["union", "resolve", "spam"]
    only_function_words = Pieces(("what", "?"), np.eye(2, dtype=np.float32))
    assert content(only_function_words).shape == (2, 2)  # nothing left: all of them


def test_matched_is_the_mean_of_each_question_piece_best_cosine() -> None:
    question = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    clause = Pieces(("a", "b"), np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32))
    assert matched(question, clause) == pytest.approx((1.0 + 0.8) / 2)
    assert matched(question, Pieces((), np.zeros((0, 2), dtype=np.float32))) == 0.0


def test_a_clause_saying_what_is_asked_in_other_words_scores_above_one_on_another_subject(
    model: MiniLmEmbedder,
) -> None:
    scores = late_scores(
        model.pieces,
        "How should countries stop fake mobile handsets being sold?",
        [
            "Invites Member States to take measures against counterfeit telecommunication devices",
            "Invites Member States to take part in the work of the study groups",
        ],
    )
    assert len(scores) == 2
    assert scores[0] > scores[1]
    assert late_scores(model.pieces, "anything", []) == []
