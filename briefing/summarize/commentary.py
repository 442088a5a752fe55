"""Commentary: recognising an opinion piece, and saying who argues in its summary.

A paper prints its commentary in a few conventional ways, all read here:

- under an opinion column: a tag at the end of the title (（钟声）, （人民时评）, （大家手笔）), a
  kicker or a column label; the columns are listed in ``briefing/data/commentary_columns.txt``,
  and 社论, 评论员文章/观察 and any name ending in 时评, 短评, 述评, 评论, 锐评, 热评, 快评, 杂谈,
  随笔 or 随感 is one by its form (but not compiled remarks: 网友热评, 读者评论);
- with a commentator's line (本报评论员, 新华社评论员) as kicker, subtitle, byline, or the first
  or last lines of the body;
- signed by an outside author, with the author note printed after it (（作者为……教授）,
  （作者系……）, （作者单位：……）: split off or in the last lines) or an 执笔 line (执笔：周海): a
  signed article by someone who is not a journalist argues a view (opinion or theory), it does
  not report. A journalist's note (作者为本报记者) is no evidence: signed reportage is news unless
  under a column. An interview (——访……, 对话……, ……答本报记者问) carries its subject's words, not
  an author's, and is not one.

Its summary opens with who argues (钟声文章指出，…; 本报评论员文章认为，…; 周海撰文认为，…;
“人民时评”栏目文章认为，…; 作者认为，…) so that an argument is never forwarded as if it were
reported fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..conventions import AUTHOR_NOTE_KINDS, AUTHOR_NOTE_OPENING, REPORTER
from ..records import Article
from ..split.lines import HAN, is_bare_name
from ..text import tagged
from .compress import TIME_START
from .ranking import BACKGROUND, Scored, adjusted
from .sentences import DECK_MARKS, split_dateline
from .verbs import SPEECH_VERBS

# Commentary by its form, whatever the column's name: 评论员文章/评论员观察, 社论, and a name
# ending in a word for a comment or an essay (人民时评, 国际时评, 现场评论, 金台锐评, 暖闻热评,
# 新闻随笔, 金台随感). A tag is the column's name, whole (世界经济论坛 names a forum, not a column).
_COLUMN_FORM = re.compile(
    rf"^(?:本报)?(?:特约)?评论员(?:文章|观察)?|^社论$"
    rf"|^[{HAN}]{{0,4}}(?:时评|短评|述评|评论|锐评|热评|快评|杂谈|随笔|随感)$"
)
# Names of that form that title compiled remarks, not one writer's argued view (网友热评, 读者评论,
# 各方评论, 专家点评): the same kind as 声音, which the column list keeps out.
_COMPILED_REMARKS = ("网友", "网民", "读者", "各方", "专家")
_TITLE_TAG = re.compile(r"[（(]([^（）()]{2,40})[）)]\s*$")
# 本报评论员 / 新华社特约评论员 / 钟 声 as a line of its own, perhaps after a dash or with the
# commentator's name.
_COMMENTATOR = re.compile(
    rf"^(?P<voice>(?:本报|新华社|[{HAN}]{{2,6}}报)?(?:特约)?评论员)(?:\s*[{HAN}]{{2,4}})?$"
    r"|^(?P<pen>钟\s*声)$"
)
# The author note after a signed article: （作者为……）, （作者系……）, （本文作者是……）,
# （作者单位：……）, perhaps run on at the end of the last paragraph.
_AUTHOR_NOTE = re.compile(
    rf"{AUTHOR_NOTE_OPENING}(?:(?P<kind>{AUTHOR_NOTE_KINDS})|单位[：:])\s*(?P<who>[^（）()]{{2,80}})[）)]$"
)
# A note that describes one of the paper's journalists (作者为本报记者, 作者系本报摄影部主任,
# 作者单位：临江日报社): signed reportage, not by itself an argued view; under a column it is one.
_JOURNALIST = re.compile(rf"{REPORTER}|摄影|报社|通讯社")
# 执笔：周海 / 执笔人：周海、陈岩 (in brackets or not), where the piece names who drafted it.
_PEN_LINE = re.compile(rf"^[（(]?执笔人?[：:]\s*(?P<names>[{HAN}·、，, ]{{2,30}}?)[）)]?$")
# An interview, in a heading or the body's first line: ——访星国大使周海, 访谈, 专访,
# 对话周海：……, 周海答本报记者问.
_INTERVIEW = re.compile(r"(?:^|——|—|\s)访[^问]|访谈|专访|^对话|答[^，。]{0,6}记者问")
# The author's role, when the note gives one short enough to name in a summary.
MAX_ROLE_CHARS = 12
_DASHES = "—-－ 　"


@lru_cache(maxsize=1)
def opinion_columns() -> frozenset[str]:
    """The listed opinion and theory columns (``briefing/data/commentary_columns.txt``)."""
    return frozenset(data.read_words("commentary_columns.txt"))


def _tags(article: Article) -> list[str]:
    tags = [t.strip() for t in (article.column, article.kicker) if t and t.strip()]
    for heading in (article.title, article.subtitle):
        match = _TITLE_TAG.search(heading or "")
        if match:
            tags.append(match.group(1).strip())
    return tags


def _column_voice(article: Article) -> str | None:
    for tag in _tags(article):
        name = re.sub(r"\s+", "", re.split(r"[·・]", tag)[0])
        if _COLUMN_FORM.search(name) and not name.startswith(_COMPILED_REMARKS):
            return "本报评论员" if "评论员" in name else name
        if name in opinion_columns():
            return name
    return None


# An editors' note: 编者按：……, 编者的话：……, 编后：……, or a paragraph signed ——编者 / （编者）.
# The editors introduce the piece or the page in their own voice: it is not the author's argument,
# neither its summary nor evidence that the piece is one.
_EDITORS_NOTE = re.compile(
    r"^(?:编者按|编者的话|编后语?|编辑手记)[：:]|(?:——|—|－－|--)\s*编者[。.]?$|[（(]编者[）)][。.]?$"
)


def editors_note(paragraph: str) -> bool:
    """Whether ``paragraph`` is an editors' note (编者按：……; ……——编者)."""
    # Every form holds 编; most paragraphs do not, and the unanchored search over a whole
    # paragraph was a quarter of the summarize stage's time (every paragraph, every article).
    return "编" in paragraph and bool(_EDITORS_NOTE.search(paragraph.strip()))


