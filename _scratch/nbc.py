"""nbc.py dump NB DIR  -> one file per cell DIR/NN_id.{py,md};  nbc.py load NB DIR -> rebuild NB from files (order by name; new files get new ids)."""
import sys, nbformat, re
from pathlib import Path
from nbformat.v4 import new_code_cell, new_markdown_cell
cmd, nbp, d = sys.argv[1], sys.argv[2], Path(sys.argv[3])
if cmd == 'dump':
    nb = nbformat.read(nbp, 4); d.mkdir(parents=True, exist_ok=True)
    for f in d.glob('*'): f.unlink()
    for i, c in enumerate(nb.cells):
        ext = 'py' if c.cell_type == 'code' else 'md'
        tag = '_P' if 'parameters' in c.metadata.get('tags', []) else ''
        (d / f'{i*10:04d}_{c.id}{tag}.{ext}').write_text(c.source)
else:
    nb = nbformat.read(nbp, 4) if Path(nbp).exists() else nbformat.v4.new_notebook()
    old = {c.id: c for c in nb.cells}
    cells = []
    for f in sorted(d.glob('*')):
        m = re.match(r'^\d+_([0-9a-zA-Z-]+?)(_P)?\.(py|md)$', f.name)
        if not m: continue
        cid, tagp, ext = m.groups()
        s = f.read_text().rstrip('\n')
        if cid in old and old[cid].cell_type == ('code' if ext == 'py' else 'markdown'): c = old[cid]; c.source = s
        else:
            c = new_code_cell(s) if ext == 'py' else new_markdown_cell(s)
            if tagp: c.metadata['tags'] = ['parameters']
        cells.append(c)
    nb.cells = cells
    nbformat.write(nb, nbp)
