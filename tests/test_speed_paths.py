"""Shortcuts taken for speed give the same results as the long way round."""

from __future__ import annotations

from briefing.assemble import day_keywords as issue_keywords
from briefing.records import Article
from briefing.summarize import faithfulness, guard
from briefing.summarize.guard import SourceIndex, check_summary

ARTICLE = Article(
    id="a1",
    title="临江市开通城乡公交专线",
    body=[
        "本报讯（记者王明）临江市交通运输局3月11日宣布，城乡公交专线12条将于下月开通。",
        "据介绍，临江市城乡公交专线覆盖全市18个乡镇，票价统一为2元。临江市城乡公交专线开通后，"
        "沿线群众出行时间平均缩短20分钟。",
    ],
)
# Runs of segmenter pieces that recur (河湖长制, 巡河制度), pieces used once inside and beside
# them, and a place name.
RUNS_ARTICLE = Article(
    id="runs",
    title="东港市西岭镇推行河湖长制",
    body=[
        "西岭镇推行河湖长制巡河制度，河湖长制巡河制度覆盖全镇。河湖长制智慧平台上线，"
        "河湖长制巡河记录可查。河湖长制考评办法出台。东港市通报。"
    ],
)


def test_a_summary_checked_twice_against_one_index_is_judged_once(monkeypatch):
    calls = []
    real = guard.unfaithful
    monkeypatch.setattr(guard, "unfaithful", lambda *a: calls.append(a) or real(*a))
    source = SourceIndex(ARTICLE)
    first = check_summary("临江市城乡公交专线12条将于下月开通。", source)
    first.problems.append("changed by a caller")
    second = check_summary("临江市城乡公交专线12条将于下月开通。", source)
    assert len(calls) == 1
    assert second.ok and second.problems == []  # a caller's change does not reach the next one
    wrong = check_summary("临江市城乡公交专线15条将于下月开通。", source)
    assert not wrong.ok and check_summary("临江市城乡公交专线15条将于下月开通。", source) == wrong


def test_punctuation_is_removed_as_by_a_filter_over_characters():
    text = "“临江”（新华社）：城乡公交、专线——开通…！\n 12条"
    expected = "".join(c for c in text if c not in faithfulness._PUNCT)
    assert faithfulness._words(text) == expected
    pairs = {expected[i : i + 2] for i in range(len(expected) - 1)}
    assert len(faithfulness._bigrams(text)) == len(pairs)


def naive_counts(article: Article) -> dict[str, float]:
    """issue_keywords._counts as first written: every word looked up, counts added word by
    word, every window of every size looked at."""
    from collections import Counter, defaultdict

    from briefing.text import fold_width

    headline = article.headline
    parts = [(fold_width(headline), issue_keywords.HEADLINE_WEIGHT)] if headline else []
    body = fold_width(article.text[: issue_keywords.BODY_CHARS])
    parts.append((issue_keywords._CREDIT.sub(" ", body), 1.0))
    tokens = [
        (w if issue_keywords._term(w, t) else "", weight)
        for text, weight in parts
        for w, t in issue_keywords._words(text)
    ]
    counts: defaultdict[str, float] = defaultdict(float)
    seen: Counter[str] = Counter()
    for word, weight in tokens:
        if word:
            counts[word] += weight
            seen[word] += 1
    used: set[int] = set()
    for size in range(issue_keywords.MAX_PIECES, 1, -1):
        runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for start in range(len(tokens) - size + 1):
            pieces = tuple(word for word, _ in tokens[start : start + size])
            if (
                any(issue_keywords._term(w) != 1 for w in pieces)
                or len(set(pieces)) < size
                or len("".join(pieces)) > issue_keywords.MAX_TERM
                or pieces[-1] in issue_keywords._POSTS
            ):
                continue
            if not used.intersection(range(start, start + size)):
                runs[pieces].append(start)
        for pieces, starts in runs.items():
            together = sum(tokens[i][1] == 1.0 for i in starts)
            if together < 2 or together < 0.6 * min(seen[w] for w in pieces):
                continue
            weight = min(sum(tokens[i][1] for i in starts), *(counts[w] for w in pieces))
            counts["".join(pieces)] += weight
            for word in pieces:
                counts[word] -= weight
            for i in starts:
                used.update(range(i, i + size))
    return {w: c for w, c in counts.items() if c > 0}