def _own_body(article: Article) -> list[str]:
    """The body without the editors' notes: the author's own lines."""
    return [p for p in article.body if not editors_note(p)]


def _clean(lines: list[str | None]) -> list[str]:
    return [line.strip().lstrip(_DASHES) for line in lines if line and line.strip()]


def _signature_lines(article: Article) -> list[str]:
    """Where a commentator's or drafter's line stands: byline, kicker, subtitle, the body's first
    line (a byline the splitter left in the body) and last two (a credit line may follow)."""
    heads = [article.byline, article.kicker, article.subtitle]
    body = _own_body(article)
    return _clean([*heads, *body[:1], *body[1:][-2:]])


def _note_lines(article: Article) -> list[str]:
    """Where the author note stands: split off, or the body's last two lines (perhaps run on; a
    credit line, 制图：周海, may follow it). Not the first: a news story may open by citing an
    article and its author's note."""
    return _clean([article.note, *_own_body(article)[1:][-2:]])


def _commentator_voice(article: Article) -> str | None:
    for line in _signature_lines(article):
        match = _COMMENTATOR.match(line)
        if match and match.group("pen"):
            return "钟声"
        if match:
            voice = match.group("voice")
            return "本报评论员" if voice in ("评论员", "本报评论员") else voice
    return None


def _pen_names(article: Article) -> str | None:
    for line in _signature_lines(article) + _clean([article.note]):
        match = _PEN_LINE.match(line)
        if match:
            return re.sub(r"\s+", "", match.group("names")).strip("、，,")
    return None


def _author_note(article: Article) -> re.Match[str] | None:
    for line in _note_lines(article):
        match = _AUTHOR_NOTE.search(line)
        if match:
            return None if _JOURNALIST.search(match.group("who")) else match
    return None


def _byline_name(article: Article) -> str | None:
    """The author's bare name, printed as the byline (the splitter may have taken it for a
    subtitle) or as the first line of the body."""
    body = _own_body(article)
    for line in (article.byline, article.subtitle, body[0] if body else None):
        line = (line or "").strip().lstrip(_DASHES)
        if line and is_bare_name(line):
            return re.sub(r"\s+", "", line)
    return None


