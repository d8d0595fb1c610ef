#| export
import numpy as np
import pandas as pd
import tifffile
import imageio.v3 as iio
from scipy import ndimage
from intervention_distill.data import CELL_PAINTING_CHANNELS, RXRX_CHANNELS, IMAGE_META_COLUMNS, ImageSet, check_meta, _preview
from intervention_distill.tables import _ALIASES, _first_col, _is_missing, _name, read_table, schema_obs