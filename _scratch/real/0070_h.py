cfg = RunConfig(profile, seed, device, data_dir, out_dir)
REAL = cfg.data_dir or shared_data_dir()        # the real folder given, else the small sample beside the project
print(f"real data: {REAL}")
