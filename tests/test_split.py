"""The splitter on the project's own sample issues, and on the hard cases one at a time."""

import json
from pathlib import Path

import pytest

from briefing import load_articles, read_issue, split_issue
from briefing.evaluate.split import score_page

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PAGES = sorted(p for p in SAMPLES.rglob("*.txt") if p.with_name(p.stem + ".expected.json").exists())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_sample_pages_come_out_as_written(page: Path):
    expected = json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))
    issue = read_issue(page)
    articles = split_issue(issue)
    score = score_page(articles, expected, issue.pages[0].lines, page.name)
    assert [a.lines[0] for a in articles] == [a["lines"][0] for a in expected["articles"]]
    assert score.exact_spans == len(expected["articles"])
    assert score.field_errors == []
    assert sorted(f.line for f in issue.furniture) == sorted(expected["furniture"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_line_is_in_one_article_or_reported(page: Path):
    issue = read_issue(page)
    articles = split_issue(issue)
    owners: dict[int, int] = {}
    for article in articles:
        for number in range(article.lines[0], article.lines[1] + 1):
            assert number not in owners, f"line {number} in two articles"
            owners[number] = 1
    for item in issue.furniture:
        assert item.line not in owners
        owners[item.line] = 1
    nonblank = {n for n, text in enumerate(issue.pages[0].lines, start=1) if text.strip()}
    assert nonblank <= set(owners)


def split_text(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    issue = read_issue(path)
    return issue, split_issue(issue)


def test_column_break_is_rejoined_but_headline_is_not_glued(tmp_path):
    text = (
        "江北区启动老旧小区改造\n\n"
        "本报讯(记者 周航)江北区今年将改造老旧小区42个，惠及居民1.2万户。区住建局将临\n\n"
        "时安置、管线迁改等事项纳入统一调度，确保工程按期完工。\n\n"
        "改造内容包括外墙保温、雨污分流和电梯加装，\n\n"
        "居民可通过社区议事会提出意见。\n\n\n\n"
        "城南新建三座口袋公园\n\n"
        "本报讯(记者 林岚)城南街道利用边角地新建三座口袋公园，日前向市民开放。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [a.title for a in articles] == ["江北区启动老旧小区改造", "城南新建三座口袋公园"]
    first = articles[0]
    assert "区住建局将临时安置" in first.body[0]
    assert (
        first.body[1] == "改造内容包括外墙保温、雨污分流和电梯加装，居民可通过社区议事会提出意见。"
    )
    assert first.dateline == "本报讯(记者 周航)"
    assert all("城南" not in p for p in first.body)


def test_subheads_stay_inside_their_article(tmp_path):
    body = "全区各部门协同推进，相关工作取得阶段性成效，群众满意度持续提升，各项指标均好于去年同期水平。"
    text = (
        "幸福生活在身边\n\n——青川区民生实事办理纪实\n\n本报记者 许安\n\n\n\n"
        f"{body}\n\n聚焦就业 稳住民生“基本盘”\n\n{body}\n\n聚焦养老 织密服务“保障网”\n\n{body}\n"
    )
    _, articles = split_text(tmp_path, text)
    assert len(articles) == 1
    article = articles[0]
    assert article.subtitle == "——青川区民生实事办理纪实"
    assert article.byline == "本报记者 许安"
    assert article.subheads == ["聚焦就业 稳住民生“基本盘”", "聚焦养老 织密服务“保障网”"]
    assert len(article.body) == 3


@pytest.mark.xfail(
    reason="an untitled photo item after a wide gap under two briefs (the rule ladder had a rule for it; the learned labeller does not get it yet; strict: a model that learns it makes this fail until the mark goes)",
    strict=True,
)
def test_briefs_photo_items_and_full_width_digits(tmp_path):
    text = (
        "本报讯　青川县１９９８年粮食总产达到１２．５万吨，比上年增长３．２％。\n\n"
        "本报讯　青川县新建乡村公路８６公里，全县行政村全部通上了客车。\n\n\n\n"
        "连日来，青川县组织干部群众植树造林，全县已完成造林面积２万亩。\n\n"
        "图为白石乡群众在荒山上植树。\n"
        "本报记者　杨文　摄\n"
    )
    _, articles = split_text(tmp_path, text)
    assert len(articles) == 3
    assert articles[0].dateline == "本报讯" and "１９９８年" in articles[0].body[0]
    assert articles[2].title is None
    assert articles[2].captions == ["图为白石乡群众在荒山上植树。"]
    assert articles[2].credit == "本报记者　杨文　摄"


def test_page_header_is_furniture_and_gives_date_and_paper(tmp_path):
    text = "临江日报  2024年3月12日 星期二  第3版\n\n新区规划获批\n\n本报讯 新区总体规划日前获批。\n\n责任编辑：王敏\n"
    issue, articles = split_text(tmp_path, text)
    assert issue.date == "2024-03-12" and issue.paper == "临江日报"
    assert [f.line for f in issue.furniture] == [1, 7]
    assert len(articles) == 1 and articles[0].lines == [3, 5]
    # The page as printed: its number and section go to the page, the number to the article.
    assert (issue.pages[0].number, issue.pages[0].name) == (3, None)
    assert articles[0].page == 3 and issue.furniture[0].page == 3


@pytest.mark.parametrize(
    ("header", "printed"),
    [
        ("2021年6月17日 星期四 11 财经 责任编辑：柯蓝", (11, "财经")),
        ("05 评论 2021年6月16日 星期三", (5, "评论")),
        ("临江日报  2024年3月12日 星期二  第3版  综合新闻", (3, "综合新闻")),
        ("１９９８年１月５日　星期一　　第１版　要闻", (1, "要闻")),
        ("－5－", (5, None)),
        ("责任编辑：王敏", None),
        ("2021年6月16日 星期三", None),
        ("图片来源：人民视觉", None),
    ],
)
def test_page_header_gives_page_number_and_section(header, printed):
    from briefing.read.masthead import page_header

    assert page_header(header) == printed


def test_jsonl_articles_pass_through(samples):
    issue, articles = load_articles(samples / "articles.jsonl")
    assert [(p.kind, len(p.blocks)) for p in issue.pages] == [("articles", 12)]
    assert len(articles) == 12
    assert all(a.body for a in articles)
    assert sum(a.title is None for a in articles) == 2


def test_directory_is_one_issue_in_name_order(samples):
    issue, articles = load_articles(samples / "old-style-1998")
    assert [p.source.rsplit("/", 1)[-1] for p in issue.pages] == ["page-01.txt", "page-02.txt"]
    assert {a.page for a in articles} == {1, 2}
    assert [a.id for a in articles] == [f"a{n}" for n in range(1, len(articles) + 1)]


@pytest.mark.xfail(
    reason="the first of a run of untitled wire briefs after a titled report (the rule ladder had a rule for it; the learned labeller does not get it yet; strict: a model that learns it makes this fail until the mark goes)",
    strict=True,
)
def test_a_run_of_untitled_briefs_is_one_article_each(tmp_path):
    text = (
        "青川港口吞吐量创新高\n\n"
        "本报青川１月５日电　青川港去年完成货物吞吐量１２００万吨，比上年增长９％，创历史新高。\n\n"
        "港口负责人介绍，今年将新建两个泊位，进一步提升集装箱装卸能力。\n\n"
        "日本政府５日宣布，将从今年四月起下调部分进口农产品的关税，以缓解国内物价上涨的压力。\n\n"
        "法国交通部４日表示，巴黎至里昂的高速铁路将于明年完成全线改造，运行时间缩短二十分钟。\n\n"
        "联合国粮农组织３日发表报告说，去年全球粮食产量比前年增长百分之二，库存有所回升。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [len(a.body) for a in articles] == [2, 1, 1, 1]
    assert articles[0].title == "青川港口吞吐量创新高"
    assert all(a.title is None for a in articles[1:])


@pytest.mark.xfail(
    reason="a title with a comma and ？ over a pen name on a literary page (the rule ladder had a rule for it; the learned labeller does not get it yet; strict: a model that learns it makes this fail until the mark goes)",
    strict=True,
)
def test_literary_page_poems_essays_and_works_of_art(tmp_path):
    essay = "清晨的江边总是热闹的，卖菜的、晨练的、赶渡船的，各有各的去处，也各有各的心事。"
    text = (
        "江畔晨曲\n\n许青\n\n江水绕过山城\n\n雾从码头升起\n\n汽笛一声声\n\n唤醒沉睡的街巷\n\n"
        "渡船载着菜篮\n\n也载着炊烟\n\n\n\n"
        "春江（中国画）\n\n（王明）\n\n"
        "老街的早点铺\n\n蒋一丁\n\n"
        f"{essay}\n\n{essay}\n\n"
        "腊月里的年画（木刻）（陈山）\n\n"
        "写春联，还是买春联？\n\n石榴\n\n"
        f"{essay}\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [a.title for a in articles] == [
        "江畔晨曲",
        "春江（中国画）",
        "老街的早点铺",
        "腊月里的年画（木刻）（陈山）",
        "写春联，还是买春联？",
    ]
    assert [a.byline for a in articles] == ["许青", "王明", "蒋一丁", None, "石榴"]


def test_roundup_paragraphs_on_one_theme_stay_together(tmp_path):
    text = (
        "多地图书馆推出寒假活动\n\n"
        "本报综合报道　寒假前夕，多地图书馆推出寒假活动，邀请孩子们走进书库，度过充实的假期。\n\n"
        "临江市图书馆１月１５日起推出寒假阅读营，邀请全市中小学生走进书库，在书香中度过一个充实的假期。\n\n"
        "东港市图书馆１月１６日推出寒假手工课，邀请孩子们走进书库，在动手中度过一个快乐的假期。\n\n"
        "西岭镇图书室１月１８日推出寒假故事会，邀请留守儿童走进书库，在故事中度过一个温暖的假期。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert len(articles) == 1 and len(articles[0].body) == 4


@pytest.mark.xfail(
    reason="a second wire dateline after a wide gap under a titled report (the renderings now teach that a wide gap alone parts nothing and that the briefs of a 速览 box are one article; the labeller gives the new item 0.16; strict: a model that learns it makes this fail until the mark goes)",
    strict=True,
)
def test_one_paragraph_wire_items_in_a_row_after_a_titled_report(tmp_path):
    text = (
        "江城将举办元宵灯会\n\n"
        "据新华社江城１月９日电　江城市政府今天宣布，元宵节期间将在滨江公园举办大型灯会，展出彩灯三百余组。\n\n"
        "灯会期间，公交公司将增开夜间线路，方便市民观灯。\n\n\n\n"
        "据新华社北京１月９日电　国务院有关部门负责人今天会见了来访的芬兰经济代表团，双方就森林保护交换了意见。\n\n"
        "据新华社东港１月９日电　一家外国渔业公司的考察团今天结束对东港的考察，搭乘班轮离开东港返回国内。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [len(a.body) for a in articles] == [2, 1, 1]
    assert articles[2].dateline == "据新华社东港１月９日电"


@pytest.mark.xfail(
    reason="a subhead under the byline that closes a lead paragraph (the rule ladder had a rule for it; the learned labeller does not get it yet; strict: a model that learns it makes this fail until the mark goes)",
    strict=True,
)
def test_headline_bylines_notes_and_credits_by_their_form(tmp_path):
    body = "双方在会上回顾了两国关系的发展历程，表示愿在经贸、教育和文化领域进一步加强合作，造福两国人民。"
    text = (
        "两国外长共同会见记者通报会谈成果\n\n"
        f"本报青川１月２日电　{body}\n\n"
        "（新华社记者周远摄）（传真照片）\n\n"
        "［附记：本文作者系青川大学教授］\n\n\n\n"
        "城东社区办起“四点半课堂”\n\n"
        f"城东社区利用活动中心开设课后托管班，{body}\n\n"
        "本报记者　李清\n\n"
        "志愿者当老师\n\n"
        f"{body}\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [a.title for a in articles] == [
        "两国外长共同会见记者通报会谈成果",
        "城东社区办起“四点半课堂”",
    ]
    assert articles[0].credit == "（新华社记者周远摄）（传真照片）"
    assert articles[1].subheads == ["志愿者当老师"]


def test_a_line_cut_inside_a_quotation_is_no_headline(tmp_path):
    text = (
        "戏曲进校园活动启动\n\n"
        "本报讯　青川市文化局近日启动戏曲进校园活动，首场演出在实验中学举行，千余名师生观看。\n\n"
        "演出结束后，学生们纷纷表示，希望今后能多看到这样的演出。\n\n\n\n"
        "『戏曲如何走进青少年\n\n"
        "生活』座谈会同日举行，专家和教师围绕戏曲教育交流了经验。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert len(articles) == 1 and articles[0].title == "戏曲进校园活动启动"


def test_column_tag_leaves_the_title_and_author_note_closes_the_article(tmp_path):
    body = "临江市今年将新建社区食堂二十家，让老人在家门口吃上热乎饭，相关经费已列入年度预算。"
    text = (
        "让老人吃得方便更吃得安心（临江时评）\n\n"
        f"{body}\n\n{body}\n\n"
        "（作者为临江市社会科学院研究员）\n"
    )
    _, articles = split_text(tmp_path, text)
    assert len(articles) == 1
    assert articles[0].title == "让老人吃得方便更吃得安心"
    assert articles[0].column == "临江时评"
    assert articles[0].note == "（作者为临江市社会科学院研究员）"
    assert articles[0].lines == [1, 7]


def _lines(*texts: str):
    from briefing.split.lines import page_lines, tag

    lines = page_lines("\n\n".join(texts).split("\n"))
    for line in lines:
        line.role = tag(line)
    return lines


def test_post_pass_keeps_every_line_whatever_the_labels():
    from briefing.split.grouping import group

    lines = _lines("第一行", "第二行文字，", "接着的文字。", "页脚", "最后一行")
    for labels in (
        ["cont", "cont", "cont", "furniture", "cont"],
        ["body", "B-title", "title", "furniture", "B-cont"],
        ["furniture", "subtitle", "body", "body", "kicker"],
    ):
        drafts, furniture = group(lines, labels, usual_gap=1)
        numbers = sorted(
            [n for d in drafts for line in d.lines for n in (line.number, *line.joined)]
            + [f.number for f in furniture]
        )
        assert numbers == [line.number for line in lines]
        for line in lines:
            line.joined.clear()


def test_post_pass_glues_a_cut_paragraph_but_not_after_a_sentence_end():
    from briefing.split.grouping import group

    lines = _lines("标题", "区住建局将临", "时安置纳入统一调度。", "另起一段的文字。")
    drafts, _ = group(lines, ["B-title", "body", "cont", "cont"], usual_gap=1)
    assert [line.text for _, line in drafts[0].content] == [
        "区住建局将临时安置纳入统一调度。",
        "另起一段的文字。",
    ]


def test_post_pass_makes_a_lone_kicker_line_the_kicker_of_the_headline_under_it():
    from briefing.split.grouping import group

    def heads(*lines_and_labels: tuple[str, str]) -> list[list[tuple[str, str]]]:
        lines = _lines(*(text for text, _ in lines_and_labels))
        drafts, _ = group(lines, [label for _, label in lines_and_labels], usual_gap=1)
        return [[(name, line.text) for name, line in d.head] for d in drafts]

    text = ("西岭镇的果园今年挂满了果子。", "body")
    # Read as an item of its own, the line that names who (……——) or says who spoke (……强调)
    # opens the next article's headline; the two lines under it are its main title.
    for kicker in ("东港市果农李晓梅——", "周海在西岭镇调研时强调"):
        found = heads(
            (kicker, "B-title"), ("种好一片果园", "B-kicker"), ("过上好日子", "title"), text
        )
        assert found == [[("kicker", kicker), ("title", "种好一片果园"), ("title", "过上好日子")]]
    # A lone line ending otherwise is an item of its own, as is one ending on a colon (a
    # salutation, a label), and one with text under it.
    for lone in ("西岭镇的春天", "亲爱的乡亲们："):
        found = heads((lone, "B-title"), ("种好一片果园", "B-title"), text)
        assert found == [[("title", lone)], [("title", "种好一片果园")]]
    found = heads(("东港市果农李晓梅——", "B-title"), text, ("种好一片果园", "B-title"), text)
    assert found == [[("title", "东港市果农李晓梅——")], [("title", "种好一片果园")]]


def test_post_pass_never_takes_a_key_points_label_for_a_title():
    from briefing.split.grouping import group

    lines = _lines(
        "星城新区迎来首批居民",
        "新区的第一批住户上周搬进了新居。",
        "过年的味道更浓了（新春观察）",
        "核心阅读",
        "临江市的年货市场人头攒动。",
    )
    labels = ["B-title", "body", "body", "B-title", "body"]
    drafts, _ = group(lines, labels, usual_gap=1)
    # The unfinished line above the label heads the article the label opens.
    assert [[(name, line.text) for name, line in d.head] for d in drafts] == [
        [("title", "星城新区迎来首批居民")],
        [("title", "过年的味道更浓了（新春观察）")],
    ]
    assert drafts[1].content[0] == ("body", lines[3])
    for line in lines:
        line.joined.clear()
    # A headline may end on ！ or ？; a signature closing the article above is no headline.
    for above, title in (("过年了，星城的日子越过越红火！", True), ("（周海）", False)):
        lines = _lines(
            "星城新区迎来首批居民",
            "新区的第一批住户上周搬进了新居。",
            above,
            "核心阅读",
            "年货市场人头攒动。",
        )
        drafts, _ = group(lines, ["B-title", "body", "body", "B-title", "body"], usual_gap=1)
        assert (drafts[-1].head == [("title", lines[2])]) is title
        assert drafts[-1].content[0] == ("body", lines[3])
    # Above it a finished sentence: the label is text and the article has no title.
    lines = _lines(
        "星城新区迎来首批居民", "新区的第一批住户上周搬进了新居。", "核心阅读", "年货市场人头攒动。"
    )
    drafts, _ = group(lines, ["B-title", "body", "B-title", "body"], usual_gap=1)
    assert [len(d.head) for d in drafts] == [1, 0]
    assert [name for name, _ in drafts[1].content] == ["body", "body"]
    # Another heading is still a title.
    lines = _lines(
        "星城新区迎来首批居民",
        "新区的第一批住户上周搬进了新居。",
        "过年的味道更浓了",
        "年货市场人头攒动。",
    )
    drafts, _ = group(lines, ["B-title", "body", "B-title", "body"], usual_gap=1)
    assert drafts[1].head == [("title", lines[2])]


def test_a_name_alone_under_the_headline_is_the_byline_and_marks_are_none():
    from briefing.split.grouping import Draft
    from briefing.split.splitter import _article

    def article(*head: tuple[str, str], content: tuple[str, ...] = ("湖边的清晨很安静。",)):
        lines = _lines(*(text for _, text in head), *content)
        draft = Draft(
            head=[(name, line) for (name, _), line in zip(head, lines)],
            content=[("body", line) for line in lines[len(head) :]],
        )
        return _article(draft, article_id="a1", page=None)

    found = article(
        ("title", "周海"),
        ("subtitle", "——十年守护一片湖"),
        ("subtitle", "陈岩"),
        content=("湖边的清晨很安静。", "＊＊＊＊＊"),
    )
    assert (found.subtitle, found.byline) == ("——十年守护一片湖", "陈岩")
    assert found.body[-1] == "＊＊＊＊＊"
    # A writer of two or three characters, or two writers, alone under the headline.
    # A name the tagger does not tag as one (程远航, 万方明: a surname and an unlisted word) too.
    for second in ("周海", "李晓梅", "周海 陈岩", "程远航", "万方明"):
        found = article(("title", "星城的冬天"), ("subtitle", second))
        assert (found.subtitle, found.byline) == (None, second)
    # A place, a part's label, a short deck, or a line under a headline signed elsewhere stays.
    for second in (
        "临江",
        "引子",
        "故乡",
        "上篇",
        "诗二首",
        "今日谈",
        "短评",
        "再出发",
        "黄河",
        "江山",
    ):
        found = article(("title", "星城的冬天"), ("subtitle", second))
        assert (found.subtitle, found.byline) == (second, None)
    # A date closing the article signs nothing: the name under the headline is still the byline.
    found = article(
        ("title", "春天的信"),
        ("subtitle", "——写给西岭镇的乡亲们"),
        ("subtitle", "周海"),
        content=("祝大家新春快乐！", "（2026年3月5日）"),
    )
    assert (found.subtitle, found.byline) == ("——写给西岭镇的乡亲们", "周海")
    found = article(("title", "星城的冬天"), ("subtitle", "推荐人"), ("byline", "本报记者 李晓梅"))
    assert (found.subtitle, found.byline) == ("推荐人", "本报记者 李晓梅")


def test_a_dashed_line_is_the_subtitle_and_a_closing_date_no_byline():
    from briefing.split.grouping import Draft
    from briefing.split.splitter import _article

    lines = _lines("春风里的白大褂", "——记临江市人民医院医生周海", "陈岩", "他每天六点到病房。")
    names = ["title", "byline", "byline"]
    draft = Draft(head=list(zip(names, lines)), content=[("body", lines[3])])
    found = _article(draft, article_id="a1", page=None)
    assert (found.subtitle, found.byline) == ("——记临江市人民医院医生周海", "陈岩")
    for closing, byline in (("2026年3月5日", None), ("（周海）", "周海")):
        lines = _lines("致星城市民的一封信", "感谢大家一年来的支持。", closing)
        draft = Draft(head=[("title", lines[0])], content=[("body", line) for line in lines[1:]])
        assert _article(draft, article_id="a1", page=None).byline == byline


def test_a_title_line_ending_as_a_kicker_over_a_deck_is_the_kicker():
    from briefing.split.grouping import Draft
    from briefing.split.splitter import _article

    def head_of(*head: tuple[str, str]) -> tuple[str | None, str | None, str | None]:
        lines = _lines(*(text for _, text in head), "星城的清晨很安静。")
        draft = Draft(head=list(zip((n for n, _ in head), lines)), content=[("body", lines[-1])])
        found = _article(draft, article_id="a1", page=None)
        return found.kicker, found.title, found.subtitle

    # A line saying who spoke, or ending on the dash, introduces the main title under it.
    for kicker in (
        "周海在西岭镇调研时强调",
        "陈岩在座谈会上指出",
        "东港市教师李晓梅——",
        "临江市律师协会：",
    ):
        deck = "把课堂搬到田野上"
        assert head_of(("title", kicker), ("subtitle", deck)) == (kicker, deck, None)
    assert head_of(
        ("title", "周海在西岭镇调研时强调"),
        ("subtitle", "加快建设新城"),
        ("subtitle", "——记西岭镇"),
    ) == ("周海在西岭镇调研时强调", "加快建设新城", "——记西岭镇")
    # A one-line headline ending so, with no line under it, stays the title; so does a title
    # ending otherwise over its deck, and a title under a kicker of its own.
    assert head_of(("title", "周海在西岭镇调研时强调")) == (None, "周海在西岭镇调研时强调", None)
    assert head_of(("title", "防火安全再强调"), ("subtitle", "——西岭镇开展冬季检查")) == (
        None,
        "防火安全再强调",
        "——西岭镇开展冬季检查",
    )
    assert head_of(("title", "星城的冬天"), ("subtitle", "——记西岭镇教师李晓梅")) == (
        None,
        "星城的冬天",
        "——记西岭镇教师李晓梅",
    )
    assert head_of(("kicker", "东港市"), ("title", "陈岩指出"), ("subtitle", "加快建设新城")) == (
        "东港市",
        "陈岩指出",
        "加快建设新城",
    )


def test_train_splitter_on_the_samples_and_score_with_the_model(tmp_path, samples):
    from typer.testing import CliRunner

    from briefing.cli.app import app

    model = tmp_path / "samples.model"
    result = CliRunner().invoke(
        app,
        ["train-splitter", str(samples), "-o", str(model), "--renders", "0", "--iterations", "20"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pages"] == {"samples": 2, "samples/old-style-1998": 2}
    scored = CliRunner().invoke(
        app, ["eval", "split", str(samples), "--model", str(model), "--fields"]
    )
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["start_f1"] > 0.5
    broken = tmp_path / "broken.model"
    broken.write_bytes(b"not a model")
    failed = CliRunner().invoke(app, ["eval", "split", str(samples), "--model", str(broken)])
    assert failed.exit_code != 0 and isinstance(failed.exception, Exception)


def test_post_pass_never_continues_a_byline():
    from briefing.split.grouping import group

    lines = _lines("标题", "本报记者 许安", "全区各部门协同推进，相关工作取得阶段性成效。")
    drafts, _ = group(lines, ["B-title", "byline", "cont"], usual_gap=1)
    assert [line.text for line in drafts[0].lines] == [
        "标题",
        "本报记者 许安",
        "全区各部门协同推进，相关工作取得阶段性成效。",
    ]


def _rendered(records, seed: int, **style):
    import random

    from briefing.split.render import draw_style, render_page

    rng = random.Random(seed)
    base = draw_style(rng)
    for name, value in style.items():
        setattr(base, name, value)
    return render_page(records, rng, base)


_RECORDS = [
    {
        "doc_id": f"d{k}",
        "date": "20190101",
        "page": 3,
        "kicker": "",
        "title": f"第{k}篇的标题写在这里",
        "subtitle": "",
        "paragraphs": [
            "核心阅读",
            "盒子里的一段话。",
            *[f"第{k}篇第{i}段的正文内容。" for i in range(6)],
        ],
        "breaks": [2],
    }
    for k in range(1, 6)
]


def test_renderer_leaves_wide_gaps_inside_articles_and_marks_box_breaks():
    """Stray wide gaps and box separators fall inside articles; the gold still covers every
    non-blank line once, so the model learns that a wide gap alone parts nothing."""
    from briefing.split.lines import page_lines

    raw, gold = _rendered(
        _RECORDS, 4, crawl=False, para_gap=1, article_gap=2, stray=0.5, spread=0.0, cut=0.0
    )
    lines = page_lines(raw)
    spans = [range(a["lines"][0], a["lines"][1] + 1) for a in gold["articles"]]
    owners = [sum(line.number in span for span in spans) for line in lines]
    assert owners == [int(line.number not in gold["furniture_lines"]) for line in lines]
    starts = {a["lines"][0] for a in gold["articles"]}
    inside = [line.gap for line in lines if line.number not in starts and line.gap < 99]
    assert max(inside) >= 2  # as wide as the gap between articles
    after_box = [line for line in lines if line.text == "盒子里的一段话。"]
    following = [lines[lines.index(line) + 1] for line in after_box]
    assert all(line.gap >= 2 for line in following)  # the separator under the box
    crawl, _ = _rendered(_RECORDS, 4, crawl=True, indent="\u3000\u3000")
    assert "\u3000\u3000" in crawl  # the crawl keeps the separator as a line of indent only


def test_post_pass_keeps_a_mid_page_line_labelled_furniture_as_text():
    from briefing.split.grouping import group

    lines = _lines(
        "第3版 要闻",
        "标题一",
        "第一篇的正文内容。",
        "据新华社北京１月９日电　第二篇的正文内容。",
        "第一篇的结尾。",
        "第二篇的标题",
        "第二篇的正文。",
        "责任编辑：王敏",
    )
    labels = ["furniture", "B-title", "body", "furniture", "body", "B-title", "body", "furniture"]
    drafts, furniture = group(lines, labels, usual_gap=1)
    assert [line.text for line in furniture] == ["第3版 要闻", "责任编辑：王敏"]
    assert "据新华社北京１月９日电　第二篇的正文内容。" in [line.text for line in drafts[0].lines]


def _features_of(*texts: str) -> list[list[str]]:
    from briefing.split.features import page_features
    from briefing.split.lines import page_lines

    raw = "\n\n".join(texts).split("\n")
    return page_features(page_lines(raw), raw)


def test_a_heading_between_texts_on_one_subject_reads_as_cohesive():
    """Text that goes on about the same people and places across a heading (a subhead) and
    text that changes subject (a new article) get different cohesion attributes."""
    above = "红星村的村民王大山种了二十亩猕猴桃，红星村合作社帮他把猕猴桃卖到了城里。"
    same = "王大山说，红星村合作社今年还要扩大猕猴桃种植，带着更多村民一起增收。"
    other = "海港城的地铁三号线昨天开通试运营，沿线设站十二座，全长约三十公里！"
    cohesive = _features_of(above, "增收路子越走越宽", same)[1]
    apart = _features_of(above, "地铁新线开通试运营", other)[1]
    assert "coh:3" in cohesive
    assert "coh:0" in apart


@pytest.mark.parametrize(
    "line, closes",
    [
        ("资料整理：陈岩 李晓梅", True),
        ("周海 陈岩摄影报道", True),
        ("陈岩摄（星城影像）", True),
        ("本版制图：周海", True),
        ("整理好心情再出发", False),
        ("西岭镇摄影家协会成立", False),
        ("摄影报道要真实", False),
        ("摄（星城影像）展开幕了", False),
    ],
)
def test_a_credit_closing_an_item_is_told_by_its_form(line, closes):
    """资料整理：X, X摄影报道 and X摄（column tag） close an item as 本版制图：X does; a heading
    that only holds one of their words closes nothing."""
    body = "临江市西岭镇今年新修村道十二公里，沿线三个村的果蔬当天就能运进城里。"
    assert ("o:close:1" in _features_of(body, line, body)[1]) is closes


def test_the_heading_under_a_closing_credit_sees_it():
    """The line under a closing credit is told that the line above closes an item (its own
    close mark reaches no neighbour); under a heading that closes nothing it is not."""
    body = "临江市西岭镇今年新修村道十二公里，沿线三个村的果蔬当天就能运进城里。"
    under_credit = _features_of(body, "周海摄（星城影像）", "东港市新开三条公交线", body)[2]
    under_heading = _features_of(body, "西岭镇摄影家协会成立", "东港市新开三条公交线", body)[2]
    assert "pclose|head:1|1" in under_credit
    assert "pclose|head:0|1" in under_heading


def test_a_headline_under_a_photo_credit_opens_the_next_article(tmp_path):
    """The credit closing a photo item (X摄（column tag）) is neither a headline nor a heading
    over the next one: the headline under it opens an article of its own."""
    body = (
        "临江市西岭镇的柑橘园里，果农们正忙着采摘、分拣和装箱，一车车柑橘运往城里。\n\n"
        "西岭镇的果农今年用上了滴灌和防虫网，柑橘园的产量比去年高出两成。\n\n"
    )
    text = (
        f"西岭镇的冬日果园\n\n本报记者 周海\n\n{body}果园里的新变化\n\n{body}"
        "周海摄（星城影像）\n\n东港市新开三条公交线\n\n"
        "东港市三条新公交线今天开通，沿线居民出行更方便了。\n\n"
        "三条线路串起了城东的五个社区和两所中学，早晚高峰加密班次。\n"
    )
    _, articles = split_text(tmp_path, text)
    assert [a.title for a in articles] == ["西岭镇的冬日果园", "东港市新开三条公交线"]
    assert articles[0].subheads[0] == "果园里的新变化"


@pytest.mark.parametrize(
    "a, b",
    [
        ("", "红星村"),
        ("红", "红星"),
        ("红星村的村民王大山", "王大山说红星村"),
        ("ab𠀀c𠀀ab", "𠀀ab"),  # characters beyond the basic plane, odd and even lengths
        ("2019年10月10日，", "10月10日电"),
        ("临江市临江市", "城乡公交专线开通后城乡"),  # repeated pairs
    ],
)
def test_bigram_sets_count_and_share_as_pairs_of_characters(a, b):
    """The bigram sets of the splitter and the summarizer (numbers read from the UTF-32
    encoding, for speed) hold one member per distinct pair of adjacent characters, and two texts
    share as many as their pairs do."""
    from briefing.text import bigram_numbers as _bigrams

    def pairs(text):
        return set(zip(text, text[1:]))

    assert len(_bigrams(a)) == len(pairs(a))
    assert len(_bigrams(a) & _bigrams(b)) == len(pairs(a) & pairs(b))


@pytest.mark.parametrize(
    "text, runs",
    [
        ("红星村合作社", "0"),
        ("红星 村", "1"),
        ("红 星\u3000村\xa0社", "2"),
        ("a\u2003b", "1"),
        ("ab ", "0"),
    ],
)
def test_spaces_count_runs_of_any_white_space(text, runs):
    from briefing.split.features import _spaces

    assert _spaces(text) == runs


def test_briefs_of_a_box_are_listed_as_the_articles_items():
    """A 速览 box is one article; each brief is an item: its heading (two heading lines in a
    row are one heading), or the first sentence after the dateline of a brief printed without
    one. The closing credit is no item, and an article that is not a box has none."""
    from briefing.split.grouping import group
    from briefing.split.splitter import _article

    lines = _lines(
        "速览·冬季出行",
        "东岭高铁站改造完工",
        "本报东岭1月5日电 （记者李明）东岭高铁站改造工程今天完工，候车面积扩大一倍。",
        "车站新增自助售票机四十台。",
        "南湖湿地迎来候鸟",
        "三万只越冬候鸟到达",
        "本报南湖1月5日电 （记者王芳）入冬以来，南湖湿地观测到的越冬候鸟超过三万只。",
        "本报西川1月5日电 （记者赵亮）西川今年将新建口袋公园三十个。市民可就近休闲。",
        "本版制图：张三",
        "港口吞吐量创新高",
        "本报青川1月5日电 青川港去年完成货物吞吐量1200万吨。",
    )
    labels = ["B-title", "subhead", "body", "body", "subhead", "subhead", "body", "body"]
    labels += ["subhead", "B-title", "body"]
    drafts, _ = group(lines, labels, usual_gap=1)
    box, other = (_article(d, article_id=f"a{i}", page=None) for i, d in enumerate(drafts))
    assert box.title == "速览·冬季出行"
    assert box.items == [
        "东岭高铁站改造完工",
        "南湖湿地迎来候鸟 三万只越冬候鸟到达",
        "西川今年将新建口袋公园三十个。",
    ]
    assert other.items == []


def test_a_titled_brief_without_a_dateline_leaves_the_next_briefs_dateline_its_own():
    from briefing.split.grouping import group
    from briefing.split.splitter import _article

    lines = _lines(
        "速览",
        "数字经济规模扩大",
        "全市数字经济规模去年增长一成。",
        "本报西川1月5日电 （记者赵亮）西川今年将新建口袋公园三十个。",
        "本报北川1月5日电 （记者李明）他说：“这里很好。”随后离开。",
    )
    labels = ["B-title", "subhead", "body", "body", "body"]
    drafts, _ = group(lines, labels, usual_gap=1)
    (box,) = (_article(d, article_id="a0", page=None) for d in drafts)
    assert box.items == [
        "数字经济规模扩大",
        "西川今年将新建口袋公园三十个。",
        "他说：“这里很好。”",  # the closing quotation stays with its sentence
    ]


def test_a_box_articles_items_are_listed_under_its_entry_in_every_format():
    import io
    import zipfile

    from briefing.assemble import assemble
    from briefing.records import Article, Issue
    from briefing.render import render

    box = Article(
        id="a1",
        page=1,
        title="速览",
        items=["东岭高铁站改造完工", "南湖湿地迎来候鸟 三万只越冬候鸟到达", "1. 数字<指数>&价格"],
        body=["本报东岭1月5日电 东岭高铁站改造工程今天完工，候车面积扩大一倍。"] * 3,
    )
    briefing = assemble(Issue(source="t"), [box])
    (entry,) = briefing.entries
    assert entry.items == box.items
    assert "- 南湖湿地迎来候鸟 三万只越冬候鸟到达\n" in render(briefing, format="md")
    assert "   · 东岭高铁站改造完工\n" in render(briefing, format="txt")
    assert "<li>东岭高铁站改造完工</li>" in render(briefing, format="html")
    assert json.loads(render(briefing, format="json"))["sections"][0]["entries"][0]["items"] == [
        "东岭高铁站改造完工",
        "南湖湿地迎来候鸟 三万只越冬候鸟到达",
        "1. 数字<指数>&价格",
    ]
    # An item is text, never markup or a numbered list of its own.
    assert "<li>1. 数字&lt;指数&gt;&amp;价格</li>" in render(briefing, format="html")
    assert "- 1\\. 数字" in render(briefing, format="md")
    document = zipfile.ZipFile(io.BytesIO(render(briefing, format="docx"))).read(
        "word/document.xml"
    )
    assert "· 东岭高铁站改造完工" in document.decode()


def test_cohesion_windows_hold_the_bigrams_of_their_joined_text():
    """A window's bigrams are the pairs of adjacent characters of its lines' text, headings left
    out, joined in the order given and cut at WINDOW characters (each pair numbered as
    ``_bigrams`` numbers it: the first character's code point, the second's above bit 32);
    asked again of the same page (the windows it has made), a window is the same."""
    import random

    from briefing.split.features import WINDOW, _window
    from briefing.split.lines import Line

    rng = random.Random(5)
    alphabet = "红星村王大山说，。𠀀ab1"
    for _ in range(200):
        texts = [
            "".join(rng.choice(alphabet) for _ in range(rng.choice((1, 2, 7, 60, 150, 299, 310))))
            for _ in range(rng.randint(1, 14))
        ]
        lines = [Line(number=n + 1, text=text, gap=0) for n, text in enumerate(texts)]
        own = [{"head": rng.choice("001")} for _ in lines]
        known: dict = {}
        starts = (0, len(lines) // 2, len(lines) - 1)
        for indexes in [range(start, len(lines)) for start in starts] + [
            range(start, -1, -1) for start in starts
        ]:
            joined = "".join(lines[i].folded for i in indexes if own[i]["head"] == "0")[:WINDOW]
            expected = {ord(a) | ord(b) << 32 for a, b in zip(joined, joined[1:])}
            assert _window(lines, own, indexes, {}) == expected
            assert _window(lines, own, indexes, known) == expected
            assert _window(lines, own, indexes, known) == expected  # from the page's windows


def test_splitting_an_issue_again_gives_the_same_articles_and_furniture(samples):
    from briefing import read_issue, split_issue

    issue = read_issue(samples / "linjiang-daily-2024-03-12.txt")
    first = split_issue(issue)
    furniture = list(issue.furniture)
    assert furniture
    assert split_issue(issue) == first and issue.furniture == furniture


def _recogniser_texts() -> list[str]:
    from briefing.split.lines import page_lines

    made_up = [
        "本报记者 张三 李四",
        "文/王五",
        "新华社北京1月4日电(记者赵六)",
        "据新华社东京3日电",
        "本报北京1月5日讯 记者钱七报道:",
        "图为志愿者在植树。",
        "上图:新建的大桥。",
        "孙八摄",
        "(周九 绘)",
        "第3版",
        "- 12 -",
        "十二",
        "(吴十)",
        "[附记:此文写于旧年]",
        "——记一位乡村教师",
        "1997年12月29日",
        "一九九七年六月十六日 郑一",
        "责任编辑:王二",
        "2019年2月1日 星期五",
        "一、总体要求",
        "(3)加强管理",
        "①",
        "他说,明年再来。",
    ]
    sample_lines = [
        line.folded
        for path in sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))
        for page in read_issue(path).pages
        for line in page_lines(page.lines)
    ]
    return made_up + sample_lines


def test_recognisers_answer_as_their_patterns_do():
    """Each recogniser's cheap tests are necessary conditions of its pattern."""
    from briefing.conventions import CAPTION_RE
    from briefing.split import lines as L

    pairs = [
        (L.is_furniture, L.FURNITURE_RE.search),
        (L.is_page_number, L.PAGE_NUMBER_RE.match),
        (L.is_caption, CAPTION_RE.match),
        (L.is_credit, L.CREDIT_RE.match),
        (L.is_dateline, L.DATELINE_RE.match),
        (L.is_subtitle, L.SUBTITLE_RE.match),
        (L.is_byline, L.BYLINE_RE.match),
        (L.is_trailer, L.TRAILER_RE.match),
        (L.is_signature, L.SIGNATURE_RE.match),
        (L.opens_enumeration, L.ENUMERATION_RE.match),
    ]
    texts = _recogniser_texts()
    for recognise, pattern in pairs:
        assert any(recognise(text) for text in texts), recognise.__name__
        for text in texts:
            assert recognise(text) == bool(pattern(text)), (recognise.__name__, text)


def test_page_lines_strip_white_space_after_a_byte_order_mark():
    from briefing.split.lines import page_lines

    (line,) = page_lines(["\ufeff\u3000\u3000第3版"])
    assert line.text == "第3版"


def test_a_lines_own_attributes_come_first_its_shape_leading_them(samples):
    """Each line's attributes open with the bias and its own features (``o:``), the ten of its
    shape first in their order, then the page's style and the pairs of shape features: the
    two cached parts they are spelled in join in the order the model was trained on."""
    from briefing.split.features import _SHAPE, _own, page_features
    from briefing.split.lines import page_lines

    raw = (samples / "linjiang-daily-2024-03-12.txt").read_text(encoding="utf-8").splitlines()
    # The shape and the marks are cut from _own's features by position: its dict opens on
    # _SHAPE, in that order, and names each feature once.
    gaps = {size: ("0", "0") for size in range(100)}
    for line in page_lines(raw):
        names = list(_own(line, raw[line.number - 1], 99, gaps))
        assert names[: len(_SHAPE)] == list(_SHAPE) and len(set(names)) == len(names)
    for attributes in page_features(page_lines(raw), raw):
        style = next(i for i, name in enumerate(attributes) if name.startswith("style:"))
        own = attributes[1:style]
        assert attributes[0] == "bias" and all(name.startswith("o:") for name in own)
        assert [name.split(":")[1] for name in own[: len(_SHAPE)]] == list(_SHAPE)
        assert [name.split(":")[0] for name in attributes[style : style + 6]] == [
            "style",
            "ind|style",
            "r|L",
            "r|g",
            "e|ga",
            "head|gr|gar",
        ]


def test_train_splitter_excludes_pages_by_id(tmp_path, samples):
    import shutil

    from briefing.split.training import collect, on_pages, read_page_ids

    pages = tmp_path / "pages"
    pages.mkdir()
    for stem, page in (("linjiang-daily-2024-03-12", "01"), ("qingchuan-news-2024-05-20", "02")):
        shutil.copy(samples / f"{stem}.txt", pages / f"pd20260301-{page}.txt")
        shutil.copy(samples / f"{stem}.expected.json", pages / f"pd20260301-{page}.expected.json")
    records = [
        {"doc_id": f"20260301-{page}-0{n}", "date": "20260301", "page": page, "paragraphs": text}
        for page in ("01", "02")
        for n, text in enumerate((["临江市新建三座公园。", "公园月底开放。"], ["西岭镇修路。"]))
    ]
    (pages / "articles-dev.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )

    def kept(exclude):
        return [(e.source, e.name, e.labels) for e in collect([pages], renders=2, exclude=exclude)]

    every = kept(frozenset())
    assert len(every) == 6  # two real pages, two renderings of each of the two pages
    without = kept(frozenset({"20260301-01"}))
    # Page 01's file and renderings go; page 02's renderings, drawn after them, are as before.
    assert without == [e for e in every if "20260301-01" not in e[1]]
    assert len(without) == 3
    # An id is a whole page: a shorter prefix of one names no page.
    assert kept(frozenset({"20260301-0"})) == every
    assert on_pages("pd20260301-02.txt", {"20260301-02"})
    assert on_pages("pd20260301-02.expected.json", {"20260301-02"})
    assert on_pages("20260301-02-01", {"20260301-02"})
    assert not on_pages("pd20260301-021.txt", {"20260301-02"})
    listed = tmp_path / "held.txt"
    listed.write_text("# test pages\n20260301-02\n20260302-05  # another\n", encoding="utf-8")
    assert read_page_ids([str(listed), "20260303-01,20260303-02"]) == {
        "20260301-02",
        "20260302-05",
        "20260303-01",
        "20260303-02",
    }
