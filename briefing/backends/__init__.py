"""Model backends: real models behind the summarizer, titler and classifier roles.

Which model runs is data, not code: a model card (``models/*.toml``, see :mod:`.cards`) names a
backend from the ``backends`` registry and a model, and the prompt templates (``prompts/``,
:mod:`.prompts`). Built-in backends:

- ``transformers-seq2seq``: mT5 / Pegasus / BART-style summarizers (:mod:`.transformers_seq2seq`)
- ``transformers-chat``: instruct chat models, GGUF files too (:mod:`.transformers_chat`)
- ``llamacpp``: GGUF files through llama-cpp-python (:mod:`.llamacpp`)
- ``openai``: OpenAI-compatible servers over HTTP (:mod:`.openai_http`)

torch, transformers and llama-cpp-python are optional extras, imported only when a card that
needs them is loaded. Every model output is vetted (:mod:`.checks`) and falls back to the
default component when it fails. Which component a name or card gives is
:mod:`briefing.registry`'s: ``summarizers.resolve(card)`` (``titlers``, ``classifiers`` likewise).
"""

from __future__ import annotations

from .cards import ModelCard, find_card, list_cards, load_card

__all__ = ["ModelCard", "find_card", "list_cards", "load_card"]
