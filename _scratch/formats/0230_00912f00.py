for d in (cfg.data_dir, shared_data_dir()):
    if d is not None: print(d); print(load_data_dir(d).summary().to_string())