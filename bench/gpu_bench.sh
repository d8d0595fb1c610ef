#!/usr/bin/env bash
# Paper-scale benches on one CUDA GPU, as the device tool runs them (from a copy of the repository, wheels of missing
# packages in .whl/): loader vs the training step's consumption and the training loop vs a bare step, at the paper
# profile's settings (bf16 autocast, channels_last, torch.compile, its batch, crops and student), with peak memory and
# fields/s. Writes the device=cuda rows of bench_loader.csv and bench_train.csv, logs and the GPU's name into $OUT;
# merge the CSVs into figures/tables with `python bench/merge_tables.py $OUT`.
#   OUT=/tmp/gpu bash bench/gpu_bench.sh
# The device image (python 3.12, torch, timm, pandas, scipy) lacks anndata, fastcore and zarr's stack; fetch them here with
#   python -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
#     --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl \
#     anndata==0.12.19 zarr==3.1.6 numcodecs==0.16.6 fastcore==1.14.5 donfig==0.8.1.post1 scverse-misc==0.0.3 \
#     google-crc32c==1.9.0 array-api-compat==1.16.0 legacy-api-wrap==1.5 natsort==8.4.0 session-info2
# (.whl/ git-ignored via .git/info/exclude) and carry .whl with the repository.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_bench}; mkdir -p "$OUT"
SITE=""
if [ -d .whl ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  SITE=/tmp/site
fi
export PYTHONPATH=$PWD${SITE:+:$SITE} PYTHONUNBUFFERED=1 ID_CACHE_DIR=/tmp/id_cache MPLBACKEND=Agg PYTHONHASHSEED=0
FIELDS=${FIELDS:-512}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1
python3 -c "import torch; print('torch', torch.__version__, torch.cuda.get_device_name(0))" >> "$OUT/gpu.txt" 2>&1
cat "$OUT/gpu.txt"
timeout ${T_LOADER:-70} python3 bench/bench_loader.py --settings paper --device cuda --fields "$FIELDS" --batches 40 --steps 30 --warmup 5 --out "$OUT" 2>&1 | tee "$OUT/bench_loader.log"
timeout ${T_TRAIN:-110} python3 bench/bench_train.py --settings paper --device cuda --fields "$FIELDS" --steps 40 --warmup 5 --out "$OUT" 2>&1 | tee "$OUT/bench_train.log"
