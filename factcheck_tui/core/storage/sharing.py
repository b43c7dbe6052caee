"""Who may read a database: its owner alone (personal), or one Unix group (a newsroom database).

A personal database is 0700 (folders) and 0600 (files). A newsroom database's folders carry the
setgid bit, so everything created in them belongs to the database's group, whoever creates it;
folders are 2770 and files 0660 (``files`` writes them so, whatever the umask). Nothing is ever
open to other users. ``doctor`` uses ``access_problems`` to find what someone's ``chmod`` or
``cp`` opened up, and ``repair_access`` to close it again.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

from factcheck_tui.core.errors import InputError, StorageError
from factcheck_tui.core.storage.files import GROUP_FILE, GROUP_FOLDER, PRIVATE_FILE, group_shared, is_temporary

PRIVATE_FOLDER = 0o700
_WHO = (("the group", 0o070), ("others", 0o007))


@dataclass(frozen=True)
class Access:
    """What a database's files should look like: the group that shares it, or None if personal."""

    gid: int | None

    @classmethod
    def of(cls, root: Path) -> Access:
        return cls(os.stat(root).st_gid if group_shared(root) else None)

    def mode(self, is_folder: bool) -> int:
        if self.gid is None:
            return PRIVATE_FOLDER if is_folder else PRIVATE_FILE
        return GROUP_FOLDER if is_folder else GROUP_FILE

    def describe(self) -> str:
        return "private to its owner" if self.gid is None else f"shared with group {group_name(self.gid)}"


def group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _owner_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def group_id(name: str) -> int:
    """The id of the Unix group ``name``, which this user must belong to (to hand files to it)."""
    try:
        gid = grp.getgrnam(name).gr_gid
    except KeyError:
        raise InputError(
            f"group {name!r}: no such Unix group (ask the host's admin to create it: groupadd {name})"
        ) from None
    if os.geteuid() != 0 and gid not in (os.getegid(), *os.getgroups()):
        raise InputError(
            f"group {name!r}: you are not a member (ask the admin: usermod -aG {name} {_owner_name(os.geteuid())}, "
            "then log in again)"
        )
    return gid


def make_group_folder(path: Path, gid: int) -> None:
    """Create ``path`` and missing parents as setgid folders of group ``gid`` (2770), or make an
    existing empty folder so; a folder someone else owns must already be right."""
    missing = [folder for folder in (*reversed(path.parents), path) if not folder.exists()]
    for folder in missing:
        folder.mkdir(mode=PRIVATE_FOLDER)
    for folder in [*missing] or [path]:
        st = os.stat(folder)
        if st.st_gid == gid and stat.S_IMODE(st.st_mode) == GROUP_FOLDER:
            continue
        try:
            os.chown(folder, -1, gid)
            os.chmod(folder, GROUP_FOLDER)
        except OSError as error:
            raise StorageError(
                f"{folder}: cannot share it with group {group_name(gid)} ({error.strerror}); its owner, "
                f"{_owner_name(st.st_uid)}, can: chgrp {group_name(gid)} {folder} && chmod 2770 {folder}"
            ) from None


def no_access(root: Path) -> str | None:
    """Why this user cannot open the database at ``root`` (another user's or group's), if so."""
    if os.access(root, os.R_OK | os.X_OK):
        return None
    st = os.stat(root)
    if group_shared(root):
        whose = f"it is shared with group {group_name(st.st_gid)}, which you are not in (ask the host's admin: usermod -aG {group_name(st.st_gid)} {_owner_name(os.geteuid())})"
    else:
        whose = f"it is private to {_owner_name(st.st_uid)}"
    return f"{root}: permission denied: {whose}"


@dataclass(frozen=True)
class AccessProblem:
    path: Path
    problem: str
    mode: int
    gid: int | None


def _problem(st: os.stat_result, access: Access, is_folder: bool) -> str | None:
    mode = stat.S_IMODE(st.st_mode)
    wanted = access.mode(is_folder)
    parts = []
    for who, bits in _WHO:
        extra = mode & bits & ~wanted
        if extra:
            parts.append(f"{who} can {_verbs(extra, is_folder)} it")
    if access.gid is not None:
        lacking = wanted & ~mode & 0o070
        if lacking:
            parts.append(f"the group cannot {_verbs(lacking, is_folder)} it")
        if is_folder and not mode & stat.S_ISGID:
            parts.append("no setgid bit, so what is saved in it would not belong to the group")
        if st.st_gid != access.gid:
            parts.append(f"it belongs to group {group_name(st.st_gid)}, not the database's {group_name(access.gid)}")
    if not parts:
        return None
    return f"{'; '.join(parts)} (mode {mode:04o}, should be {wanted:04o})"


def _verbs(bits: int, is_folder: bool) -> str:
    words = []
    if bits & 0o444:
        words.append("list" if is_folder else "read")
    if bits & 0o222:
        words.append("write")
    if bits & 0o111:
        words.append("search" if is_folder else "run")
    return " and ".join(words) or "use"


def access_problems(root: Path) -> list[AccessProblem]:
    """Every file and folder in the database that others could use (or, in a newsroom database,
    that its group cannot, or that belongs to another group). Links are not followed."""
    access = Access.of(root)
    found = []
    for folder, folders, files in os.walk(root):
        # A temporary file is renamed into place, or removed, within moments: its mode is checked then.
        for path in (Path(folder), *(Path(folder) / name for name in files if not is_temporary(name))):
            try:
                st = os.lstat(path)
            except FileNotFoundError:  # a save renamed it away meanwhile
                continue
            if stat.S_ISLNK(st.st_mode):
                continue
            problem = _problem(st, access, stat.S_ISDIR(st.st_mode))
            if problem:
                found.append(AccessProblem(path, problem, stat.S_IMODE(st.st_mode), st.st_gid))
        folders[:] = [name for name in folders if not os.path.islink(os.path.join(folder, name))]
    return found


def repair_access(root: Path) -> tuple[list[str], list[AccessProblem]]:
    """Give every file and folder the database's mode and group. Returns what was fixed (one
    line each) and what could not be (another user's file: only they or root can change it)."""
    access = Access.of(root)
    fixed, failed = [], []
    for item in access_problems(root):
        is_folder = item.path.is_dir()
        try:
            if access.gid is not None and item.gid != access.gid:
                os.chown(item.path, -1, access.gid)
            os.chmod(item.path, access.mode(is_folder))
        except OSError as error:
            owner = _owner_name(os.lstat(item.path).st_uid)
            failed.append(
                AccessProblem(
                    item.path,
                    f"{item.problem}; cannot fix it ({error.strerror}): only {owner} or root can",
                    item.mode,
                    item.gid,
                )
            )
            continue
        fixed.append(f"{_shown(root, item.path, is_folder)}: now {access.mode(is_folder):04o}, {access.describe()}")
    return fixed, failed


def _shown(root: Path, path: Path, is_folder: bool) -> str:
    relative = str(path.relative_to(root)) if path != root else "."
    return f"{relative}/" if is_folder and relative != "." else relative
