"""Commentary: recognising an opinion piece, and saying who argues in its summary.

A paper prints its commentary in a few conventional ways, all read here:

- under an opinion column: a tag at the end of the title (（钟声）, （人民时评）, （大家手笔）), a
  kicker or a column label; the columns are listed in ``briefing/data/commentary_columns.txt``,
  and 社论, 评论员文章/观察 and any name ending in 时评, 短评, 述评, 评论, 锐评, 热评, 快评, 杂谈,
  随笔 or 随感 is one by its form (but not compiled remarks: 网友热评, 读者评论), and so is a
  review column's (……品鉴, ……谈艺, ……赏析, ……评介, ……书评, ……影评, ……剧评, ……乐评);
- with a commentator's line (本报评论员, 新华社评论员) as kicker, subtitle, byline, or the first
  or last lines of the body;
- signed by an outside author, with the author note printed after it (（作者为……教授）,
  （作者系……）, （作者单位：……）: split off or in the last lines) or an 执笔 line (执笔：周海): a
  signed article by someone who is not a journalist argues a view (opinion or theory), it does
  not report. A journalist's note (作者为本报记者) is no evidence: signed reportage is news unless
  under a column. An interview (——访……, 对话……, ……答本报记者问) carries its subject's words, not
  an author's, and is not one;
- titled as an essay on its subject (论久久为功, a deck ——论学习……: how a commentator's series
  is titled): the commentator's, or the writer's where a bare name signs it;
- titled as a review of a work (——读《……》, ——评《……》, ——《……》读后, ——……《……》观后): the
  writer's verdict, named where a bare name signs it (作者 where none does).

Its summary opens with who argues (钟声文章指出，…; 本报评论员文章认为，…; 周海撰文认为，…;
“人民时评”栏目文章认为，…; 作者认为，…) so that an argument is never forwarded as if it were
reported fact.

A first-person piece that is not commentary (a reader's letter, an essay or memoir, a speech)
says who writes in the same way (读者周海来信说，…; 周海写道，…; 作者写道，…; 讲话指出，…):
:func:`writer_opening`, so that a 我 is never forwarded as the paper's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .. import data
from ..conventions import AUTHOR_NOTE_KINDS, AUTHOR_NOTE_OPENING, CREDIT_MARK, REPORTER
from ..records import Article
from ..split.lines import HAN, is_bare_name
from ..text import longest_first, word_tags
from .compress import TIME_START
from .ranking import BACKGROUND, Scored, adjusted, is_scene
from .references import TURN_OPENING
from .sentences import DECK_MARKS, split_dateline, split_sentences
from .speakers import ROLE_END
from .verbs import SPEECH_VERBS

# Commentary by its form, whatever the column's name: 评论员文章/评论员观察, 社论, and a name
# ending in a word for a comment or an essay (人民时评, 国际时评, 现场评论, 金台锐评, 暖闻热评,
# 新闻随笔, 金台随感, 体坛观澜). A tag is the column's name, whole (世界经济论坛 names a forum, not a column).
_COLUMN_FORM = re.compile(
    rf"^(?:本报)?(?:特约)?评论员(?:文章|观察)?|^社论$"
    rf"|^[{HAN}]{{0,4}}(?:时评|短评|述评|评论|锐评|热评|快评|杂谈|随笔|随感|观澜"
    # A review column (作品品鉴, 名师谈艺, 新书评介, 新片影评): a critic's verdict on a work.
    rf"|品鉴|谈艺|赏析|评介|书评|影评|剧评|乐评)$"
    # A commentator's column signed by a one-character pen name and 评 (江评, 任评): not a
    # remark's kind (点评, 好评, 差评, 测评, 参评).
    # Nor a verb of rating (获评, 考评, 自评, 互评, 总评, 参评) nor 网评 (collected remarks).
    rf"|^(?![点好差测参获考自互总网])[{HAN}]评$"
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
_INTERVIEW = re.compile(r"(?:^|——|—|\s)访[^问]|访谈|专访|(?:^|[·・])对话|答[^，。]{0,6}记者问")
# A title or deck that names the piece an essay on its subject: 论久久为功, ——论学习……精神 (how
# a commentator's series is titled), not 论坛, 论文, 论语, 论述, 论证, 论道, 论资排辈, 论战.
# The whole title or deck, with no comma: 论辩赛在……举行, 论学术水平，…… are news. Not 论辩, 论剑,
# 论著, 论斤 (论斤卖) either.
_ESSAY_ON = re.compile(
    r"^(?:——|—)?论(?![坛文语述证道资战功据点辩剑著斤])[^，,。！？!?；;：:]{2,60}$"
)
# A review, titled as one on the work it judges: ——读《临江往事》, ——评《星城》,
# ——《临江往事》读后, ——话剧《星城》观后 (a title or its deck).
# Not news about a work: an event named for it (《星城》读后感征文揭晓, ——读《星城》分享会举行)
# or a rating (评《星城》为年度好书); a reader's 体会 is a review's.
_NO_EVENT = r"(?!为|感?[^（(]*(?:(?<!体)会|征文|活动|揭晓|举行))"
_REVIEW_OF = re.compile(
    rf"(?:^|——|—)(?:评|读)《[^》]+》{_NO_EVENT}|《[^》]+》(?:读后|观后){_NO_EVENT}"
)
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


# An editors' note: 编者按：……, 编者的话：……, 编后：……, or a paragraph signed ——编者 / （编者）, the
# signature perhaps spaced as the page sets it (——编 者, ——编　者). The editors introduce the piece
# or the page in their own voice: it is not the author's argument, neither its summary nor
# evidence that the piece is one.
_EDITORS = r"编[ \t\u3000]*者"
# The label opens the note (编者按：……, 编者按　……, 编后记：……) or stands alone as its heading
# (编者的话, 编 者 按), over it.
_EDITORS_LABEL = r"^编\s*(?:者\s*按|者\s*的\s*话|后\s*[语记]?|辑\s*手\s*记)(?:\s*[：:]|\s|$)"
_EDITORS_SIGNATURE = rf"(?:——|—|－－|--)\s*{_EDITORS}[。.]?$|[（(]{_EDITORS}[）)][。.]?$"
_EDITORS_NOTE = re.compile(rf"{_EDITORS_LABEL}|{_EDITORS_SIGNATURE}")
_EDITORS_LABELLED = re.compile(_EDITORS_LABEL)
# The signature alone on its line, closing the paragraph above it.
_EDITORS_SIGNATURE_LINE = re.compile(rf"^[—\-－\s]*{_EDITORS}[。.]?$|^[（(]{_EDITORS}[）)][。.]?$")
# A signature closes a note that opens the piece: the paragraphs before it are the editors' too,
# when there are this few (a longer run is the piece itself, the signature an afterword's) and
# none is another's: a report's (dated) or a letter's (a salutation, one writer's 我). Where one
# is, the signature closes an afterword or a reply: the paragraph it ends, or the one above it
# when it stands alone on its line.
MAX_NOTE_PARAGRAPHS = 4
# How the summary of the editors' own words opens.
EDITORS_OPENING = "编者按指出，"


def editors_note(paragraph: str) -> bool:
    """Whether ``paragraph`` is an editors' note (编者按：……; ……——编者), or its label or
    signature alone."""
    # Every form holds 编; most paragraphs do not, and the unanchored search over a whole
    # paragraph was a quarter of the summarize stage's time (every paragraph, every article).
    if "编" not in paragraph:
        return False
    return bool(_EDITORS_NOTE.search(paragraph.strip()))


def editors_label(text: str) -> bool:
    """Whether ``text`` opens on the editors' label (编者按：……, 编者的话：……) or is that label."""
    return "编" in text and bool(_EDITORS_LABELLED.match(text.strip()))


