"""Topic taxonomy, the keyword classifier, the trained classifier and the CLI commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.config import BuildConfig
from briefing.errors import ConfigError, InputError
from briefing.pipeline import Pipeline
from briefing.read.text import read_articles
from briefing.records import Article
from briefing.registry import classifiers
from briefing.topics import (
    Classifier,
    classify,
    default_keyword_classifier,
    default_taxonomy,
    load_taxonomy,
    parse_taxonomy,
)
from briefing.topics.keywords import KeywordClassifier, article_texts
from briefing.topics.terms import generic_terms, listed_terms
from briefing.topics.trained import TrainedClassifier, load_model, train_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# Short articles written for these tests: (title, body, expected label).
WRITTEN = [
    (
        "市人大常委会召开第十二次会议",
        "会议审议通过了人事任免事项，市委书记出席会议并讲话，要求全面从严治党。",
        "时政",
    ),
    (
        "一季度全市地区生产总值增长6%",
        "招商引资签约项目42个，总投资120亿元，制造业和外贸出口保持增长。",
        "经济",
    ),
    (
        "消防救援大队开展高层建筑火灾隐患排查",
        "检查消防通道和消防设施，督促整改安全隐患，开展应急疏散演练。",
        "安全应急",
    ),
    (
        "春耕备耕正当时",
        "合作社组织农机下田，农技人员在田间地头指导村民播种玉米和小麦。",
        "农业农村",
    ),
    (
        "市中级人民法院公开宣判一起电信诈骗案",
        "被告人被判处有期徒刑十年，检察院提起公诉，法官当庭宣判。",
        "法治",
    ),
    (
        "女排联赛决赛落幕",
        "主场作战的球队以3比1击败对手夺得冠军，主教练称赞运动员发挥出色。",
        "体育",
    ),
]


def written_articles() -> list[Article]:
    return [
        Article(id=f"t{i}", title=title, body=[body]) for i, (title, body, _) in enumerate(WRITTEN)
    ]


# --- taxonomy ---------------------------------------------------------------------------------


def test_default_taxonomy_has_sixteen_labels_in_order_with_scopes():
    tax = default_taxonomy()
    assert len(tax.labels) == 16
    assert tax.names[:3] == ["时政", "经济", "民生"] and tax.names[-1] == "生活"
    assert tax.fallback == "社会"
    assert all(label.scope and label.iptc for label in tax.labels)


def test_custom_taxonomy_file(tmp_path):
    path = tmp_path / "tax.toml"
    path.write_text(
        'name = "mine"\n[[label]]\nname = "本地"\nscope = "本地新闻"\n'
        '[label.terms]\nstrong = "街道 社区"\n[[label]]\nname = "其他"\n',
        encoding="utf-8",
    )
    tax = load_taxonomy(path)
    assert tax.name == "mine" and tax.names == ["本地", "其他"]
    assert tax.fallback == "其他"  # no 社会: the last label
    topic = KeywordClassifier(taxonomy=tax).classify([Article(id="x", title="街道社区开展活动")])[0]
    assert topic.label == "本地" and "街道" in topic.evidence


@pytest.mark.parametrize(
    "text, problem",
    [
        ("name = 'x'\n", "no [[label]]"),
        ("[[label]]\nscope = 'x'\n", "no 'name'"),
        ("[[label]]\nname = 'a'\n[[label]]\nname = 'a'\n", "appears twice"),
        ("fallback = 'z'\n[[label]]\nname = 'a'\n", "fallback 'z'"),
        ("[[label]\nname = 'a'\n", "not valid TOML"),
        ("[[label]]\nname = 'a'\n[label.terms]\nvery = 'x'\n", "unknown term tier"),
    ],
)
def test_malformed_taxonomy_names_the_problem(text, problem):
    with pytest.raises(ConfigError, match="malformed taxonomy") as info:
        parse_taxonomy(text, source="bad.toml")
    assert problem in str(info.value) and "bad.toml" in str(info.value)


def test_missing_taxonomy_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_taxonomy(tmp_path / "none.toml")


# --- keyword classifier -----------------------------------------------------------------------


def test_keyword_classifier_labels_written_articles_with_evidence():
    clf = default_keyword_classifier()
    assert isinstance(clf, Classifier)
    topics = clf.classify(written_articles())
    assert [t.label for t in topics] == [label for _, _, label in WRITTEN]
    for topic in topics:
        assert topic.evidence and 0.0 < topic.score <= 1.0 and topic.method == "keywords"
        assert topic.runner_up != topic.label


def test_generic_words_do_not_decide():
    # Generic words and single characters give no label on their own: the fallback, no evidence.
    topic = default_keyword_classifier().classify(
        [Article(id="g", body=["他们说这个问题要好好处理一下。"])]
    )[0]
    assert topic.label == "社会"


def test_a_generic_listed_word_counts_half_and_names_its_label_less():
    # 紧急 and 提醒 (安全应急, medium) are generic words: in everyday news they mostly turn up in
    # stories about other things, so together they no longer outweigh one strong noun (股民).
    headline = [Article(id="g", body=["紧急提醒！股民注意这三件事"])]
    as_listed = KeywordClassifier(terms=listed_terms()).classify(headline)[0]
    assert as_listed.label == "安全应急"
    topic = default_keyword_classifier().classify(headline)[0]
    assert (topic.label, topic.evidence) == ("经济", ["股民"])
    emergency = default_taxonomy().index("安全应急")
    assert default_keyword_classifier().weights["紧急"] == ((emergency, 1.0),)


def test_the_generic_word_list_holds_only_listed_terms():
    # A stale entry (a term since dropped from the lists) would mean the file was not remade.
    assert generic_terms() and generic_terms() <= set(listed_terms())


def test_headline_only_items_get_vocabulary_labels():
    cases = [
        ("新款SUV试驾：油耗和底盘表现如何", "经济"),
        ("宝宝辅食怎么添加，新手妈妈看过来", "生活"),
        ("手游新版本上线，玩家排位上分攻略", "文化"),
        ("国产驱逐舰编队远海训练，舰载直升机起降", "军事"),
    ]
    topics = default_keyword_classifier().classify(
        [Article(id=str(i), body=[t]) for i, (t, _) in enumerate(cases)]
    )
    assert [t.label for t in topics] == [label for _, label in cases]


# Headlines written for this test from each domain's everyday vocabulary (issue 17): the label,
# and a term that must be among its evidence, so the evidence explains the decision.
@pytest.mark.parametrize(
    "headline, label, term",
    [
        ("冬季用车注意：玻璃水和防冻液别忘了换", "生活", "防冻液"),  # car care is lifestyle
        ("新车换上2.0T加8AT，分时四驱配差速锁", "经济", "8at"),  # car specifications: the trade
        ("决赛圈伏地魔太多？教你蹲草不被发现", "文化", "伏地魔"),  # game slang
        ("朴廷桓执白中盘胜申真谞", "体育", "朴廷桓"),  # go players
        ("赵露思白鹿同框，谁更上镜", "文化", "赵露思"),  # entertainment names
        ("人少景美！四姑娘山和毕棚沟怎么玩", "文化", "四姑娘山"),  # scenic spots: travel
        ("猛士越野车与04A同场亮相", "军事", "猛士"),  # military vehicles
        ("绿萝叶子发黄怎么办？换盆时注意这几点", "生活", "绿萝"),  # houseplants
        ("杜月笙与黄金荣的上海往事", "文化", "杜月笙"),  # Republic-era history
        ("情商高的人，为人处世都懂这三点", "社会", "情商"),  # self-help
        ("零基础学编程，学习路线怎么定", "教育", "学习路线"),  # learning a skill
        ("国庆假期坚守岗位的环卫工人", "社会", "假期坚守"),  # on duty over a holiday
        ("除夕夜，他们坚守一线守护万家灯火", "社会", "坚守一线"),
        ("国庆节期间，东港市民警坚守岗位守护平安", "社会", "坚守岗位"),
        ("大年三十，西岭镇医护人员坚守一线", "社会", "坚守一线"),
        ("西岭镇家家户户忙着准备年夜饭", "生活", "年夜饭"),  # a with-word, and a meal
        ("中国女足改写历史", "体育", "中国女足"),  # making history is a record, not history
        ("苏炳添9秒83创造历史", "体育", "苏炳添"),
        ("三星堆又有新发现", "文化", "三星堆"),  # the site, not the phone maker 三星
    ],
)
def test_domain_vocabulary_labels_headlines_with_its_evidence(headline, label, term):
    topic = default_keyword_classifier().classify([Article(id="h", body=[headline])])[0]
    assert (topic.label, term in topic.evidence) == (label, True), topic


def test_a_mountaineering_team_is_sport_though_the_peak_is_a_scenic_spot():
    article = Article(
        id="m",
        title="中国登山队成功登顶珠峰",
        body=["中国登山队队员经过连续攀登，成功登顶珠穆朗玛峰，完成测量任务后安全下撤至大本营。"],
    )
    topic = default_keyword_classifier().classify([article])[0]
    assert topic.label == "体育" and "登山队" in topic.evidence, topic


def test_title_counts_more_than_body():
    article = Article(id="x", title="足球联赛开幕", body=["当地医院派出医生在场边值守。"])
    assert default_keyword_classifier().classify([article])[0].label == "体育"


def test_home_furnishing_trade_is_economy_and_home_tips_are_lifestyle():
    # The taxonomy's scopes: the industry (companies, markets, fairs) is 经济, household tips 生活.
    trade = Article(
        id="h",
        title="家具企业加快转型",
        body=["多家家具企业营收增长，公司加大投资，市场份额提升。"],
    )
    tips = Article(
        id="t",
        title="小户型客厅怎么装修",
        body=["沙发靠墙摆放，窗帘选浅色，墙面刷乳胶漆，收纳柜做到顶。"],
    )
    trade_topic, tips_topic = default_keyword_classifier().classify([trade, tips])
    assert trade_topic.label == "经济" and "家具企业" in trade_topic.evidence
    assert tips_topic.label == "生活" and "装修" in tips_topic.evidence


FOREIGN_BODY = (
    "，当地民众聚集在市中心。"
    + "警方逮捕了三名嫌疑人，检察机关随后提起公诉，法院将择日审理此案。" * 3
)


@pytest.mark.parametrize(
    "title, body",
    [
        (
            "警方破获一起暗杀阴谋",
            "本报驻尼日尔记者 张三 尼日尔警方近日捣毁一个犯罪团伙" + FOREIGN_BODY,
        ),
        (
            "一起暗杀阴谋被挫败",
            "新华社华盛顿1月3日电（记者 李四）美国警方3日宣布破获一个团伙" + FOREIGN_BODY,
        ),
        (
            "领导人会见来访客人",
            "国家主席昨天在北京会见来访的法国总统，双方就两国关系交换意见" + FOREIGN_BODY,
        ),
        # A lead-in of time or source comes before the subject.
        ("一起暗杀阴谋被挫败", "当地时间3日，美国警方宣布破获一个团伙" + FOREIGN_BODY),
        ("警方破获一起暗杀阴谋", "据报道，1月3日晚，尼日尔警方破获一个团伙" + FOREIGN_BODY),
    ],
)
def test_foreign_setting_outweighs_subject_words(title, body):
    # Who acts and where: a foreign country or official leading the story makes it foreign news,
    # and the place is the first evidence, though the story is told in crime words.
    topic = default_keyword_classifier().classify([Article(id="f", title=title, body=[body])])[0]
    assert topic.label == "国际", topic
    assert topic.evidence[0] in {"尼日尔", "华盛顿", "法国", "美国"} and topic.runner_up == "法治"


@pytest.mark.parametrize(
    "title, body, term",
    [
        (
            "杭州与澳大利亚珀斯结为友好城市",
            "双方将在经贸、旅游和教育领域扩大合作，推动两市企业互访和投资。",
            "友好城市",
        ),
        (
            "孔子学院学员学做中国结",
            "坦桑尼亚孔子学院日前举办中国传统手工课，学员们在老师指导下动手编织。",
            "孔子学院",
        ),
    ],
)
def test_exchanges_with_other_countries_are_foreign_affairs(title, body, term):
    # The taxonomy puts 对外交流 under 国际: sister cities and Confucius Institutes are exchanges
    # abroad, though told in business or classroom words (they were 经济 and 教育).
    topic = default_keyword_classifier().classify([Article(id="x", title=title, body=[body])])[0]
    assert (topic.label, topic.evidence[0]) == ("国际", term), topic


TRADE_BODY = (
    "双方就扩大贸易、投资、金融合作深入交换意见，同意推动贸易额增长，扩大企业投资，加强产业链合作。"
    * 2
)


@pytest.mark.parametrize(
    "title, opening, term",
    [
        ("中美经贸磋商本周结束", "本报北京2月1日电 两国经济对话牵头人举行磋商。", "中美"),
        ("中国同巴西签署合作协议", "中国政府同巴西政府在北京签署合作文件。", "巴西"),
        ("总理出席中国—东盟领导人会议", "国务院总理在曼谷出席中国—东盟领导人会议。", "东盟"),
        ("驻美大使接受媒体采访", "中国驻美国大使日前接受媒体专访，谈及两国关系。", "驻美"),
        ("美联储宣布加息", "美联储3日宣布加息25个基点，美元走强。", "美联储"),
    ],
)
def test_diplomacy_and_foreign_economies_told_in_trade_words_are_foreign_affairs(
    title, opening, term
):
    # Who acts: China with a partner (中美, 中国同巴西), a leader attending a foreign summit, an
    # envoy abroad, a foreign central bank. Without the setting each was 经济.
    topic = default_keyword_classifier().classify(
        [Article(id="d", title=title, body=[opening + TRADE_BODY])]
    )[0]
    assert (topic.label, topic.evidence[0]) == ("国际", term), topic


def titled(*items: tuple[str, str]):
    """The keyword topics of articles written as (title, body) pairs."""
    articles = [Article(id=str(i), title=t, body=[b]) for i, (t, b) in enumerate(items)]
    return default_keyword_classifier().classify(articles)


def test_a_worker_on_duty_over_a_holiday_is_society_but_soldiers_stay_military():
    # The conventions: an ordinary worker's holiday on duty is 社会 whatever the field (here
    # freight and a port, economy words); soldiers keep theirs.
    topics = titled(
        (
            "春节坚守 东港码头吞吐忙",
            "集装箱货运码头的桥吊司机轮班作业，港口物流和航运订单不断，运输企业保障供应链。" * 3,
        ),
        (
            "春节坚守 边防哨所战位不空",
            "边防部队官兵坚守战位，部队开展实战化训练，武警和民兵联合巡逻，国防动员有序。" * 3,
        ),
    )
    assert [t.label for t in topics] == ["社会", "军事"], topics
    assert topics[0].evidence[0] == "春节坚守" and topics[0].runner_up == "经济"


@pytest.mark.parametrize(
    "title, start, weight",
    [("西岭镇一日", 299, 3.0), (None, 39, 6.0)],  # across the lead's cut; the opening's (doubled)
)
def test_a_field_cut_with_no_break_near_keeps_a_term_whole(title, start, weight):
    # No punctuation near the cut: it falls after the term that straddles it, as the openings'
    # does, so 乒乓球 is not split into 乒 and 乓球 (which would leave only 球 found).
    article = Article(id="c", title=title, body=["啊" * start + "乒乓球比赛" + "啊" * 400])
    _, contributions = default_keyword_classifier().scores(article)
    found = {term: value for terms in contributions.values() for term, value in terms.items()}
    assert found.get("乒乓球") == weight and "球" not in found, found


def test_a_holiday_word_outside_the_openings_hides_no_listed_term():
    # A setting's with-words (佳节) are sought in the openings only: in the body they must not
    # take the start of a listed term (节目 in 最佳节目), which then counts as evidence.
    classifier = default_keyword_classifier()
    article = Article(
        id="w",
        title="西岭镇文化站办活动",
        body=["镇里的居民排练了一台晚会。", "评委会评出最佳节目三个。"],
    )
    _, contributions = classifier.scores(article)
    assert any("节目" in terms for terms in contributions.values()), contributions
    # In the openings the with-word still shows the holiday: on duty over it is 社会.
    duty = Article(id="d", body=["佳节坚守岗位的东港市环卫工人"])
    assert classifier.classify([duty])[0].label == "社会"


@pytest.mark.parametrize(
    "headline, label",
    [
        ("临江市医护人员坚守一线抗击疫情", "卫生健康"),
        ("三十年坚守岗位的西岭镇乡村医生", "卫生健康"),  # a model figure goes under the field
        ("东港市消防官兵坚守一线抗洪抢险", "安全应急"),
        ("民警坚守岗位破获电信诈骗案", "法治"),
        ("乡村教师坚守一线三十年", "教育"),
    ],
)
def test_duty_words_without_a_holiday_leave_a_story_in_its_field(headline, label):
    topic = default_keyword_classifier().classify([Article(id="d", body=[headline])])[0]
    assert topic.label == label, topic


def test_the_drug_trade_is_economy_and_drugs_for_patients_are_health():
    # The scopes: industry and companies are 经济 (药企 inside 医药企业 is the trade, as 汽车企业
    # is), medicine for patients 卫生健康.
    topics = titled(
        ("东港市医药企业名录出版", "名录收录了全市三百家医药企业的地址和产品。"),
        ("制药企业排队申报新药", "新药临床试验获批，患者有望用上国产药。"),
    )
    assert [t.label for t in topics] == ["经济", "卫生健康"], topics
    assert topics[0].evidence[0] == "医药企业"


def test_foreign_voices_and_visiting_journalists_are_foreign_affairs_but_sport_stays_sport():
    # The conventions: foreign journalists' visits and overseas views of China are 国际, whatever
    # they are about (here a village's old streets, culture words); foreign praise of a team is
    # still sport, and a press conference at home that welcomes 中外记者 is still politics.
    topics = titled(
        (
            "中外媒体记者走访西岭古镇",
            "古镇的老街、古建筑和民俗吸引了游客，千年历史的文化遗产保护得很好，非遗展演精彩纷呈。"
            * 3,
        ),
        (
            "外媒盛赞中国女排",
            "女排联赛决赛中，主教练排兵布阵，球员发挥出色，以3比1击败对手夺得冠军。" * 3,
        ),
        (
            "市人大会议下月开幕 欢迎中外记者采访",
            "东港市人大常委会定于下月召开市人代会，会期三天，审议政府工作报告和人事任免事项。" * 3,
        ),
    )
    assert [t.label for t in topics] == ["国际", "体育", "时政"], topics
    assert topics[0].evidence[0] == "中外媒体"


def test_foreign_place_as_a_detail_or_in_sport_does_not_move_the_story():
    detail = Article(
        id="d",
        title="市法院公开宣判一起诈骗案",
        body=["被告人张某冒充律师行骗，他曾在美国留学" + FOREIGN_BODY],
    )
    sport = Article(
        id="s",
        title="中国队客场战胜日本队",
        body=[
            "本报东京电 足球世界杯预选赛，中国队以2比1获胜，球员发挥出色，主教练赛后表示满意。" * 2
        ],
    )
    headline = Article(id="h", body=["美国轿车销量排行榜出炉，SUV车型热销"])
    # A meeting with a foreign company's guests is not one with a foreign official.
    guests = Article(
        id="g",
        title="副省长会见美国客人",
        body=[
            "双方签署合作项目，企业投资建设生产基地，项目投产后年产值可达十亿元，带动上下游产业发展。"
            * 3
        ],
    )
    # 电 in a company name is not a dateline's 电: 美国 here is not the subject.
    company = Article(id="c", title="国内运营商与美国电信企业签署合作协议", body=guests.body)
    # 海外 (overseas) says where a market is, not who acts: a fund report stays 经济.
    overseas = Article(
        id="o",
        body=["海外股市上涨带动基金净值回升，投资者关注资产配置，分析人士认为行情仍将震荡。" * 3],
    )
    labels = [
        t.label
        for t in default_keyword_classifier().classify(
            [detail, sport, headline, guests, company, overseas]
        )
    ]
    assert labels == ["法治", "体育", "经济", "经济", "经济", "经济"]
    # 朝鲜族 is a Chinese ethnic group: 朝鲜 inside it is not a foreign subject.
    villagers = Article(
        id="k",
        title="朝鲜族村民种水稻增收",
        body=["朝鲜族村民今年扩大水稻种植面积，合作社统一收购，亩产量提高，农民收入明显增加。" * 4],
    )
    assert default_keyword_classifier().classify([villagers])[0].label == "农业农村"


def test_a_story_set_in_the_past_is_culture():
    # History and folk tales are 文化 though told in family words; a family story today stays 社会.
    past = Article(id="p", body=["古代女子如何对付丈夫纳妾，婆媳之间又怎样相处"])
    today = Article(id="t", body=["女子如何对付丈夫出轨，婆媳之间又怎样相处"])
    labels = default_keyword_classifier().classify([past, today])
    assert [t.label for t in labels] == ["文化", "社会"] and labels[0].evidence[0] == "古代"


@pytest.mark.parametrize(
    "title, opening, label",
    [
        ("我国历史上首次全国居民健康普查启动", "这是我国历史上首次开展此类普查。", "卫生健康"),
        ("经第三国转运的药品走私案告破", "警方破获一起经第三国转运的走私药品案。", "法治"),
        ("大清早排队挂号", "大清早，医院门口就排起了长队。", "卫生健康"),
    ],
)
def test_look_alikes_of_the_past_do_not_make_a_story_culture(title, opening, label):
    # 历史上首次 is a record, 第三国 a third country (not 三国), 大清早 early morning (not 大清):
    # none sets the story in the past.
    body = "医院组织医生开展义诊，为患者免费体检，检察院已对走私嫌疑人提起公诉。" * 2
    topic = default_keyword_classifier().classify(
        [Article(id="p", title=title, body=[opening + body])]
    )[0]
    assert topic.label == label, topic


def test_an_opening_is_cut_at_a_break_not_inside_a_word():
    # 78 characters of a court case, then a football club whose name holds 西汉 (a dynasty, the
    # past setting): cut at 80 characters, the opening would end on 西汉.
    court = "临江市人民法院审理一起家庭纠纷案件，原告陈岩与被告周海系夫妻关系，双方因离婚财产分割"
    court += "和子女抚养问题诉至法院，法官前后多次组织了调解，当事人当庭达成和解协议，"
    assert len(court) == 78
    article = Article(id="c", title="一场家庭纠纷", body=[court + "西汉姆联队球迷也来围观。"])
    assert article_texts(article).openings[1].endswith("西汉姆联队球迷也来围观")
    topic = default_keyword_classifier().classify([article])[0]
    assert topic.label == "法治" and "西汉" not in topic.evidence, topic
    # No break within reach after the limit: the cut falls after the term that straddles it.
    crowd = "西汉姆联队球迷和附近居民以及闻讯赶来的不少街坊邻居也都来到法庭外面围观。"
    article = Article(id="c", title="一场家庭纠纷", body=[court + crowd])
    clf = default_keyword_classifier()
    assert article_texts(article, matcher=clf.matcher).openings[1].endswith("西汉姆")
    topic = clf.classify([article])[0]
    assert topic.label == "法治" and "西汉" not in topic.evidence, topic


def test_a_leader_as_subject_makes_a_lifestyle_story_politics():
    # Who acts: a leader starting the headline outweighs the meal words the story is told in.
    meal = ["晚饭只有两个家常菜和一碗米饭，饺子和红烧肉都不上桌，厨师照做。" * 5]
    leader = Article(id="l", title="县委书记的家常菜", body=meal)
    family = Article(id="f", title="邻居大姐的家常菜", body=meal)
    topics = default_keyword_classifier().classify([leader, family])
    assert [t.label for t in topics] == ["时政", "生活"]
    assert topics[0].evidence[0] == "县委书记"


@pytest.mark.parametrize(
    "first, label",
    [
        ("小事见真情。", "时政"),  # a one-line hook
        ("本报评论员", "时政"),  # a byline alone
        # A first paragraph that tells a story of its own is the opening: the leader is a detail.
        ("西岭镇的老街坊们一早就忙着贴春联、挂灯笼，盼着亲戚上门。", "生活"),
    ],
)
def test_a_hook_or_byline_first_paragraph_leaves_the_subject_to_the_next(first, label):
    # Who acts is read after a one-line hook or a byline, as it is after a dateline: the leader
    # visiting a family makes the story told in meal words politics.
    visit = "县委书记来到临江市周海家，与一家人边包饺子边拉家常，问起今年的收成和孩子的学业。"
    meal = "饺子、红烧肉和家常菜摆上桌，厨房里热气腾腾，一家人围坐吃午饭。" * 3
    article = Article(id="h", title="暖心的年夜饭", body=[first, visit, meal])
    topic = default_keyword_classifier().classify([article])[0]
    assert topic.label == label, topic
    if label == "时政":
        assert topic.evidence[0] == "县委书记"


@pytest.mark.parametrize(
    "headline, term, label",
    [
        ("公牛主场击败尼克斯", "公牛", "体育"),  # a companion shows the game
        ("勇士还是火箭？", "勇士", "体育"),  # two team names together are a game
        ("火箭残骸落入临江市郊外", "火箭", "科技"),  # without one, 火箭 is a rocket
        ("科目二考试有哪些技巧", "考试", "生活"),  # the driving test goes with driving
        ("期末考试安排出炉", "考试", "教育"),
        ("电脑中了病毒怎么办", "病毒", "科技"),
        ("流感病毒进入高发期", "病毒", "卫生健康"),
    ],
)
def test_a_word_with_two_senses_counts_for_the_one_its_companions_show(headline, term, label):
    # The word counts for that sense's label alone, not for its other listed labels too.
    clf = default_keyword_classifier()
    _, contributions = clf.scores(Article(id="s", body=[headline]))
    labels = {clf.taxonomy.names[i] for i, terms in contributions.items() if term in terms}
    assert labels == {label}, contributions


@pytest.mark.parametrize(
    "headline, label, evidence",
    [
        # 越野 alone is an off-road car (经济); a cross-country race or orienteering is sport.
        ("临江大学举办定向越野赛", "体育", "定向越野"),
        ("西岭镇山地越野赛开跑", "体育", "越野赛"),
        ("硬派越野降价促销", "经济", "硬派越野"),
    ],
)
def test_a_cross_country_race_is_sport_and_an_off_road_car_is_economy(headline, label, evidence):
    topic = default_keyword_classifier().classify([Article(id="y", body=[headline])])[0]
    assert topic.label == label and evidence in topic.evidence, topic


@pytest.mark.parametrize(
    "text, term, label",
    [
        # A flaw in epidemic control is no computer's: the virus stays health news.
        ("临江市严防病毒扩散，堵住防控漏洞，医院加强发热门诊管理。", "病毒", "卫生健康"),
        # A champion of any contest, a share of a herd: no game around the team names.
        ("抗疫勇士获评全国冠军", "勇士", None),
        ("西岭镇三分之一的公牛已出栏", "公牛", None),
        # A listed term of the sense's label that holds a companion shows the sense: the
        # computer in 平板电脑, the game in 季后赛首轮, 场均得分, 篮球场.
        ("平板电脑中了病毒怎么办", "病毒", "科技"),
        ("笔记本电脑感染病毒后数据丢失", "病毒", "科技"),
        ("火箭季后赛首轮告负", "火箭", "体育"),
        ("勇士场均得分下滑", "勇士", "体育"),
        ("骑士在篮球场上", "骑士", "体育"),
        # One of another label (运载火箭, 科技) or a look-alike (热火朝天) shows no game.
        ("临江市火箭爱好者参观运载火箭总装车间", "火箭", "科技"),
        ("抗疫勇士们干得热火朝天", "勇士", None),
    ],
)
def test_common_or_longer_words_do_not_show_a_sense(text, term, label):
    clf = default_keyword_classifier()
    _, contributions = clf.scores(Article(id="c", body=[text]))
    labels = {clf.taxonomy.names[i] for i, terms in contributions.items() if term in terms}
    assert labels == ({label} if label else set()), contributions


def test_a_team_name_without_companions_is_no_evidence_for_sport():
    # A bull on a farm, a delivery rider: neither the term nor the headline's nouns vote 体育.
    clf = default_keyword_classifier()
    for headline, term in (("西岭镇一头公牛重达一吨", "公牛"), ("骑士送餐途中迷路", "骑士")):
        article = Article(id="b", body=[headline])
        _, contributions = clf.scores(article)
        assert all(term not in terms for terms in contributions.values()), contributions
        assert clf.classify_one(article).label != "体育", headline


def test_the_senses_hold_only_listed_terms_and_known_labels():
    from briefing.topics.terms import default_senses

    taxonomy = default_taxonomy()
    for sense in default_senses():
        assert sense.label in taxonomy.names and sense.companions
        assert all(term in listed_terms() for term in sense.terms), sense.name


def test_no_term_straddles_common_word_boundaries():
    # Substring matching finds 国学 in 中国学生, 名家 in 数千名家长, 国公 in 中国公民: such
    # terms are listed only in longer, unambiguous forms (国学经典, 书画名家).
    clf = default_keyword_classifier()
    students = clf.classify([Article(id="s", body=["中国学生赴美留学人数创新高"])])[0]
    parents, citizens = clf.classify(
        [Article(id="p", body=["数千名家长排队报名"]), Article(id="c", body=["中国公民出境提醒"])]
    )
    assert students.label == "教育" and "国学" not in students.evidence
    assert "名家" not in parents.evidence and "国公" not in citizens.evidence
    # Terms that straddle words in everyday text are listed only in longer forms (门将 in 部门将,
    # 天后 in 3天后, 入学 in 深入学习, 内存 in 国内存在, 日出 in 5日出台, 高一 in 提高一, ...).
    for text, straddler in [
        ("有关部门将加强市场监管", "门将"),
        ("3天后公布评选结果", "天后"),
        ("深入学习贯彻会议精神", "入学"),
        ("国内存在的问题仍然不少", "内存"),
        ("新规5日出台", "日出"),
        ("进一步提高一线职工收入", "高一"),
        ("发展地方特色产业", "方特"),
        ("玉兔二号巡视器结束月夜休眠", "巡视"),  # the rover, not an inspection tour
        ("中国青年志愿者协会成立", "国青"),
        ("西岭镇新开一家私立医院", "家私"),
        ("今年化妆品销量增长", "年化"),
        ("临江市民递交房产证复印件", "交房"),
        ("我国安装光伏板数量居首", "国安"),
        ("周海围着火堆讲故事", "着火"),
        ("今年报名人数再创新高", "年报"),
        ("东港市车载客量增长", "车载"),
    ]:
        _, contributions = clf.scores(Article(id="w", body=[text]))
        assert all(straddler not in terms for terms in contributions.values()), (text, straddler)
    # A holiday beside duty words is found the same way: no holiday straddles these sentences,
    # whose duty words leave them in their field.
    for text in [
        "全国庆祝建党百年，民警坚守岗位破获电信诈骗案",  # 国庆
        "中国庆祝植树节，医护人员坚守一线抗击疫情",
        "韩国庆州民警坚守岗位破获诈骗案",
        "民警坚守岗位超过年度目标破获电信诈骗案",  # 过年
        "医护人员坚守一线，今年夜间门诊量翻番",  # 年夜
        "乡村教师坚守一线三十年，青春运动会上带队",  # 春运
        "西岭镇民警坚守岗位破获诈骗案，最大年龄的一位已五十九岁",  # 大年
        "西岭镇医生坚守一线，今年三十岁的陈岩主动请缨",  # 年三十
    ]:
        topic = clf.classify([Article(id="h", body=[text])])[0]
        assert topic.label != "社会", (text, topic)
    # A setting's terms are found the same way: 民国 (a past setting) is not in 全民国家安全教育日.
    safety = clf.classify([Article(id="n", body=["全民国家安全教育日：居民学习法律知识"])])[0]
    assert safety.label == "法治" and "民国" not in safety.evidence, safety


def test_a_term_inside_a_look_alike_word_is_not_found():
    # 引力 in 吸引力, 热火 (a team) in 热火朝天, 钉钉 (an app) in 钉钉子, 入春 in 进入春运: the
    # look-alike words carry no label and hide the term; the term alone still counts.
    clf = default_keyword_classifier()
    for text, hidden in [
        ("临江市文旅项目吸引力持续提升", "引力"),
        ("西岭镇工地上热火朝天", "热火"),
        ("发扬钉钉子精神抓落实", "钉钉"),
        ("进入春运以来客流持续增长", "入春"),
    ]:
        _, contributions = clf.scores(Article(id="l", body=[text]))
        assert all(hidden not in terms for terms in contributions.values()), text
    spring = clf.classify([Article(id="s", body=["入春以来气温偏高，降水偏少"])])[0]
    assert spring.label == "生态环境" and "入春以来" in spring.evidence, spring


def test_the_look_alikes_are_unlisted_words_that_hold_a_listed_term():
    from briefing.topics.terms import lookalikes

    listed = {term for term, pairs in default_keyword_classifier().weights.items() if pairs}
    for word in lookalikes():
        assert word not in listed_terms(), word
        parts = {word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1)}
        assert parts - {word} & listed, word


def test_leaders_named_in_a_sector_story_do_not_make_it_politics():
    # Who is mentioned is not what the story is about: the leaders' instructions open a report on
    # relics and museums, which is culture (the taxonomy: a leader's meeting on a sector -> the sector).
    body = "党中央、国务院高度重视，习近平总书记、李克强总理多次作出指示，中共中央办公厅印发意见。今年博物馆新增藏品，考古发掘取得进展。"
    topic = default_keyword_classifier().classify(
        [Article(id="r", title="文物保护取得新进展", body=[body])]
    )[0]
    assert topic.label == "文化" and topic.runner_up == "时政"


def test_the_matcher_gives_where_each_term_is_leftmost_longest():
    from briefing.topics.terms import TermMatcher

    matcher = TermMatcher(["人民币", "人民", "军", "nba"])
    text = "nba球星用人民币买军舰"
    assert matcher.spans(text) == [(6, 9), (10, 11)]  # 人民币 alone, not also 人民; Latin left out
    assert matcher.find(text) == ["nba", "人民币", "军"]


def test_body_split_does_not_cut_a_term():
    from briefing.topics.keywords import LEAD_CHARS, article_fields

    text = "甲" * (LEAD_CHARS - 2) + "党性修养，乙。"
    parts = [part for part, _ in article_fields(Article(id="s", title="t", body=[text]))]
    assert any("党性修养" in part for part in parts)


def test_empty_text_is_fallback_with_score_zero_and_no_evidence():
    topic = default_keyword_classifier().classify([Article(id="e")])[0]
    assert (topic.label, topic.score, topic.evidence, topic.runner_up) == ("社会", 0.0, [], None)


def test_no_evidence_is_fallback_with_low_score():
    topic = default_keyword_classifier().classify([Article(id="n", body=["嗯。"])])[0]
    assert topic.label == "社会" and topic.evidence == [] and 0 < topic.score < 0.2


@pytest.mark.parametrize(
    "text, label, evidence",
    [
        # Nothing listed, but the noun 羽毛 is a part of sport terms (羽毛球): it votes for sport.
        ("羽毛拍怎么选", "体育", ["羽毛"]),
        # No noun votes, but the headline names a place: the named_place_or_person setting files
        # it under 文化 (travel, local history).
        ("泉州这个地方怎么样？", "文化", ["泉州"]),
        # Nor a place, but a person (tag nr): most likely a celebrity, 文化.
        ("孙丽华这些年去哪了", "文化", ["孙丽华"]),
        # A transliterated name (tag nrt) is a person too.
        ("托马斯这些年去哪了", "文化", ["托马斯"]),
        # A reporter named in the dateline's bracket is not what the story is about.
        ("本报讯（记者王明）他们说这个问题要好好处理一下。", "社会", []),
    ],
)
def test_no_listed_term_lets_the_headline_nouns_and_places_vote(text, label, evidence):
    # The voting word is the evidence and the score stays low.
    clf = default_keyword_classifier()
    article = Article(id="n", body=[text])
    assert not any(clf.scores(article)[0])
    topic = clf.classify([article])[0]
    assert (topic.label, topic.evidence) == (label, evidence) and topic.score < 0.2


def test_scant_evidence_lets_the_headline_nouns_and_places_vote_beside_it():
    clf = default_keyword_classifier()
    # One weak term (未来, 科技) is all that is listed: the place votes beside it and wins.
    scant = Article(id="s", body=["泉州的未来会怎样？"])
    assert 0 < max(clf.scores(scant)[0]) <= 1.0
    topic = clf.classify([scant])[0]
    assert (topic.label, topic.evidence, topic.runner_up) == ("文化", ["泉州"], "科技")
    # A stronger term keeps its label: the place does not vote.
    topic = clf.classify([Article(id="m", body=["泉州的股民怎么样？"])])[0]
    assert topic.label == "经济" and "泉州" not in topic.evidence


def test_a_taxonomy_without_the_place_label_gives_a_place_only_item_the_fallback():
    clf = KeywordClassifier(taxonomy=parse_taxonomy("[[label]]\nname = '社会'\n"))
    topic = clf.classify([Article(id="p", body=["泉州这个地方怎么样？"])])[0]
    assert (topic.label, topic.evidence) == ("社会", [])


def test_a_feature_that_names_its_subject_late_is_read_that_far():
    # A feature may open with a long scene; its subject named after 2,000 characters still counts.
    scene = "甲乙丙丁。" * 400
    topic = default_keyword_classifier().classify(
        [Article(id="f", body=[scene, "足球联赛冠军。"])]
    )[0]
    assert topic.label == "体育"


def test_deterministic():
    first = [t.to_dict() for t in KeywordClassifier().classify(written_articles())]
    assert first == [t.to_dict() for t in KeywordClassifier().classify(written_articles())]


@pytest.mark.skipif(
    not (SAMPLES / "articles.jsonl").exists(), reason="samples/articles.jsonl not written yet"
)
def test_classify_samples_sets_topic_on_each_article():
    articles = classify(read_articles(SAMPLES / "articles.jsonl"))
    labels = set(default_taxonomy().names)
    assert all(a.topic is not None and a.topic.label in labels for a in articles)
    assert sum(bool(a.topic.evidence) for a in articles) >= len(articles) - 1
    assert len({a.topic.label for a in articles}) >= 4  # a varied page is not one topic


# --- trained classifier -----------------------------------------------------------------------


def write_labelled(path: Path, rows: list[tuple[str, str]]) -> None:
    path.write_text(
        "".join(json.dumps({"text": t, "topic": l}, ensure_ascii=False) + "\n" for t, l in rows),
        encoding="utf-8",
    )


TRAIN_ROWS = [
    ("球队主场击败对手晋级决赛", "体育"),
    ("运动员夺得冠军打破纪录", "体育"),
    ("足球联赛第五轮比赛结束", "体育"),
    ("篮球队客场取胜球员得分", "体育"),
    ("医院开展义诊活动医生为患者服务", "卫生健康"),
    ("医生提醒患者注意预防流感", "卫生健康"),
    ("医院新建门诊楼方便患者就医", "卫生健康"),
    ("疾控中心提醒接种疫苗医生讲解", "卫生健康"),
    ("学校开学学生返校老师上课", "教育"),
    ("高考考生填报志愿学校招生", "教育"),
    ("老师带领学生开展课外阅读", "教育"),
    ("学生在学校参加考试", "教育"),
]


def test_train_round_trip(tmp_path):
    data, model_path = tmp_path / "train.jsonl", tmp_path / "m.json"
    write_labelled(data, TRAIN_ROWS)
    model = train_file(data, model_path)
    saved = json.loads(model_path.read_text(encoding="utf-8"))
    assert saved["format"] == "briefing-topic-model" and saved["format_version"] == 2
    assert saved["method"] == "complement-naive-bayes"
    assert saved["taxonomy"]["labels"] == default_taxonomy().names
    assert model_path.stat().st_size < 200_000
    clf = TrainedClassifier(model=model_path)
    articles = [Article(id=str(i), body=[t]) for i, (t, _) in enumerate(TRAIN_ROWS)]
    topics = clf.classify(articles)
    assert [t.label for t in topics] == [label for _, label in TRAIN_ROWS]
    assert all(t.method == "trained" and t.evidence for t in topics)
    assert load_model(model_path).labels == model.labels
    # A topic model in the settings means the trained classifier.
    pipeline = Pipeline(BuildConfig(topic_model=str(model_path)))
    via_library = classify([Article(id="q", body=["球员比赛得分"])], classifier=pipeline.classifier)
    assert via_library[0].topic.label == "体育"


def test_unknown_label_in_training_file_names_the_line(tmp_path):
    data = tmp_path / "train.jsonl"
    write_labelled(data, [("球队获胜", "体育"), ("奇怪", "八卦")])
    with pytest.raises(InputError, match=r"train.jsonl:2: unknown label '八卦'"):
        train_file(data, tmp_path / "m.json")
    assert not (tmp_path / "m.json").exists()


def test_bad_model_file_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a briefing topic model"):
        TrainedClassifier(model=bad)
    old = tmp_path / "old.json"
    old.write_text('{"format": "briefing-topic-model", "format_version": 1}', encoding="utf-8")
    with pytest.raises(ConfigError, match="retrain"):
        TrainedClassifier(model=old)
    with pytest.raises(ConfigError, match="needs a model"):
        classifiers.resolve("trained")


# --- CLI --------------------------------------------------------------------------------------


def articles_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"t{i}", "title": t, "text": b}, ensure_ascii=False) + "\n"
            for i, (t, b, _) in enumerate(WRITTEN)
        ),
        encoding="utf-8",
    )
    return path


def test_cli_classify_json_and_jsonl(tmp_path):
    runner = CliRunner()
    source = articles_file(tmp_path)
    result = runner.invoke(app, ["classify", str(source)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"issue", "articles"}
    assert [a["topic"]["label"] for a in data["articles"]] == [label for _, _, label in WRITTEN]
    assert data["articles"][0]["title"] == WRITTEN[0][0]
    result = runner.invoke(app, ["classify", str(source), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(line) for line in lines] == [{"id", "topic"}] * len(WRITTEN)
    assert lines[2]["topic"]["label"] == "安全应急" and lines[2]["topic"]["evidence"]


def test_cli_bad_taxonomy_exits_2(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.toml"
    bad.write_text("name = 'x'\n", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "classify",
            str(articles_file(tmp_path)),
            "--taxonomy",
            str(bad),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "malformed taxonomy" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_cli_train_and_eval(tmp_path):
    runner = CliRunner()
    data, model_path = tmp_path / "train.jsonl", tmp_path / "m.json"
    write_labelled(data, TRAIN_ROWS)
    result = runner.invoke(app, ["train-topics", str(data), "-o", str(model_path)])
    assert result.exit_code == 0, result.output
    assert model_path.exists()
    result = runner.invoke(
        app, ["eval", "topics", str(data), "--topic-model", str(model_path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)[0]
    assert report["accuracy"] == 1.0 and report["n"] == len(TRAIN_ROWS)
    result = runner.invoke(app, ["eval", "topics", str(data)])
    assert result.exit_code == 0 and "strict=" in result.stdout and "macro-F1=" in result.stdout


def test_eval_reports_per_label_confusion():
    from briefing.records import Topic
    from briefing.evaluate.topics import score
    from briefing.topics.labelled import LabelledItem

    golds = [("文化", []), ("文化", []), ("文化", ["社会"]), ("经济", []), ("经济", [])]
    predicted = ["文化", "社会", "社会", "科技", "经济"]
    items = [
        LabelledItem(str(i), Article(id=str(i)), gold, alts) for i, (gold, alts) in enumerate(golds)
    ]
    report = score(items, [Topic(label=p, score=1.0) for p in predicted])
    # The alternate counts as right (credited as the gold label); the rest shows where items went.
    assert report.confusion == {"文化": {"文化": 2, "社会": 1}, "经济": {"科技": 1, "经济": 1}}
    text = report.format()
    assert "文化: 2/3 right" in text and "labelled 社会 1" in text and "经济: 1/2 right" in text
    assert report.to_dict()["confusion"]["经济"] == {"科技": 1, "经济": 1}


def test_eval_counts_the_keyword_classifiers_errors_by_how_the_scores_stood():
    from briefing.evaluate.topics import error_kind, evaluate
    from briefing.topics.labelled import LabelledItem

    cases = [  # headline, right label, how the scores stand
        ("他们说这个问题要好好处理一下。", "经济", "no listed term"),
        ("女排联赛决赛落幕", "经济", "right label without evidence"),  # 体育 only
        ("紧急提醒！股民注意这三件事", "安全应急", "close"),  # 经济 3, 安全应急 2
        ("女排联赛决赛落幕", "体育", None),  # right
    ]
    items = [
        LabelledItem(str(i), Article(id=str(i), body=[text]), gold, [])
        for i, (text, gold, _) in enumerate(cases)
    ]
    report = evaluate(items, KeywordClassifier(), name="written")
    assert [e["kind"] for e in report.errors] == [kind for _, _, kind in cases if kind]
    assert report.error_kinds == {
        "no listed term": 1,
        "right label without evidence": 1,
        "close": 1,
    }
    assert "errors by how the scores stood: " in report.format()
    assert error_kind([9.0, 4.0, 0.0], [1]) == "far behind"
    assert error_kind([9.0, 4.0, 0.0], [2, 1]) == "far behind"
    assert error_kind([9.0, 4.5, 0.0], [1]) == "close"


def test_eval_half_splits_by_id_hash(tmp_path):
    import hashlib

    from briefing.evaluate.topics import half_of
    from briefing.topics.labelled import read_labelled

    data = tmp_path / "dev.jsonl"
    write_labelled(data, TRAIN_ROWS)
    items = read_labelled(data)
    halves = [half_of(items, 0), half_of(items, 1)]
    assert sorted(i.id for h in halves for i in h) == sorted(i.id for i in items) and all(halves)
    assert all(int(hashlib.md5(i.id.encode()).hexdigest(), 16) % 2 == 1 for i in halves[1])
    with pytest.raises(InputError):
        half_of(items, 2)
    result = CliRunner().invoke(
        app, ["eval", "topics", str(data), "--half", "1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["n"] == len(halves[1])


@pytest.mark.parametrize(
    "article",
    [
        Article(id="a", title="国务院召开常务会议", body=["会议研究部署稳就业工作。"]),
        Article(id="b", title="春风拂面", body=[]),  # no listed term: the nouns vote
        Article(id="c", title="", body=[]),
    ],
)
def test_deciding_from_scores_read_already_is_classifying(article):
    classifier = default_keyword_classifier()
    assert classifier.decide(article, *classifier.scores(article)) == classifier.classify_one(
        article
    )
