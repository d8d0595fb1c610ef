#| export
import numpy as np
import pandas as pd
import h5py
import tifffile
import imageio.v3 as iio
from rdkit import Chem, RDLogger
from intervention_distill.data import N_LANDMARKS, CELL_PAINTING_CHANNELS, RXRX_CHANNELS, _preview
from intervention_distill.tables import *
from intervention_distill.tables import _first_col, _is_missing, _quiet
from intervention_distill.l1000 import *
from intervention_distill.l1000 import _GENE_ID_COLS, _GENE_SYMBOL_COLS
from intervention_distill.profiles import *
from intervention_distill.profiles import _JUMP_PLATE_COLUMNS
from intervention_distill.images import *
from intervention_distill.images import _RXRX_FILE