def _others_paragraphs(paragraphs: Sequence[str]) -> bool:
    """Whether ``paragraphs`` are a report's (one is dated) or a letter's (the first opens on a
    salutation or holds one writer's own 我): not the editors' note a signature below them closes."""
    first = paragraphs[0].strip() if paragraphs else ""
    return bool(_SALUTATION.match(first) or first_person(first, one_writer=True)) or any(
        split_dateline(paragraph.strip())[0] for paragraph in paragraphs
    )


def editors_paragraphs(body: Sequence[str]) -> frozenset[int]:
    """The paragraphs of ``body`` in the editors' voice: a note (:func:`editors_note`), the
    paragraph under its label printed alone (编者的话), and those a signature (——编 者) closes
    at the piece's start (:data:`MAX_NOTE_PARAGRAPHS`)."""
    # Asked five to eight times per article (its own body, its voice, its ranking): read once.
    return _editors_paragraphs(tuple(body))


@lru_cache(maxsize=16)
def _editors_paragraphs(body: tuple[str, ...]) -> frozenset[int]:
    notes: set[int] = set()
    for i, paragraph in enumerate(body):
        if not editors_note(paragraph):
            continue
        notes.add(i)
        text = paragraph.strip()
        label = _EDITORS_LABELLED.match(text)
        if label and label.end() == len(text):  # the label alone, a heading over the note
            notes.update(range(i, min(i + 2, len(body))))
        elif not label:  # signed at its end, not labelled at its start
            alone = bool(i and _EDITORS_SIGNATURE_LINE.match(text))
            start = i - alone if i > MAX_NOTE_PARAGRAPHS else 0
            if _others_paragraphs(body[start:i]):
                start = i - 1 if alone and not _others_paragraphs(body[i - 1 : i]) else i
            notes.update(range(start, i))
    return frozenset(notes)


def _own_body(article: Article) -> list[str]:
    """The body without the editors' notes: the author's own lines."""
    notes = editors_paragraphs(article.body)
    return [p for i, p in enumerate(article.body) if i not in notes]


def _clean(lines: Sequence[str | None]) -> list[str]:
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


def _argues(article: Article) -> bool:
    """Whether ``article`` states a thesis (:func:`states_thesis`) in its opening or closing
    paragraphs, as a column does; signed reportage tells a scene and quotes its people."""
    body = _own_body(article)
    framing = body[:THESIS_PARAGRAPHS] + body[THESIS_PARAGRAPHS:][-THESIS_PARAGRAPHS - 1 :]
    return any(states_thesis(sentence.text) for sentence in split_sentences(framing))


# Where a report's dateline stands when a journalist's note is read: a paragraph may come
# before it (a lead quote, a line the splitter left).
REPORT_LEAD = 2


