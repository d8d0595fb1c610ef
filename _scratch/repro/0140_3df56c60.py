#| export
def git_commit(root:str|Path|None=None) -> str:
    "Current commit of the project (with `-dirty` when there are uncommitted changes), or `unknown`."
    try:
        kw = dict(cwd=root or project_root(), capture_output=True, text=True, check=True)
        sha = subprocess.run(['git', 'rev-parse', 'HEAD'], **kw).stdout.strip()
        dirty = subprocess.run(['git', 'status', '--porcelain', '--untracked-files=no'], **kw).stdout.strip()
        return sha + ('-dirty' if dirty else '')
    except (subprocess.CalledProcessError, FileNotFoundError): return 'unknown'

def write_manifest(out:Path, entries:list[dict], run_info:dict, notebooks:list[dict]) -> Path:
    """Write `<out>/manifest.json`. A full run (`run_info['partial']` false) writes a fresh manifest: one reproduction, one
    commit. A partial run (`--only`) keeps the other notebooks' entries and says which notebooks ran at which commit
    (`runs`; top-level `git_commit` is 'mixed' when they differ). Entries whose file is gone are dropped."""
    path = out/'manifest.json'
    old = json.loads(path.read_text()) if path.exists() and run_info.get('partial') else {}
    rerun = {n['notebook'] for n in notebooks} | {e['notebook'] for e in entries}
    arts = [e for e in old.get('artifacts', []) if e['notebook'] not in rerun] + entries
    arts = sorted((e for e in arts if (out/e['path']).exists()), key=lambda e: e['path'])
    nbs = sorted([n for n in old.get('notebooks', []) if n['notebook'] not in rerun] + notebooks, key=lambda n: n['notebook'])
    runs = [r for r in old.get('runs', []) if r['started'] != run_info['started']] + [
        {k: run_info[k] for k in ('started', 'git_commit', 'partial', 'data_dir')} | {'notebooks': [n['notebook'] for n in notebooks]}]
    commits = sorted({n['git_commit'] for n in nbs})
    info = {**run_info, 'git_commit': commits[0] if len(commits) == 1 else 'mixed', 'commits': commits}
    tmp = path.with_suffix('.tmp')
    tmp.write_text(json.dumps({**info, 'runs': runs, 'notebooks': nbs, 'artifacts': arts}, indent=1) + '\n')
    tmp.replace(path)
    return path