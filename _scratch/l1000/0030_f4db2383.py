#| export
import numpy as np
import pandas as pd
import anndata as ad
import h5py
from intervention_distill.data import N_LANDMARKS, EXPR_OBS_COLUMNS, validate_expression, _preview
from intervention_distill.tables import _ALIASES, _first_col, _is_missing, _name, read_table, schema_obs, _numeric_matrix, per_compound_table