def _author_note(article: Article) -> re.Match[str] | None:
    """The author note, but a journalist's under a report (a byline or a dateline marks it): a
    report is signed at its top; a journalist's note at the end signs a reporter's column."""
    for line in _note_lines(article):
        match = _AUTHOR_NOTE.search(line)
        if match:
            journalist = _JOURNALIST.search(match.group("who"))
            if journalist and (_reported(article, REPORT_LEAD) or not _argues(article)):
                return None
            return match
    return None


# A byline that names the author by a post (农业部部长周海, 临江大学教授陈岩): an official's or an
# expert's signed article, which argues; not a reporter's line, nor an interview's subject.
_POST_BYLINE = re.compile(
    rf"(?P<role>[{HAN}、·]{{2,24}}?(?:{'|'.join(sorted(ROLE_END, key=longest_first))}))"
    rf"(?P<name>[{HAN}·]{{2,4}})"
)


_POSTS_BREAK = re.compile(r"[、兼]")  # between the posts a byline lists
_CREDIT = re.compile(rf"(?:{CREDIT_MARK}|图)$")


def _post_byline(article: Article) -> str | None:
    """Who signs ``article`` by post and name (农业部部长周海, its last post when it lists several:
    临江市委书记、市长周海 -> 市长周海; the name alone when that is long)."""
    line = re.sub(r"\s+", "", article.byline or "")
    if _CREDIT.search(line):  # 周海 摄: a photographer's credit, not an author's byline
        return None
    match = _POST_BYLINE.fullmatch(line) if line and not re.search(REPORTER, line) else None
    name = _person(match.group("name")) if match else None
    if not match or not name:
        return None
    role = _POSTS_BREAK.split(match.group("role"))[-1]
    return role + name if len(role) <= MAX_ROLE_CHARS else name


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
        signer = _post_byline(article)
        if signer and not _reported(article) and not _speech_piece(article) and _argues(article):
            return "author", f"{signer}撰文"
    column = _column_voice(article)
    if column:
        return "column", column
    commentator = _commentator_voice(article)
    if commentator:
        return "commentator", commentator
    if note:
        role = _role(note)
        return "author", f"{role}撰文" if role else "作者"
    if any(
        _ESSAY_ON.match((line or "").strip()) for line in (article.title, article.subtitle)
    ) and (not _reported(article)):
        # Signed, the writer argues; unsigned, the paper's commentator does.
        name = _person(_byline_name(article))
        return ("author", f"{name}撰文") if name else ("commentator", "本报评论员")
    if any(_REVIEW_OF.search(line or "") for line in (article.title, article.subtitle)) and (
        not _reported(article)
    ):
        # A review argues its verdict on the work: the writer's, named where a bare name signs it.
        name = _person(_byline_name(article))
        return "author", f"{name}撰文" if name else "作者"
    return None


def _reported(article: Article, lead: int = 1) -> bool:
    """Whether a reporter's byline or a dateline (in the first ``lead`` paragraphs) marks
    ``article`` as a report."""
    body = _own_body(article)
    return bool(re.search(REPORTER, article.byline or "")) or any(
        split_dateline(paragraph)[0] for paragraph in body[:lead]
    )


# Another's words the piece prints in quotation marks (习近平同志指出：“……”), which a summary
# box or a later sentence may restate without the marks or the speaker: a sentence whose own
# words are mostly such words is the speaker's, not the writer's (its quoted words are its own
# business). Clauses of fewer characters than this are common words, not a quotation.
_QUOTED_SPAN = re.compile(r"“([^”]{6,})”")
_OWN_QUOTES = re.compile(r"“[^”]*”")
_CLAUSE_BREAK = re.compile(r"[，,；;、：:。！？!?…—\s]+")
MIN_QUOTED_CLAUSE = 4
QUOTED_SHARE = 0.6


def quotations(article: Article) -> str:
    """The words ``article`` prints in quotation marks, one quotation a line."""
    return "\n".join(
        match.group(1) for p in article.body if "“" in p for match in _QUOTED_SPAN.finditer(p)
    )


def repeats_quotation(text: str, quoted: str) -> bool:
    """Whether ``text``, outside its own quotation marks, is mostly words that ``quoted``
    (:func:`quotations`) prints as another's."""
    if not quoted:
        return False
    clauses = [c for c in _CLAUSE_BREAK.split(_OWN_QUOTES.sub("", text)) if c]
    total = sum(len(c) for c in clauses)
    found = sum(len(c) for c in clauses if len(c) >= MIN_QUOTED_CLAUSE and c in quoted)
    return total >= MIN_QUOTED_CLAUSE and found >= QUOTED_SHARE * total


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


# A work's publishing notice (……已由临江出版社出版发行; ……退休后写成一本书), as a review opens on:
# what the piece narrates of the work, not its verdict.
_PUBLISHED = re.compile(r"出版社[^，,。；;]{0,8}(?:出版|推出)|出版发行|写成(?:了)?一本书")


