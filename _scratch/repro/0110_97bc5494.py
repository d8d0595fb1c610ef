#| export
ARTIFACT_KINDS = {'.png': 'figure', '.pdf': 'figure', '.svg': 'figure', '.csv': 'table', '.md': 'table'}

def _snapshot(out:Path) -> dict[str, int]:
    "Relative path → modification time (ns) of every artefact under `out`."
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob('*')
            if p.is_file() and p.suffix.lower() in ARTIFACT_KINDS and 'executed' not in p.relative_to(out).parts}

def changed_artifacts(before:dict, after:dict) -> list[tuple[str, str]]:
    "`(path, kind)` of artefacts new or modified between two snapshots."
    return [(p, ARTIFACT_KINDS[Path(p).suffix.lower()]) for p in sorted(after) if before.get(p) != after[p]]