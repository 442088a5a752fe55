"""The headline checks against titles cut from a sentence by deleting words: each rule of headline
grammar rejects the broken shape and passes the whole headline it was cut from or beside it."""

from __future__ import annotations

import pytest

from briefing.summarize.headlines import headline_problems


# A headline opens on what it is about, never on the close of a phrase cut from before it: the
# unit of a date (10月8日 -> 月8日), the end of a time clause (……以来, ……后), a measure word
# whose count went (9架客机 -> 架客机) or a post whose holder's body went (政协主席 -> 主席).
@pytest.mark.parametrize(
    "title",
    [
        "月临江市茶叶博览会开幕",
        "日西岭镇举行开茶节",
        "后东港市公交恢复运营",
        "以来西岭镇新建茶园三千亩",
        "架来自临江市的客机平稳降落",
        "主席31日会见东港市代表团",
        "秘书长会见东港市代表团",
        "后东港市茶叶销量翻番",
    ],
)
def test_a_title_opening_on_the_close_of_a_cut_phrase_fails(title):
    assert any("the end of a phrase cut" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "临江市10月8日举办茶博会",
        "日本客商考察西岭镇茶园",
        "东港市公交恢复运营",
        "临江市政协主席王明会见东港市代表团",
        "主席团会议在临江召开",
        "外长王明宣布辞职",
        "天都黑了灯火照亮西岭镇",
        # A post standing alone for a body or a class, or before its holders (们) or 就.
        "委员们审议了预算报告",
        "常委赴基层调研",
        "外长会晤在京举行",
        "发言人就边境问题答问",
        "发言人就临江市茶叶出口答问",
        # 个税: a noun the segmenter cuts in two; 后疫情时代: 后 as the prefix of an era.
        "个税起征点再次提高",
        "后疫情时代经济加快复苏",
    ],
)
def test_a_title_naming_a_date_inside_or_a_word_on_those_characters_passes(title):
    assert headline_problems(title) == []


# A verb that always takes an object (造成, 引发, 听取, 产生) does not end a headline: what was
# caused or heard went with the cut. Verbs an event or a plan can be the subject of (出台, 提高)
# end one.
@pytest.mark.parametrize(
    "title",
    [
        "东港市暴雨对农业生产造成",
        "临江市茶叶新规引发",
        "西岭镇茶农大会听取",
        "西岭镇茶香源于",
        "东港市新到游客来自",
    ],
)
def test_a_title_ending_on_a_verb_without_its_object_fails(title):
    assert any("needs what follows it" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "东港市暴雨造成农田受灾",
        "临江市茶叶新规引发热议",
        "临江市茶叶新规出台",
        "西岭镇茶农收入稳步提高",
        "茶园减产由春旱引起",
        "西岭镇茶艺赛没有金奖产生",
        # The object first, as the subject, with adverbs before the verb; or after 靠.
        "城市总体规划正在制定",
        "经济增长主要靠消费推动",
    ],
)
def test_a_title_with_the_object_or_an_intransitive_verb_passes(title):
    assert headline_problems(title) == []


# Where the older checks find no actor or no verb in them (the segmenter tags 产生 a noun here),
# the object check has nothing to add.
@pytest.mark.parametrize(
    "title", ["改革措施已经采取", "应急预案已经制定", "奥运会首枚金牌产生", "新一届村委会班子产生"]
)
def test_an_object_first_or_a_verb_tagged_a_noun_needs_no_object(title):
    assert not any("needs what follows it" in p for p in headline_problems(title)), title


# 的 joins what describes to the noun it describes: a conjunction, a preposition or a particle
# beside it means the words it joined were cut (东港市和西岭镇的茶农 -> 东港市和的茶农). 了 follows
# the verb it marks, not a place (临江市新建了 -> 临江市了).
@pytest.mark.parametrize(
    "title",
    [
        "东港市和的茶农增收",
        "东港市而的茶园全面扩建",
        "西岭镇的所新建茶厂投产",
        "临江市茶农依照的规定改种新茶",
        "临江市了新建三座茶厂",
        "东港市三中是的重点中学",
        "临江市积极探索并的新路",
    ],
)
def test_a_particle_stranded_by_a_cut_fails(title):
    problems = headline_problems(title)
    assert any("的 beside" in p or "了 after" in p for p in problems), (title, problems)


