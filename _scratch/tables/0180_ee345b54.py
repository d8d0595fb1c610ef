#| export
COMPOUND_COLUMNS = ('compound', 'smiles', 'inchikey', 'moa', 'targets')   # + `broad_id` (13 characters) when the source has it

def _quiet(fn, *args):
    "Call an RDKit function with its error log silenced (we raise our own errors)."
    RDLogger.DisableLog('rdApp.*')
    try: return fn(*args)
    finally: RDLogger.EnableLog('rdApp.*')

def _invalid_rows(what:str, bad:list[tuple[int, str, str]], report:dict) -> None:
    "Record rows dropped from a reference table (row, name, reason) in `report`, and warn naming them."
    report['n_invalid'] = report.get('n_invalid', 0) + len(bad)
    report.setdefault('invalid', []).extend(f'row {i} ({name or "no name"}): {why}' for i, name, why in bad)
    if bad: warnings.warn(f"{what}: {len(bad)} invalid row(s) skipped: {_preview(report['invalid'][-len(bad):], 3)}", stacklevel=3)

def validate_compounds(df:pd.DataFrame, what:str='compound table', invalid:str='raise') -> pd.DataFrame:
    "Check a tidy compound table (ids, RDKit-valid SMILES; fills InChIKeys): `invalid='raise'` names the first bad row, 'report' keeps the valid rows and reports the others."
    if invalid not in ('raise', 'report'): raise ValueError(f"invalid must be 'raise' or 'report', got {invalid!r}")
    missing = [c for c in COMPOUND_COLUMNS if c not in df.columns]
    if missing: raise ValueError(f"{what} lacks column(s): {_preview(missing)}")
    out = df.reset_index(drop=True).copy()
    for c in (*COMPOUND_COLUMNS, *(['broad_id'] if 'broad_id' in out.columns else [])):
        out[c] = out[c].map(lambda v: '' if _is_missing(v) else str(v).strip())
    if 'broad_id' in out.columns: out['broad_id'] = out.broad_id.map(broad_id)
    bad = []                                                               # (row, compound, reason)
    for i, (c, s) in enumerate(zip(out.compound, out.smiles)):
        if not c: bad.append((i, out.get('broad_id', out.smiles)[i], 'no compound id')); continue
        if not s: continue
        mol = _quiet(Chem.MolFromSmiles, s)
        if mol is None: bad.append((i, c, f'invalid SMILES {s!r}')); continue
        if not out.at[i, 'inchikey']: out.at[i, 'inchikey'] = _quiet(Chem.MolToInchiKey, mol)
    dup = out.compound.duplicated() & out.compound.ne('')
    bad += [(i, out.compound[i], 'duplicate compound id') for i in np.flatnonzero(dup)]
    if bad and invalid == 'raise':
        i, c, why = sorted(bad)[0]
        if why == 'no compound id': raise ValueError(f"{what}: row {i} has no compound id")
        if why == 'duplicate compound id': raise ValueError(f"{what}: duplicate compound(s) {_preview(out.compound[dup].unique())}")
        raise ValueError(f"{why} for compound {c!r} (row {i}) in {what}")
    report = dict(df.attrs.get('load_report', {}))
    if invalid == 'report': _invalid_rows(what, sorted(bad), report)
    out = out.drop(index=[i for i, _, _ in bad]).reset_index(drop=True)
    out.attrs['load_report'] = {**report, 'source': what, 'n_compounds': int(len(out)), 'n_without_structure': int((out.smiles == '').sum())}
    return out

def _require(df:pd.DataFrame, cols:Sequence[str], what:str):
    missing = [c for c in cols if c not in df.columns]
    if missing: raise ValueError(f"{what} lacks column(s): {', '.join(missing)}")

