"""Seq2seq summarizers through transformers (``AutoModelForSeq2SeqLM``: mT5, Pegasus, BART-Chinese).

Requests are plain input texts. An issue's articles are generated in batches of the card's
``batch_size``; each input is truncated to ``max_input_tokens`` tokens from the right, so the
lead, where news articles put what matters, is what the model reads.
"""

from __future__ import annotations

import logging
from typing import Any, Sequence

from .base import Generation, Request
from .hf import TransformersBase, dtype_keyword, model_location, pick_device, pick_dtype

logger = logging.getLogger(__name__)


class Seq2SeqBackend(TransformersBase):
    """One seq2seq model, loaded once on first use."""

    chat = False
    requires: tuple[str, ...] = ("torch", "transformers")  # modules it imports when loading

    def _load(self, torch: Any, transformers: Any) -> tuple[Any, Any]:
        location, kwargs = model_location(self.card)
        tokenizer = self.load_tokenizer(transformers, location, kwargs)
        tokenizer.truncation_side = "right"  # keep the lead
        dtype = {
            dtype_keyword(transformers): pick_dtype(self.card, torch, pick_device(self.card, torch))
        }
        model = transformers.AutoModelForSeq2SeqLM.from_pretrained(location, **kwargs, **dtype)
        return tokenizer, model

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        texts = [r if isinstance(r, str) else "\n".join(m["content"] for m in r) for r in requests]
        encode = {"truncation": True, "max_length": self.card.max_input_tokens}
        return self.generate_texts(texts, encode=encode, after_prompt=False, **options)
