"""A newsroom database shared by one Unix group: created by ``init --group``, kept so by every
write, checked and repaired by ``doctor``, and closed to everyone outside the group.

The group is one of the current user's own (``os.getgroups()``), so this runs anywhere; only the
tests that act as another user need root.
"""

from __future__ import annotations

import grp
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import StorageError
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.storage.preferences import ExportChoice
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.storage.schema import init_database
from factcheck_tui.core.workflow import review
from support.cli import run_cli
from support.paths import STRIKE

NOBODY = 65534


def _my_group() -> str:
    return grp.getgrgid(os.getgroups()[0] if os.getgroups() else os.getegid()).gr_name


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(entry.relative_to(root)): (stat.S_IMODE(entry.lstat().st_mode), entry.lstat().st_gid)
        for entry in [root, *root.rglob("*")]
    }


def _assert_group_database(root: Path, gid: int) -> None:
    modes = _modes(root)
    assert ".lock" in modes and any(name.startswith("backups/") for name in modes)
    for name, (mode, owner_group) in modes.items():
        wanted = 0o2770 if (root / name).is_dir() else 0o660
        assert (mode, owner_group) == (wanted, gid), f"{name}: {mode:o}, group {owner_group}"


def _work_on(repo: Repository) -> str:
    """Import a story and save over it: summaries, backups, a draft, a preference, the matching cache."""
    _story, claims = import_story(repo, read_article(str(STRIKE)), actor="ana")
    for text in ("First", "Second", "Third", "Fourth"):
        review.set_conclusion(repo, claims[0].id, text, actor="ana")
    repo.drafts("ana").save(claims[1].id, "conclusion", "typing", 1)
    repo.preferences("ana").remember_export(ExportChoice(format="md", folder="/tmp"))
    MatchIndex.open(repo, Config().matching).save()
    return claims[0].id


def test_init_with_a_group_gives_setgid_folders_and_group_files_through_every_write(tmp_path: Path) -> None:
    root = tmp_path / "newsroom" / "factcheck"
    with _umask(0o022):
        result = init_database(root, _my_group())
        assert result.created
        repo = Repository(root)
        claim_id = _work_on(repo)
        # A repair rewrites files too: a damaged story is restored from its backup.
        story = repo.layout.story(claim_id.rsplit("-", 1)[0])
        story.write_text("{ damaged")
        assert "restored from" in " ".join(repair_database(root).actions)
    _assert_group_database(root, grp.getgrnam(_my_group()).gr_gid)
    assert check_database(root).healthy


def test_a_group_database_made_from_the_config_key(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'group = "{_my_group()}"\n')
    with _umask(0o002):
        result = run_cli(tmp_path, "--config", str(config), "--db", str(tmp_path / "db"), "import", str(STRIKE))
    assert result.returncode == 0, result.stderr
    _assert_group_database(tmp_path / "db", grp.getgrnam(_my_group()).gr_gid)


def test_init_on_the_command_line_says_what_it_made(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "init", str(tmp_path / "desk"), "--group", _my_group())
    assert result.returncode == 0, result.stderr
    assert f"created a database, shared with group {_my_group()}" in result.stdout
    assert f"export FACTCHECK_DB={tmp_path / 'desk'}" in result.stdout
    again = run_cli(tmp_path, "init", str(tmp_path / "desk"))
    assert again.returncode == 0 and "a database already" in again.stdout


def test_init_refuses_an_unknown_group_and_a_folder_of_other_things(tmp_path: Path) -> None:
    unknown = run_cli(tmp_path, "init", str(tmp_path / "desk"), "--group", "no-such-group-here")
    assert unknown.returncode == 2
    assert unknown.stderr.count("\n") == 1 and "no such Unix group" in unknown.stderr
    assert not (tmp_path / "desk").exists()
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "notes.txt").write_text("mine")
    busy = run_cli(tmp_path, "init", str(tmp_path / "papers"))
    assert busy.returncode == 2 and "not empty and not a factcheck database" in busy.stderr


def test_init_shares_an_existing_private_database(tmp_path: Path) -> None:
    root = tmp_path / "db"
    with _umask(0o022):
        _work_on(Repository(root))
        result = init_database(root, _my_group())
    assert not result.created and not result.failed
    assert any(line.startswith("stories/: now 2770") for line in result.fixed)
    _assert_group_database(root, grp.getgrnam(_my_group()).gr_gid)


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_no_lock_is_world_writable_and_a_group_lock_is_group_writable(tmp_path: Path, mask: int) -> None:
    with _umask(mask):
        personal = Repository(tmp_path / "personal")
        init_database(tmp_path / "desk", _my_group())
        shared = Repository(tmp_path / "desk")
        for repo in (personal, shared):
            with repo.write_lock():
                pass
    assert stat.S_IMODE(os.stat(personal.layout.lock).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(shared.layout.lock).st_mode) == 0o660