def narrating(opening: str, text: str) -> str:
    """``opening`` with the verb the summary ``text`` needs: 认为 introduces an argued claim; a
    narrated fact that states no thesis is what the piece writes (周海撰文写道，), not what it
    holds: dated (1月5日，……; 2018年，……), told as of late (不久前，……; 最近，……), a scene set
    (深夜，……; 走进……), a work's publishing notice (:data:`_PUBLISHED`), or told by one writer
    (我……: what I did or felt; 我们 may argue). ``text``: the sentence as the piece prints it
    (compression drops an opening time: 近日，……), read past a turn's word (但是，不久前，……
    narrates as 不久前，…… does)."""
    if not opening.endswith("认为，"):
        return opening
    turn = TURN_OPENING.match(text)
    text = text[turn.end() :] if turn else text
    narrated = (
        TIME_START.match(text)
        or text.startswith(_TOLD_OF_LATE)
        or is_scene(text)
        or first_person(text, one_writer=True)
        or _PUBLISHED.search(text)
    )
    if narrated and not states_thesis(text):
        return opening.removesuffix("认为，") + "写道，"
    return opening


def voice_opening(article: Article) -> str:
    """How a commentary's summary opens: who argues (钟声文章指出，); "" for any other piece
    (whose summary may still need its writer named: :func:`writer_opening`)."""
    voice = commentary_voice(article)
    return attribution(voice) if voice else ""


# --- Who writes a first-person piece: a reader's letter, an essay or memoir, a speech ---------
#
# A piece in the writer's own voice (我/我们/笔者 outside quotation marks) says what one person
# saw, did or thinks; copied into a summary, its 我 reads as the paper speaking. Chinese papers
# print such pieces by a few conventions: a reader's letter under a 来信 column or opening on a
# salutation (编辑同志：, 记者同志：; a family letter 亲爱的……：), a speech under a title that says
# so (……上的讲话) or opening on 同志们，朋友们：, a contributor's signature (place and name: the
# byline 东港市周海, or the last line （临江市 陈岩）). A letter's summary always says who writes; any
# other piece's summary does where it keeps a first person with no speaker named before it.

# 我 as a writer says it, not the paper's institutional 我国/我省/我军/我驻……, 自我, 你我, 敌我, nor
# 我们党 (the party's own name for itself).
_SELF_WORDS = "国省市区县乡镇村军党方校院厂所部局站团师旅营连队馆台社报刊行处科室州盟旗驻委厅司"
_ONE_WRITER = rf"(?<![自你敌忘唯本])我(?![{_SELF_WORDS}们]|公司|单位)"
_FIRST_PERSON = re.compile(
    rf"我们(?!的?(?:党|祖国|国家|人民|共和国|民族|军队))|咱们|笔者|{_ONE_WRITER}"
)
# One writer's 我 (a reader's, an essayist's): the editors say 我们.
_ONE_WRITERS = re.compile(_ONE_WRITER)
# 你/我 paired in a set phrase (你追我赶, 你中有我, 人无我有, 我将无我): nobody's own 我.
_PAIRED = re.compile(r"你[^，,。！？、]{0,2}我|我[^，,。！？、]{0,2}你|人[无有]我[有优]|我将无我")
# Another's words inside a sentence: quoted, a title, or said after a colon (周海说：我……).
_OTHERS_WORDS = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|[：:][^。！？!?]*")
_SALUTATION = re.compile(
    r"^(?:[^，,：:。！]{0,8}(?:编辑|记者)同志们?|[^，,：:。！]{0,6}编辑部)[：:，,]"
)
# A family letter's salutation names kin (亲爱的妈妈：, 亲爱的儿子：); 亲爱的同胞们： opens a speech.
_KIN = "爸爸|妈妈|爸|妈|父亲|母亲|儿子|女儿|孩子|宝贝|老伴|爷爷|奶奶|外公|外婆|姥姥|姥爷|哥哥|姐姐|弟弟|妹妹|丈夫|妻子|爱人|老公|老婆"
_FAMILY_SALUTATION = re.compile(
    rf"^[^，,：:。！]{{0,8}}亲爱的[^，,：:。！们]{{0,8}}(?:{_KIN})[：:]"
)
_SPEECH_SALUTATION = re.compile(r"^(?:[^，,：:。！]{1,8}们[，,、]\s*)*[^，,：:。！]{1,8}们[：:]$")
# A letters column, whole: 来信, 读者来信, 群众来信选登 (not 来信调查, a report on what was done).
_LETTER_TAG = re.compile(r"^(?:读者|群众|网友)?来(?:信|函)(?:选登|摘登|照登)?$|^读者之声$")
# 在……上的讲话 as title or deck (——在……上的致辞); （本文系作者在……上讲话的一部分）.
_SPEECH_TITLE = re.compile(
    r"^(?:——|—)?在.{2,40}(?:讲话|致辞|演讲)|^.{0,40}新年(?:讲话|贺词|致辞)(?:[（(][^（）()]*[）)])?$"
)
# A letter printed under a heading of its kind (贺 信, 回 信): a leader's or an institution's
# letter, whose 我 is its signer's.
_LETTER_HEADINGS = frozenset("贺信 贺电 回信 复信 慰问信 公开信 感谢信".split())
_SPEECH_NOTE = re.compile(r"^[（(]本文(?:系|是|为)[^（）()]{0,6}在.{2,40}(?:讲话|致辞|演讲)")
# A contributor's signature, closing the piece in brackets: （临江市 周海）, （东港市西岭镇陈岩）.
_SIGNATURE = re.compile(r"^[（(](?P<who>[^（）()]{3,30})[）)]$")
_PLACE_END = re.compile(r"[省市县区州乡镇村]")


