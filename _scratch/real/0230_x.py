#| export
def summarize_one_shot(rows:pd.DataFrame, rc:RealConfig, seed:int=0) -> pd.DataFrame:
    "Per method and support dose (and over all supports): top-1 accuracy, 95% interval (compounds resampled), chance and sizes."
    out = []
    for m, g in rows.groupby('method', sort=False):
        for sup, h in [*g.groupby('support_dose_um'), ('all', g)]:
            mean, lo, hi = _interval(h.correct, h.compound, rc, seed)
            out.append({'method': m, 'support_dose_um': sup, 'top1': mean, 'ci_low': lo, 'ci_high': hi, 'chance': float((1 / h.n_classes).mean()),
                        'n_queries': len(h), 'n_compounds': h.compound.nunique()})
    return pd.DataFrame(out)

def summarize_activity(rows:pd.DataFrame, rc:RealConfig, seed:int=0, alpha:float=0.05) -> pd.DataFrame:
    "Per method: mAP over the treated wells (95% interval, compounds resampled), the compounds called active (p < `alpha`), and per compound mAP and p."
    out = []
    for m, g in rows.groupby('method', sort=False):
        per = g.groupby('compound').agg(mAP=('ap', 'mean'), p_value=('p_value', 'first'), n_wells=('ap', 'size'))
        mean, lo, hi = _interval(g.ap, g.compound, rc, seed)
        out.append({'method': m, 'compound': 'all', 'mAP': mean, 'ci_low': lo, 'ci_high': hi, 'p_value': np.nan,
                    'n_active': int((per.p_value < alpha).sum()), 'n_compounds': len(per), 'n_wells': len(g), 'n_dmso': int(g.n_dmso.iloc[0])})
        out += [{'method': m, 'compound': c, 'mAP': r.mAP, 'ci_low': np.nan, 'ci_high': np.nan, 'p_value': r.p_value,
                 'n_active': int(r.p_value < alpha), 'n_compounds': 1, 'n_wells': int(r.n_wells), 'n_dmso': int(g.n_dmso.iloc[0])} for c, r in per.iterrows()]
    return pd.DataFrame(out)