@pytest.mark.parametrize(
    "title",
    [
        "东港市新建的茶厂投产",
        "西岭镇茶农背回来的并不是茶叶",
        "临江市茶叶增产的同时茶农收入翻番",
        "王明当选劳动模范再好不过的消息传来",
        "西岭镇茶园通过了有机认证",
        # 了 before a count marks a verb the segmenter tags as a place (新建/ns).
        "学校新建了五座教学楼",
    ],
)
def test_a_particle_in_its_phrase_passes(title):
    problems = headline_problems(title)
    assert not any("的 beside" in p or "了 after" in p for p in problems), (title, problems)


# A place or an occasion closed by its localiser (……大会上, ……展区里) is a setting whose 在 was cut:
# nothing happens in it. A figure's bound (300人以上) and a setting with its 于 (置于……中) are whole.
@pytest.mark.parametrize("title", ["西岭镇建镇60周年大会上", "王明出席东港市茶叶节开幕式上"])
def test_a_title_ending_on_a_setting_without_its_coverb_fails(title):
    assert any("whose 在 was cut" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "东港市茶博会观众达到三百人以上",
        "临江市把茶农增收置于工作的中心位置中",
        "件件实事落到群众心坎上",
    ],
)
def test_a_bound_or_a_setting_with_its_coverb_is_not_a_cut_setting(title):
    assert not any("whose 在 was cut" in p for p in headline_problems(title)), title


# The verb of an anniversary (成立 or 结对 before its count of years) names the occasion: a title
# whose only verbs are such is the name of an event, and says nothing happened at it.
@pytest.mark.parametrize(
    "title",
    [
        "临江市茶叶协会成立60周年招待会",
        "东港市与西岭镇结对20周年招待会",
        "临江市茶叶协会成立六十周年大会",
    ],
)
def test_an_anniversary_event_without_an_action_fails(title):
    assert "no action (no verb)" in headline_problems(title), title


@pytest.mark.parametrize(
    "title", ["临江市茶叶协会成立60周年大会开幕", "王明出席临江市茶叶协会成立60周年招待会"]
)
def test_an_anniversary_with_what_happened_at_it_passes(title):
    assert headline_problems(title) == []


# An anniversary counts its years (建市60周年): 周年 without its count lost it in a cut.
def test_an_anniversary_without_its_count_fails():
    assert "周年 without its count of years" in headline_problems("临江市庆祝建市周年大会开幕")
    assert "周年 without its count of years" in headline_problems("东港市隆重庆祝周年大会开幕")
    assert headline_problems("临江市建市60周年大会开幕") == []


# An anniversary with its count closes a headline: 周年 is what the count counts.
@pytest.mark.parametrize("title", ["西岭镇迎来建镇六十周年", "东港市喜迎建市七十周年"])
def test_a_title_ending_on_an_anniversary_with_its_count_passes(title):
    assert headline_problems(title) == []


# 周年庆 is a yearly celebration: it counts no years.
@pytest.mark.parametrize("title", ["商场周年庆吸引大批顾客", "周年庆典在京隆重举行"])
def test_a_yearly_celebration_passes(title):
    assert headline_problems(title) == []


# A statement with nothing stated: 分析 and 承诺 are nouns as well (形势分析, 履行承诺), but after
# who analyses or promises (a named person, an organisation) they are verbs, and what was said is cut.
@pytest.mark.parametrize("title", ["临江市气象台预报员王明分析", "东港市茶企负责人张华承诺"])
def test_an_analysis_or_a_promise_with_nothing_said_fails(title):
    assert any("needs what follows it" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "临江市发布茶叶市场形势分析",
        "西岭镇茶农履行承诺",
        # An appeal someone answers, a promise made in public: nouns.
        "多国响应联合国呼吁",
        "企业作出公开承诺",
    ],
)
def test_an_analysis_or_a_promise_as_a_noun_passes(title):
    assert headline_problems(title) == []