def test_keyword_words_stand_as_segmented_unless_a_name_is_split():
    from briefing.text import tagged

    # No lone surname, no qualified name: the segmenter's words as they are.
    plain = "委员长今天会见了来访的代表团。"
    assert issue_keywords._words(plain) == tagged(plain)
    # A surname the segmenter splits off (栗 / 战书) and qualified names are rejoined.
    words = [w for w, _ in issue_keywords._words("栗战书会见刚果（金）总统。《禁止蒙面规例》生效")]
    assert "栗战书" in words and "刚果（金）" in words and "禁止蒙面规例" in words
    assert issue_keywords._words("丁") == tagged("丁")  # a lone surname that ends the text


def test_keyword_counts_match_looking_at_every_window(samples):
    from briefing.api import load_articles

    _, articles = load_articles(samples / "linjiang-daily-2024-03-12.txt")
    for article in [ARTICLE, RUNS_ARTICLE, *articles]:
        counts = issue_keywords._counts(*issue_keywords._read_texts(article))
        # The same counts in the same order (the order decides among equal scores later).
        assert list(counts.items()) == list(naive_counts(article).items())


def test_near_finds_what_a_pattern_search_finds():
    import itertools
    import re

    def by_pattern(aligned: str, before: str, after: str) -> bool:
        if before + after in aligned:
            return True
        if not faithfulness._words(before) or not faithfulness._words(after):
            return False
        gap = f"[^{faithfulness._PUNCT_CLASS}]{{1,{faithfulness.GAP}}}"
        return re.search(re.escape(before) + gap + re.escape(after), aligned) is not None

    aligned = "大力推进公交，专线12条将开通。说：开通了开通好！"
    pieces = {aligned[i : i + n] for n in (1, 2) for i in range(len(aligned) - n + 1)}
    pieces |= {"", "，", "好", "没有", "开通了"}
    checked = found = 0
    for before, after in itertools.product(sorted(pieces), repeat=2):
        expected = by_pattern(aligned, before, after)
        assert faithfulness._near(aligned, before, after) == expected, (before, after)
        checked, found = checked + 1, found + expected
    assert checked > 2_000 and 0 < found < checked


def test_dates_found_after_the_quick_scan_are_the_pattern_s():
    from briefing.summarize import ranking

    texts = [
        "2023年新建",
        "3月5日举行",
        "１５日上午",
        "近日发布",
        "日前召开",
        "今天开幕",
        "昨天闭幕",
        "昨日",
        "今年以来",
        "去年同期",
        "下午三点",
        "共12支队伍",
        "2月起",
        "节日期间",
        "",
    ]
    for text in texts:
        expected = ranking._DATE.search(text)
        found = ranking._date(text)
        assert (found and found.group()) == (expected and expected.group()), text
        assert ranking._event_day(text) == bool(ranking._EVENT_DAY.search(text)), text


def test_figures_with_digits_only_words_only_or_both_are_all_found():
    # Each figure pattern runs only when the text holds what it needs (a digit, 十百千万).
    from briefing.summarize.sentences import quantities

    assert quantities("共有１２００余人参加") == ["1200余"]
    assert quantities("三十余名志愿者") == ["三十余名"]
    assert quantities("投资2.5亿元，新建十个站点") == ["2.5亿", "十个"]
    assert quantities("同比增长12%，第二十届") == ["12%"]
    assert quantities("２０２３年３月５日") == [] and quantities("") == []


def test_an_article_s_names_are_tagged_only_for_a_summary_that_is_no_verbatim_copy():
    source_text = guard.article_source(ARTICLE)
    faithfulness.prepare.cache_clear()
    assert faithfulness.unfaithful("城乡公交专线12条将于下月开通。", source_text) == []
    assert "names" not in vars(faithfulness.prepare(source_text))  # a verbatim copy: not tagged
    faithfulness.unfaithful("临江市开通城乡公交专线12条。", source_text)
    assert "临江市" in vars(faithfulness.prepare(source_text))["names"]


def test_a_sentence_s_problems_are_kept_per_article_and_bounded(monkeypatch):
    calls = []
    sentence_problems = faithfulness._sentence_problems

    def counted(sentence, source):
        calls.append(sentence)
        return sentence_problems(sentence, source)

    monkeypatch.setattr(faithfulness, "_sentence_problems", counted)
    monkeypatch.setattr(faithfulness, "MAX_CHECKED", 2)
    faithfulness.prepare.cache_clear()
    planned = "本报讯 临江市计划明年建设三座新桥。"
    built = "本报讯 临江市明年建设三座新桥。"
    claim = "临江市明年建设三座新桥。"
    # The same sentence is judged against each article on its own: a dropped hedge in one only.
    assert faithfulness.unfaithful(claim, planned) != []
    assert faithfulness.unfaithful(claim, built) == []
    assert faithfulness.unfaithful(claim, planned) != []
    assert calls == [claim, claim]  # the third check was kept from the first
    for extra in ("临江市建设新桥。", "临江市明年建桥。", "临江市建桥。"):
        faithfulness.unfaithful(extra, planned)
    assert len(faithfulness.prepare(planned).checked) == 2