def first_person(text: str, *, one_writer: bool = False) -> bool:
    """Whether ``text`` speaks as 我/我们/笔者 (``one_writer``: as one writer's own 我, not 我们)
    in its own voice with no speaker named before it in its sentence (周海说，我…… names one;
    我国, quotations and titles are not it: “我与家乡”征文)."""
    pattern = _ONE_WRITERS if one_writer else _FIRST_PERSON
    for sentence in re.split(r"(?<=[。！？!?])", _PAIRED.sub("", _OTHERS_WORDS.sub("", text))):
        found = pattern.search(sentence)
        if (
            found
            and not _speaker_before(sentence[: found.start()])
            and not _said_after(sentence)
            and _starts_word(sentence, found.start())
        ):
            return True
    return False


# Testimony signed after it: a paragraph followed by a line ——周海 (or with ——周海 run on at its
# end) is 周海's words, not the writer's.
_SPOKEN_BY = re.compile(
    rf"(?:^|(?<=[。！？!?”]))\s*(?:——|—|－－|--)\s*(?P<name>[{HAN}·]{{2,4}})[。.]?$"
)


# A paragraph given to a speaker by a label (周海：……, 周海（69岁）：……, 记者：……), as an interview
# or a round of voices prints it: the speaker's words, named in them.
_SPEAKER_LABEL = re.compile(rf"^(?P<label>[{HAN}·]{{2,6}})(?:[（(][^（）()]{{1,12}}[）)])?[：:]")
# A line that introduces the speaker of the paragraphs after it (临江市西岭镇村民周海——), as a
# round of testimonies prints each.
_SPEAKER_HEADING = re.compile(r"^[^。！？!?：:，,“”]{2,30}(?:——|—)$")


def _heading_speaker(line: str) -> str:
    """The person a speaker's heading names (……村民周海—— -> 周海), "" when it names none."""
    tags = word_tags(line.rstrip("—"))
    return next((w for w, t in reversed(tags) if t.startswith("nr") and _person(w)), "")


def _said_after(sentence: str) -> bool:
    """Whether the sentence names its speaker after what is said (……，村民周海笑着说。)."""
    last = re.split(r"[，,：:]", sentence.rstrip("。！？!?…”’ "))[-1]
    tags = word_tags(last) if last and len(last) < len(sentence.rstrip("。！？!?…”’ ")) else []
    return bool(tags) and tags[-1][0] in _REPORTING | {"道", "笑道", "说道"}


def _voices(article: Article) -> list[tuple[str, str | None]]:
    """Each of the article's sentences (as :func:`.sentences.split_sentences` numbers them) as
    its words outside quotation marks and whose they are: None the writer's, a name a signed
    testimony's (——周海), "" another's named after them (……，周海说。). A quotation may run over
    several sentences; one that runs over paragraphs opens again in each."""
    body = list(article.body)
    signed: dict[int, str] = {}
    labelled: dict[int, int] = {}  # where a speaker's label ends (陈岩：), by paragraph
    section: str | None = None  # the speaker a heading introduced, for the paragraphs after it
    for p, paragraph in enumerate(body):
        paragraph = paragraph.strip()
        if _SPEAKER_HEADING.match(paragraph):
            # A place's heading (临江市西岭镇——) introduces a report, not a speaker.
            section = _heading_speaker(paragraph) or None
            continue
        following = body[p + 1].strip() if p + 1 < len(body) else ""
        match = _SPOKEN_BY.match(following) or _SPOKEN_BY.search(paragraph)
        label = _SPEAKER_LABEL.match(paragraph)
        if match and _person(match.group("name")):
            signed[p] = match.group("name")
        elif label and not _FIRST_PERSON.search(label.group("label")):
            signed[p] = _person(label.group("label")) or ""
            labelled[p] = label.end()
        elif section is not None:
            signed[p] = section
    voices: list[tuple[str, str | None]] = []
    quoted = quotations(article)  # words quoted elsewhere, restated here, are the speaker's too
    depth, paragraph_at = 0, -1
    for sentence in split_sentences(body):
        text = sentence.text
        if sentence.paragraph != paragraph_at:
            depth, paragraph_at = 0, sentence.paragraph
            text = text[labelled.get(sentence.paragraph, 0) :]  # the words after the label
        own = []
        for char in text:
            if char == "“":
                depth += 1
            elif char == "”":
                depth = max(0, depth - 1)
            elif not depth:
                own.append(char)
        speaker = signed.get(sentence.paragraph)
        if speaker == "" or _said_after(sentence.text) or repeats_quotation("".join(own), quoted):
            voices.append(("".join(own), ""))
            continue
        voices.append(("".join(own), speaker))
    return voices


def _whose_first_person(article: Article, sentences: Sequence[int]) -> str | None:
    """Whose 我 the summary made of ``sentences`` keeps: "" the writer's, a name a signed
    testimony's; None when no sentence of it speaks as the writer (quoted, said by another)."""
    voices = _voices(article)
    indices = [i for i in sorted(sentences) if i < len(voices)]
    for index in indices:
        own, speaker = voices[index]
        if speaker != "" and first_person(own):
            # Said to be a testimony's only where the summary opens with it: 周海说， before
            # another's sentence would give him that one too.
            if speaker is None:
                return ""
            return speaker if voices[indices[0]][1] == speaker else None
    return None