def read_jump_compounds(src) -> pd.DataFrame:
    "Tidy compounds from a JUMP `compound.csv.gz` (Metadata_JCP2022, Metadata_InChIKey, Metadata_InChI[, Metadata_SMILES])."
    df, what = read_table(src), Path(_name(src)).name
    _require(df, ('Metadata_JCP2022', 'Metadata_InChIKey'), what)
    smiles = df.Metadata_SMILES.map(lambda v: '' if _is_missing(v) else v) if 'Metadata_SMILES' in df.columns else pd.Series('', index=df.index)
    if 'Metadata_SMILES' not in df.columns and 'Metadata_InChI' in df.columns:
        for i, (c, inchi) in enumerate(zip(df.Metadata_JCP2022, df.Metadata_InChI)):
            if _is_missing(inchi): continue
            mol = _quiet(Chem.MolFromInchi, str(inchi))
            if mol is None: raise ValueError(f"invalid InChI {inchi!r} for compound {c!r} (row {i}) in {what}")
            smiles.iloc[i] = Chem.MolToSmiles(mol)
    out = pd.DataFrame({'compound': df.Metadata_JCP2022, 'smiles': smiles, 'inchikey': df.Metadata_InChIKey, 'moa': '', 'targets': ''})
    return validate_compounds(out, what)

def _hub_structures(s:pd.DataFrame, what:str, report:dict) -> pd.DataFrame:
    "Per `pert_iname` of a Hub samples table: smiles, inchikey, broad_id of its first valid sample by `broad_id` (invalid SMILES reported)."
    _require(s, ('pert_iname', 'smiles'), what)
    if 'broad_id' in s.columns: s = s.sort_values('broad_id', kind='stable')
    s = s[~s.smiles.map(_is_missing) & ~s.pert_iname.map(_is_missing)]
    ok = s.smiles.map(lambda v: _quiet(Chem.MolFromSmiles, str(v)) is not None)
    _invalid_rows(what, [(i, n, f'invalid SMILES {v!r}') for i, n, v in zip(s.index[~ok], s.pert_iname[~ok], s.smiles[~ok])], report)
    s = s[ok]
    if 'InChIKey' in s.columns: report['n_drugs_with_several_structures'] = int((s.groupby('pert_iname').InChIKey.nunique() > 1).sum())
    return pd.DataFrame({'smiles': s.smiles, 'inchikey': s.get('InChIKey', ''), 'broad_id': s.get('broad_id', ''),
                         'pert_iname': s.pert_iname}).groupby('pert_iname', sort=False).first()

def read_repurposing_hub(drugs, samples=None) -> pd.DataFrame:
    "Tidy compounds from the Drug Repurposing Hub drugs file (pert_iname, moa, target) and optionally its samples file (smiles, InChIKey)."
    d, what = read_table(drugs), Path(_name(drugs)).name
    _require(d, ('pert_iname', 'moa', 'target'), what)
    out = pd.DataFrame({'compound': d.pert_iname, 'smiles': '', 'inchikey': '', 'moa': d.moa, 'targets': d.target})
    report = {}
    if samples is not None:
        s, swhat = read_table(samples), Path(_name(samples)).name
        orphan = ~s.pert_iname.isin(out.compound) if 'pert_iname' in s.columns else None
        if orphan is not None:
            report['n_samples_of_unknown_drugs'] = int(orphan.sum())
            if orphan.any(): _log.warning("%s: %d sample(s) of drugs absent from %s ignored: %s", swhat, orphan.sum(), what, _preview(s.pert_iname[orphan].unique()))
            s = s[~orphan]
        first = _hub_structures(s, swhat, report)
        for c in ('smiles', 'inchikey', 'broad_id'): out[c] = out.compound.map(first[c]).fillna('')
    out.attrs['load_report'] = report
    return validate_compounds(out, what, invalid='report')

