test_eq(parse_dose_um('10 uM'), 10.0); test_close(parse_dose_um('500 nM'), 0.5); test_eq(parse_dose_um('1.11 µM'), 1.11)
test_eq(parse_dose_um('10uM'), 10.0); test_eq(parse_dose_um(3.33, 'um'), 3.33); test_close(parse_dose_um('1e-5 M'), 10.0)
test_eq(np.isnan(parse_dose_um('-666')), True); test_eq(np.isnan(parse_dose_um(-666.0)), True)
test_eq(parse_time_h('24 h'), 24.0); test_eq(parse_time_h('48H'), 48.0); test_eq(parse_time_h(6, 'h'), 6.0); test_eq(parse_time_h('2 d'), 48.0)
test_fail(lambda: parse_dose_um('10 ug/ml'), contains="'ug/ml'")
test_fail(lambda: parse_dose_um('ten uM'), contains="'ten uM'")
test_fail(lambda: parse_dose_um(10), contains='no unit')
test_fail(lambda: parse_time_h('6 weeks'), contains="'weeks'")
test_eq(parse_dose_um(b'10 \xb5M'.decode('utf-8', 'replace')), 10.0)     # a Latin-1 µ read as UTF-8
test_eq(parse_dose_um('10 <b5>M'), 10.0)                                # modzs_n25x50.gctx: the byte as R prints it
test_eq(parse_dose_um('10 \xc2\xb5M'), 10.0)                            # a UTF-8 µ read as Latin-1
test_eq(dose_level_um([0.041152, 0.12346, 0.37037, 1.1111, 3.3333, 10, 0.04, 10.0]), [0.04, 0.12, 0.37, 1.11, 3.33, 10.0, 0.04, 10.0])
test_eq(np.isnan(dose_level_um([0, np.nan, 100.0, 0.2])).tolist(), [True, True, True, True])   # DMSO, missing, off the levels
test_eq(time_from_batch('2016_04_01_a549_48hr_batch1'), 48.0); test_eq(time_from_batch('CPC006_A549_6H'), 6.0)
test_eq(np.isnan(time_from_batch('Batch1_20221004')), True)
test_fail(lambda: time_from_batch('a_24h_to_48h'), contains="several times")
test_eq([broad_id(v) for v in ('BRD-K92723993-001-06-7', 'BRD-K92723993', 'DMSO', None, 'imatinib')], ['BRD-K92723993'] * 2 + [''] * 3)
