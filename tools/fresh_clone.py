#!/usr/bin/env python
"""Time a reproduction from a fresh `git clone` of this repository's HEAD, the way a new user runs it, and bring its
outputs back.

The clone is made beside the repository (so `../shared/data` resolves as it does here), the command runs there and
installs everything itself (`make reproduce` creates the virtual environment), and its output is shown and logged.
On success the clone's results folder of the profile (`figures/<out_subdir>/`, without the executed notebooks and
caches) replaces this repository's, and `tables/fresh_clone.csv` records the command, the commit, the exit status and
the wall time; on failure nothing is copied and the log is kept.

    python tools/fresh_clone.py --profile standard          # `make fresh-clone PROFILE=standard` also regenerates the README
"""
from __future__ import annotations
import argparse, shlex, shutil, subprocess, sys, time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from intervention_distill.core import get_profile, machine_info  # noqa: E402

IGNORED = ('executed', 'cache')   # large, regenerated, git-ignored: not copied back


def git(repo:Path, *args:str) -> str:
    return subprocess.run(['git', '-C', str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def check_clean(repo:Path) -> str:
    "HEAD's commit of `repo`; a `ValueError` naming the changed files when the tree differs from HEAD (the clone would not have them)."
    dirty = git(repo, 'status', '--porcelain', '--untracked-files=no')
    if dirty: raise ValueError(f"{repo} has uncommitted changes that a fresh clone would not see: {', '.join(l.split(maxsplit=1)[1] for l in dirty.splitlines()[:5])}")
    return git(repo, 'rev-parse', 'HEAD')


def run_logged(cmd:str, cwd:Path, log:Path) -> tuple[int, float]:
    "(exit status, seconds) of `cmd` run by bash in `cwd`, its output shown and written to `log`."
    t0 = time.monotonic()
    with open(log, 'w') as f:
        p = subprocess.Popen(['bash', '-c', cmd], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in p.stdout:
            sys.stdout.write(line); f.write(line)
        rc = p.wait()
    return rc, time.monotonic() - t0


def fresh_clone(profile:str, repo:Path=ROOT, workdir:Path|None=None, command:str|None=None, keep:bool=False) -> pd.DataFrame:
    "Clone `repo`'s HEAD into `workdir`, time `command` (default `make reproduce PROFILE=<profile>`) there, copy the results back; the record."
    folder = Path('figures')/get_profile(profile).out_subdir
    if folder == Path('figures'): raise ValueError(f"profile {profile!r} writes into figures/ itself, beside the other profiles' folders and the bench tables: "
                                                  "copying it back would replace them; run `make reproduce` for it")
    commit = check_clean(repo)
    workdir = Path(workdir or repo.parent/f'fresh-clone-{profile}')
    if workdir.exists(): raise ValueError(f"workdir {workdir} exists: remove it or pass another --workdir")
    command = command or f'make reproduce PROFILE={shlex.quote(profile)}'
    subprocess.run(['git', 'clone', '--quiet', '--no-hardlinks', str(repo), str(workdir)], check=True)
    log = repo/f'fresh_clone_{profile}.log'
    print(f"fresh clone of {commit[:12]} in {workdir}: {command} (log: {log})", flush=True)
    rc, seconds = run_logged(command, workdir, log)
    rec = pd.DataFrame([dict(command=command, where='fresh git clone (venv and package installed by the command itself)', git_commit=commit,
                             rc=rc, seconds=round(seconds), minutes=round(seconds / 60, 1), machine=machine_info()['machine'])])
    if rc != 0:
        print(f"{command} failed with exit status {rc} after {seconds:.0f} s: nothing copied; the clone stays in {workdir}, the log in {log}")
        return rec
    src, dst = workdir/folder, repo/folder
    if not src.is_dir(): raise ValueError(f"{command} wrote no {folder}/ in the clone: is {profile!r} the profile it ran?")
    if dst.exists(): shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(*IGNORED))
    (dst/'tables').mkdir(exist_ok=True)
    rec.to_csv(dst/'tables'/'fresh_clone.csv', index=False)
    (dst/'tables'/'fresh_clone.md').write_text(rec.to_markdown(index=False) + '\n')
    if not keep: shutil.rmtree(workdir)
    print(f"{command}: exit status 0 in {seconds:.0f} s ({seconds / 60:.1f} min); {folder}/ copied back with tables/fresh_clone.csv")
    return rec


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--profile', default='standard', help='profile to reproduce (core.PROFILES)')
    ap.add_argument('--workdir', type=Path, default=None, help='where to clone (default: beside the repository, fresh-clone-<profile>)')
    ap.add_argument('--command', default=None, help='command to time in the clone (default: make reproduce PROFILE=<profile>)')
    ap.add_argument('--keep', action='store_true', help='keep the clone after a successful run')
    a = ap.parse_args()
    sys.exit(int(fresh_clone(a.profile, ROOT, a.workdir, a.command, a.keep).rc.iloc[0]))
