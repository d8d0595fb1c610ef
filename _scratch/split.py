import nbformat, copy
from nbformat.v4 import new_code_cell, new_markdown_cell
src = nbformat.read('nbs/04_formats.ipynb', 4)
C = src.cells
def params():
    c = new_code_cell("profile = 'smoke'\nseed = 0\ndevice = 'auto'\ndata_dir = None\nout_dir = None"); c.metadata['tags'] = ['parameters']; return c
def header(title, blurb, mod, fut, imports, hide):
    return [new_markdown_cell(f"# {title}\n\n> {blurb}"), new_code_cell(f"#| default_exp {mod}"),
            new_code_cell("#| export\n" + fut), new_code_cell("#| export\n" + imports),
            new_code_cell("#| hide\n" + hide), params(), new_code_cell("cfg = RunConfig(profile, seed, device, data_dir, out_dir)")]
EXAMPLES = new_code_cell("_tmp = tempfile.TemporaryDirectory()\nex = write_examples(_tmp.name)")
CLEAN = new_code_cell("_tmp.cleanup()")
HIDE_BASE = "from fastcore.test import test_eq, test_fail, test_close\nimport tempfile\nfrom intervention_distill.core import RunConfig, shared_data_dir\n"
nbs = {
 'tables': header('Tables, units and compounds',
   "One reader for every metadata table, the units and names real sources use for doses, times and compounds, and the compound tables (JUMP, LINCS, Drug Repurposing Hub) as one tidy table.",
   'tables', "from __future__ import annotations\nimport gzip, logging, re, warnings\nfrom pathlib import Path\nfrom typing import Callable, Sequence",
   "import numpy as np\nimport pandas as pd\nimport anndata as ad\nfrom rdkit import Chem, RDLogger\nfrom .data import EXPR_OBS_COLUMNS, TARGET_SEP, _preview, intervention_ids",
   HIDE_BASE + "from intervention_distill.formats import write_examples, EXAMPLE_COMPOUNDS, _inchikey\nfrom intervention_distill.l1000 import read_gctx\nfrom intervention_distill.profiles import read_cp_profiles")
   + [C[i] for i in (9, 10, 11, 12, 13, 14)] + [EXAMPLES] + [C[i] for i in (23, 24, 25, 38, 39, 40, 41, 42, 43)] + [CLEAN],
 'l1000': header('L1000 expression profiles',
   "CMap GCTX and GCT files and consensus signature tables as an `AnnData` of profiles × landmark genes, with the intervention metadata in `obs`.",
   'l1000', "from __future__ import annotations\nimport logging, warnings\nfrom pathlib import Path\nfrom typing import Sequence",
   "import numpy as np\nimport pandas as pd\nimport anndata as ad\nimport h5py\nfrom .data import N_LANDMARKS, EXPR_OBS_COLUMNS, validate_expression, _preview\nfrom .tables import _ALIASES, _first_col, _is_missing, _name, read_table, schema_obs",
   HIDE_BASE + "from intervention_distill.formats import write_examples, example_l1000, EXAMPLE_LANDMARKS")
   + [C[16]] + [EXAMPLES] + [C[i] for i in range(26, 35)] + [CLEAN],
 'profiles': header('Cell Painting profiles',
   "pycytominer and JUMP well-level profiles, their plate maps, and per-compound profile tables, as an `AnnData` of profiles × features.",
   'profiles', "from __future__ import annotations\nimport logging\nfrom pathlib import Path",
   "import numpy as np\nimport pandas as pd\nimport anndata as ad\nfrom .data import EXPR_OBS_COLUMNS, validate_expression, _preview\nfrom .tables import _is_missing, _name, read_table, schema_obs, _numeric_matrix",
   HIDE_BASE + "from intervention_distill.formats import write_examples")
   + [EXAMPLES] + [C[i] for i in (35, 36, 37)] + [CLEAN],
 'images': header('Cell Painting and RxRx images',
   "Lazy image sets over Cell Painting TIFFs (CellProfiler LoadData tables) and RxRx PNG trees, with per-plate statistics and nuclei centres.",
   'images', "from __future__ import annotations\nimport logging, re\nfrom pathlib import Path\nfrom typing import Sequence",
   "import numpy as np\nimport pandas as pd\nimport tifffile\nimport imageio.v3 as iio\nfrom scipy import ndimage\nfrom .data import CELL_PAINTING_CHANNELS, RXRX_CHANNELS, IMAGE_META_COLUMNS, ImageSet, check_meta, _preview\nfrom .tables import _ALIASES, _first_col, _is_missing, _name, read_table, schema_obs",
   HIDE_BASE + "from intervention_distill.formats import write_examples")
   + [EXAMPLES] + [C[i] for i in range(44, 57)] + [CLEAN],
}
# formats: overview, examples, data folder
fmt = [C[i] for i in range(0, 9)] + [C[i] for i in (15, 17, 18, 19, 20, 21, 22)] + [C[i] for i in range(57, 66)]
fmt[2].source = fmt[2].source  # intro kept
fmt[3].source = "#| export\nfrom __future__ import annotations\nimport re\nfrom dataclasses import dataclass, field\nfrom pathlib import Path\nfrom typing import Sequence"
fmt[4].source = ("#| export\nimport numpy as np\nimport pandas as pd\nimport h5py\nimport tifffile\nimport imageio.v3 as iio\nfrom rdkit import Chem, RDLogger\n"
  "from .data import N_LANDMARKS, CELL_PAINTING_CHANNELS, RXRX_CHANNELS, _preview\n"
  "from .tables import *\nfrom .tables import _first_col, _is_missing, _quiet\nfrom .l1000 import *\nfrom .profiles import *\nfrom .images import *\nfrom .images import _RXRX_FILE")
fmt[5].source = "#| hide\nfrom fastcore.test import test_eq, test_fail, test_close\nimport tempfile\nfrom intervention_distill.core import RunConfig, shared_data_dir\nfrom intervention_distill.data import pair_by_intervention"
for name, cells in nbs.items():
    nb = copy.deepcopy(src); nb.cells = cells
    nbformat.write(nb, f'nbs/04_{name}.ipynb')
src.cells = fmt
nbformat.write(src, 'nbs/04_formats.ipynb')
