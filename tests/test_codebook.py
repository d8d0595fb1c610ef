"""The exported codebook as the teacher uses it: bad input refused by name, checkpoints that round-trip, and the
soft code distributions' basic laws on real NCI molecules."""
import json

import numpy as np
import pytest
from intervention_distill.chem import read_smi, morgan_fingerprints
from intervention_distill.codebook import Codebook, build_codebook

SMILES = ['CCO', 'CCCO', 'CCCCO', 'c1ccccc1', 'c1ccccc1C', 'c1ccccc1O', 'CC(=O)O', 'CCC(=O)O']


@pytest.fixture(scope='module')
def cb(): return build_codebook(SMILES, 3, seed=0)


@pytest.mark.parametrize('smiles, msg', [
    (['CCO', 'C1CC'], "invalid SMILES 'C1CC' at index 1"),
    (['CCO', ''], "invalid SMILES '' at index 1"),
    (['CCO', None], 'invalid SMILES None at index 1'),
    ('CCO', "single string 'CCO'"),
])
def test_invalid_smiles_named(smiles, msg):
    with pytest.raises(ValueError) as e: morgan_fingerprints(smiles)
    assert msg in str(e.value)


def test_real_invalid_nci_smiles_named():
    nci = read_smi()
    bad = nci.smiles[~nci.valid].iloc[-1]
    with pytest.raises(ValueError) as e: build_codebook(nci.smiles[nci.valid][:20].tolist() + [bad], 3)
    assert repr(bad) in str(e.value) and 'index 20' in str(e.value)


@pytest.mark.parametrize('kw, msg', [(dict(k=1), 'got 1'), (dict(k=9), 'got 9'), (dict(k=3, ids=['a']), '1 ids for 8 SMILES'),
                                     (dict(k=3, temperature=-1.0), 'got -1.0'), (dict(k=3, radius=-1), 'radius')])
def test_build_rejects_bad_arguments(kw, msg):
    with pytest.raises(ValueError) as e: build_codebook(SMILES, **kw)
    assert msg in str(e.value)


def test_assign_laws(cb):
    P = cb.assign(SMILES + ['CCCCCO'])
    np.testing.assert_allclose(P.sum(1), 1.0, atol=1e-12)
    assert (P[:len(SMILES)].argmax(1) == cb.labels).all()
    np.testing.assert_allclose(cb.assign(['CCCCCO'], temperature=1e6), 1 / 3, atol=1e-5)
    for t in (0, float('nan'), float('inf'), True):
        with pytest.raises(ValueError, match='temperature'): cb.assign(['CCO'], temperature=t)


def test_unknown_gene_named(cb):
    with pytest.raises(ValueError) as e: cb.assign_genes(['EGFR', 'KRAS'], {'CCO': 'EGFR|ERBB2'})
    assert "'KRAS'" in str(e.value) and "'EGFR'" not in str(e.value)


def test_checkpoint_round_trip(cb, tmp_path):
    path = cb.save(tmp_path/'cb.json')
    assert Codebook.load(path) == cb
    assert json.loads(path.read_text())['labels'] == cb.labels.tolist()
    with pytest.raises(ValueError, match='nope.json'): Codebook.load(tmp_path/'nope.json')
    d = json.loads(path.read_text()); d['labels'] = d['labels'][:-1]
    with pytest.raises(ValueError, match='differ in length'): Codebook(**d)
