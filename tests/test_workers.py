"""extract.workers: supervised worker processes, one file at a time each."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.settings import Settings
from extract.workers import supervised_outcomes


@dataclass
class Job:
    source: str
    data: bytes


def _echo(source: str, data: bytes, settings: Settings) -> tuple[str, int]:
    return source, len(data)


def _failed(job: Job, stage: str, reason: str) -> tuple[str, str]:
    return stage, reason


def test_every_job_gets_its_own_outcome_from_the_pool() -> None:
    jobs = [Job(f"f{i}", b"x" * i) for i in range(7)]
    got = supervised_outcomes(iter(jobs), 2, Settings(max_seconds_per_document=30), _echo, _failed)
    assert sorted((j.source, o) for j, o in got) == [(f"f{i}", (f"f{i}", i)) for i in range(7)]


def test_a_worker_has_its_next_file_before_the_caller_stores_the_last_one() -> None:
    """The store runs in the caller: while it writes one outcome, the worker must already
    hold the next file, or one worker idles for the whole store time (regression: -j1
    alternated extraction and store instead of overlapping them)."""
    handed: list[str] = []

    def jobs():
        for i in range(4):
            handed.append(f"f{i}")
            yield Job(f"f{i}", b"")

    seen = []
    for job, _ in supervised_outcomes(jobs(), 1, Settings(max_seconds_per_document=30), _echo, _failed):
        seen.append(job.source)
        if job.source != "f3":  # the next file was sent before this outcome reached us
            assert handed[-1] == f"f{len(seen)}"
    assert seen == ["f0", "f1", "f2", "f3"]


KILLED_PARENT = """
import sys, time
from dataclasses import dataclass
from extract.settings import Settings
from extract.workers import supervised_outcomes

@dataclass
class Job:
    source: str
    data: bytes

def slow(source, data, settings):
    import os
    print(os.getpid(), flush=True)  # the worker's pid, for the test
    time.sleep(120)

for _ in supervised_outcomes(iter([Job("a", b"")]), 1, Settings(max_seconds_per_document=0), slow, None):
    pass
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    """A batch killed by SIGKILL (or the OOM killer) leaves no worker behind (regression:
    a worker busy with a document ran on, orphaned, until it finished)."""
    script = tmp_path / "parent.py"
    script.write_text(KILLED_PARENT)
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as parent:
        assert parent.stdout is not None
        worker_pid = int(parent.stdout.readline())
        parent.kill()
    for _ in range(100):  # the kernel delivers SIGKILL at once; allow a loaded machine 10 s
        if not _alive(worker_pid):
            break
        time.sleep(0.1)
    assert not _alive(worker_pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"  # a zombie waiting for init to reap it is dead
    except FileNotFoundError:
        return False
