"""Display titles of printed headlines: the kicker or subtitle that carries the news joins a
slogan, a call or a quotation; a title that states its news stays as printed (invented titles)."""

from __future__ import annotations

import pytest

from briefing.records import Article
from briefing.summarize.printed_titles import MAX_DISPLAY_CHARS, display_title, states_news
from briefing.summarize.titles import ExtractiveTitler


def _article(title: str, kicker: str = "", subtitle: str = "", body: list[str] | None = None):
    return Article(
        id="a",
        body=body or ["临江市今年新建公园十座。"],
        kicker=kicker or None,
        title=title,
        subtitle=subtitle or None,
    )


@pytest.mark.parametrize(
    ("kicker", "title", "subtitle", "shown"),
    [
        # A person named in a kicker that runs into a quotation: whose words they are.
        ("临江市市长周海——", "“让每个孩子都有学上”", "", "临江市市长周海：“让每个孩子都有学上”"),
        ("“优秀教师”陈岩——", "三尺讲台育桃李", "", "“优秀教师”陈岩：三尺讲台育桃李"),
        # A kicker that states the news before a call: the paper's dash.
        (
            "东港市出台扶持小微企业十条措施——",
            "为小店撑起一片天",
            "",
            "东港市出台扶持小微企业十条措施——为小店撑起一片天",
        ),
        # Whose words: the speaker and the verb, without where, when the line is long.
        (
            "周海在全市春耕动员会上强调",
            "抓紧抓实春耕备耕",
            "",
            "周海在全市春耕动员会上强调：抓紧抓实春耕备耕",
        ),
        (
            "周海在临江市二〇二六年春耕备耕暨防汛抗旱动员部署会上强调",
            "抓紧抓实春耕备耕 确保全年粮食丰收",
            "",
            "周海强调：抓紧抓实春耕备耕 确保全年粮食丰收",
        ),
        (
            "周海在西岭镇调研时强调加快建设",
            "现代茶产业示范园区",
            "",
            "周海在西岭镇调研时强调加快建设现代茶产业示范园区",
        ),
        ("临江市律师协会：", "市民应当遵守新规", "", "临江市律师协会：市民应当遵守新规"),
        # A post before its holder's name is one phrase with it.
        (
            "临江市政协原副主席",
            "陈岩回乡种茶十年",
            "",
            "临江市政协原副主席陈岩回乡种茶十年",
        ),
        # Too long together: the kicker's news alone.
        (
            "临江市出台扶持茶产业二十条措施，涵盖贷款、用地、人才、品牌、销路等方面——",
            "为茶农添底气",
            "",
            "临江市出台扶持茶产业二十条措施，涵盖贷款、用地、人才、品牌、销路等方面",
        ),
        # A slogan over a deck: 主题——副题.
        (
            "",
            "奋力开创新局面",
            "——临江市建设茶乡新城综述",
            "奋力开创新局面——临江市建设茶乡新城综述",
        ),
        ("", "临江的春天", "——西岭镇生态修复工作纪实", "临江的春天——西岭镇生态修复工作纪实"),
        # A deck with news and who attended after it: the news alone.
        (
            "",
            "春风满西岭",
            "——西岭镇乡村振兴论坛开幕 周海陈岩王林等出席",
            "春风满西岭——西岭镇乡村振兴论坛开幕",
        ),
        # A two-line headline whose second line turns the first, with a byline run onto it.
        (
            "",
            "西岭镇茶叶销量大增",
            "茶农收入却出现下滑 陈岩",
            "西岭镇茶叶销量大增 茶农收入却出现下滑",
        ),
        # A kicker that reports an event (开幕, whatever the segmenter tags it) runs on with the dash.
        (
            "东港市第九届全民运动会隆重开幕——",
            "奋进新征程 同心向未来",
            "",
            "东港市第九届全民运动会隆重开幕——奋进新征程 同心向未来",
        ),
        # A slogan over the line that states the news, printed without a dash.
        (
            "",
            "携手前行",
            "临江市与东港市签署战略合作协议",
            "携手前行——临江市与东港市签署战略合作协议",
        ),
        # A series tag the splitter left: too long for a column's name, or a numbered part.
        ("", "春茶飘香富农家（走进乡村·田野里的好日子·东港篇）", "", "春茶飘香富农家"),
        ("", "春茶飘香富农家（田野新风③）", "", "春茶飘香富农家"),
        # An organisation before a title without its subject, as before.
        ("临江市消防救援大队", "推进燃气安全排查", "", "临江市消防救援大队推进燃气安全排查"),
    ],
)
def test_the_part_with_the_news_joins_the_title(kicker, title, subtitle, shown):
    line = display_title(_article(title, kicker, subtitle))
    assert line == shown
    assert len(line) <= MAX_DISPLAY_CHARS


