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
from .base import BackendError, Generation, Request
from .hf import TransformersBase, dtype_keyword, generation_kwargs, model_location, modules, pick_device, pick_dtype

logger = logging.getLogger(__name__)


class ChatBackend(TransformersBase):
    """One causal chat model, loaded once on first use."""

    chat = True
    requires: tuple[str, ...] = ("torch", "transformers")  # modules it imports when loading

    def _load(self, torch: Any, transformers: Any) -> tuple[Any, Any]:
        location, kwargs = model_location(self.card)
        tok_location, tok_kwargs = self.tokenizer_source(location, kwargs)
        tokenizer = transformers.AutoTokenizer.from_pretrained(tok_location, **tok_kwargs)
        if not getattr(tokenizer, "chat_template", None):
            raise ConfigError(f"model {self.card.name!r}: its tokenizer has no chat template; use a chat (instruct) model")
        tokenizer.padding_side = "left"  # generation continues from the right end of every row
        dtype = pick_dtype(self.card, torch, pick_device(self.card, torch))
        model = transformers.AutoModelForCausalLM.from_pretrained(location, **kwargs, **{dtype_keyword(transformers): dtype})
        return tokenizer, model

    def render(self, messages: list[dict[str, str]]) -> str:
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        torch, _ = modules()
        prompts = [self.render([{"role": "user", "content": r}] if isinstance(r, str) else r) for r in requests]
        out: list[Generation] = []
        for batch in self.batches_of(prompts):
            encoded = self.tokenizer(batch, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
            kwargs = generation_kwargs(self.card, self.tokenizer, **options)
            try:
                with torch.inference_mode():
                    ids = self.model.generate(**encoded, **kwargs)
            except Exception as exc:  # a failed batch falls back, article by article
                raise BackendError(f"generation failed: {exc}") from exc
            self.batches += 1
            new = ids[:, encoded["input_ids"].shape[1] :]
            out += [Generation(text=t) for t in self.tokenizer.batch_decode(new, skip_special_tokens=True)]
        return out
