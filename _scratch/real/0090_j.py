#| export
@dataclass
class RealData:
    "The real sets of a data folder: CMEA profiles and signatures of the same compounds, their compound table, and a Cell Painting plate (or None)."
    morph: ad.AnnData          # CMEA Cell Painting profiles, compounds × features
    rna: ad.AnnData            # CMEA L1000 signatures, compounds × 978 landmark genes (same rows)
    compounds: pd.DataFrame    # compound (= Broad id), smiles, moa, targets, in the same order
    plate: ad.AnnData|None     # LINCS Cell Painting wells × features, with broad_id, dose_level_um, moa
    path: Path

    def sizes(self) -> pd.DataFrame:
        "What the sets hold: the numbers every result below rests on."
        c = self.compounds
        rows = [('CMEA', 'compounds (profile + signature pairs)', len(c)), ('CMEA', 'profile features', self.morph.n_vars),
                ('CMEA', 'L1000 genes', self.rna.n_vars), ('CMEA', 'distinct Murcko scaffolds', len(set(murcko_scaffolds(c.smiles.tolist())))),
                ('CMEA', 'compounds with a MoA', int(c.moa.ne('').sum())), ('CMEA', 'compounds with targets', int(c.targets.ne('').sum()))]
        if self.plate is not None:
            o = self.plate.obs
            rows += [('plate', 'wells', self.plate.n_obs), ('plate', 'profile features', self.plate.n_vars),
                     ('plate', 'compounds', int(o.broad_id[o.broad_id != ''].nunique())),
                     ('plate', 'dose levels', int(o.dose_level_um.nunique())), ('plate', 'DMSO wells', int(o.broad_id.eq('').sum())),
                     ('plate', 'features shared with CMEA', len(shared_features(self)))]
        return pd.DataFrame(rows, columns=['set', 'what', 'n'])

def shared_features(data:RealData) -> list[str]:
    "Profile features measured in both CMEA and the plate (same CellProfiler names), in CMEA's order."
    if data.plate is None: return []
    return [f for f in data.morph.var_names if f in set(data.plate.var_names)]

def load_real(data_dir) -> RealData:
    "The CMEA pair (profiles, signatures, compounds; aligned on the Broad id) and the first Cell Painting plate of `data_dir`."
    dd = load_data_dir(data_dir)
    need = ('cp_compound_profiles', 'l1000_compound_signatures', 'compounds')
    missing = [k for k in need if not dd[k]]
    if missing: raise ValueError(f"data_dir {str(data_dir)!r} lacks {', '.join(missing)} (the CMEA tables); found: {', '.join(dd.found) or 'nothing'}")
    morph, rna, cpds = dd.load('cp_compound_profiles'), dd.load('l1000_compound_signatures'), dd.load('compounds')
    if morph.obs.broad_id.tolist() != rna.obs.broad_id.tolist():
        raise ValueError(f"the CMEA profile and signature tables hold different compounds or orders: {morph.obs.broad_id[:3].tolist()} vs {rna.obs.broad_id[:3].tolist()}")
    table = cpds.set_index('broad_id') if 'broad_id' in cpds.columns else cpds.set_index('compound')
    absent = [b for b in morph.obs.broad_id if b not in table.index]
    if absent: raise ValueError(f"{len(absent)} CMEA compound(s) missing from the compound table: {absent[:5]}")
    ids = morph.obs.broad_id.tolist()
    c = table.loc[ids, ['smiles', 'moa', 'targets']].reset_index(drop=True)
    c.insert(0, 'compound', ids)
    if c.smiles.eq('').any(): raise ValueError(f"CMEA compound(s) without SMILES (a scaffold split needs them): {c.compound[c.smiles.eq('')].tolist()[:5]}")
    plate = None
    if dd['cp_profiles']:
        plate = dd.load('cp_profiles')
        if dd['moa_map']: plate = annotate(plate, dd.load('moa_map'), on='broad_id', allow_missing=True)
    return RealData(morph, rna, c, plate, Path(data_dir))
