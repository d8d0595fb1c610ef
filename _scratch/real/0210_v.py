#| export
def plate_embeddings(data:RealData, rc:RealConfig, seed:int=0, device:str='auto', methods:Sequence[str]=METHODS) -> dict[str, np.ndarray]:
    "Embeddings of the plate's wells: `features` (all), `features (shared)`, and each trained method fit on all CMEA compounds over the shared features."
    if data.plate is None: raise ValueError(f"{data.path} holds no Cell Painting plate (cp_profiles)")
    P, obs = data.plate, data.plate.obs
    dmso = (obs.broad_id == '').to_numpy()
    if dmso.sum() < 2: raise ValueError(f"the plate has {int(dmso.sum())} DMSO well(s): at least 2 are needed as reference")
    feats = shared_features(data)
    if len(feats) < 2: raise ValueError(f"CMEA and the plate share {len(feats)} feature(s): too few to transfer an encoder")
    X_plate, Xs_plate = np.asarray(P.X, np.float64), np.asarray(P[:, feats].X, np.float64)
    X_cmea, R_cmea = np.asarray(data.morph[:, feats].X, np.float64), np.asarray(data.rna.X, np.float64)
    sx, sr = Standardizer(X_cmea), Standardizer(R_cmea)
    fps, names = fingerprint_matrix(data.compounds.smiles.tolist()), data.compounds.compound.tolist()
    out = {'features': embed(None, Standardizer(X_plate[dmso])(X_plate)), 'features (shared)': embed(None, Standardizer(Xs_plate[dmso])(Xs_plate))}
    for m in methods:
        if m == 'features': continue
        model = train_method(m, sx(X_cmea), sr(R_cmea), fps, names, rc, seed=seed, device=device)
        out[m] = embed(model, Standardizer(Xs_plate[dmso])(Xs_plate))
    return out

def one_shot_doses(E:np.ndarray, obs:pd.DataFrame) -> pd.DataFrame:
    "One row per (support dose level, query well): is the query's nearest compound prototype (its compound's well at the support dose) the right one?"
    trt = obs.broad_id.ne('').to_numpy() & obs.dose_level_um.notna().to_numpy()
    o = obs[trt].assign(_row=np.flatnonzero(trt))
    rows = []
    for level, sup in o.groupby('dose_level_um'):
        sup = sup.drop_duplicates('broad_id')
        if sup.broad_id.nunique() < 2: continue
        q = o[~o._row.isin(sup._row)]
        pred = sup.broad_id.to_numpy()[np.argmax(_cos(E[q._row], E[sup._row]), axis=1)]
        rows += [{'support_dose_um': level, 'compound': c, 'query_dose_um': d, 'correct': float(p == c), 'n_classes': len(sup)}
                 for c, d, p in zip(q.broad_id, q.dose_level_um, pred)]
    return pd.DataFrame(rows)

def activity(E:np.ndarray, obs:pd.DataFrame, n_null:int=2000, seed:int=0) -> pd.DataFrame:
    "Per treated well: AP of retrieving its compound's other wells among them and the DMSO wells; with the compound's permutation null."
    cpd, dmso = obs.broad_id.to_numpy(), obs.broad_id.eq('').to_numpy()
    S, rows = _cos(E, E), []
    for c in pd.unique(cpd[~dmso]):
        wells = np.flatnonzero(cpd == c)
        for w in wells:
            cand = np.concatenate([wells[wells != w], np.flatnonzero(dmso)])
            rows.append({'compound': c, 'well': obs.well.iloc[w] if 'well' in obs else w, 'dose_level_um': obs.dose_level_um.iloc[w],
                         'ap': average_precision(S[w, cand], np.arange(len(cand)) < len(wells) - 1), 'n_positives': len(wells) - 1, 'n_dmso': int(dmso.sum())})
    out = pd.DataFrame(rows)
    rng = np.random.default_rng(seed)
    for c, g in out.groupby('compound'):                                  # the same ranking with the positives placed at random
        n_pos, n_cand = int(g.n_positives.iloc[0]), int(g.n_positives.iloc[0] + g.n_dmso.iloc[0])
        null = np.array([np.mean([average_precision(rng.random(n_cand), np.arange(n_cand) < n_pos) for _ in range(len(g))]) for _ in range(n_null)])
        out.loc[g.index, 'p_value'] = (1 + (null >= g.ap.mean()).sum()) / (1 + n_null)
    return out