def naive_rejoined(tags, qualified):
    """day_keywords._rejoined as first written: a loop over every word and its position."""
    out = []
    position = skip_to = 0
    for i, (word, tag) in enumerate(tags):
        start, position = position, position + len(word)
        if start < skip_to:
            continue
        if start in qualified and qualified[start][0] > start + len(word):
            end, name = qualified[start]
            out.append((name, "nz"))
            skip_to = end
            continue
        following = tags[i + 1] if i + 1 < len(tags) else ("", "x")
        if (
            len(word) == 1
            and tag.startswith("nr")
            and 1 <= len(following[0]) <= 2
            and issue_keywords._CJK.fullmatch(following[0][0])
            and following[1].startswith(("n", "j"))
        ):
            out.append((word + following[0], "nr"))
            skip_to = position + len(following[0])
            continue
        out.append((word, tag))
    return out


KEYWORD_TEXTS = [
    "栗战书会见刚果（金）总统。《禁止蒙面规例》生效",
    "丁",  # a lone surname that ends the text
    "记者王明、李婉清报道：中国（海南）自由贸易试验区和刚果（布）代表团会见了习近平。",
    "《人民日报》（海外版）报道，《中华人民共和国\n民法典》施行；刘、关、张三人",
    "上海（国际）会展中心，（记者 张三）王小二说：“赵钱孙李”。",
]


def test_names_are_rejoined_as_by_a_loop_over_every_word():
    from briefing.text import tagged

    for text in KEYWORD_TEXTS + [ARTICLE.text, ARTICLE.title]:
        tags = tagged(text)
        qualified = issue_keywords._qualified(text)
        # Every place where a name may start, or only some: the same words.
        surnames = [i for i, (w, t) in enumerate(tags) if len(w) == 1 and t.startswith("nr")]
        expected = naive_rejoined(tags, qualified)
        assert issue_keywords._rejoined(tags, qualified, surnames) == expected, text
        if qualified or surnames:
            assert issue_keywords._words(text) == expected
        else:
            assert issue_keywords._words(text) == tags


def test_keyword_candidates_match_judging_every_word(monkeypatch):
    def expected(text):
        return [
            w if len(w) > 1 and issue_keywords._term(w, t) else ""
            for w, t in issue_keywords._words(text)
        ]

    for text in KEYWORD_TEXTS + [ARTICLE.text]:
        assert issue_keywords._current_tables().candidates(text) == expected(text)
        assert issue_keywords._current_tables().candidates(text) == expected(
            text
        )  # from the tables
    # New tables when full, between articles: the same counts and keywords.
    place = Article(
        id="a2", title="江北区召开大会", body=["江北区江北区召开大会，江北区代表出席。"]
    )
    keywords = issue_keywords.issue_keywords([ARTICLE, place], count=20)
    assert "江北区" in keywords
    monkeypatch.setattr(issue_keywords, "_TABLE_LIMIT", 5)
    full = issue_keywords._tables
    held = dict(full.candidate)
    assert issue_keywords.issue_keywords([ARTICLE, place], count=20) == keywords
    # Replaced, not emptied: a count that began with the full tables still reads them whole.
    assert issue_keywords._tables is not full and full.candidate == held
    assert full.candidates(ARTICLE.title) == issue_keywords._tables.candidates(ARTICLE.title)
    assert list(issue_keywords._counts(*issue_keywords._read_texts(ARTICLE)).items()) == list(
        naive_counts(ARTICLE).items()
    )
    assert len(issue_keywords._tables.candidate) < 100


def test_width_folding_maps_each_character_as_the_table_does():
    from briefing.text import fold_width

    # Every full-width form and the characters around the range, alone, in runs and in text.
    chars = [chr(code) for code in range(0xFF00, 0xFF61)] + ["\u3000", "\u3001", "\u3002", "a"]
    expected = {c: chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in chars}
    expected["\u3000"] = " "
    for char in chars:
        assert fold_width(char) == expected[char]
        assert fold_width(f"新闻{char * 3}报道") == f"新闻{expected[char] * 3}报道"
    text = "".join(chars) * 2
    assert fold_width(text) == "".join(expected[c] for c in text)
    assert fold_width("１９９８年１２月，（新华社）：ＮＢＡ；") == "1998年12月,(新华社):NBA;"