@pytest.mark.parametrize(
    ("kicker", "title", "subtitle"),
    [
        ("", "临江市举办春季招聘会", ""),
        ("春回大地", "西岭镇万亩油菜花竞相开放", ""),
        ("", "东港港口货物吞吐量创新高", "——一季度同比增长一成"),
        ("迎接新学期", "临江市新建三所小学投入使用", ""),
        ("", "陈岩当选东港市作家协会主席", ""),
        ("数说民生", "临江市新增就业岗位两万个", ""),
        ("", "东港至临江高速公路全线通车", "周海出席通车仪式"),
        ("", "西岭镇村民用上自来水", ""),
        ("科技前沿", "临江大学团队研制新型电池", ""),
        ("温暖回家路", "周海会见星国客人", ""),
        ("防汛一线", "西岭镇干部连夜转移群众", ""),
        ("坚持以人民为中心", "民生实事件件落地", ""),
        # A slogan kicker adds nothing to a slogan title.
        ("撸起袖子拼一把", "幸福生活靠奋斗", ""),
        ("大力发展林下经济", "青山处处绿 家家有新机", ""),
        # Under the title: a byline, a label, a document's date.
        ("", "临江天气预报（3月2日8时—3日8时）", ""),
        ("", "临江天气预报（二〇二六年三月一日至三月五日）", ""),
        ("", "临江市统计公报（二〇二六年二月二十八日临江市统计局发布）", ""),
        ("", "说说身边的小事", "周海"),
        ("", "西岭镇来了新村医", "周海陈岩王林"),
        ("", "临江市关于调整公交线路的通告", "（二〇二六年三月一日）"),
        ("", "山间小路", "资料整理：陈岩"),
        # A deck too long to follow the title, whatever it reports: not cut down.
        ("", "凝心聚力", "——在临江市第十五届人民代表大会第一次会议上的讲话（2026年3月1日） 周海"),
        # Under the dash: who attended, who wrote it, when; none is the news.
        ("", "春风满西岭", "——周海出席并讲话"),
        ("", "春风满西岭", "——周海陈岩出席"),
        ("", "春风满西岭", "——记者 周海 通讯员 陈岩"),
        ("", "春风满西岭", "——本报记者周海"),
        ("", "春风满西岭", "——2026年3月5日"),
        ("", "春风满西岭", "——二〇二六年三月五日"),
    ],
)
def test_titles_that_need_nothing_stay_as_printed(kicker, title, subtitle):
    assert display_title(_article(title, kicker, subtitle)) == title


# A title of 32 characters that states its news: nothing long joins it.
_LONG_NEWS = "临江市西岭镇万亩茶园春茶开采首批明前茶通过电商平台销往全国二十多个省份"
_LONG_CALL = "抓紧抓实春耕备耕各项工作确保全年粮食播种面积稳定在一百二十万亩以上"


@pytest.mark.parametrize(
    ("kicker", "title", "subtitle"),
    [
        # A deck with a colon (a label) or a dated bracket under a slogan, with the dash.
        ("", "山间小路", "——资料整理：陈岩"),
        ("", "春风满西岭", "——（二〇二六年三月一日 临江市人民政府）"),
        # A bracketed span of time of 13 characters or more is no series tag.
        ("", "临江天气预报（2026年3月2日8时至3月3日8时）", ""),
        # Each join that would pass MAX_DISPLAY_CHARS leaves the title as printed: a post before
        # its holder, what was said running on, the speaker and the verb, a second line, a deck.
        ("临江市政协原副主席", "陈岩" + _LONG_NEWS[3:], ""),
        ("周海在西岭镇调研时强调加快建设", "现代茶产业示范园区并" + _LONG_CALL, ""),
        ("周海在全市春耕备耕暨防汛抗旱动员部署会上强调", _LONG_CALL + "毫不动摇", ""),
        ("", "西岭镇茶叶销量大增", "茶农收入却出现下滑" + _LONG_NEWS),
        ("", "携手前行", "临江市与东港市签署战略合作协议" + _LONG_NEWS),
        ("", "春风满西岭", "——" + _LONG_NEWS),
    ],
)
def test_labels_time_spans_and_long_joins_leave_the_title(kicker, title, subtitle):
    assert display_title(_article(title, kicker, subtitle)) == title


def test_states_news_tells_a_headline_from_a_slogan():
    news = [
        "临江市举办春季招聘会",
        "西岭镇村民用上自来水",
        "3万名志愿者走上街头",
        "周海会见星国客人",
    ]
    slogans = [
        "奋力开创新局面",
        "锦绣山河",
        "“让每个孩子都有学上”",
        "为小店撑起一片天",
        "临江的春天",
    ]
    assert all(states_news(t) for t in news)
    assert not any(states_news(t) for t in slogans)


def test_a_photo_label_gives_way_to_a_generated_title():
    caption = ["3月1日，临江市西岭镇举办春季茶叶采摘节，吸引大批游客。"]
    ((title, generated),) = ExtractiveTitler().title([_article("图片报道", body=caption)])
    assert generated and title != "图片报道" and "茶叶采摘节" in title
    # Nothing to cut a headline from: the label stays, as printed.
    ((title, generated),) = ExtractiveTitler().title([_article("图片报道", body=["周海 摄"])])
    assert (title, generated) == ("图片报道", False)