def _role(note: re.Match[str]) -> str | None:
    """The author's role as the note gives it (星国驻东港大使), when short enough to name: the
    whole note, else its first role (the first of several, 、-separated, is the main one)."""
    if not note.group("kind"):  # （作者单位：……） names a workplace, not who the author is
        return None
    who = note.group("who").strip()
    first = re.split(r"[、，,；;](?![^《]*》)", who)[0].strip()
    for role in (who, first):
        if 4 <= len(role) <= MAX_ROLE_CHARS:
            return role
    return None


def commentary_rule(article: Article) -> tuple[str, str] | None:
    """Which convention marks ``article`` as commentary and who argues: ("column", "钟声"),
    ("commentator", "本报评论员"), ("author", "周海撰文"); None for news. A named author comes
    first (the most exact "who"), an author note without a name last (a column says more). An
    interview is no signed article."""
    heads = [article.kicker, article.title, article.subtitle, *_own_body(article)[:1]]
    interview = any(_INTERVIEW.search(line.strip()) for line in heads if line)
    note = None if interview else _author_note(article)
    if not interview:
        names = _pen_names(article)
        if names:
            return "author", f"{names}执笔"
        name = _byline_name(article) if note else None
        if name:
            return "author", f"{name}撰文"
    column = _column_voice(article)
    if column:
        return "column", column
    commentator = _commentator_voice(article)
    if commentator:
        return "commentator", commentator
    if note:
        role = _role(note)
        return "author", f"{role}撰文" if role else "作者"
    return None


def commentary_voice(article: Article) -> str | None:
    """Who argues, when ``article`` is commentary (钟声, 本报评论员, 周海撰文); None for news."""
    found = commentary_rule(article)
    return found[1] if found else None


def is_commentary(article: Article) -> bool:
    return commentary_voice(article) is not None


# Column names printed bare: the paper's pen name and its editorial (commentators and signed
# authors are bare too; every other column is quoted).
_BARE_VOICES = ("钟声", "社论")


def attribution(voice: str) -> str:
    """The opening of a commentary's summary: 钟声文章指出， / 本报评论员文章认为， / 周海撰文认为，
    / 周海执笔的文章认为， / 作者认为， / “今日谈”栏目文章认为，

    A column's name is quoted and called a column, as the paper prints it when it cites one: bare,
    a generic name (观点, 说道, 新语) reads as part of the sentence (说道文章认为)."""
    verb = "指出" if voice in _BARE_VOICES else "认为"
    if voice.endswith(("撰文", "作者")):
        return f"{voice}{verb}，"
    if voice.endswith("执笔"):
        return f"{voice}的文章{verb}，"
    if voice in _BARE_VOICES:
        return f"{voice}{verb}，" if voice == "社论" else f"{voice}文章{verb}，"
    if voice.endswith("评论员"):
        return f"{voice}文章{verb}，"
    return f"“{voice}”栏目文章{verb}，"


def voice_opening(article: Article) -> str:
    """How the article's summary opens: who argues for commentary (钟声文章指出，), "" for news."""
    voice = commentary_voice(article)
    return attribution(voice) if voice else ""


def voiced(opening: str, text: str) -> str:
    """``text`` after the commentary's ``opening`` (nothing when there is no text)."""
    return opening + text.lstrip(DECK_MARKS + " 　") if text else ""  # no deck mark after it