def test_datelines_are_found_past_the_quick_test_for_their_words():
    """The quick test (讯, 电, 记者) lets through every dateline the three patterns know."""
    from briefing.summarize.sentences import split_dateline

    for dateline, rest in (
        ("本报拉萨讯", "临江市开通城乡公交专线。"),
        ("新华社北京１月１日电（记者王明）", "临江市开通城乡公交专线。"),
        ("记者　王明　报道", "临江市开通城乡公交专线。"),
        ("南都讯　记者王明", "临江市开通城乡公交专线。"),
    ):
        assert split_dateline(f"{dateline}　{rest}")[1] == rest
    assert split_dateline("临江市开通城乡公交专线。") == (None, "临江市开通城乡公交专线。")


def test_the_slogan_quick_test_rejects_only_what_splitting_the_clauses_rejects():
    """28 characters besides marks and spaces cannot make three clauses of nine at most."""
    from briefing.summarize import ranking
    from briefing.summarize.sentences import split_clauses

    def slogan_by_clauses(text: str) -> bool:
        clauses = split_clauses(text)
        return 0 < len(clauses) <= 3 and all(len(c) <= 9 for c, _ in clauses)

    texts = [
        "民生无小事，枝叶总关情。",
        "民生无小事，枝叶总关情，百姓冷暖在心头。",
        "民生无小事，枝叶总关情，百姓冷暖在心头，",
        "民生无小事，枝叶总关情，百姓冷暖在心间。",
        "民生无小事 ，  枝叶总关情  ，  百姓冷暖常在心间 。！",
        "民生无小事，枝叶总关情，百姓冷暖常在心间，，，。",
        "民生无小事枝叶总关情百姓冷暖常在心间民生无小事枝叶总关情",
        "临江市城乡公交专线将于下月开通，覆盖全市乡镇。",
        "春风吹绿江南两岸边，明月照亮归乡的路途，枝叶总关百姓的冷暖。",  # three clauses of nine: 27
        "春风吹绿江南两岸边，明月照亮归乡的路途，枝叶总关百姓的冷暖啊。",  # 28: one too many
    ]
    assert ranking.is_slogan(texts[-2]) and not ranking.is_slogan(texts[-1])
    # The quick test itself decides the last one (and lets the one before through).
    assert ranking._OVER_SLOGAN.match(texts[-1]) and not ranking._OVER_SLOGAN.match(texts[-2])
    for text in texts:
        assert ranking.is_slogan(text) == (slogan_by_clauses(text) and not ranking._date(text))


def test_a_clause_without_a_word_tidy_deletes_is_left_untagged_and_as_it_is(monkeypatch):
    import re

    from briefing.summarize import compress

    clauses = [
        "临江市交通运输局积极推进城乡公交专线建设",
        "市民纷纷点赞了这项别开生面的活动",
        "临江市开通城乡公交专线12条",
        "可持续发展的城乡公交",
        "完成了",
        "",
    ]
    quick = [compress.tidy(c) for c in clauses]
    monkeypatch.setattr(compress, "_TIDY_WORDS", re.compile(""))  # every clause the long way
    assert quick == [compress.tidy(c) for c in clauses]
    assert quick[2] == clauses[2] and quick[0] != clauses[0]


def test_sentences_and_clauses_without_quotes_split_as_by_the_bracket_aware_walk(monkeypatch):
    import random
    import re

    from briefing.summarize import sentences

    # Stops, ellipses, clause marks, closers without openers and spaces among words, in every order.
    alphabet = list("临江市开通公交专线说一二三") * 3 + list("。！？!?…，,；;：:）)”》 　\n")
    rng = random.Random(14)
    texts = ["", "。", "……", "临江市。。临江", "一是临江，二是公交。三是……", "临江市……”好"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(3000)]
    texts += [text.replace("…", "") for text in texts]
    fast = [(sentences.split_sentences(t), sentences.split_clauses(t)) for t in texts]
    always = re.compile("")
    monkeypatch.setattr(sentences, "_CONTEXT", always)  # the walk over marks for every text
    monkeypatch.setattr(sentences, "_OPENER", always)
    walked = [(sentences.split_sentences(t), sentences.split_clauses(t)) for t in texts]
    assert fast == walked
    assert sum(len(s) > 2 for s, _ in fast) > 300 and sum(len(c) > 2 for _, c in fast) > 1000


