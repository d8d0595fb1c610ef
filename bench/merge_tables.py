#!/usr/bin/env python
"""Merge the bench CSVs of another run (e.g. the GPU rows that bench/gpu_bench.sh wrote into its $OUT) into
figures/tables, replacing rows with the same key and keeping the others.

    python bench/merge_tables.py /path/to/out
"""
from __future__ import annotations
import os, sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KEYS, write_table  # noqa: E402

if __name__ == '__main__':
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir(): raise SystemExit(__doc__)
    for name, key in KEYS.items():
        src = Path(sys.argv[1])/f'{name}.csv'
        if src.exists(): print(f"merged {len(pd.read_csv(src))} row(s) into {write_table(pd.read_csv(src), name, key)}")
