#| slow
if REAL is not None:
    tables = run_real(REAL, cfg.out_dir, RealConfig(), seed=cfg.seed, device=cfg.device)
    for k, v in tables.items(): print(k); display(v)