def _interview(article: Article) -> bool:
    """An interview (——访……, 对话……, 专访), by a heading, the first line or a column tag."""
    heads = [article.kicker, article.title, article.subtitle, *_own_body(article)[:1]]
    lines = [line.strip() for line in heads if line] + _tags(article)
    return any(_INTERVIEW.search(line) for line in lines)


def _speaker_before(text: str) -> bool:
    """Whether ``text``, before a first person in its sentence, names a speaker: a speech verb
    as a whole word (周海表示，我们……; not 听说, 说起, 小说, 说明)."""
    return any(_speech(word) or word in ("回忆", "感慨") for word, _ in word_tags(text))


def _starts_word(text: str, at: int) -> bool:
    """Whether a word of ``text`` starts at ``at`` (我 in 我们 does; in a name, 刘我成, not)."""
    start = 0
    for word, _ in word_tags(text):
        if start >= at:
            return start == at
        start += len(word)
    return False


def _signed_name(line: str) -> str | None:
    """The name that ends a contributor's signature of place and name (东港市 周海 -> 周海)."""
    compact = re.sub(r"\s+", "", line)
    if not _PLACE_END.search(compact) or not is_bare_name(compact):
        return None
    tags = word_tags(compact)
    # The name follows the place (东港市 | 周海); after anything else (……报施大鑫) the segmenter
    # may have cut the name, and no name is better than a piece of one.
    if len(tags) < 2 or not _PLACE_END.search(tags[-2][0][-1:]):
        return None
    return _person(tags[-1][0])


def _signature(article: Article) -> str | None:
    """A contributor's name: signed at the end in brackets, or printed with a place as byline."""
    body = _own_body(article)
    for line in _clean([article.note, *body[-1:]]):
        match = _SIGNATURE.match(line)
        if match:
            name = _signed_name(match.group("who"))
            if name:
                return name
    for line in _clean([article.byline, article.subtitle, *body[:1]]):
        if len(line) <= 24 and not re.search(REPORTER, line):
            name = _signed_name(line)
            if name:
                return name
    return None


_NOT_NAME_END = frozenset("省市县区州镇乡村口岛港湾信函")


def _person(name: str | None) -> str | None:
    """``name`` when it is one person's name alone (周海), not a unit's line or a heading."""
    # The segmenter files many unknown words as names: a place or a unit (张家口, 高新区) or a
    # letter (贺信) is none.
    if not name or not 2 <= len(name) <= 4 or name[-1] in _NOT_NAME_END:
        return None
    tags = word_tags(name)
    return name if len(tags) == 1 and tags[0][1].startswith("nr") else None


def _letter(article: Article) -> str | None:
    """How a letter's summary opens (读者周海来信说，; 周海在信中写道，), None when not a letter."""
    body = _clean(_own_body(article)[:2])
    if any(_LETTER_TAG.search(tag) for tag in _tags(article)) or any(
        _SALUTATION.match(line) for line in body
    ):
        name = _signature(article) or ""
        return f"读者{name}来信说，"
    if any(_FAMILY_SALUTATION.match(line) for line in body):
        return f"{_signature(article) or '作者'}在信中写道，"
    return None


def _speech_piece(article: Article) -> bool:
    """Whether ``article`` prints a speech: a title that says so (……上的讲话), a salutation
    (同志们，朋友们：) or a note (（本文系作者在……上讲话的一部分）)."""
    body = _clean(_own_body(article)[:2])
    return (
        any(_SPEECH_TITLE.match(h or "") for h in (article.title, article.subtitle))
        or any(_SPEECH_SALUTATION.match(line) for line in body)
        or any(_SPEECH_NOTE.match(line) for line in _note_lines(article))
    )


