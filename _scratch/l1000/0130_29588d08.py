#| export
def _decode(x) -> str:
    "Bytes as UTF-8, else as Latin-1 (cmapR's modzs file writes µ as the Latin-1 byte b5)."
    if not isinstance(x, bytes): return str(x)
    try: return x.decode('utf-8')
    except UnicodeDecodeError: return x.decode('latin-1')

def _h5_values(ds) -> np.ndarray:
    a = ds[()]
    return np.array([_decode(x) for x in a], dtype=object) if a.dtype.kind in 'SOU' else a

def _gctx_meta(group) -> pd.DataFrame:
    cols = {k: _h5_values(group[k]) for k in group.keys() if isinstance(group[k], h5py.Dataset)}
    ids = pd.Index([str(i) for i in cols.pop('id')])
    df = pd.DataFrame(cols, index=ids)
    for c in df.columns:
        if pd.api.types.is_numeric_dtype(df[c]): df[c] = df[c].where(df[c] != -666)
    return df

def read_gctx(path, gene_info=None, sample_info=None, samples:Sequence[str]|None=None, **kwargs) -> ad.AnnData:
    "AnnData from a CMap GCTX file (`/0/DATA/0/matrix` samples × genes; `/0/META/ROW`, `/0/META/COL`); kwargs go to `l1000_anndata`."
    path = Path(path)
    try: f = h5py.File(path, 'r')
    except (OSError, ValueError) as e: raise ValueError(f"cannot read GCTX file {path}: {e}") from e
    with f:
        missing = [n for n in (_GCTX_MATRIX, f'{_GCTX_ROW}/id', f'{_GCTX_COL}/id') if n not in f]
        if missing: raise ValueError(f"{path} is not a GCTX file: it lacks {', '.join('/' + m for m in missing)}")
        genes, sigs, ds = _gctx_meta(f[_GCTX_ROW]), _gctx_meta(f[_GCTX_COL]), f[_GCTX_MATRIX]
        if ds.shape != (len(sigs), len(genes)):
            raise ValueError(f"{path}: matrix shape {ds.shape} does not match {len(sigs)} column ids × {len(genes)} row ids")
        if samples is None: M = ds[()]
        else:                                                # h5py reads increasing unique rows: read sorted, then reorder
            samples = list(samples)
            if len(set(samples)) < len(samples): raise ValueError(f"duplicate sample ids asked from {path}")
            pos = pd.Index(sigs.index).get_indexer(samples)
            if (pos < 0).any(): raise ValueError(f"sample id(s) not in {path}: {_preview(repr(str(x)) for x in np.asarray(samples)[pos < 0])}")
            srt = np.sort(pos)
            M, sigs = ds[srt, :][np.searchsorted(srt, pos)], sigs.iloc[pos]
    return l1000_anndata(M, sigs, genes, gene_info, sample_info, source=path.name, **kwargs)

def read_gct(path, gene_info=None, sample_info=None, **kwargs) -> ad.AnnData:
    "AnnData from a GCT 1.3 (or 1.2) text file; kwargs go to `l1000_anndata`."
    path = Path(path)
    try:
        with open(path, encoding='utf-8', errors='replace') as fh: version, dims = fh.readline().strip(), fh.readline().strip().split('\t')
    except (OSError, UnicodeDecodeError) as e: raise ValueError(f"cannot read GCT file {path}: {e}") from e
    if version not in ('#1.3', '#1.2'): raise ValueError(f"{path} is not a GCT file: first line {version[:20]!r}, expected '#1.3' or '#1.2'")
    try: dims = [int(d) for d in dims] + ([1, 0] if version == '#1.2' else [])
    except ValueError: dims = []
    if len(dims) != 4: raise ValueError(f"{path}: second line must give the dimensions ({'2' if version == '#1.2' else '4'} integers)")
    n_rows, n_cols, n_rhd, n_chd = dims
    full = pd.read_csv(path, sep='\t', header=None, skiprows=2, dtype=str, keep_default_na=False)
    if full.shape != (n_chd + n_rows + 1, n_rhd + n_cols + 1):
        raise ValueError(f"{path}: the header declares {n_rows} genes × {n_cols} samples with {n_rhd} gene and {n_chd} sample "
                         f"fields, but the body is {full.shape[0]} × {full.shape[1]}")
    head = full.iloc[0].tolist()
    body = full.iloc[n_chd + 1:]
    genes = pd.DataFrame(body.iloc[:, 1:n_rhd + 1].to_numpy(), index=body.iloc[:, 0].to_numpy(), columns=head[1:n_rhd + 1])
    sigs = pd.DataFrame(full.iloc[1:n_chd + 1, n_rhd + 1:].to_numpy().T, index=head[n_rhd + 1:], columns=full.iloc[1:n_chd + 1, 0].tolist())
    for meta in (genes, sigs):
        for c in meta.columns:
            num = pd.to_numeric(meta[c], errors='coerce')
            if num.notna().all(): meta[c] = num
    data = pd.DataFrame(body.iloc[:, n_rhd + 1:].to_numpy(), index=genes.index, columns=sigs.index)
    return l1000_anndata(_numeric_matrix(data, path.name).T, sigs, genes, gene_info, sample_info, source=path.name, **kwargs)