"""House rules that nbdev relies on: imports in their own cells (nbdev executes every cell containing an import
when it renders the docs, so a test cell with an import would run out of context), at most one `default_exp` per
notebook (artefact notebooks export nothing), and a papermill `parameters` cell in every numbered notebook."""
import ast, re
from pathlib import Path
import nbformat, pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if re.match(r'\d{2}_', p.name))
DIRECTIVE = re.compile(r'^\s*#\|\s*(\S+)', re.M)


def _cells(nb): return [c for c in nb.cells if c.cell_type == 'code']


@pytest.mark.parametrize('path', NOTEBOOKS, ids=lambda p: p.name)
def test_imports_in_their_own_cells(path):
    bad = []
    for i, c in enumerate(nbformat.read(path, as_version=4).cells):
        if c.cell_type != 'code': continue
        dirs = set(DIRECTIVE.findall(c.source))
        if dirs & {'export', 'exports', 'exporti', 'exec_doc'} or 'eval:' in dirs: continue
        src = '\n'.join(l for l in c.source.splitlines() if not l.lstrip().startswith(('%', '!')))
        try: tree = ast.parse(src)
        except SyntaxError: continue
        kinds = {isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(tree) if isinstance(n, ast.stmt)}
        if kinds == {True, False}: bad.append(i)
    assert not bad, f'{path.name}: cells {bad} mix imports with other code (move the imports to an import cell)'


@pytest.mark.parametrize('path', NOTEBOOKS, ids=lambda p: p.name)
def test_one_default_exp_and_parameters_cell(path):
    cells = _cells(nbformat.read(path, as_version=4))
    assert sum(bool(re.search(r'^#\|\s*default_exp\s', c.source, re.M)) for c in cells) <= 1, path.name
    params = [c for c in cells if 'parameters' in c.metadata.get('tags', [])]
    assert len(params) == 1, f'{path.name}: needs exactly one papermill parameters cell'
    for name in ('profile', 'seed', 'device', 'data_dir', 'out_dir'):
        assert re.search(rf'^{name}\s*=', params[0].source, re.M), f'{path.name}: parameters cell lacks {name}'