# Words that state what an argument holds (要, 必须, 关键在于, 说明, 归根结底 ……), as whole words:
# 重要, 主要, 要求, 说明书 are other words.
_THESIS_WORDS = frozenset(
    "要 必须 务必 应当 应该 理应 需要 关键在于 关键是 说明 表明 意味着 归根结底 归根到底 只有 唯有"
    " 才能 必然 根本在于 就在于 在于 离不开".split()
)
# A commentary states its thesis in its opening or its closing paragraphs.
THESIS_PARAGRAPHS = 2
THESIS_BONUS = 1.0
# What a news summary prefers and an argument's summary does not: a figure, a dated event
# (compress.TIME_START, and the words of recent time it leaves to the sentence: 前不久, 最近) or
# background (ranking.BACKGROUND: 近年来……).
_RECENTLY = ("前不久", "最近", "前年", "前天", "当晚", "上世纪")
FACT_PENALTY = 0.6
# Another's view the piece reports (纲要提出，要……; 专家认为要……; 周海在信中写道，……), not the
# author's own: a speech verb, as a whole word, before what is said (a mark, or the thesis word
# with someone other than the author as its subject). 必须强调的是，…… and 我们要提出…… are the
# author's.
_REPORTING = SPEECH_VERBS | frozenset("写道 声称 宣称".split())
_BEFORE_WORDS_SAID = frozenset("，,：:“")
_AUTHOR = frozenset("我们 我 笔者 本文".split())
# 有网友这样评价：“……”: words quoted after a colon are another's.
_QUOTED = re.compile(r"[：:]“")
# A concession (当然，……也要……) grants a side point before or after the thesis.
_CONCESSION = re.compile(r"^(?:当然|诚然|固然|不可否认)")
# 要想富，: a condition (if one wants ……), not what must be done.
_CONDITION = re.compile(r"(?:^|(?<=[，,]))要想[^，,。；;]*[，,]")
_SENTENCE_END = frozenset("。！!？?")
_CLAUSE_END = _SENTENCE_END | frozenset("，,；;：:")


def _states(tags: list[tuple[str, str]], i: int) -> bool:
    """Whether the word at ``i`` is a thesis word here, not the noun it also spells: 根据工作需要
    (a need), 他的才能 (a talent), 阅读说明。 (instructions: 说明/表明 close no sentence)."""
    word = tags[i][0]
    before = [w for w, _ in tags[max(0, i - 2) : i]]
    if word == "需要":
        return not (before and before[-1] in ("的", "工作")) and "根据" not in before
    if word == "才能":
        return not (before and before[-1] == "的")
    if word in ("说明", "表明"):
        return i + 1 < len(tags) and tags[i + 1][0] not in _SENTENCE_END
    return word in _THESIS_WORDS


def _speech(word: str) -> bool:
    """A speech verb as a whole word, or closing one (特别强调, 所说, 书中说)."""
    return word in _REPORTING or word[-2:] in _REPORTING or word in ("所说", "中说")


def _reports(tags: list[tuple[str, str]], i: int, thesis: int) -> bool:
    """Whether the speech verb at ``i`` reports another's view (not 我们认为，……): what is said
    follows a mark (表示，/ 说：“), or follows it with its subject named (专家认为要……)."""
    clause = []
    for word, tag in reversed(tags[:i]):
        if word in _CLAUSE_END:
            break
        clause.append((word, tag))
    subject = next((w for w, t in clause if t.startswith(("n", "r"))), None)
    if subject in _AUTHOR:
        return False
    following = tags[i + 1][0] if i + 1 < len(tags) else ""
    return following[:1] in _BEFORE_WORDS_SAID or (i < thesis and subject is not None)


def states_thesis(text: str) -> bool:
    """Whether the sentence says, in the author's voice, what must be done or what something
    means (我们要……, 这说明……): not another's view it reports, nor a concession."""
    if _CONCESSION.match(text) or _QUOTED.search(text):
        return False
    tags = tagged(_CONDITION.sub("", text))
    thesis = next((i for i in range(len(tags)) if _states(tags, i)), None)
    if thesis is None:
        return False
    return not any(_reports(tags, i, thesis) for i, (w, _) in enumerate(tags) if _speech(w))


def argument_ranking(
    article: Article, ranked: list[Scored], opens: dict[int, str] | None = None
) -> list[Scored]:
    """The ranking as a commentary's summary needs it: its thesis (要/必须/关键在于/说明 …, in the
    opening or closing paragraphs) before the facts it argues from (a figure, a dated event), which
    the news ranking puts first. ``opens``: each sentence's text after its dateline, by index,
    when the caller has it."""
    last = len(article.body) - 1

    def delta(scored: Scored) -> float:
        sentence = scored.sentence
        text = opens[sentence.index] if opens else split_dateline(sentence.text)[1]
        framing = (
            sentence.paragraph < THESIS_PARAGRAPHS or sentence.paragraph > last - THESIS_PARAGRAPHS
        )
        bonus = THESIS_BONUS if framing and states_thesis(text) else 0.0
        if (
            scored.figure
            or text.startswith(_RECENTLY)
            or TIME_START.match(text)
            or BACKGROUND.match(text)
        ):
            bonus -= FACT_PENALTY
        return bonus

    return adjusted(ranked, delta)