# Verbs whose object is an act (被迫, 试图, 旨在) do not end a headline: the act was cut. Nor does
# 呼吁 after who appeals or the day they did (王明5日呼吁); after 发出 it is a noun.
@pytest.mark.parametrize("title", ["西岭镇茶厂试图", "临江市茶协会长王明5日呼吁"])
def test_a_title_ending_before_the_act_or_the_appeal_fails(title):
    assert any("needs what follows it" in p for p in headline_problems(title)), title


@pytest.mark.parametrize("title", ["东港市茶企被迫停产", "临江市茶协5日发出节约用水呼吁"])
def test_the_act_or_the_appeal_as_a_noun_passes(title):
    assert not any("needs what follows it" in p for p in headline_problems(title)), title


# A count of things (一批, 一系列, 多个) ends no headline: the things counted were cut. After a figure
# the measure is the unit (已达500多份), and after a name 一家 is the family.
@pytest.mark.parametrize(
    "title", ["临江市茶博会迎来了一批", "东港市举行了一系列", "临江市选出一批"]
)
def test_a_count_without_what_it_counts_fails(title):
    assert any("without what it counts" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "参赛茶样已达500多份",
        "东港市茶博会迎来了一批新客商",
        "好消息一个接一个",
    ],
)
def test_a_count_with_its_unit_or_noun_passes(title):
    assert headline_problems(title) == []


# One after another (一个接一个, 一件接着一件), 一些 as "somewhat": no count cut from its noun (the
# older checks find no verb in the last two, which the segmenter tags a conjunction and an adjective).
@pytest.mark.parametrize("title", ["好消息一个接一个", "好事一件接着一件", "今年空气质量好了一些"])
def test_one_after_another_or_somewhat_is_no_count_cut(title):
    assert not any("without what it counts" in p for p in headline_problems(title)), title


# Whole headlines in the shapes the checks for cut phrases read (a post, a measure word or a
# time word opening it; an object verb, an appeal, a count or an anniversary closing it; a
# particle or a setting inside it): no check rejects any of them. A new rule that does is wrong.
GOOD_HEADLINES = [
    "两国外长在京举行会谈",
    "外长会晤在京举行",
    "外长王明宣布辞职",
    "副主席出访欧洲三国",
    "主席团举行第三次会议",
    "常委会审议三部法律草案",
    "负责人谈新规出台背景",
    "委员建言乡村振兴",
    "日产汽车召回十万辆",
    "时隔十年女足再夺冠军",
    "新馆本月起对外开放",
    "月饼销量同比增长两成",
    "份额持续扩大",
    "座谈会在京召开",
    "新博物馆位于市中心广场",
    "参展商来自三十多个国家",
    "病毒源于野生动物",
    "暴雨造成三人死亡",
    "生态保护与经济发展相互促进",
    "新政策带来了更多就业机会",
    "联合国发出紧急呼吁",
    "各方积极回应秘书长呼吁",
    "政府兑现了承诺",
    "市长承诺年底前完成旧城改造",
    "村里来了一批大学生",
    "村民们收获了一批新茶",
    "全市新增五百多个停车位",
    "公司招聘三百名工程师",
    "学校举行建校九十周年庆典",
    "两国举行建交五十周年庆祝活动",
    "古城迎来建城两千五百周年",
    "百姓冷暖挂心上",
    "工人们在工地上加班",
    "孩子们吃了一顿年夜饭",
    "小镇迎来了旅游旺季",
    "公司被迫停产整顿",
    "西岭镇挖掘生态价值",
    "老手艺焕发新价值",
    "志愿者实现人生价值",
    "东港市严控债务总额",
    "临江市公布捐款金额",
    "东港市民踊跃预约",
    "两国企业现场签约",
    "新航线让旅客一站直达",
    "省委精神已传达到基层",
    "老旧小区已全部改造完毕",
    "景区门票将一律免费",
    "问题已全部解决",
    "村民都已搬进新居",
]


@pytest.mark.parametrize("title", GOOD_HEADLINES)
def test_a_whole_headline_in_a_shape_a_cut_check_reads_passes(title):
    assert headline_problems(title) == []


