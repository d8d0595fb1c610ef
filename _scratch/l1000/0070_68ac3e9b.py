#| export
_GCTX_MATRIX, _GCTX_ROW, _GCTX_COL = '0/DATA/0/matrix', '0/META/ROW', '0/META/COL'

def _check_matrix(X, gene_meta:pd.DataFrame, sample_meta:pd.DataFrame) -> np.ndarray:
    X = np.asarray(X, dtype=np.float32)
    if X.shape != (len(sample_meta), len(gene_meta)):
        raise ValueError(f"matrix shape {X.shape} does not match {len(sample_meta)} samples × {len(gene_meta)} genes")
    return X

def write_gctx(path, X, gene_meta:pd.DataFrame, sample_meta:pd.DataFrame) -> Path:
    "Write `X` (samples × genes) with gene / sample metadata (indexed by id) as a CMap GCTX file."
    X, path = _check_matrix(X, gene_meta, sample_meta), Path(path)
    with h5py.File(path, 'w') as f:
        f.attrs['version'], f.attrs['src'] = np.bytes_('GCTX1.0'), np.bytes_(path.name)
        f.create_dataset(_GCTX_MATRIX, data=X)
        for node, meta in ((_GCTX_ROW, gene_meta), (_GCTX_COL, sample_meta)):
            g = f.create_group(node)
            g.create_dataset('id', data=np.array([str(i).encode() for i in meta.index], dtype='S'))
            for c in meta.columns:
                v = meta[c]
                if pd.api.types.is_numeric_dtype(v) and not pd.api.types.is_bool_dtype(v): data = v.fillna(-666).to_numpy()
                else: data = np.array([('-666' if _is_missing(x) else str(x)).encode() for x in v], dtype='S')
                g.create_dataset(str(c), data=data)
    return path

def write_gct(path, X, gene_meta:pd.DataFrame, sample_meta:pd.DataFrame) -> Path:
    "Write `X` (samples × genes) with gene / sample metadata (indexed by id) as GCT 1.3 text."
    X, path = _check_matrix(X, gene_meta, sample_meta), Path(path)
    n_rhd, n_chd = len(gene_meta.columns), len(sample_meta.columns)
    lines = ['#1.3', f'{len(gene_meta)}\t{len(sample_meta)}\t{n_rhd}\t{n_chd}',
             '\t'.join(['id', *map(str, gene_meta.columns), *map(str, sample_meta.index)])]
    lines += ['\t'.join([str(c), *['na'] * n_rhd, *map(str, sample_meta[c])]) for c in sample_meta.columns]
    lines += ['\t'.join([str(g), *map(str, gene_meta.iloc[j]), *(f'{x:.7g}' for x in X[:, j])]) for j, g in enumerate(gene_meta.index)]
    path.write_text('\n'.join(lines) + '\n')
    return path