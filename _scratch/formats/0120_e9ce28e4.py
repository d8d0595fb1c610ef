X, genes, sigs = example_l1000()
test_eq(X.shape, (6, 1000)); test_eq(int(genes.pr_is_lm.sum()), 978); test_eq(X, example_l1000()[0])
test_eq(_inchikey(EXAMPLE_COMPOUNDS.smiles[0]), 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N')     # aspirin's InChIKey