#| export
def run_real(data_dir, out_dir=None, rc:RealConfig|None=None, seed:int=0, device:str='auto') -> dict[str, pd.DataFrame]:
    "Both real-data studies on `data_dir`: tables `real_sizes`, `real_cmea_retrieval`, `real_cmea_annotation`, `real_plate_one_shot`, `real_plate_activity` under `<out>/tables/`, and `<out>/manifest_real.json`."
    rc, t0 = rc or RealConfig(), time.time()
    dev = str(pick_device(device))
    data = load_real(data_dir)
    xm, ann = run_cmea(data, rc, seed, dev)
    tables = {'real_sizes': data.sizes(), 'real_cmea_retrieval': summarize_cross_modal(xm, rc, seed),
              'real_cmea_annotation': summarize_annotation(ann, rc, seed)}
    if data.plate is not None:
        emb = plate_embeddings(data, rc, seed, dev)
        obs = data.plate.obs.reset_index(drop=True)
        tables['real_plate_one_shot'] = summarize_one_shot(pd.concat([one_shot_doses(E, obs).assign(method=m) for m, E in emb.items()]), rc, seed)
        tables['real_plate_activity'] = summarize_activity(pd.concat([activity(E, obs, rc.n_null, seed).assign(method=m) for m, E in emb.items()]), rc, seed)
    paths = {k: save_table(v, k, out_dir)[0] for k, v in tables.items()}
    out = paths['real_sizes'].parent.parent
    manifest = {'command': 'intervention_distill.real', 'data_dir': str(Path(data_dir).resolve()), 'git_commit': git_commit(),
                'seed': seed, 'device': dev, 'config': {k: (v.__dict__ if k == 'tide' else v) for k, v in rc.__dict__.items()},
                'methods': list(METHODS), 'tide_ssl': 'none (beta = 0: no views of a profile)', 'seconds': round(time.time() - t0, 1),
                'tables': {k: str(p.relative_to(out)) for k, p in paths.items()}}
    (out/'manifest_real.json').write_text(json.dumps(manifest, indent=1, default=str) + '\n')
    return tables

def parser() -> argparse.ArgumentParser:
    "The command line of the real-data track (`--help` shows the defaults)."
    d = RealConfig()
    p = argparse.ArgumentParser(prog='id-real', description='TIDE and its baselines at profile level on real data (CMEA; a LINCS Cell Painting plate).')
    p.add_argument('--data-dir', required=True, help='folder with the CMEA tables (and optionally a Cell Painting plate); see data/README.md')
    p.add_argument('--out', default='figures', help='output folder: tables/real_*.csv and manifest_real.json go there (default: %(default)s)')
    p.add_argument('--seed', type=int, default=0, help='first seed: splits use seed, seed+1, ... (default: %(default)s)')
    p.add_argument('--device', default='auto', help='auto, cpu, cuda, cuda:N or mps (default: %(default)s)')
    p.add_argument('--steps', type=int, default=d.steps, help='optimiser steps per fit (default: %(default)s)')
    p.add_argument('--n-splits', type=int, default=d.n_splits, help='scaffold splits pooled in every interval (default: %(default)s)')
    p.add_argument('--heldout-frac', type=float, default=d.heldout_frac, help='fraction of compounds held out by scaffold (default: %(default)s)')
    return p

def main(argv:list[str]|None=None):
    "Entry point of `python -m intervention_distill.real` and `id-real`."
    a = parser().parse_args(argv)
    try:
        rc = RealConfig(steps=a.steps, n_splits=a.n_splits, heldout_frac=a.heldout_frac)
        tables = run_real(a.data_dir, a.out, rc, a.seed, a.device)
    except ValueError as e: sys.exit(f"ERROR: {e}")
    print(f"wrote {len(tables)} tables ({', '.join(tables)}) and manifest_real.json under {a.out}")
