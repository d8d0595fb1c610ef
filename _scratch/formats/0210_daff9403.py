img_meta = dd.load('cp_load_data').meta
img_meta = img_meta[img_meta.compound != 'DMSO']
expr = dd.load('l1000_gctx').obs
pairing = pair_by_intervention(img_meta, expr[expr.compound != 'DMSO'])
s = pairing.summary.set_index('pairing')
test_eq(s.loc['exact', 'contexts'], 1); test_eq(s.loc['compound only', 'contexts'], 2); test_eq(s.fields.sum(), len(img_meta))
pairing.contexts