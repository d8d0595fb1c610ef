#| export
_log = logging.getLogger(__name__)
_SAMPLE_ID_COLS = ('sig_id', 'inst_id', 'distil_id', 'cid', 'id')
_GENE_ID_COLS = ('pr_gene_id', 'gene_id', 'rid', 'id')
_GENE_SYMBOL_COLS = ('pr_gene_symbol', 'gene_symbol', 'symbol')

def _index_by(df:pd.DataFrame, candidates:Sequence[str], what:str) -> pd.DataFrame:
    c = _first_col(df, candidates)
    if c is None: raise ValueError(f"{what} has no id column: looked for {', '.join(candidates)}")
    out = df.set_index(df[c].astype(str)).drop(columns=c)
    if out.index.has_duplicates: raise ValueError(f"{what}: duplicate ids {_preview(out.index[out.index.duplicated()].unique())}")
    return out

_LANDMARK_FLAG_COLS = ('pr_is_lm', 'pr_is_lmark', 'is_lm')       # GSE92742 gene_info, CMap GCT row metadata, cmapR

def _landmark_flags(meta:pd.DataFrame) -> pd.Series|None:
    if c := _first_col(meta, _LANDMARK_FLAG_COLS): return meta[c].astype(str).str.strip().str.lower().isin(['1', '1.0', 'true'])
    if 'feature_space' in meta.columns: return meta.feature_space.astype(str).str.lower().eq('landmark')
    return None

def _entrez_ids(var:pd.DataFrame) -> list[str]:
    "Entrez id of each gene: `pr_gene_id` / `gene_id` metadata, else the row id when it is an integer."
    c = _first_col(var, ('pr_gene_id', 'entrez_id', 'gene_id'))
    ids = var[c].astype(str) if c else pd.Series(var.index.astype(str), index=var.index)
    return [i.removesuffix('.0') if i.removesuffix('.0').isdigit() else '' for i in ids]

def _probe_ids(var:pd.DataFrame) -> list[str]:
    "Affymetrix probe id of each gene ('200814_at'): the gene_info `id` column, else the row id when it is one."
    ids = var['id'].astype(str) if 'id' in var.columns else pd.Series(var.index.astype(str), index=var.index)
    return [i if re.search(r'_at$', i) else '' for i in ids]

def _symbols(meta:pd.DataFrame, what:str) -> pd.Index:
    c = _first_col(meta, _GENE_SYMBOL_COLS)
    if c is not None: return pd.Index(meta[c].astype(str))
    if len(meta) and all(str(i).isdigit() for i in meta.index):
        raise ValueError(f"gene ids of {what} look like Entrez ids (e.g. {meta.index[0]!r}) and no gene symbols are given: "
                         "pass gene_info= (GSE92742 gene_info or LINCS 2020 geneinfo_beta)")
    return pd.Index(meta.index.astype(str))

def _unmangle(symbol:str) -> str:
    "R's `make.names` turns '-' into '.': 'HLA.DMA' is HLA-DMA."
    return symbol.replace('.', '-')

def _join_gene_info(gmeta:pd.DataFrame, gene_info, source:str) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    "`gmeta` joined with `gene_info` on the column that holds the file's row ids (probe ids, Entrez ids or symbols); the table and that column."
    gi, what = read_table(gene_info), f'gene_info {_name(gene_info)}'
    ids = pd.Index(gmeta.index.astype(str))
    cands = [c for c in dict.fromkeys(('id', 'rid', 'pr_id', *_GENE_ID_COLS, *_GENE_SYMBOL_COLS)) if c in gi.columns]
    if not cands: raise ValueError(f"{what} has no id column: looked for {', '.join(dict.fromkeys(('id', *_GENE_ID_COLS, *_GENE_SYMBOL_COLS)))}")
    keys = {c: gi[c].astype(str).str.strip() for c in cands}
    hits = {c: int(ids.isin(k).sum() + (~ids.isin(k) & ids.map(_unmangle).isin(k)).sum() * (c in _GENE_SYMBOL_COLS)) for c, k in keys.items()}
    on = max(cands, key=lambda c: (hits[c], -cands.index(c)))
    key = keys[on]
    if key.duplicated().any(): raise ValueError(f"{what}: duplicate ids {_preview(key[key.duplicated()].unique())} (column {on!r})")
    gi = gi.set_index(key).drop(columns=[] if on in _GENE_SYMBOL_COLS else [on])   # symbols stay: they name the genes
    ids = ids.map(lambda g: g if g in gi.index or on not in _GENE_SYMBOL_COLS else _unmangle(g))
    absent = [g for g in ids if g not in gi.index]
    if absent: raise ValueError(f"{len(absent)} gene id(s) of {source} missing from {what} (matched on {on!r}): {_preview(absent)}")
    joined = pd.concat([gmeta.set_axis(ids), gi.loc[ids, [c for c in gi.columns if c not in gmeta.columns]]], axis=1)
    return joined.set_axis(gmeta.index), gi, on