def writer_opening(article: Article, text: str, sentences: Sequence[int] | None = None) -> str:
    """Who writes, for a summary ``text`` of a piece that is not commentary: a letter's writer
    always (读者周海来信说，), else, when ``text`` keeps a first person with no speaker, the
    speech (讲话指出，), the signed contributor (周海写道，), the reporter (记者写道，) or the
    author (作者写道，); "" when the summary needs none. ``sentences``: the source sentences
    ``text`` was made from, read for whose 我 it is: quoted over several sentences, or said by
    someone named after it (……，周海说。), it needs none; a testimony signed ——周海 is 周海's
    (周海说，). An interview's 我 is its subject's, not the writer's."""
    letter = _letter(article)
    if letter:
        return letter
    if not text or not first_person(text) or _interview(article):
        return ""
    if sentences is not None:
        whose = _whose_first_person(article, sentences)
        if whose is None:
            return ""
        if whose:
            # 陈岩（58岁）：我…… names its speaker already.
            return "" if text.startswith(whose) else f"{whose}说，"
    body = _clean(_own_body(article)[:2])
    heading = re.sub(r"\s+", "", body[0]) if body else ""
    if heading in _LETTER_HEADINGS:  # a printed letter headed 贺 信: the letter says
        return f"{heading}写道，"
    name = _signature(article) or _person(_byline_name(article))
    if _speech_piece(article):
        return f"{name}在讲话中指出，" if name else "讲话指出，"
    if name:
        return f"{name}写道，"
    if _reported(article):
        return "记者写道，"
    return "作者写道，"


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
# 不久前 says a sentence narrates (:func:`narrating`), but marked down as a fact it moves a piece
# off its opening onto a later sentence that leans on it (measured: 2 dev pieces, both worse).
_TOLD_OF_LATE = (*_RECENTLY, "不久前")
FACT_PENALTY = 0.6
# Another's view the piece reports (纲要提出，要……; 专家认为要……; 周海在信中写道，……), not the
# author's own: a speech verb, as a whole word, before what is said (a mark, or the thesis word
# with someone other than the author as its subject). 必须强调的是，…… and 我们要提出…… are the
# author's.
# 一项调查发现，……: a finding reported, not the author's claim (我们发现 is the author's).
# 中央要求，…… / 文件明确，…… / 市政府部署，……: an order an organisation or a document gives
# (_ISSUED, with an issuer as its subject), not the author's thesis; 这就要求我们…… and
# 我们必须明确，…… are the author's.
_ISSUED = frozenset("要求 明确 部署".split())
_REPORTING = SPEECH_VERBS | frozenset("写道 声称 宣称 发现".split()) | _ISSUED
_ISSUERS = tuple(
    "中央 国务院 政府 部门 委员会 文件 通知 意见 方案 规划 纲要 决定 规定 条例 办法 会议 报告".split()
)
_BEFORE_WORDS_SAID = frozenset("，,：:“")
_AUTHOR = frozenset("我们 我 笔者 本文".split())
# The author's own set phrases on a speech verb, nobody's words reported: 可以说，/ 应该说，/
# 不得不说，(a modal before it), 听群众怎么说 (an interrogative), 历史告诉我们 (told to the author).
_OWN_BEFORE_SPEECH = frozenset("可以 应该 应当 不得不 不能不 不妨 怎么 如何 怎样".split())
# 有网友这样评价：“……”: words quoted after a colon are another's.
_QUOTED = re.compile(r"[：:]“")
# A concession (当然，……也要……) grants a side point before or after the thesis.
_CONCESSION = re.compile(r"^(?:当然|诚然|固然|不可否认)")
# 要想富，: a condition (if one wants ……), not what must be done.
_CONDITION = re.compile(r"(?:^|(?<=[，,]))要想[^，,。；;]*[，,]")
_SENTENCE_END = frozenset("。！!？?")
_CLAUSE_END = _SENTENCE_END | frozenset("，,；;：:")


def _states(tags: Sequence[tuple[str, str]], i: int) -> bool:
    """Whether the word at ``i`` is a thesis word here, not the noun it also spells: 根据工作需要
    (a need), 他的才能 (a talent), 阅读说明。 (instructions: 说明/表明 close no sentence)."""
    word = tags[i][0]
    before = [w for w, _ in tags[max(0, i - 2) : i]]
    if word == "需要":
        return not (before and before[-1] in ("的", "工作")) and "根据" not in before
    if word == "才能":
        return not (before and before[-1] == "的")
    if word in ("说明", "表明", "意味着") and before and before[-1] in ("不", "未必"):
        return False  # 并不意味着……: what the thesis does not hold, a concession
    if word in ("说明", "表明"):
        return i + 1 < len(tags) and tags[i + 1][0] not in _SENTENCE_END
    return word in _THESIS_WORDS


def _speech(word: str) -> bool:
    """A speech verb as a whole word, or closing one (特别强调, 所说, 书中说)."""
    return word in _REPORTING or word[-2:] in _REPORTING or word in ("所说", "中说")


def _reports(tags: Sequence[tuple[str, str]], i: int, thesis: int) -> bool:
    """Whether the speech verb at ``i`` reports another's view (not 我们认为，……): what is said
    follows a mark (表示，/ 说：“), or follows it with its subject named (专家认为要……)."""
    following = tags[i + 1][0] if i + 1 < len(tags) else ""
    if (i and tags[i - 1][0] in _OWN_BEFORE_SPEECH) or following in _AUTHOR:
        return False
    clause = []
    for word, tag in reversed(tags[:i]):
        if word in _CLAUSE_END:
            break
        clause.append((word, tag))
    subject = next((w for w, t in clause if t.startswith(("n", "r"))), None)
    if subject in _AUTHOR:
        return False
    if tags[i][0][-2:] in _ISSUED and (i > thesis or not (subject and subject.endswith(_ISSUERS))):
        return False  # 形势要求我们……; 目标明确，要……; 要按照中央部署，……
    return following[:1] in _BEFORE_WORDS_SAID or (i < thesis and subject is not None)


def reports_speech(text: str) -> bool:
    """Whether the sentence reports what someone other than the author says (周海说，……;
    专家认为要……): their words, not the author's argument (我们认为，…… is the author's)."""
    tags = word_tags(text)
    return any(_speech(w) and _reports(tags, i, len(tags)) for i, (w, _) in enumerate(tags))


def states_thesis(text: str) -> bool:
    """Whether the sentence says, in the author's voice, what must be done or what something
    means (我们要……, 这说明……): not another's view it reports, nor a concession."""
    if _CONCESSION.match(text) or _QUOTED.search(text):
        return False
    tags = word_tags(_CONDITION.sub("", text))
    thesis = next((i for i in range(len(tags)) if _states(tags, i)), None)
    if thesis is None:
        return False
    return not any(_reports(tags, i, thesis) for i, (w, _) in enumerate(tags) if _speech(w))


