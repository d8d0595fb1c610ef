test_eq(read_table(ex['hub_drugs']).pert_iname.tolist(), EXAMPLE_COMPOUNDS.compound.tolist())   # '!' lines skipped
test_eq(read_table(ex['cp_profiles'], nrows=0).shape[0], 0)
test_eq(read_table(ex['l1000_table']).shape, (1000, 7))
with tempfile.TemporaryDirectory() as d:
    read_table(ex['cp_profiles']).to_parquet(Path(d) / 'p.parquet')
    pq, csv = read_table(Path(d) / 'p.parquet'), read_table(ex['cp_profiles'])
    test_eq(pq.columns.tolist(), csv.columns.tolist()); test_eq(pq.iloc[:, 6:].to_numpy(), csv.iloc[:, 6:].to_numpy())
    (Path(d) / 'bad.csv.gz').write_bytes(b'not gzip')
    test_fail(lambda: read_table(Path(d) / 'bad.csv.gz'), contains='bad.csv.gz')
test_fail(lambda: read_table('/no/such.csv'), contains='/no/such.csv')