for d in (cfg.data_dir, shared_data_dir()):
    if d is None: continue
    real = load_data_dir(d)
    print(d); print(real.summary()[['kind', 'n_files', 'example', 'loader']].to_string())
    inv = real.inventory()
    display(inv)