#| export
def run_cmea(data:RealData, rc:RealConfig, seed:int=0, device:str='auto', methods:Sequence[str]=METHODS) -> tuple[pd.DataFrame, pd.DataFrame]:
    "(cross-modal rows, annotation rows) over `rc.n_splits` scaffold splits of the CMEA compounds."
    c = data.compounds
    X_all, R_all = np.asarray(data.morph.X, np.float64), np.asarray(data.rna.X, np.float64)
    fps = fingerprint_matrix(c.smiles.tolist())
    xm, ann = [], []
    for split in range(rc.n_splits):
        train, held = scaffold_split(c[['compound', 'smiles']], rc.heldout_frac, seed=seed + split)
        tr, te = c.compound.isin(train).to_numpy(), c.compound.isin(held).to_numpy()
        sx, sr = Standardizer(X_all[tr]), Standardizer(R_all[tr])
        X, R = sx(X_all), sr(R_all)
        for m in methods:
            model = train_method(m, X[tr], R[tr], fps[tr], c.compound[tr].tolist(), rc, seed=seed + split, device=device)
            ranks = true_rank(cross_modal_scores(m, model, X[tr], X[te], R[tr], R[te], rc))
            xm += [{'split': split, 'method': m, 'compound': q, 'rank': r, 'n_candidates': int(te.sum())} for q, r in zip(c.compound[te], ranks)]
            E = embed(model, X)
            for label in ('moa', 'targets'):
                a = annotation_ap(E, c[label].tolist(), np.flatnonzero(te))
                ann += [{'split': split, 'method': m, 'label': label, 'compound': c.compound[r.query], 'has_label': c[label][r.query] != '', 'n_positives': r.n_positives,
                         'n_candidates': r.n_candidates, 'ap': r.ap} for r in a.itertuples()]
    return pd.DataFrame(xm), pd.DataFrame(ann)

def _interval(values, groups, rc:RealConfig, seed:int) -> tuple[float, float, float]:
    v = np.asarray(values, float)
    if not len(v): return (np.nan,) * 3
    lo, hi = bootstrap_ci(v, n_boot=rc.n_boot, seed=seed, groups=np.asarray(groups))
    return float(v.mean()), lo, hi

def summarize_cross_modal(rows:pd.DataFrame, rc:RealConfig, seed:int=0) -> pd.DataFrame:
    "Per method: top-1 accuracy and MRR of held-out morphology → transcriptome retrieval, 95% interval (compounds resampled), chance, sizes."
    out = []
    for m, g in rows.groupby('method', sort=False):
        n = g.n_candidates.to_numpy(float)
        for metric, v, chance in (('top1', (g['rank'] <= 1).astype(float), (1 / n).mean()),
                                  ('MRR', 1 / g['rank'], np.mean([np.mean(1 / np.arange(1, k + 1)) for k in n.astype(int)]))):
            mean, lo, hi = _interval(v, g.compound, rc, seed)
            out.append({'method': m, 'metric': metric, 'value': mean, 'ci_low': lo, 'ci_high': hi, 'chance': float(chance),
                        'n_queries': len(g), 'n_compounds': g.compound.nunique(), 'n_splits': g.split.nunique(),
                        'candidates_per_query': int(np.median(n))})
    return pd.DataFrame(out)

def summarize_annotation(rows:pd.DataFrame, rc:RealConfig, seed:int=0) -> pd.DataFrame:
    "Per method and label (moa, targets): mAP of held-out queries that have at least one positive, its interval, and how many queries could be scored."
    out = []
    for (m, label), g in rows.groupby(['method', 'label'], sort=False):
        ok = g[g.n_positives > 0]
        mean, lo, hi = _interval(ok.ap, ok.compound, rc, seed)
        out.append({'method': m, 'label': label, 'mAP': mean, 'ci_low': lo, 'ci_high': hi, 'n_queries_scored': len(ok),
                    'n_queries_labelled': int(g.has_label.sum()),
                    'n_queries': len(g), 'n_splits': g.split.nunique()})
    return pd.DataFrame(out)
