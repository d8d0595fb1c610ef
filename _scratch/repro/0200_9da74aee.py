#| export
class NotebookFailed(RuntimeError):
    "A notebook of the pipeline raised; names the notebook and the failing cell."
    def __init__(self, notebook:str, cell:int|None, error:str, executed:Path):
        self.notebook, self.cell, self.error, self.executed = notebook, cell, error, executed
        super().__init__(f"notebook {notebook} failed in cell {cell}: {error} (executed copy: {executed})")

def _failed_cell(executed:Path) -> int|None:
    "Index, in the source notebook, of the first cell whose output is an error (papermill's own cells skipped)."
    import nbformat
    try: nb = nbformat.read(executed, as_version=4)
    except Exception: return None
    skip = {'injected-parameters', 'papermill-error-cell-tag'}
    cells = [c for c in nb.cells if not skip & set(c.metadata.get('tags', []))]
    for i, c in enumerate(cells):
        if any(o.get('output_type') == 'error' for o in c.get('outputs', [])): return i
    return None

def reproduce(profile:str='smoke', seed:int=0, device:str='auto', data_dir:str|None=None, out_dir:str|Path|None=None,
              only:list[str]|None=None, nbs_dir:str|Path|None=None, kernel:str='python3', progress:bool=True) -> Path:
    "Execute the pipeline notebooks with papermill and write `<out_dir>/manifest.json`; return its path."
    cfg = RunConfig(profile=profile, seed=seed, device=device, data_dir=data_dir, out_dir=None)  # validate first
    nbs_dir = Path(nbs_dir or project_root()/'nbs').resolve()
    notebooks = pipeline_notebooks(nbs_dir, only)
    if not notebooks: raise ValueError(f"no pipeline notebooks found in {nbs_dir}")
    out = Path(out_dir or project_root()/'figures').resolve(); (out/'executed').mkdir(parents=True, exist_ok=True)
    if nbs_dir in (out, *out.parents): raise ValueError(f"output folder {out} must not lie inside the notebooks folder {nbs_dir}")
    params = dict(cfg.params(), data_dir=str(Path(data_dir).resolve()) if data_dir else None, out_dir=str(out))
    commit = git_commit(nbs_dir.parent)
    run_info = dict(profile=profile, seed=seed, device=device, data_dir=params['data_dir'], git_commit=commit, python=sys.version.split()[0],
                    partial=bool(only), notebooks_run=[], notebooks_skipped=[], started=time.strftime('%Y-%m-%dT%H:%M:%S'))
    entries, records, on_gpu = [], [], cfg.torch_device.type == 'cuda'
    bar = tqdm(notebooks, desc='reproduce', unit='nb', disable=not progress)
    for nb in bar:
        bar.set_postfix_str(nb.name)
        if data_dir and simulator_only(nb):                                # says at its top that it cannot use real data
            run_info['notebooks_skipped'].append(nb.name)
            records.append(dict(notebook=nb.name, status='skipped: simulator-only', git_commit=commit, seconds=0.0))
            if progress: tqdm.write(f"{nb.name}: skipped (simulator-only) for data_dir {params['data_dir']}")
            continue
        executed = out/'executed'/nb.name
        before, t0 = _snapshot(out), time.time()
        try:
            src = without_gpu_cells(nb, out/'executed'/f'.input_{nb.name}') if not on_gpu else nb
            pm.execute_notebook(str(src), str(executed), parameters=params, cwd=str(nbs_dir), kernel_name=kernel,
                                progress_bar=False, log_output=False)
        except pm.PapermillExecutionError as e:
            write_manifest(out, entries, run_info, records)
            raise NotebookFailed(nb.name, _failed_cell(executed), f"{e.ename}: {e.evalue}", executed) from None
        except Exception as e:
            write_manifest(out, entries, run_info, records)
            raise NotebookFailed(nb.name, None, f"{type(e).__name__}: {e}", executed) from None
        if not on_gpu: (out/'executed'/f'.input_{nb.name}').unlink(missing_ok=True)
        secs = round(time.time() - t0, 2)
        run_info['notebooks_run'].append(nb.name)
        records.append(dict(notebook=nb.name, status='ran', git_commit=commit, seconds=secs))
        entries += [dict(path=p, kind=k, notebook=nb.name, params=params, seed=seed, git_commit=commit, seconds=secs)
                    for p, k in changed_artifacts(before, _snapshot(out))]
        write_manifest(out, entries, run_info, records)
    return write_manifest(out, entries, run_info, records)