# A sentence that states a thesis on the headline's own words (its claim restated in the author's
# voice) is the argument wherever it stands; one that opens the piece on none of them, or on a
# scene, a question or a date (a hook: an anecdote, a news peg, an observation), is what the piece
# argues from, not what it argues, when such a sentence follows.
HEADLINE_THESIS_BONUS = 0.5
HOOK_PENALTY = 0.8
# Another's words printed whole (“……”): not the author's argument, whatever thesis word they hold.
_QUOTATION = re.compile(r"^[“「『].*[”」』]$")
# A label set before a paragraph (【观点】……) names what follows, which is judged without it; a
# story's label (【故事】, 【基层镜头】, 【案例】) sets off a hook, never the thesis.
_LABEL = re.compile(r"^【([^】]{1,6})】")
_STORY_LABELS = ("故事", "镜头", "案例", "场景", "特写", "见闻", "现场", "速写")
# A step of the argument that leans on the one before (只有如此，……) or adds a side point (还需看到，
# ……也要……; 此外, 同时): the thesis only where it stands in the opening or closing paragraphs.
_SIDE_POINT = re.compile(r"^(?:(?:唯有|只有|惟有)?如此|还(?:需|要|应|须)|此外|另外|同时|与此同时)")


def _headline_words(article: Article) -> frozenset[str]:
    """The content words (nouns, verbs, adjectives of two characters or more) of the title, its
    column tag left out (人民论坛 says where the piece runs, not what it argues)."""
    title = _TITLE_TAG.sub("", article.title or "") or article.headline
    return frozenset(
        word for word, tag in word_tags(title) if len(word) >= 2 and tag[:1] in ("n", "v", "a")
    )


def _on_headline(text: str, words: frozenset[str]) -> bool:
    return any(word in words for word, _ in word_tags(text))


def _story(text: str) -> bool:
    label = _LABEL.match(text)
    return bool(label and any(word in label.group(1) for word in _STORY_LABELS))


def _hook(text: str, on_headline: bool) -> bool:
    """An opening that argues nothing: on none of the headline's words, or a scene, a question, a
    story's label (a dated event is marked down as a fact before it is asked)."""
    return (
        not on_headline
        or is_scene(text)
        or text.rstrip("”’」").endswith(("？", "?"))
        or _story(text)
    )


class _Reading(NamedTuple):
    """What argument_ranking reads of one sentence, once: its text (after its dateline, a label
    other than a story's left out), whether it states a thesis, whether it is on the headline's
    words, and whether it is a thesis on them that is no side point (the bonus anywhere)."""

    text: str
    thesis: bool
    on_headline: bool
    headline_thesis: bool


def argument_ranking(
    article: Article, ranked: list[Scored], opens: dict[int, str] | None = None
) -> list[Scored]:
    """The ranking as a commentary's summary needs it: its thesis (要/必须/关键在于/说明 …, in the
    opening or closing paragraphs, or anywhere on the headline's words) before the facts it argues
    from (a figure, a dated event), which the news ranking puts first, and before an opening hook
    (:func:`_hook`) when the piece states such a thesis, or one in its closing paragraphs. A
    quotation printed whole is never the thesis. ``opens``: each sentence's text after its
    dateline, by index, when the caller has it."""
    last = len(article.body) - 1
    words = _headline_words(article)
    notes = editors_paragraphs(article.body)

    def text_of(scored: Scored) -> str:
        sentence = scored.sentence
        return opens[sentence.index] if opens else split_dateline(sentence.text)[1]

    readings: dict[int, _Reading] = {}
    for scored in ranked:
        text = text_of(scored)
        story = _story(text)
        if not story:
            text = _LABEL.sub("", text, count=1)
        thesis = (
            not story
            and not _QUOTATION.match(text)
            and scored.sentence.paragraph not in notes
            and states_thesis(text)
        )
        on_headline = bool(words) and _on_headline(text, words)
        readings[scored.sentence.index] = _Reading(
            text, thesis, on_headline, thesis and on_headline and not _SIDE_POINT.match(text)
        )
    # The piece states its thesis: on the headline's words, or in its closing paragraphs (where a
    # piece that opens on a news peg or a scene most often says what it makes of it).
    thesis_stated = any(reading.headline_thesis for reading in readings.values()) or any(
        readings[scored.sentence.index].thesis
        and scored.sentence.paragraph > last - THESIS_PARAGRAPHS
        for scored in ranked
    )

    def delta(scored: Scored) -> float:
        sentence = scored.sentence
        text, thesis, on_headline, argued = readings[sentence.index]
        framing = (
            sentence.paragraph < THESIS_PARAGRAPHS or sentence.paragraph > last - THESIS_PARAGRAPHS
        )
        bonus = 0.0
        if thesis and (framing or argued):
            bonus = THESIS_BONUS + (HEADLINE_THESIS_BONUS if argued else 0.0)
        if (
            scored.figure
            or text.startswith(_RECENTLY)
            or TIME_START.match(text)
            or BACKGROUND.match(text)
        ):
            return bonus - FACT_PENALTY  # a hook of a fact is marked down once
        if (
            not thesis
            and thesis_stated
            and sentence.paragraph < THESIS_PARAGRAPHS
            and _hook(text, on_headline)
        ):
            return -HOOK_PENALTY
        return bonus

    return adjusted(ranked, delta)
