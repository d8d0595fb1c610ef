profile = 'smoke'
seed = 0
device = 'auto'
data_dir = None
out_dir = None