"""Reading issues and articles: encodings, line ends, directories, stdin, and bad input."""

import pytest

from briefing import InputError, read_articles, read_issue
from briefing.read.text import MAX_BYTES

TEXT = "江北区启动老旧小区改造\n\n本报讯 江北区今年将改造老旧小区42个。\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "crlf", "gb18030-crlf"],
)
def test_encodings_and_line_ends_read_the_same(tmp_path, encode):
    path = tmp_path / "issue.txt"
    path.write_bytes(encode(TEXT))
    assert read_issue(path).pages[0].lines == TEXT.split("\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"\xff\xfe\xfd\x80\x81" * 3, "cannot decode"),
    ],
)
def test_bad_files_get_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_issue(path)


def test_missing_path_and_huge_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_issue(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_issue(big)


def test_directory_without_pages(tmp_path):
    with pytest.raises(InputError, match="no page files"):
        read_issue(tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": "正文"', r"articles.jsonl:2: not valid JSON"),
        ('["a"]', "expected a JSON object"),
        ('{"id": "x"}', "missing 'text'"),
        ('{"id": "a", "text": "重复"}', "duplicate id"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path, line, message):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a", "text": "第一篇。"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_articles(path)


def test_control_characters_that_mean_binary_data_are_those_below_a_space_but_layout():
    from briefing.read.text import decode

    layout = "\t\n\r\f"
    for code in range(1, 0x20):  # NUL: binary by a rule of its own
        char = chr(code)
        counted = char not in layout  # the characters the binary-data rule counts
        # Eight of them on a 100-character page pass (the rule allows 8); nine are binary.
        for times, binary in ((8, False), (9, counted)):
            text = ("新闻" * 50 + char * times).encode("utf-8")
            if binary:
                with pytest.raises(InputError, match="binary"):
                    decode(text)
            else:
                decode(text)