def l1000_anndata(X, sample_meta:pd.DataFrame, gene_meta:pd.DataFrame, gene_info=None, sample_info=None,
                  landmarks:Sequence[str]|None=None, n_landmarks:int|None=N_LANDMARKS, select_landmarks:bool=True,
                  pert_types:Sequence[str]|None=None, defaults:dict|None=None, source:str='L1000 matrix') -> ad.AnnData:
    "Validated AnnData (profiles × gene symbols) from an L1000 matrix `X` (samples × genes) and its metadata (indexed by id)."
    X = np.asarray(X, dtype=np.float32)
    smeta, gmeta = sample_meta.copy(), gene_meta.copy()
    smeta.index, gmeta.index = smeta.index.astype(str), gmeta.index.astype(str)
    if smeta.index.has_duplicates: raise ValueError(f"{source}: duplicate sample ids {_preview(smeta.index[smeta.index.duplicated()].unique())}")
    report = {'source': source, 'n_profiles_in_file': int(X.shape[0]), 'n_genes_in_file': int(X.shape[1])}
    if sample_info is not None:
        si = _index_by(read_table(sample_info), _SAMPLE_ID_COLS, f'sample_info {_name(sample_info)}')
        absent = [s for s in smeta.index if s not in si.index]
        if absent: raise ValueError(f"{len(absent)} profile(s) of {source} missing from sample_info: {_preview(absent)}")
        smeta = pd.concat([smeta, si.loc[smeta.index, [c for c in si.columns if c not in smeta.columns]]], axis=1)
    gi = None
    if gene_info is not None:
        gmeta, gi, report['gene_info_matched_on'] = _join_gene_info(gmeta, gene_info, source)
    symbols = _symbols(gmeta, source)
    # the reference landmark set
    L, flagged_in = (list(landmarks), None) if landmarks is not None else (None, None)
    if L is None:
        for meta, where in ((gi, f'gene_info {_name(gene_info)}'), (gmeta, source)):
            flags = None if meta is None else _landmark_flags(meta)
            if flags is not None:
                L, flagged_in = list(_symbols(meta, where)[flags.to_numpy()]), where
                break
    # a file of landmarks only (every row flagged) is a slice of the landmark set: any count is fine
    if flagged_in and n_landmarks is not None and len(L) != n_landmarks and not (flagged_in == source and len(L) == len(symbols)):
        raise ValueError(f"{len(L)} genes are flagged as landmarks in {flagged_in}, expected {n_landmarks}")
    keep = np.ones(len(symbols), bool)
    if L is not None and select_landmarks:
        keep = symbols.isin(L)
        report['n_non_landmark_genes_excluded'] = int((~keep).sum())
        if (~keep).any(): _log.info("%s: kept %d landmark genes, excluded %d other genes", source, keep.sum(), (~keep).sum())
    cols = np.flatnonzero(keep)
    if L is not None and select_landmarks: cols = cols[np.argsort(pd.Index(L).drop_duplicates().get_indexer(symbols[cols]), kind='stable')]
    rows = np.ones(len(smeta), bool)
    if pert_types is not None:
        if 'pert_type' not in smeta.columns: raise ValueError(f"pert_types given but the sample metadata of {source} has no pert_type")
        rows = smeta.pert_type.isin(pert_types).to_numpy()
        report['n_profiles_filtered_pert_type'] = int((~rows).sum())
        if (~rows).any(): _log.warning("%s: %d profile(s) of other perturbation types filtered out", source, (~rows).sum())
    smeta = smeta[rows]
    if smeta.columns.empty:                                              # e.g. a GEO level-2 GCTX: ids only
        report['sample_metadata'] = 'absent'
        _log.warning("%s has no sample metadata: compound, dose and cell type are left empty (pass sample_info= or defaults=)", source)
        defaults = {'compound': '', 'dose_um': np.nan, 'cell_type': '', **(defaults or {})}
    if _first_col(smeta, _ALIASES['plate']) is None and len(smeta) and all(':' in s for s in smeta.index):
        smeta.insert(0, 'plate', [s.split(':')[0] for s in smeta.index])
    obs, rep = schema_obs(smeta, EXPR_OBS_COLUMNS, defaults, what=f'sample metadata of {source}')
    report.update(rep)
    var = gmeta.iloc[cols].copy()
    ids = pd.DataFrame({'gene_id': var.index, 'entrez_id': _entrez_ids(var), 'probe_id': _probe_ids(var)}, index=var.index)
    var = pd.concat([ids, var.drop(columns=ids.columns, errors='ignore')], axis=1)      # the file's row id, then Entrez and probe ids
    var.index = symbols[cols]
    if var.index.has_duplicates: raise ValueError(f"duplicate gene symbols: {_preview(var.index[var.index.duplicated()].unique())}")
    adata = ad.AnnData(X[rows][:, cols], obs=obs, var=var)
    slice_ = L is not None and select_landmarks and keep.all() and len(cols) < len(set(L))
    if slice_:
        report['n_landmarks_absent'] = len(set(L)) - len(cols)
        _log.warning("%s holds %d of the %d landmark genes (a slice): the other %d are absent", source, len(cols), len(set(L)), report['n_landmarks_absent'])
    validate_expression(adata, landmarks=L if select_landmarks and not slice_ else None)
    adata.uns['load_report'] = report
    return adata