def read_lincs_compounds(src) -> pd.DataFrame:
    "Tidy compounds from LINCS 2020 `compoundinfo_beta.txt` (one row per compound-target pair, collected per `cmap_name`)."
    df, what = read_table(src), Path(_name(src)).name
    _require(df, ('cmap_name', 'canonical_smiles'), what)
    join = lambda v: TARGET_SEP.join(dict.fromkeys(str(x) for x in v if not _is_missing(x)))
    g = df.groupby('cmap_name', sort=False)
    out = pd.DataFrame({'smiles': g.canonical_smiles.first(), 'inchikey': g.inchi_key.first() if 'inchi_key' in df.columns else '',
                        'moa': g.moa.agg(join) if 'moa' in df.columns else '',
                        'targets': g.target.agg(join) if 'target' in df.columns else ''}).rename_axis('compound').reset_index()
    return validate_compounds(out, what, invalid='report')

def read_hub_samples(src) -> pd.DataFrame:
    "Tidy compounds from the Drug Repurposing Hub samples file alone (one per `pert_iname`, its first valid sample by `broad_id`; no MoA)."
    s, what, report = read_table(src), Path(_name(src)).name, {}
    _require(s, ('broad_id', 'pert_iname', 'smiles'), what)
    first = _hub_structures(s, what, report)
    out = first.rename_axis('compound').reset_index().assign(moa='', targets='')
    out.attrs['load_report'] = report
    return validate_compounds(out, what, invalid='report')

def read_moa_map(src) -> pd.DataFrame:
    "Tidy compounds from the LINCS Cell Painting MoA map (`broad_sample`, `broad_id`, `pert_iname`, `InChIKey14`, `moa`, `target`)."
    df, what = read_table(src), Path(_name(src)).name
    _require(df, ('pert_iname', 'moa', 'target'), what)
    if not ({'broad_id', 'broad_sample'} & set(df.columns)): raise ValueError(f"{what} lacks column(s): broad_id or broad_sample")
    bid = _first_nonempty([df[c].map(broad_id) for c in ('broad_id', 'broad_sample') if c in df.columns])
    out = pd.DataFrame({'compound': df.pert_iname, 'smiles': '', 'inchikey': '', 'moa': df.moa, 'targets': df.target, 'broad_id': bid,
                        'inchikey14': df.InChIKey14 if 'InChIKey14' in df.columns else ''})
    return validate_compounds(out.drop_duplicates(), what, invalid='report')

def read_jump_target(src) -> pd.DataFrame:
    "Tidy compounds from a JUMP-Target compound table (`broad_sample`, `InChIKey`, `pert_iname`, `target_list`, `smiles`)."
    df, what = read_table(src), Path(_name(src)).name
    _require(df, ('broad_sample', 'pert_iname', 'target_list', 'smiles'), what)
    out = pd.DataFrame({'compound': df.pert_iname, 'smiles': df.smiles, 'inchikey': df.get('InChIKey', ''), 'moa': '',
                        'targets': df.target_list, 'broad_id': df.broad_sample})
    return validate_compounds(out, what, invalid='report')

def read_compounds(src) -> pd.DataFrame:
    "Tidy compounds from any supported table, recognised by its columns (JUMP, LINCS 2020, Hub drugs, or already tidy)."
    df = read_table(src)
    cols = set(df.columns)
    if 'Metadata_JCP2022' in cols: return read_jump_compounds(src)
    if {'cmap_name', 'canonical_smiles'} <= cols: return read_lincs_compounds(src)
    if {'pert_iname', 'moa', 'target'} <= cols and cols & {'broad_id', 'broad_sample'}: return read_moa_map(src)
    if {'pert_iname', 'moa', 'target'} <= cols: return read_repurposing_hub(src)
    if {'broad_sample', 'target_list'} <= cols: return read_jump_target(src)
    if {'broad_id', 'pert_iname', 'smiles'} <= cols: return read_hub_samples(src)
    if set(COMPOUND_COLUMNS) <= cols:
        if 'broad_id' not in cols and 'pert_id' in cols: df = df.assign(broad_id=df.pert_id)     # CMEA's compound table
        return validate_compounds(df, Path(_name(src)).name, invalid='report')
    raise ValueError(f"unrecognised compound table {_name(src)}: columns {_preview(df.columns)}")