# A value with its amount cut off: 价值 after a verb that hands over, buys or seizes goods opens
# the amount (赠送价值三十万元的设备), and a headline cannot end there.
@pytest.mark.parametrize(
    "title",
    ["东港市向西岭镇赠送价值", "临江市政府向灾区捐赠价值", "东港海关查获价值", "东港市采购总价值"],
)
def test_a_value_without_its_amount_fails(title):
    assert any("without its figure" in p for p in headline_problems(title)), title


# An adverb closing a title has lost the verb it goes with (已全部, 将一律, 均); 全部, 全都 and
# 统统 after an adverb too, which the segmenter files as nouns.
@pytest.mark.parametrize(
    "title",
    [
        "新建小区的充电桩已全部",
        "东港市的项目将全部",
        "临江市的学校已经全部",
        "景区门票将一律",
        "东港市各学校均",
        "西岭镇的旧家具将统统",
        "临江市的村民已全都",
    ],
)
def test_an_adverb_without_its_verb_fails(title):
    assert any("its verb cut off" in p for p in headline_problems(title)), title


# Adverbs that close a clause as its predicate or complement end a headline well.
@pytest.mark.parametrize("title", ["东港市民好评不断", "西岭镇的茶香依然"])
def test_an_adverb_that_closes_a_clause_passes_the_adverb_check(title):
    assert not any("its verb cut off" in p for p in headline_problems(title)), title


# A coverb of manner, basis or role (以, 本着, 经过, 作为……) names how or as what: its phrase,
# however long its modifier (a verb may be inside it, before 的), leads to the verb of the title.
@pytest.mark.parametrize(
    "title",
    [
        "临江茶厂以超过三成的增幅",
        "两市应本着互利共赢的原则",
        "西岭镇茶农经过三十年的艰苦耕耘",
        "东港日报社作为一家负责任的企业",
        "临江市依托港口的区位优势",
        # A verb of saying before the coverb: what is said is the fragment.
        "周海表示要本着互利共赢的原则",
        # A verb right before 的 closes the modifier: it is no verb of the title.
        "西岭镇茶农作为东港培养的茶艺师",
    ],
)
def test_a_manner_coverb_phrase_running_to_the_end_fails(title):
    assert any("without the verb it leads to" in p for p in headline_problems(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "临江茶厂以超过三成的增幅领跑",
        "东港市以开放的姿态迎接客商",
        # A verb after the coverb's phrase, before 的: the title's own.
        "西岭镇经过整治改善茶园的环境",
        "临江市作为试点推广东港的经验",
        # A verb before the coverb: its phrase modifies the object.
        "东港市发布针对外卖平台的新规",
        "周海出席作为重点项目的茶博会",
        "西岭镇开通经过茶园的旅游专线",
        "临江市建成按照国际标准设计的茶叶加工园",
        # 以……为 takes its object as a verb does.
        "西岭镇坚持以茶农为中心的发展思路",
    ],
)
def test_a_manner_coverb_phrase_with_its_verb_passes(title):
    assert headline_problems(title) == [], title


# 为 completing the verb before it (当选为, 选举……为) takes the post as the verb's object: the
# headline is whole. A 为 that opens a phrase with no verb after it is a cut coverb still.
@pytest.mark.parametrize(
    "title",
    [
        "周海当选为东港市市长",
        "临江市人大选举李晓梅为市长",
        "西岭镇确定为重点镇",
        "周海被推选为代表",
    ],
)
def test_wei_completing_the_verb_before_it_is_no_open_coverb(title):
    assert not headline_problems(title), title


# Nor one where the title ends on no noun (……提升为重大), or after a verb that names nothing
# (到, 捐款, 邀请: not one of headlines._NAMING_VERBS): cuts.
@pytest.mark.parametrize(
    "title",
    [
        "东港市为西岭镇茶农",
        "李晓梅为临江市的孩子们",
        "临江市茶叶产业提升为重大",
        "周海到为西岭镇孩子们",
        # After a verb that gives no post or name, 为 names whom the act is for: a cut.
        "东港市爱心企业捐款为西岭镇群众",
        "临江市民捐款为灾区",
        "团市委邀请李晓梅为青年学生",
    ],
)
def test_wei_opening_a_phrase_without_its_verb_fails(title):
    assert any("为…… without the verb it leads to" in p for p in headline_problems(title)), title
