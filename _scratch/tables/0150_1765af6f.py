#| export
def _name(src) -> str: return 'DataFrame' if isinstance(src, pd.DataFrame) else str(src)

def read_table(src, nrows:int|None=None) -> pd.DataFrame:
    "A CSV/TSV/TXT (optionally .gz) or Parquet table, or a DataFrame passed through; `nrows=0` reads the header only."
    if isinstance(src, pd.DataFrame): return src if nrows is None else src.head(nrows)
    path = Path(src)
    if not path.is_file(): raise ValueError(f"no such file: {path}")
    try:
        if path.name.lower().endswith('.parquet'):
            if nrows == 0:
                import pyarrow.parquet as pq
                return pd.DataFrame(columns=pq.read_schema(path).names)
            df = pd.read_parquet(path)
            return df if nrows is None else df.head(nrows)
        with (gzip.open if path.name.lower().endswith('.gz') else open)(path, 'rt', encoding='utf-8', errors='replace') as fh:
            skip, line = 0, fh.readline()
            while line.startswith('!'): skip, line = skip + 1, fh.readline()
        if not line.strip(): raise ValueError('no header line')
        return pd.read_csv(path, sep='\t' if '\t' in line else ',', skiprows=skip, nrows=nrows, low_memory=False)
    except (OSError, EOFError, UnicodeDecodeError, ValueError, pd.errors.ParserError, ImportError) as e:
        raise ValueError(f"cannot read table {path}: {e}") from e

def _numeric_matrix(df:pd.DataFrame, source:str) -> np.ndarray:
    "`df` as float64; a value that is neither a number nor a NaN marker is an error naming it, its row and column."
    out = df.apply(pd.to_numeric, errors='coerce')
    for c in df.columns[(df.dtypes == object).to_numpy()]:
        bad = out[c].isna() & ~df[c].map(_is_missing)
        if bad.any():
            r = bad.idxmax()
            raise ValueError(f"non-numeric value {df.at[r, c]!r} in {source} (row {r!r}, column {c!r})")
    return out.to_numpy(dtype=np.float64)


def per_compound_table(src) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    "A per-compound table (CMEA: first column `pert_id`, then one column per feature): its metadata (`pert_id`), the feature columns and its name."
    df, source = read_table(src), Path(_name(src)).name
    if not len(df.columns) or df.columns[0] not in ('pert_id', 'broad_id', 'compound'):
        raise ValueError(f"{source}: the first column must be the compound id (pert_id), got {(list(df.columns) or ['nothing'])[0]!r}")
    ids = df.iloc[:, 0].astype(str)
    if ids.duplicated().any(): raise ValueError(f"{source}: duplicate compound ids {_preview(ids[ids.duplicated()].unique())}")
    return pd.DataFrame({'pert_id': ids.to_numpy()}, index=ids.to_numpy()), df.iloc[:, 1:].set_axis(ids.to_numpy()), source