def test_a_prepared_source_s_words_are_those_of_its_whole_text():
    import random
    import re

    from briefing.text import fold_width

    alphabet = list("临江市开通公交专线１２3") * 3 + list("。！？!?；;，、“”（）…\n 　\t")
    rng = random.Random(14)
    texts = [ARTICLE.title + "\n" + "\n".join(ARTICLE.body), "", "。\n；", " 临江 \n\n。市"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 80))) for _ in range(500)]
    texts += [text.replace(" ", "").replace("　", "").replace("\t", "") for text in texts]
    for text in texts:
        prepared = faithfulness.prepare(text)
        folded = fold_width(text)
        pieces = [re.sub(r"\s+", "", m) for m in faithfulness._SENTENCE.findall(folded)]
        assert prepared.sentences == tuple(piece for piece in pieces if piece)
        assert prepared.words == faithfulness._words(faithfulness._compact(text))
        assert [faithfulness._sentence_grams(s) for s in prepared.sentences] == [
            frozenset(faithfulness._bigrams(s)) for s in prepared.sentences
        ]


def test_ellipses_in_quoted_text_split_as_with_the_ellipsis_looked_for_as_a_literal(monkeypatch):
    import random
    import re

    from briefing.summarize import sentences

    # Lists before ellipses (、教授……), quotes and brackets, stops and lone or run-on ellipses.
    alphabet = list("临江市开通公交专线说") * 3 + list('、…………。！？!?，“”‘’（）《》"')
    rng = random.Random(14)
    texts = ["学者、专家……各有说法。", "“好……”他说。", "临江………市。", "……", "…", "、教授…………开"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(4000)]
    classed = [sentences.split_sentences(text) for text in texts]
    literal = "[" + re.escape("".join(sentences.PAIRS) + "".join(sentences.CLOSING))
    literal += re.escape(sentences.ENDS + '"') + "]|……"
    monkeypatch.setattr(sentences, "_MARKS", re.compile(literal))
    assert classed == [sentences.split_sentences(text) for text in texts]
    assert sum("……" in s.text[:-2] for split in classed for s in split) > 100


def test_spaces_are_removed_as_by_the_white_space_pattern():
    import re

    from briefing.text import without_spaces

    every = "".join(map(chr, range(0x110000)))
    assert without_spaces("临" + every + "江") == re.sub(r"\s+", "", "临" + every + "江")
    assert without_spaces(" 临江\u3000市\n\t") == "临江市"


def test_numbers_opening_on_their_digit_match_as_the_look_behind_first_patterns():
    # The patterns take a digit, then look behind it: the same matches as looking behind first.
    import itertools
    import re

    from briefing.summarize import faithfulness

    arabic = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?(?:万亿|亿|万|千)?[%‰]?")
    number = re.compile(arabic.pattern + r"|[零〇一二两三四五六七八九十百千万亿]{2,}")
    alphabet = "1２0.,万亿%年十二x"
    texts = ["".join(t) for n in range(1, 5) for t in itertools.product(alphabet, repeat=n)]
    texts += ["12.5亿元和3,000人，.5万与1,00", "２０１９年.1.2.3", "五十二万亿，增长12%"]
    for text in texts:
        assert [m.span() for m in faithfulness.ARABIC_NUMBER.finditer(text)] == [
            m.span() for m in arabic.finditer(text)
        ], text
        assert faithfulness._NUMBER.findall(text) == number.findall(text), text
    assert len(texts) > 20_000


def test_frozen_bigrams_are_the_bigram_set_frozen():
    from briefing.text import bigram_numbers, frozen_bigram_numbers

    for text in ["", "临", "临江", "临江市开通城乡公交专线12条", "a😀b😀", "奇数个字"]:
        assert frozen_bigram_numbers(text) == frozenset(bigram_numbers(text))
        assert isinstance(frozen_bigram_numbers(text), frozenset)


def test_quantities_of_folded_text_are_those_of_the_text():
    from briefing.summarize.sentences import folded_quantities, quantities
    from briefing.text import fold_width

    texts = [
        "共有１２００余人参加，投资２.５亿元",
        "三十余名志愿者和“１２３４５”热线",
        "同比增长１２％，第二十届",
        "２０２３年３月５日",
        "没有数字",
        "",
    ]
    for text in texts:
        assert folded_quantities(fold_width(text)) == quantities(text), text


