"""Near-duplicate merging and the combined briefing across papers, on texts written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.jobs import dedupe
from briefing.cli import main
from briefing.jobs.combined import Source, build_combined_briefing, combined_sources, paper_name_of
from briefing.render import render

# Invented stories (临江市 is fictional). FLOOD and DRILL share the topic, the page and many words.
FLOOD = [
    "新华社临江3月11日电（记者周明远）临江市防汛抗旱指挥部11日召开会议，部署今年汛期前的各项准备工作。",
    "会议要求，全市各区县要在4月底前完成堤防、水库和泵站的汛前检查，对发现的隐患建立台账、限期整改。",
    "今年临江市将新建和改造排涝泵站12座，清淤河道86公里，在城区易涝点增设积水监测设备140套。",
    "市水务局负责人介绍，防汛物资仓库已储备编织袋30万条、冲锋舟45艘，抢险队伍人员全部落实到位。",
]
DRILL = [
    "本报讯（记者 韩雪松）3月10日上午，青川区在江北堤段组织开展防汛应急综合演练，区应急、水务、消防等部门参加。",
    "演练模拟强降雨导致堤段出现管涌险情，抢险人员迅速封堵险情，并转移低洼地带的群众。",
    "区应急管理局负责人表示，演练检验了各部门的协同处置能力，下一步将完善预案、补齐装备短板。",
]


def reprint_with_new_headline_and_dateline() -> list[str]:
    return [
        "本报综合消息　临江市防汛抗旱指挥部11日召开会议，部署今年汛期前的各项准备工作。",
        *FLOOD[1:],
    ]


def test_a_reprint_with_a_new_headline_and_dateline_merges():
    assert dedupe.is_duplicate(
        "\n".join(FLOOD), "\n".join(reprint_with_new_headline_and_dateline())
    )


def test_shortened_and_cut_copies_merge():
    original = "\n".join(FLOOD)
    assert dedupe.is_duplicate(original, "\n".join(FLOOD[:2]))
    assert dedupe.is_duplicate(original, "\n".join(FLOOD[:2] + FLOOD[3:]))
    # Width and punctuation do not matter.
    folded = original.replace("3月", "３月").replace("，", ",")
    assert dedupe.is_duplicate(original, folded)


def test_two_stories_on_the_same_topic_do_not_merge():
    contained, jaccard = dedupe.similarity("\n".join(FLOOD), "\n".join(DRILL))
    assert contained < 0.2 and jaccard < 0.1
    assert not dedupe.is_duplicate("\n".join(FLOOD), "\n".join(DRILL))
    assert dedupe.duplicate_groups(["\n".join(FLOOD), "\n".join(DRILL)]) == [[0], [1]]


def test_a_brief_quoted_in_a_long_roundup_is_not_merged_into_it():
    brief = FLOOD[2]
    others = [
        "江北区城管部门连夜清理雨水篦子，确保排水管网畅通，共疏通管道二十余处。",
        "云溪县组织巡堤查险队伍，对沿河村庄逐户登记老人儿童，提前落实转移路线和安置点。",
        "凤栖区气象台提醒市民关注天气预报，雷雨天气尽量减少外出，远离河道和低洼地带。",
    ]
    roundup = "\n".join(DRILL + [brief] + others)
    assert dedupe.similarity(brief, roundup)[0] > 0.9
    assert not dedupe.is_duplicate(brief, roundup)


def test_short_texts_merge_only_when_identical():
    assert dedupe.is_duplicate("临江市今天降雪。", "临江市今天降雪")
    assert not dedupe.is_duplicate("临江市今天降雪。", "临江市明天降雪。")
    assert not dedupe.is_duplicate("", "")


def test_groups_keep_the_longest_and_never_chain():
    texts = [
        "\n".join(FLOOD[:2]),
        "\n".join(DRILL),
        "\n".join(FLOOD),
        "\n".join(reprint_with_new_headline_and_dateline()),
    ]
    groups = dedupe.duplicate_groups(texts)
    assert [2, 0, 3] in [sorted(g[1:]) and g[:1] + sorted(g[1:]) for g in groups]
    assert [1] in groups


def test_signatures_are_the_same_in_every_process():
    text = "\n".join(FLOOD)
    here = dedupe.Sketch.of(text).signature
    code = "import sys; from briefing.jobs.dedupe import Sketch; print(sum(Sketch.of(sys.stdin.read()).signature))"
    there = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    ).stdout
    assert int(there) == sum(here) and len(here) == dedupe.BANDS * dedupe.ROWS


def test_lsh_finds_the_reprint_among_many():
    fillers = [
        f"第{i}条：临江市第{i}个社区开展邻里节活动，居民{i * 7}人参加，现场有{i}个摊位。" * 3
        for i in range(60)
    ]
    texts = fillers + ["\n".join(FLOOD), "\n".join(reprint_with_new_headline_and_dateline())]
    pairs = dedupe.candidate_pairs([dedupe.Sketch.of(t) for t in texts])
    assert (60, 61) in pairs
    assert len(pairs) < len(texts) * (len(texts) - 1) // 2  # the index prunes


# The combined briefing ------------------------------------------------------------------------


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


@pytest.fixture()
def two_papers(tmp_path) -> tuple[Path, Path]:
    a = write_jsonl(
        tmp_path / "临江日报-2024-03-12.jsonl",
        [
            {"id": "a1", "title": "临江部署汛前准备工作", "text": "\n".join(FLOOD)},
            {"id": "a2", "title": "青川区开展防汛应急演练", "text": "\n".join(DRILL)},
        ],
    )
    b = write_jsonl(
        tmp_path / "江北晚报.jsonl",
        [
            {
                "id": "b1",
                "title": "汛期将至 临江提前备战",
                "text": "\n".join(reprint_with_new_headline_and_dateline()),
            },
        ],
    )
    return a, b


def test_one_briefing_across_papers_merges_the_reprint(two_papers):
    a, b = two_papers
    briefing = build_combined_briefing([a, b], papers=[paper_name_of(a), paper_name_of(b)])
    assert briefing.paper == "临江日报、江北晚报"
    assert briefing.article_count == 2
    entries = {e.article_id: e for e in briefing.entries}
    assert set(entries) == {"临江日报:a1", "临江日报:a2"}
    assert entries["临江日报:a1"].also_in == ["江北晚报《汛期将至 临江提前备战》"]
    assert entries["临江日报:a2"].also_in == []
    assert entries["临江日报:a2"].source.startswith("临江日报")
    for fmt in ("md", "txt", "html"):
        assert "又见于" in render(briefing, format=fmt) and "汛期将至 临江提前备战" in render(
            briefing, format=fmt
        )
    assert json.loads(render(briefing, format="json"))["sections"][0]["entries"][0]["also_in"]
    import io

    import docx

    paragraphs = docx.Document(io.BytesIO(render(briefing, format="docx"))).paragraphs
    assert any("又见于：江北晚报《汛期将至 临江提前备战》" in p.text for p in paragraphs)


def test_paper_from_name_and_manifests(tmp_path, two_papers):
    a, b = two_papers
    assert (
        paper_name_of("x/人民日报-1998-01-01.txt") == "人民日报"
        and paper_name_of("x/晨报_19980101/") == "晨报"
    )
    manifest = tmp_path / "m.toml"
    manifest.write_text(
        f'[[issue]]\npath = "{a.name}"\npaper = "甲报"\ndate = "2024-03-12"\n\n[[issue]]\npath = "{b.name}"\npaper = "乙报"\n',
        encoding="utf-8",
    )
    items = combined_sources([], manifest=manifest)
    assert items == [Source(str(a), "甲报", "2024-03-12"), Source(str(b), "乙报", None)]
    jsonl = write_jsonl(
        tmp_path / "m.jsonl",
        [
            {"path": a.name, "paper": "甲报"},
            {"path": b.name, "paper": "乙报", "date": "2024-03-12"},
        ],
    )
    briefing = build_combined_briefing(combined_sources([], manifest=jsonl))
    assert briefing.date == "2024-03-12" and briefing.article_count == 2


def test_build_command_takes_several_inputs(monkeypatch, capsys, two_papers, tmp_path):
    a, b = two_papers
    monkeypatch.setattr(
        sys, "argv", ["briefing", "build", str(a), str(b), "--paper-from-name", "-f", "json"]
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    out = capsys.readouterr().out
    assert (exit_info.value.code or 0) == 0
    data = json.loads(out)
    assert data["article_count"] == 2 and data["paper"] == "临江日报、江北晚报"
    bad = tmp_path / "bad.toml"
    bad.write_text('[[issue]]\npaht = "x.txt"\n', encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["briefing", "build", "--manifest", str(bad)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2 and "unknown key 'paht'" in capsys.readouterr().err
