#| export
JOIN_KEYS = ('compound', 'inchikey', 'broad_id', 'inchikey14')

def annotate(data, compounds:pd.DataFrame, on:str='compound', allow_missing:bool=False, controls:Sequence[str]=('DMSO',)):
    "Fill smiles/inchikey/moa/targets of `data` (AnnData or metadata DataFrame) from a tidy compound table, joined on `on`."
    if on not in JOIN_KEYS: raise ValueError(f"on must be one of {', '.join(JOIN_KEYS)}, got {on!r}")
    is_ad = isinstance(data, ad.AnnData)
    obs = (data.obs if is_ad else data).copy()
    key_col = _first_col(obs, _ALIASES[on])
    if key_col is None: raise ValueError(f"data has no {on!r} column (looked for {', '.join(_ALIASES[on])})")
    _require(compounds, COMPOUND_COLUMNS, 'compound table')
    if on == 'inchikey14' and 'inchikey14' not in compounds.columns: compounds = compounds.assign(inchikey14=compounds.inchikey.astype(str).str[:14])
    _require(compounds, (on,), 'compound table')
    table = compounds[compounds[on].astype(str) != '']
    if table[on].duplicated().any(): raise ValueError(f"compound table: {on} {_preview(table[on][table[on].duplicated()].unique())} "
                                                      "maps to several compounds")
    table = table.set_index(table[on].astype(str))
    keys = obs[key_col].map(lambda v: '' if _is_missing(v) else str(v))
    skip = keys.isin(controls) | (keys == '') | (obs.compound.isin(controls) if 'compound' in obs.columns else False)
    known = keys.isin(table.index) & ~skip
    unknown = ~known & ~skip
    missing = list(pd.unique(keys[unknown]))
    if missing and not allow_missing:
        raise ValueError(f"{len(missing)} unknown compound(s) ({on}) not in the compound table: {_preview(missing)}")
    for c in [*(x for x in COMPOUND_COLUMNS[1:] if x != on), *(['compound'] if on != 'compound' else [])]:
        old = obs[c] if c in obs.columns else pd.Series('', index=obs.index)
        obs[c] = keys.map(table[c]).where(known, old).fillna('').astype(str)
    if on != 'compound' and {'dose_um', 'cell_type', 'intervention_id'} <= set(obs.columns):
        obs['intervention_id'] = intervention_ids(obs.compound, obs.dose_um, obs.cell_type)
    report = {'on': on, 'n_annotated': int(known.sum()), 'n_controls_or_empty': int(skip.sum()),
              'n_unannotated': int(unknown.sum()), 'unknown_compounds': missing}
    if missing: _log.warning("annotate: %d row(s) of %d unknown compound(s) left unannotated: %s", unknown.sum(), len(missing), _preview(missing))
    if not is_ad:
        obs.attrs['annotate_report'] = report
        return obs
    out = data.copy(); out.obs = obs; out.uns['annotate_report'] = report
    return out