"""The command line as a user meets it: data on stdout, one-line errors, exit status 2."""

import json
import subprocess
import sys

import pytest

ARTICLE_KEYS = {
    "id",
    "lines",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "dateline",
    "column",
    "subheads",
    "captions",
    "credit",
    "body",
}


def run(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], input=stdin, capture_output=True, timeout=60
    )


def test_split_json_has_the_documented_shape(samples):
    result = run("split", str(samples / "linjiang-daily-2024-03-12.txt"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"issue", "articles"}
    assert "furniture" in data["issue"]
    assert all(ARTICLE_KEYS <= set(article) for article in data["articles"])
    assert result.stderr == b""


def test_split_reads_stdin_and_prints_markdown(samples):
    page = (samples / "qingchuan-news-2024-05-20.txt").read_bytes()
    result = run("split", "-", "--format", "md", stdin=page)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# 青川新闻 2024-05-20")
    assert "## a1. 青川区政务服务实现“一窗通办”" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, b"no such file"), (b"", b"empty"), (b"\x00\x01\x02binary", b"binary")],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("split", str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    assert message in result.stderr
    assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


def test_unknown_splitter_lists_the_known_ones():
    from briefing import ConfigError
    from briefing.registry import splitters

    with pytest.raises(ConfigError, match="available: layout, lines, rules"):
        splitters.get("neural")
