"""How Chinese newspapers print the parts of an article that are not its text: datelines and
the news agencies that open them, bylines, captions, photo credits and column tags.

Defined once, as regular-expression pieces, for every stage that has to recognise them: the
text splitter (:mod:`briefing.split.lines`), the layout reader (:mod:`briefing.read.layout.roles`),
the summarizer's sentence reader (:mod:`briefing.summarize.sentences`) and the dedupe evaluation.
Patterns apply to width-folded text (:func:`briefing.text.fold_width`) unless a caller says not.
"""

from __future__ import annotations

import re

# Who files a story, as a dateline names it: 本报拉萨讯, 新华社北京1月4日电, 据中新社…电.
AGENCIES = (
    "本报",
    "本刊",
    "新华社",
    "中新社",
    "中国新闻社",
    "中新网",
    "人民日报",
    "人民网",
    "新华网",
    "央视网",
    "法制日报",
    "经济日报",
    "光明日报",
)
# Longest first, so that an alternation never stops at a shorter name inside a longer one.
AGENCY = "(?:" + "|".join(sorted(AGENCIES, key=len, reverse=True)) + ")"
# The words that end a dateline: 讯 (a paper's own report), 电 (a wire or correspondent's).
DATELINE_END = "[讯电]"
# A date as a letter, a speech or a decree prints it: 2026年3月5日, 二〇二六年三月五日, 2026年岁暮.
DATE = r"(?:\d{4}|[一二三四五六七八九〇零]{4})\s*年(?:\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|岁[暮末])"
# A date alone on a line (2026年3月5日, （二〇二六年三月五日）): under a headline or closing a letter
# or a decree, it names no one and states no news.
DATE_ONLY_RE = re.compile(rf"^[（(]?{DATE}[)）]?$")
# The marks a kicker (引题) ends on to run into the main title under it: a dash or a colon
# (外交部发言人——, 临江市律师协会：).
KICKER_DASH = r"[—－-]{1,2}"
KICKER_MARK = rf"(?:{KICKER_DASH}|[：:])"
# The verbs saying that someone spoke a kicker ends on (周海在西岭镇考察时强调): a closed list,
# narrower than summarize.verbs.SPEECH_VERBS (with all of those, a title line ending on 提出
# over a deck became a kicker on one dev page).
KICKER_SPEECH = "(?:指出|强调|表示)"
# A headline line that introduces the next one by its dash or a speech verb; alone, a line
# ending on a colon is a label or a salutation as often.
DASH_OR_SPEECH_END_RE = re.compile(rf"(?:{KICKER_DASH}|{KICKER_SPEECH})$")
# A headline line that only introduces the next one: a kicker's mark or a speech verb. A title
# never ends so; a line under it is the main title.
KICKER_END_RE = re.compile(rf"(?:{KICKER_MARK}|{KICKER_SPEECH})$")
# Who wrote it, as a byline or a dateline's bracket names them: 本报记者 X, 通讯员 X.
REPORTERS = ("记者", "通讯员")
REPORTER = "(?:" + "|".join(REPORTERS) + ")"
# What makes 记者 or 通讯员 part of another noun (记者招待会, 记者节, 记者站, 通讯员协会), so that no
# reporter is named: put after the word.
NOT_A_REPORTER = "(?!招待会|会|节|站|证|协会)"
# The author note after a signed article: （作者为……）, （作者系……）, （本文作者是……). Its opening
# and the words that say who the author is; the splitter reads the note by them, the commentary
# recognition too (which also reads （作者单位：……）, a workplace rather than who).
AUTHOR_NOTE_OPENING = "[(（](?:本文)?作者"
AUTHOR_NOTE_KINDS = "为|系|是"
# The words that end a photo or graphic credit: X摄, X供图, X制图, X绘.
CREDIT_MARK = "(?:摄|供图|制图|绘)"
# Labels a paper prints over a photo, or a box of them, where a headline would stand: they name
# the column, not the news. The text splitter's line features read the first three (its shipped
# model was trained so): :data:`SPLITTER_PHOTO_BOX_LABELS`.
PHOTO_BOX_LABELS = (
    "图片报道",
    "图片新闻",
    "新闻图片",
    "摄影报道",
    "图片故事",
    "图说",
    "图说新闻",
    "新闻图说",
)
SPLITTER_PHOTO_BOX_LABELS = PHOTO_BOX_LABELS[:3]
# Labels of a box printed inside an article's span, beside its text: a sidebar of links,
# background or tips (相关链接, 名词解释, 小贴士: the X链接 and X贴士 families Chinese papers
# print), or a short biography (人物简介). The box tells the reader more; it is not what the
# article reports. A label that heads a part of the story itself (背景故事, 记者手记, 点评 in a
# series of stories and comments) is not listed, nor one a line of the text may open with
# (温馨提示, a bare 链接 or 贴士).
SIDEBAR_LABELS = (
    "相关链接",
    "背景链接",
    "新闻链接",
    "资料链接",
    "知识链接",
    "延伸阅读",
    "新闻背景",
    "小贴士",
    "出行贴士",
    "服务贴士",
    "名词解释",
    "背景资料",
    "相关资料",
    "小资料",
)
BIO_LABELS = ("人物简介", "作者简介", "人物小传", "个人简介", "个人简历", "人物档案")
# A note printed under an item, in brackets when it closes one (［附记：……］, 【编者注：……】).
NOTE_LABELS = ("附记", "附注", "注", "编者注")
# A label printed at the head of a paragraph, before a colon or in brackets (附记：……, 【链接】……,
# 快讯：……, 注：……): it says what kind of paragraph follows and is no word of its sentence. A
# sidebar's or a biography's label is one too. A word that only opens a sentence's grammar
# (背景是……, 提示我们……) has no colon after it, and stays.
LINE_LABELS = (
    *NOTE_LABELS,
    "附言",
    "链接",
    "背景",
    "编后",
    "编者按",
    "编者的话",
    "快讯",
    "简讯",
    "短讯",
    "提示",
    "温馨提示",
    "贴士",
    *SIDEBAR_LABELS,
    *BIO_LABELS,
)
# The labels as alternations, longest first (相关链接 before 链接, 编者注 before 注).
SIDEBAR_LABEL = "|".join(sorted(SIDEBAR_LABELS, key=len, reverse=True))
BIO_LABEL = "|".join(sorted(BIO_LABELS, key=len, reverse=True))
NOTE_LABEL = "|".join(sorted(NOTE_LABELS, key=len, reverse=True))
LINE_LABEL = "|".join(sorted(LINE_LABELS, key=len, reverse=True))
# Days named by their date (五一 for 1 May, 十一 for 1 October): 五一、国庆假期…… names holidays.
HOLIDAY_NUMERALS = ("三八", "五一", "五四", "六一", "七一", "八一", "十一")
# The number of an item of a list printed before its text (1. 全国……, ５、……, 三、……): not 1.4万
# nor 一、二季度 (a figure, a span), nor a holiday's name (五一、国庆……; so no eleventh item 十一、);
# with a paragraph's bracketed number (（二）……) too.
LIST_NUMBER = (
    r"(?:[\d０-９]{1,2}[.．、](?![\d０-９])"
    rf"|(?!(?:{'|'.join(HOLIDAY_NUMERALS)})、)[一二三四五六七八九十]{{1,2}}、(?![一二三四五六七八九十]))"
)
PARAGRAPH_NUMBER = rf"(?:{LIST_NUMBER}|[(（][\d一二三四五六七八九十]{{1,2}}[)）])"
# A caption's opening: 图①：…, 图为…, 上图：…, 题图.
CAPTION_OPENING = (
    r"(?:图\s*[①-⑳\d一二三四五六七八九十]+\s*[:：]|图为|[上下左右中]图(?:为|[:：])|图\s*[:：]|题图)"
)
CAPTION_RE = re.compile("^" + CAPTION_OPENING)
# Characters of a line listed under an entry (a 速览 box's brief, a photo box's further photo)
# kept before it is cut with …
ITEM_MAX = 60
# The number of an item in a box of several (1、…, （2）…, ③…), as a box of photos numbers
# its captions: 1、图为… (a decimal, 2.5万名, is no number of an item)
ITEM_NUMBER = r"(?:[(（][\d一二三四五六七八九十]{1,2}[)）]|[\d一二三四五六七八九十]{1,2}(?:、|[.．](?!\d))|[①-⑳])\s*"
# What a caption opens with that only points at its photo (1、图为…, 上图：…, 图②：…): no
# summary or title says it.
CAPTION_MARKS_RE = re.compile(rf"^(?:{ITEM_NUMBER})?{CAPTION_OPENING}\s*[:：]?\s*")
# A mark that an item comes with a photo, printed after its title or as its own line: （图片）,
# （图）, （组图）, （附图片１张）, 附照片2幅. It says nothing of the news.
PHOTO_MARK_RE = re.compile(
    r"[(（]\s*(?:附\s*)?(?:图片|照片|组图|图)(?:\s*[\d一二三四五六七八九十]+\s*[张幅])?\s*[)）]"
    r"|[(（]?附\s*(?:图片|照片)\s*[\d一二三四五六七八九十]+\s*[张幅][)）]?"
)
# A column or series tag closing a title: 需要看清…（江评）, 科技助力 节水有方（走进乡村）.
COLUMN_TAG_RE = re.compile(
    r"^(?P<title>.*[^\s(（])\s*[(（](?P<tag>[\u4e00-\u9fff·“”\d]{2,12})[)）]$"
)

# Common surnames: a name the segmenter cut or did not tag opens on one of these.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤池朴"
)
