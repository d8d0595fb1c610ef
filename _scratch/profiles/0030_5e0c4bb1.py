#| export
import numpy as np
import pandas as pd
import anndata as ad
from intervention_distill.data import EXPR_OBS_COLUMNS, validate_expression, _preview
from intervention_distill.tables import _ALIASES, _first_col, _is_missing, _name, read_table, schema_obs, _numeric_matrix, per_compound_table, time_from_batch