"""The `[smtp]` / `[delivery]` tables and the `send`, `history`, `watch` commands with their exit statuses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.deliver.settings import load_delivery_config
from briefing.errors import ConfigError

from deliver_helpers import PASSWORD, write_issue

ROOT = Path(__file__).resolve().parent.parent


def write_config(
    path: Path, port: int, *, extra_smtp: str = "", extra: str = "", mode: int = 0o600
) -> Path:
    path.write_text(
        '[briefing]\npaper = "临江日报"\n\n'
        "[smtp]\n"
        'host = "127.0.0.1"\n'
        f"port = {port}\n"
        + ("" if "security" in extra_smtp else 'security = "none"\n')
        + 'from = "临江日报简报 <briefing@example.com>"\n'
        'to = ["编辑部 <desk@example.com>"]\n'
        "timeout = 5\n"
        f"{extra_smtp}\n"
        "[delivery]\n"
        'ledger = "state/ledger.sqlite3"\n'
        "backoff = 0.01\n"
        "retries = 1\n"
        "lock_timeout = 0.3\n"
        f"{extra}\n",
        encoding="utf-8",
    )
    path.chmod(mode)
    return path


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["briefing", *map(str, args)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


# -- configuration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("smtp", "delivery", "message"),
    [
        ('hots = "x"', "", r"unknown setting \[smtp\] 'hots'"),
        ("", "retry = 3", r"unknown setting \[delivery\] 'retry'"),
        ('security = "tls"', "", "security must be one of ssl, starttls, none"),
        ('username = "u"\npassword_env = "P"', "", "would send the password unencrypted"),
        ('password = "a"\npassword_env = "P"', "", "not both"),
        ('cc = ["not an address"]', "", "not one email address"),
        ('verify = "no"', "", "verify must be bool"),
        ("", 'attach = ["pdf"]', "attach may hold docx, md"),
        ("", 'subject = "{paper"', "subject is not a valid template"),
        ("", 'on_interrupted = "maybe"', "on_interrupted must be one of resend, skip"),
    ],
)
def test_bad_settings_are_config_errors_naming_the_key(tmp_path, smtp, delivery, message):
    config = write_config(tmp_path / "briefing.toml", 2525, extra_smtp=smtp, extra=delivery)
    with pytest.raises(ConfigError, match=message):
        load_delivery_config(config)


def test_defaults_and_relative_paths(tmp_path):
    config = load_delivery_config(write_config(tmp_path / "briefing.toml", 2525))
    assert config.delivery.ledger == tmp_path / "state" / "ledger.sqlite3"
    assert config.delivery.subject == "{paper} 每日简报 {date}"
    assert config.smtp.verify is True and config.build.paper == "临江日报"
    ssl_config = tmp_path / "ssl.toml"
    ssl_config.write_text(
        '[smtp]\nhost = "h"\nsecurity = "ssl"\nfrom = "a@b.cn"\n', encoding="utf-8"
    )
    assert load_delivery_config(ssl_config).smtp.port == 465


def test_clear_text_password_readable_by_others_warns_and_never_shows(tmp_path, caplog):
    exposed = write_config(
        tmp_path / "exposed.toml",
        2525,
        extra_smtp=f'username = "u"\nsecurity = "starttls"\npassword = "{PASSWORD}"',
        mode=0o644,
    )
    settings = load_delivery_config(exposed)
    assert "holds an SMTP password in clear text and other users can read it" in caplog.text
    assert PASSWORD not in caplog.text and PASSWORD not in repr(settings)
    caplog.clear()
    exposed.chmod(0o600)
    load_delivery_config(exposed)
    assert "clear text" not in caplog.text


# -- commands --------------------------------------------------------------------------------


def test_send_then_nothing_to_do_then_history(server, tmp_path, monkeypatch, capsys):
    config = write_config(tmp_path / "briefing.toml", server.port)
    issue = write_issue(tmp_path / "issue.txt")
    code, out, err = run(monkeypatch, capsys, "send", issue, "--config", config)
    assert code == 0 and out == "" and 'sent "' in err and "1 recipient" in err
    code, out, err = run(monkeypatch, capsys, "send", issue, "--config", config)
    assert code == 0 and "nothing to do" in err
    assert len(server.handler.received) == 1
    code, out, err = run(
        monkeypatch, capsys, "send", issue, "--config", config, "--force", "--to", "me@example.com"
    )
    assert code == 0 and server.handler.received[-1].rcpt_tos == ["me@example.com"]
    code, out, err = run(monkeypatch, capsys, "history", "--config", config)
    assert code == 0 and out.count("sent") == 2 and "issue.txt" in out


def test_delivery_failure_exits_1_with_one_line_per_problem(server, tmp_path, monkeypatch, capsys):
    server.handler.rcpt_replies = {"desk@example.com": ["550 5.1.1 unknown user"]}
    config = write_config(tmp_path / "briefing.toml", server.port)
    code, out, err = run(
        monkeypatch, capsys, "send", write_issue(tmp_path / "issue.txt"), "--config", config
    )
    assert code == 1
    assert "refused desk@example.com: 550 5.1.1 unknown user" in err
    assert "briefing: delivery failed:" in err and "Traceback" not in err


def test_bad_input_and_config_exit_2(tmp_path, monkeypatch, capsys):
    config = write_config(tmp_path / "briefing.toml", 2525, extra='colour = "red"')
    code, _, err = run(
        monkeypatch, capsys, "send", write_issue(tmp_path / "issue.txt"), "--config", config
    )
    assert code == 2 and "unknown setting [delivery] 'colour'" in err
    config = write_config(tmp_path / "briefing.toml", 2525)
    code, _, err = run(monkeypatch, capsys, "send", tmp_path / "missing.txt", "--config", config)
    assert code == 2 and "missing.txt" in err


def test_dry_run_path_on_stderr(tmp_path, monkeypatch, capsys):
    config = write_config(tmp_path / "briefing.toml", 2525)
    target = tmp_path / "out.eml"
    issue = write_issue(tmp_path / "issue.txt")
    code, out, err = run(
        monkeypatch, capsys, "send", issue, "--config", config, "--dry-run", "-o", target
    )
    assert (
        code == 0
        and out == ""
        and str(target) in err
        and target.read_bytes().startswith(b"Subject:")
    )


def test_watch_command_runs_and_stops(server, tmp_path, monkeypatch, capsys):
    config = write_config(tmp_path / "briefing.toml", server.port)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_issue(inbox / "a.txt")
    code, _, err = run(
        monkeypatch,
        capsys,
        "watch",
        inbox,
        "--config",
        config,
        "--interval",
        "0.05",
        "--polls",
        "3",
    )
    assert code == 0 and len(server.handler.received) == 1


def test_exit_statuses_in_a_real_process(server, tmp_path):
    """What cron sees: the installed entry point, real stderr, real exit codes, no secrets."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    config = write_config(tmp_path / "briefing.toml", server.port)
    issue = write_issue(tmp_path / "issue.txt")
    command = [sys.executable, "-m", "briefing", "send", str(issue), "--config", str(config)]
    first = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert first.returncode == 0, first.stderr
    second = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert second.returncode == 0 and "nothing to do" in second.stderr
    server.handler.data_replies = ["554 5.7.1 no"]
    forced = subprocess.run(
        command + ["--force"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert forced.returncode == 1 and "554 5.7.1 no" in forced.stderr

    exposed = write_config(
        tmp_path / "exposed.toml",
        server.port,
        mode=0o644,
        extra_smtp=f'security = "starttls"\nusername = "u"\npassword = "{PASSWORD}"',
    )
    dry = subprocess.run(
        [*command[:5], "--config", str(exposed), "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert (
        dry.returncode == 0
        and "clear text" in dry.stderr
        and str(tmp_path / "issue.eml") in dry.stderr
    )
    assert PASSWORD not in first.stderr + second.stderr + forced.stderr + dry.stderr
    assert PASSWORD.encode() not in (tmp_path / "issue.eml").read_bytes()
