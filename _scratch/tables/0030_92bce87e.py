#| export
import numpy as np
import pandas as pd
import anndata as ad
from rdkit import Chem, RDLogger
from intervention_distill.data import EXPR_OBS_COLUMNS, TARGET_SEP, _preview, intervention_ids