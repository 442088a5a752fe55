"""Chat models through transformers (``AutoModelForCausalLM`` and the tokenizer's chat template).

For Qwen-style instruct models from the hub or a local folder, and for GGUF files through
``gguf_file=`` (transformers dequantizes them: slow on a CPU, but the same code path as a GPU).
Prompts are rendered with the tokenizer's chat template, left-padded and generated in batches;
only the new tokens are decoded.
"""

from __future__ import annotations

import logging
from typing import Any, Sequence

from ..errors import ConfigError
from .base import Generation, Request
from .hf import TransformersBase, dtype_keyword, model_location, pick_device, pick_dtype

logger = logging.getLogger(__name__)


class ChatBackend(TransformersBase):
    """One causal chat model, loaded once on first use."""

    chat = True
    requires: tuple[str, ...] = ("torch", "transformers")  # modules it imports when loading

    def _load(self, torch: Any, transformers: Any) -> tuple[Any, Any]:
        location, kwargs = model_location(self.card)
        tokenizer = self.load_tokenizer(transformers, location, kwargs)
        if not getattr(tokenizer, "chat_template", None):
            raise ConfigError(
                f"model {self.card.name!r}: its tokenizer has no chat template; use a chat (instruct) model"
            )
        tokenizer.padding_side = "left"  # generation continues from the right end of every row
        dtype = pick_dtype(self.card, torch, pick_device(self.card, torch))
        model = transformers.AutoModelForCausalLM.from_pretrained(
            location, **kwargs, **{dtype_keyword(transformers): dtype}
        )
        return tokenizer, model

    def render(self, messages: list[dict[str, str]]) -> str:
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True
        )

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        prompts = [
            self.render([{"role": "user", "content": r}] if isinstance(r, str) else r)
            for r in requests
        ]
        return self.generate_texts(
            prompts, encode={"add_special_tokens": False}, after_prompt=True, **options
        )
