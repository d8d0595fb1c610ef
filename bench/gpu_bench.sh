#!/usr/bin/env bash
# Paper-scale benches on one CUDA GPU, as the device tool runs them (from a copy of the repository, wheels of missing
# packages in .whl/): loader vs the training step's consumption and the training loop vs a bare step, at the paper
# profile's settings (bf16 autocast, channels_last, torch.compile, its batch, crops and student), with peak memory and
# fields/s. Writes the device=cuda rows of bench_loader.csv and bench_train.csv, logs and the GPU's name into $OUT;
# merge the CSVs into figures/tables with `python bench/merge_tables.py $OUT`.
#   OUT=/tmp/gpu bash bench/gpu_bench.sh
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
