#| slow
def _fmt(v, lo, hi): return f"{v:.2f} [{lo:.2f}, {hi:.2f}]"

if REAL is not None:
    sz = tables['real_sizes'].set_index('what').n
    xm = tables['real_cmea_retrieval']; top1 = xm[xm.metric == 'top1'].set_index('method')
    an = tables['real_cmea_annotation']
    lines = [f"* **CMEA**: {sz['compounds (profile + signature pairs)']} compounds in {sz['distinct Murcko scaffolds']} scaffolds; each split holds out "
             f"{top1.candidates_per_query.iloc[0]} of them, and the intervals pool {top1.n_splits.iloc[0]} splits ({top1.n_queries.iloc[0]} queries "
             f"over {top1.n_compounds.iloc[0]} distinct held-out compounds). Morphology → transcriptome top-1 (chance {top1.chance.iloc[0]:.2f}): "
             + '; '.join(f"{m} {_fmt(r.value, r.ci_low, r.ci_high)}" for m, r in top1.iterrows()) + '.',
             f"* An interval as wide as {(top1.ci_high - top1.ci_low).max():.2f} cannot separate methods whose top-1 differs by less than that: "
             "with tens of compounds this set can show whether a method retrieves above chance, not which of two close methods is better.",
             f"* **MoA / target retrieval**: {sz['compounds with a MoA']} compounds have a MoA and {sz['compounds with targets']} have targets; "
             f"held-out queries with at least one other compound sharing a MoA: {int(an[(an.label == 'moa')].n_queries_scored.max())}, a target: "
             f"{int(an[(an.label == 'targets')].n_queries_scored.max())}. "
             + ("Where that is 0 the task cannot be scored on this folder (the full CMEA set, 162 compounds, can)." if an.n_queries_scored.min() == 0 else '')]
    if 'real_plate_one_shot' in tables:
        os_ = tables['real_plate_one_shot']; allsup = os_[os_.support_dose_um.astype(str) == 'all'].set_index('method')
        act = tables['real_plate_activity']; tot = act[act.compound == 'all'].set_index('method')
        lines += [f"* **Plate**: {sz['wells']} wells, {sz['compounds']} compounds × {sz['dose levels']} dose levels, {sz['DMSO wells']} DMSO wells; "
                  f"{sz['features shared with CMEA']} of its {sz['profile features']} features are also CMEA's. One-shot across doses, top-1 "
                  f"(chance {allsup.chance.iloc[0]:.2f}, {allsup.n_queries.iloc[0]} queries): " + '; '.join(f"{m} {_fmt(r.top1, r.ci_low, r.ci_high)}" for m, r in allsup.iterrows()) + '.',
                  "* Phenotypic activity mAP (compounds called active at p < 0.05): " + '; '.join(f"{m} {_fmt(r.mAP, r.ci_low, r.ci_high)} ({r.n_active}/{r.n_compounds})" for m, r in tot.iterrows())
                  + f". With {sz['compounds']} compounds the intervals resample {sz['compounds']} groups: they are wide, and the encoders trained on CMEA meet "
                  "another cell line and normalisation here, so a gap to the features is a transfer gap, not a verdict on the method."]
    display(Markdown('\n'.join(lines)))
