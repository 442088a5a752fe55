"""`briefing batch`: outputs and index, failures, resuming, a kill mid-batch, a full disk, Ray."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.jobs import batch as batch_module
from briefing.jobs.batch import discover, read_index, run_batch
from briefing.cli import main
from briefing.errors import InputError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CITY = SAMPLES / "linjiang-daily-2024-03-12.txt"
NEWS = SAMPLES / "qingchuan-news-2024-05-20.txt"


def archive(root: Path, count: int) -> Path:
    """``count`` issues in a tree of days (copies of the samples), for batches."""
    for n in range(count):
        day = root / f"2024/03/{n // 4 + 1:02d}"
        day.mkdir(parents=True, exist_ok=True)
        shutil.copy(CITY if n % 2 else NEWS, day / f"p{n % 4}.txt")
    return root


def index_lines(out: Path) -> list[dict]:
    return [
        json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def test_outputs_index_and_a_corrupt_file_in_the_middle(tmp_path):
    src = archive(tmp_path / "in", 4)
    (src / "2024/03/01/p1.txt").write_bytes(b"\x00\x01\x02 not text")  # corrupt, second of four
    out = tmp_path / "out"
    report = run_batch([src], output_dir=out, formats=["json", "md"], workers=2)
    assert (report.total, report.done, report.skipped) == (4, 3, 0)
    assert [r.key for r in report.failed] == ["2024/03/01/p1"] and "binary" in report.failed[
        0
    ].error
    assert report.exit_code == 1
    assert json.loads((out / "2024/03/01/p0.json").read_text(encoding="utf-8"))["paper"]
    assert (out / "2024/03/01/p3.md").read_text(encoding="utf-8").startswith("# ")
    records = index_lines(out)
    assert [r["key"] for r in records] == [
        f"2024/03/01/p{i}" for i in range(4)
    ]  # one each, input order
    assert {r["status"] for r in records} == {"ok", "failed"}
    assert all(r["fingerprint"] and r["settings"] for r in records)
    assert not list(out.rglob("*.tmp"))


def test_rerun_skips_what_is_done_and_redoes_what_changed(tmp_path):
    src = archive(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert run_batch([src], output_dir=out, workers=0).done == 3
    again = run_batch([src], output_dir=out, workers=0)
    assert (again.done, again.skipped) == (0, 3)
    shutil.copy(CITY, src / "2024/03/01/p0.txt")  # the content of one issue changes
    changed = run_batch([src], output_dir=out, workers=0)
    assert (changed.done, changed.skipped) == (1, 2)
    other_formats = run_batch([src], output_dir=out, formats=["json", "md"], workers=0)
    assert other_formats.done == 3  # other settings: everything again
    (out / "2024/03/01/p2.md").unlink()  # an output that went missing is rebuilt
    assert run_batch([src], output_dir=out, formats=["json", "md"], workers=0).done == 1
    assert len(index_lines(out)) == 3


def test_killed_batch_resumes_without_doing_an_issue_twice(tmp_path):
    src = archive(tmp_path / "in", 40)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "briefing", "batch", str(src), "-o", str(out), "-w", "1", "-q"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            index = out / "index.jsonl"
            if index.exists() and index.read_text(encoding="utf-8").count("\n") >= 5:
                break
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the driver and its worker, mid-batch
        process.wait()
    first = read_index(out / "index.jsonl")
    assert 5 <= len(first) < 40, "the batch was not killed in the middle"
    stamps = {
        name: (out / name).stat().st_mtime_ns for r in first.values() for name in r["outputs"]
    }
    report = run_batch([src], output_dir=out, workers=0)
    assert report.skipped == len(first) and report.done == 40 - len(first) and not report.failed
    assert all(
        (out / name).stat().st_mtime_ns == stamp for name, stamp in stamps.items()
    )  # not rebuilt
    records = index_lines(out)
    assert len(records) == 40 and len({r["key"] for r in records}) == 40
    assert all(r["status"] == "ok" for r in records)
    assert not list(out.rglob("*.tmp"))


def test_a_full_disk_stops_the_batch_and_a_rerun_finishes_it(tmp_path, monkeypatch):
    src = archive(tmp_path / "in", 8)
    out = tmp_path / "out"
    real_write = batch_module.write_atomic
    writes = []

    def filling_write(path, data):
        if len(writes) >= 3:
            raise InputError(f"{path}: cannot write: No space left on device") from OSError(
                errno.ENOSPC, "No space left on device"
            )
        writes.append(path)
        real_write(path, data)

    monkeypatch.setattr(batch_module, "write_atomic", filling_write)
    report = run_batch([src], output_dir=out, workers=0)
    assert report.done == 3 and report.failed and "No space left" in report.failed[0].error
    assert report.aborted and "No space left" in report.aborted
    assert report.not_started > 0 and report.exit_code == 1
    assert sorted(p.name for p in out.rglob("*.json")) == ["p0.json", "p1.json", "p2.json"]
    monkeypatch.setattr(batch_module, "write_atomic", real_write)
    rerun = run_batch([src], output_dir=out, workers=0)
    assert (rerun.skipped, rerun.done, rerun.failed) == (3, 5, [])
    assert len(index_lines(out)) == 8


def test_discovery_keys_manifests_and_collisions(tmp_path):
    src = archive(tmp_path / "in", 2)
    (src / ".hidden.txt").write_text("x", encoding="utf-8")
    assert [j.key for j in discover([src])] == ["2024/03/01/p0", "2024/03/01/p1"]
    assert [j.key for j in discover([src], pages_per_dir=True)] == ["2024/03/01"]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": str(CITY), "paper": "临江日报", "id": "lj-0312"}) + "\n",
        encoding="utf-8",
    )
    jobs = discover([], manifest=manifest)
    assert (jobs[0].key, jobs[0].paper) == ("lj-0312", "临江日报")
    with pytest.raises(InputError, match="same outputs"):
        discover([CITY, tmp_path / "in/2024/03/01/p1.txt", CITY])
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "missing"])


def test_cli_reports_failures_and_exits_1(tmp_path, monkeypatch, capsys):
    src = archive(tmp_path / "in", 2)
    (src / "2024/03/01/p1.txt").write_bytes(b"")
    monkeypatch.setattr(
        sys,
        "argv",
        ["briefing", "batch", str(src), "-o", str(tmp_path / "out"), "-w", "0", "-f", "json,md"],
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert "1 built" in err and "failed: 2024/03/01/p1" in err and "empty" in err
    monkeypatch.setattr(
        sys,
        "argv",
        ["briefing", "batch", str(src), "-o", str(tmp_path / "out"), "--engine", "spark"],
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2 and "unknown engine" in capsys.readouterr().err


@pytest.mark.slow
def test_ray_engine_on_a_local_instance(tmp_path):
    ray = pytest.importorskip("ray")
    src = archive(tmp_path / "in", 6)
    (src / "2024/03/02/p1.txt").write_bytes(b"\x00 corrupt")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        report = run_batch(
            [src], output_dir=tmp_path / "out", formats=["json", "md"], workers=2, engine="ray"
        )
    finally:
        ray.shutdown()
    assert (report.done, len(report.failed)) == (5, 1)
    assert len(index_lines(tmp_path / "out")) == 6
    local = run_batch([src], output_dir=tmp_path / "local", formats=["json", "md"], workers=0)
    assert (tmp_path / "out/2024/03/01/p0.md").read_text(encoding="utf-8") == (
        tmp_path / "local/2024/03/01/p0.md"
    ).read_text(encoding="utf-8")
    assert local.done == 5
