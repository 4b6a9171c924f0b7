"""Cited answers: `ask(archive, question, *, k, filters, settings) -> Answer`.

Grouping, citation strings, quote selection and verification, refusal, and the optional LLM
seam. The JSON contract of an Answer is documented in answer/CONTRACT.md.
"""

from __future__ import annotations

from rescite.answer.ask import ask

__all__ = ["ask"]
