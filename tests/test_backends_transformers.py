"""The transformers backends end to end on tiny models built here (random weights, no hub).

A byte-level BPE tokenizer is trained on the project's samples; a small T5 and a small
Qwen2-style model get random weights and are saved to a temporary folder, then loaded the way a
card loads any local model. Random weights write garbage, so every output must be caught by the
vetting and replaced by the fallback, with the reason. Skipped without the transformers extra.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

from briefing import registry  # noqa: E402
from briefing.backends.adapters import FALLBACK_SUMMARY, FALLBACK_TOPIC  # noqa: E402
from briefing.errors import ConfigError  # noqa: E402
from briefing.records import Article  # noqa: E402
from briefing.summarize import check_summary  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def sample_articles(n: int = 12) -> list[Article]:
    rows = [
        json.loads(line)
        for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [Article(id=r["id"], title=r.get("title"), body=r["text"].split("\n")) for r in rows[:n]]


def train_tokenizer(special: list[str]):
    """A byte-level BPE tokenizer trained on the samples' text."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    texts = [a.text for a in sample_articles()] + [
        (SAMPLES / "linjiang-daily-2024-03-12.txt").read_text(encoding="utf-8")
    ]
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=1200,
        special_tokens=special,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    return tokenizer


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory) -> Path:
    from transformers import (
        PreTrainedTokenizerFast,
        Qwen2Config,
        Qwen2ForCausalLM,
        T5Config,
        T5ForConditionalGeneration,
    )

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny-models")

    t5_tok = PreTrainedTokenizerFast(
        tokenizer_object=train_tokenizer(["<pad>", "</s>", "<unk>"]),
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
    )
    t5_tok.save_pretrained(root / "t5")
    t5 = T5ForConditionalGeneration(
        T5Config(
            vocab_size=len(t5_tok),
            d_model=32,
            d_kv=8,
            d_ff=64,
            num_layers=2,
            num_decoder_layers=2,
            num_heads=4,
            pad_token_id=t5_tok.pad_token_id,
            eos_token_id=t5_tok.eos_token_id,
            decoder_start_token_id=t5_tok.pad_token_id,
        )
    )
    t5.save_pretrained(root / "t5")

    chat_tok = PreTrainedTokenizerFast(
        tokenizer_object=train_tokenizer(["<|endoftext|>", "<|im_start|>", "<|im_end|>"]),
        pad_token="<|endoftext|>",
        eos_token="<|im_end|>",
    )
    chat_tok.chat_template = CHAT_TEMPLATE
    chat_tok.save_pretrained(root / "qwen")
    qwen = Qwen2ForCausalLM(
        Qwen2Config(
            vocab_size=len(chat_tok),
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=1024,
            pad_token_id=chat_tok.pad_token_id,
            eos_token_id=chat_tok.eos_token_id,
            bos_token_id=chat_tok.pad_token_id,
            tie_word_embeddings=True,
        )
    )
    qwen.save_pretrained(root / "qwen")
    (root / "empty").mkdir()
    return root


@pytest.fixture(autouse=True)
def fresh_components():
    registry.forget()
    yield
    registry.forget()


def write_card(
    root: Path, name: str, backend: str, model: str, temperature: float = 0.0, **extra
) -> str:
    lines = [
        f'name = "{name}"',
        f'backend = "{backend}"',
        f'model = "{model}"',
        'device = "cpu"',
        "batch_size = 2",
        "max_input_tokens = 96",
        "threads = 1",
    ]
    lines += [f"{k} = {json.dumps(v)}" for k, v in extra.items()]
    lines += ["[generation]", "max_new_tokens = 24", f"temperature = {temperature}"]
    path = root / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_seq2seq_loads_batches_generates_and_falls_back_on_garbage(tiny_models):
    card = write_card(tiny_models, "tiny-t5", "transformers-seq2seq", "./t5", roles=["summarizer"])
    summarizer = registry.summarizers.resolve(card)
    articles = sample_articles(3)
    summaries = summarizer.summarize(articles, max_chars=90)
    backend = summarizer.backend
    assert backend.loads == 1 and backend.batches == 2  # 3 articles in batches of 2
    for article, summary in zip(articles, summaries):
        assert summary.method == FALLBACK_SUMMARY
        assert summary.reason.startswith("tiny-t5 output rejected: ")
        assert summary.text and len(summary.text) <= 90 and check_summary(summary.text, article).ok
    summarizer.summarize(sample_articles(2), max_chars=90)  # a second issue reuses the loaded model
    assert backend.loads == 1 and backend.batches == 3


def test_seq2seq_inputs_are_truncated_by_tokens_keeping_the_lead(tiny_models):
    summarizer = registry.summarizers.resolve(
        write_card(
            tiny_models, "tiny-t5-trunc", "transformers-seq2seq", "./t5", roles=["summarizer"]
        ),
    )
    tokenizer = summarizer.backend.tokenizer
    text = "\n".join(a.text for a in sample_articles())
    encoded = tokenizer([text], truncation=True, max_length=summarizer.card.max_input_tokens)[
        "input_ids"
    ][0]
    assert len(encoded) == summarizer.card.max_input_tokens
    assert text.startswith(tokenizer.decode(encoded, skip_special_tokens=True)[:20])


def test_chat_model_summaries_titles_and_topics_fall_back_on_garbage(tiny_models):
    # Sampling from random weights: text of random tokens (greedy decoding repeats one token).
    card = write_card(tiny_models, "tiny-qwen", "transformers-chat", "./qwen", temperature=1.0)
    torch.manual_seed(1)
    articles = sample_articles(4)
    summarizer = registry.summarizers.resolve(card)
    titler = registry.titlers.resolve(card)
    classifier = registry.classifiers.resolve(card)
    assert titler.backend is summarizer.backend is classifier.backend
    summaries = summarizer.summarize(articles, max_chars=90)
    for article, summary in zip(articles, summaries):
        assert summary.method == FALLBACK_SUMMARY and summary.reason.startswith(
            "tiny-qwen output rejected: "
        )
        assert check_summary(summary.text, article).ok and len(summary.text) <= 90
    assert any(
        "gave no text" not in s.reason for s in summaries
    )  # text came out, and the vetting caught it
    untitled = [a for a in sample_articles() if not a.title]
    for article, (title, _) in zip(untitled, titler.title(untitled)):
        assert article.id in titler.rejections and title
    topics = classifier.classify(articles)
    assert all(t.method == FALLBACK_TOPIC and t.label in classifier.taxonomy.names for t in topics)
    assert summarizer.backend.loads == 1


def test_chat_truncation_keeps_the_lead(tiny_models):
    summarizer = registry.summarizers.resolve(
        write_card(tiny_models, "tiny-qwen-trunc", "transformers-chat", "./qwen")
    )
    text = sample_articles(1)[0].text
    cut = summarizer.backend.truncate(text, 12)
    assert cut and len(cut) < len(text) and text.startswith(cut)
    assert summarizer.backend.truncate("短文。", 12) == "短文。"


def test_a_model_that_fails_to_load_is_a_one_line_config_error(tiny_models):
    with pytest.raises(ConfigError, match="failed to load") as info:
        registry.summarizers.resolve(
            write_card(tiny_models, "broken", "transformers-chat", "./empty")
        )
    assert "\n" not in str(info.value)


def test_a_missing_model_folder_is_found_before_loading(tiny_models):
    with pytest.raises(ConfigError, match="not found"):
        registry.summarizers.resolve(
            write_card(tiny_models, "absent", "transformers-seq2seq", "./nowhere")
        )