def test_text_without_full_width_forms_is_returned_as_it_is(monkeypatch):
    from briefing import text as text_module
    from briefing.text import fold_width

    text = "临江市开通城乡公交专线12条, (试运行)"
    assert fold_width(text + "，") == text + ","

    class SearchOnly:
        """The full-width pattern, searched as it is but never substituted: a text without
        full-width forms must be given back before the substitution is tried."""

        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text):
            return self.pattern.search(text)

        def sub(self, *args):
            raise AssertionError("substituted in a text without full-width forms")

    monkeypatch.setattr(text_module, "_FULL_WIDTH", SearchOnly(text_module._FULL_WIDTH))
    assert fold_width(text) is text


def test_alignment_picks_what_the_greedy_cover_over_every_sentence_picks():
    import random

    def greedy(sentence: str, prepared) -> str:
        grams = [frozenset(faithfulness._bigrams(s)) for s in prepared.sentences]
        wanted = faithfulness._bigrams(sentence)
        total, chosen = len(wanted), []
        while wanted and len(chosen) < faithfulness.MAX_ALIGNED:
            best, gain = -1, 0
            for i, pairs in enumerate(grams):
                if i not in chosen and len(wanted & pairs) > gain:
                    best, gain = i, len(wanted & pairs)
            if best < 0 or (chosen and gain / total < faithfulness.MIN_GAIN):
                break
            chosen.append(best)
            wanted -= grams[best]
        return "\n".join(prepared.sentences[i] for i in sorted(chosen))

    rng = random.Random(14)
    alphabet = list("临江市东港西岭镇开通公交专线12") + ["。", "，", "；"]
    checked = 0
    for _ in range(300):
        text = "".join(rng.choices(alphabet, k=rng.randint(10, 120)))
        prepared = faithfulness.prepare(text)
        candidates = [*prepared.sentences, "".join(rng.choices(alphabet[:-3], k=12))]
        candidates += [s[1:-2] + "，" + s[2:] for s in prepared.sentences if len(s) > 4]
        for sentence in candidates:
            faithfulness._sentence_grams.cache_clear()  # no sentence's bigrams computed yet
            assert faithfulness.align(sentence, prepared) == greedy(sentence, prepared), sentence
            checked += 1
    assert checked > 1_000


def test_a_sentence_copied_from_the_lead_is_aligned_without_the_rest_of_the_article():
    # Twenty distinct sentences after the lead: the cache is keyed by sentence text, so
    # repeats of one sentence would hide a scan of the rest (2 misses, not 21).
    rest = "".join(f"东港市西岭镇第{n}号水库今年新建成。" for n in range(1, 21))
    prepared = faithfulness.prepare("临江市开通城乡公交专线。" + rest)
    assert len(set(prepared.sentences)) == 21
    faithfulness._sentence_grams.cache_clear()
    assert faithfulness.align("临江市开通城乡公交专线。", prepared) == "临江市开通城乡公交专线。"
    assert faithfulness._sentence_grams.cache_info().misses == 1  # the first sentence's alone


def test_named_places_are_those_of_the_pattern_without_the_look_ahead():
    import random
    import re

    from briefing.summarize import ranking

    plain = re.compile(
        r"[\u4e00-\u9fff]{2}(?:省|市|县|区|州|镇|乡|村|街道|社区|站|广场|公园|馆|中心|机场|码头|港|景区"
        r"|园区|医院|学校|大学|局|委|厅|院|所|队|公司|集团)"
    )
    rng = random.Random(14)
    alphabet = list("临江东港西岭市区县镇街道社公园司中心大学局集团场") + ["，", "1"]
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in range(3_000)]
    texts += ["临江市东港区西岭镇街道社区", "东港市公安局和临江大学", "市市市区区"]
    assert sum(bool(plain.findall(t)) for t in texts) > 1_000
    for text in texts:
        assert ranking.NAMED_PLACE.findall(text) == plain.findall(text), text


def test_a_place_is_told_by_its_pattern_as_by_judging_the_word(samples):
    from briefing.api import load_articles

    _, articles = load_articles(samples / "linjiang-daily-2024-03-12.txt")
    words = {
        word
        for article in [ARTICLE, RUNS_ARTICLE, *articles]
        for word in issue_keywords._counts(*issue_keywords._read_texts(article))
    }
    assert "河湖长制" in words and "东港市" in words  # a run of pieces and a place among them
    for word in words:
        assert bool(issue_keywords._PLACE.match(word)) == (issue_keywords._term(word) == 2), word