def test_doctor_reports_what_others_can_use_one_line_each_and_repair_closes_it(tmp_path: Path) -> None:
    root = tmp_path / "db"
    _work_on(Repository(root))
    story = next((root / "stories").glob("*.json"))
    os.chmod(story, 0o644)
    os.chmod(root / "backups", 0o755)
    os.chmod(root / ".lock", 0o666)
    result = run_cli(tmp_path, "--db", str(root), "doctor")
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("problem:")]
    assert sorted(problems) == sorted(
        [
            "problem: .lock: the group can read and write it; others can read and write it (mode 0666, should be 0600)",
            "problem: backups: the group can list and search it; others can list and search it (mode 0755, should be 0700)",
            f"problem: stories/{story.name}: the group can read it; others can read it (mode 0644, should be 0600)",
        ]
    )
    repaired = run_cli(tmp_path, "--db", str(root), "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert f"repaired: stories/{story.name}: now 0600, private to its owner" in repaired.stdout
    assert all(mode & 0o077 == 0 for mode, _ in _modes(root).values())


def test_doctor_finds_a_file_of_another_group_in_a_group_database(tmp_path: Path) -> None:
    groups = [gid for gid in {*os.getgroups(), os.getegid()}]
    if len(groups) < 2 and os.geteuid() != 0:
        pytest.skip("needs a second group of this user's (or root) to hand a file to")
    gid = grp.getgrnam(_my_group()).gr_gid
    other = next((g for g in groups if g != gid), NOBODY)
    root = tmp_path / "desk"
    init_database(root, _my_group())
    _work_on(Repository(root))
    story = next((root / "stories").glob("*.json"))
    os.chown(story, -1, other)
    report = check_database(root)
    assert [finding.path for finding in report.findings] == [story]
    assert (
        f"belongs to group {grp.getgrgid(other).gr_name}, not the database's {_my_group()}"
        in report.findings[0].problem
    )
    assert repair_database(root).healthy
    _assert_group_database(root, gid)


# -- as other users (root only: it takes setuid) ------------------------------------------------

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="acting as another user needs root")


@pytest.fixture
def reachable(tmp_path: Path) -> Iterator[Path]:
    """A folder another user can pass through: pytest's own temporary folders are private to
    root (and the lock's path is made absolute, so a relative path does not get round that)."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-shared-"))
    os.chmod(folder, 0o711)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def _as_user(cwd: Path, groups: list[int], action: Callable[[], object]) -> str:
    """Run ``action`` in ``cwd`` in a child process, as the user nobody with these supplementary
    groups; returns "ok" or the error's message."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.chdir(cwd)
            os.setgroups(groups)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            action()
            message = "ok"
        except BaseException as error:
            message = f"{type(error).__name__}: {error}"
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


@needs_root
def test_a_group_member_reads_and_saves_and_an_outsider_cannot_even_list(reachable: Path) -> None:
    gid = grp.getgrnam(_my_group()).gr_gid
    with _umask(0o022):
        init_database(reachable / "desk", _my_group())
        claim_id = _work_on(Repository(reachable / "desk"))

    def member_saves() -> None:
        repo = Repository(Path("desk"))
        review.set_conclusion(repo, claim_id, "Checked by a colleague", actor="bo")
        repo.drafts("bo").save(claim_id, "conclusion", "more", 5)

    assert _as_user(reachable, [gid], member_saves) == "ok"
    assert Repository(reachable / "desk").get_claim(claim_id).conclusion == "Checked by a colleague"
    _assert_group_database(reachable / "desk", gid)
    outsider = _as_user(reachable, [], lambda: Repository(Path("desk")).list_stories())
    assert outsider.startswith(StorageError.__name__)
    assert f"permission denied: it is shared with group {_my_group()}, which you are not in" in outsider
    reading = _as_user(reachable, [], lambda: (Path("desk") / "factcheck.json").read_bytes())
    assert reading.startswith("PermissionError")


@needs_root
def test_a_private_database_is_closed_to_everyone_else(reachable: Path) -> None:
    with _umask(0o022):
        _work_on(Repository(reachable / "mine"))
    gid = os.stat(reachable / "mine").st_gid
    outsider = _as_user(reachable, [gid], lambda: Repository(Path("mine")).list_stories())
    assert "permission denied: it is private to" in outsider
