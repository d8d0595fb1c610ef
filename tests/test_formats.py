"""Bad-input tests of the real-format loaders (`intervention_distill.formats`).

Every case of the issue's list (wrong channel count, NaN/inf expression, duplicate gene symbols, missing landmark
genes, unknown compound, invalid SMILES, corrupt image file) and a few more: each asserts a `ValueError` whose
message names the offending value or file. Anything a loader filters is counted and reported, never dropped
silently: those reports are checked too. The files are the small real-layout ones of `write_examples`, broken on
purpose in a private copy; the last tests read the small real files of `../shared/data/` (README counts; they fail,
not skip, when that folder is absent).
"""
import logging, re, shutil
from pathlib import Path

import h5py
import imageio.v3 as iio
import numpy as np
import pandas as pd
import pytest

from intervention_distill.core import shared_data_dir
from intervention_distill.data import N_LANDMARKS, CELL_PAINTING_CHANNELS, RXRX_CHANNELS, EXPR_OBS_COLUMNS
from intervention_distill.formats import (
    write_examples, example_l1000, write_gctx, write_gct, read_gctx, read_gct, read_l1000_table, read_cp_profiles,
    read_table, read_compounds, read_jump_compounds, read_repurposing_hub, validate_compounds, annotate,
    CellPaintingTiffSet, RxRxImageSet, load_data_dir, parse_dose_um, DATA_KINDS, read_moa_map, read_hub_samples, nuclei_centroids)


@pytest.fixture(scope='module')
def examples(tmp_path_factory):
    return write_examples(tmp_path_factory.mktemp('examples'), seed=0)


@pytest.fixture
def ex(examples, tmp_path):
    "A private copy of the example folder, which the test may break."
    root = Path(examples['l1000_gctx']).parents[1]
    shutil.copytree(root, tmp_path / 'ex')
    return {k: tmp_path / 'ex' / Path(v).relative_to(root) for k, v in examples.items()}


def tiff_set(ex, **kw):
    return CellPaintingTiffSet(ex['cp_load_data'], metadata=ex['cp_metadata'], **kw)


# ---------------------------------------------------------------- wrong channel count

@pytest.mark.parametrize('drop', CELL_PAINTING_CHANNELS)
def test_cp_load_data_with_four_channels(ex, drop):
    ld = read_table(ex['cp_load_data']).drop(columns=[f'FileName_Orig{drop}', f'PathName_Orig{drop}'])
    ld.to_csv(ex['cp_load_data'], index=False)
    with pytest.raises(ValueError, match=f'load_data.csv: 4 of the 5 Cell Painting channels .*; missing {drop}$'):
        tiff_set(ex)


def test_cp_load_data_with_misnamed_channel(ex):
    ld = read_table(ex['cp_load_data']).rename(columns={'FileName_OrigDNA': 'FileName_OrigHoechst', 'PathName_OrigDNA': 'PathName_OrigHoechst'})
    with pytest.raises(ValueError, match='wrong channel count.*missing DNA'):
        CellPaintingTiffSet(ld, root=ex['cp_load_data'].parent)


def test_rxrx_field_with_five_channels(ex):
    (ex['rxrx_images'] / 'HUVEC-01/Plate1/B03_s1_w6.png').unlink()
    with pytest.raises(ValueError, match=r'wrong channel count: field HUVEC-01/Plate1/B03_s1 has 5 channel file\(s\) \(w1, w2, w3, w4, w5\), expected 6'):
        RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])


def test_rxrx_field_with_seven_channels(ex):
    shutil.copy(ex['rxrx_images'] / 'HUVEC-01/Plate1/C02_s1_w1.png', ex['rxrx_images'] / 'HUVEC-01/Plate1/C02_s1_w7.png')
    with pytest.raises(ValueError, match=r'field HUVEC-01/Plate1/C02_s1 has 7 channel file\(s\)'):
        RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])


def test_rxrx_with_fewer_channel_names_than_files(ex):
    with pytest.raises(ValueError, match='expected 5 .*w1..w5'):
        RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'], channels=RXRX_CHANNELS[:5])


# ---------------------------------------------------------------- GCTX files with one bad value

SIGS = example_l1000()[2].index

def _set(df, row, col, value): df.iloc[row, df.columns.get_loc(col)] = value

GCTX_CASES = [   # (case, edit of the example matrix / gene metadata / signature metadata, expected message)
    ('nan expression', lambda X, g, s: X.__setitem__((1, 7), np.nan), f"non-finite expression value nan in profile '{SIGS[1]}', gene 'G007'"),
    ('duplicate gene symbol', lambda X, g, s: _set(g, 5, 'pr_gene_symbol', 'G004'), 'duplicate gene symbols: G004'),
    ('977 landmark flags', lambda X, g, s: _set(g, 977, 'pr_is_lm', 0), '977 genes are flagged as landmarks in edited.gctx, expected 978'),
    ('unknown dose unit', lambda X, g, s: _set(s, 2, 'pert_idose', '10 ug/ml'), "unknown dose unit 'ug/ml' in '10 ug/ml'"),
    ('bad time', lambda X, g, s: _set(s, 0, 'pert_itime', 'overnight'), "cannot parse time 'overnight'"),
]

@pytest.mark.parametrize('edit,message', [c[1:] for c in GCTX_CASES], ids=[c[0] for c in GCTX_CASES])
def test_bad_value_in_gctx(tmp_path, edit, message):
    X, genes, sigs = example_l1000()
    edit(X, genes, sigs)
    write_gctx(tmp_path / 'edited.gctx', X, genes, sigs)
    with pytest.raises(ValueError, match=re.escape(message)):
        read_gctx(tmp_path / 'edited.gctx')


# ---------------------------------------------------------------- NaN / inf expression in other formats

def test_gct_with_inf(tmp_path):
    X, genes, sigs = example_l1000()
    X[4, 3] = -np.inf
    write_gct(tmp_path / 'inf.gct', X, genes, sigs)
    with pytest.raises(ValueError, match=f"non-finite expression value -inf in profile '{sigs.index[4]}', gene 'G003'"):
        read_gct(tmp_path / 'inf.gct')


def test_consensus_table_with_nan(ex):
    t = read_table(ex['l1000_table']).astype(object)
    t.iloc[10, 2] = 'NaN'                                            # gene id 1010 = G010, second signature
    t.to_csv(ex['l1000_table'], sep='\t', index=False)
    with pytest.raises(ValueError, match=f"non-finite expression value nan in profile '{t.columns[2]}', gene 'G010'"):
        read_l1000_table(ex['l1000_table'], gene_info=ex['l1000_gene_info'], sample_info=ex['l1000_sig_info'])


def test_consensus_table_with_text_value(ex):
    t = read_table(ex['l1000_table']).astype(object)
    t.iloc[3, 1] = 'n.d.'
    t.to_csv(ex['l1000_table'], sep='\t', index=False)
    with pytest.raises(ValueError, match=f"non-numeric value 'n.d.' .*column '{t.columns[1]}'"):
        read_l1000_table(ex['l1000_table'], gene_info=ex['l1000_gene_info'], sample_info=ex['l1000_sig_info'])


# ---------------------------------------------------------------- gene symbols and landmarks

def test_duplicate_ids_in_gene_info(ex):
    gi = read_table(ex['l1000_gene_info'])
    gi.loc[1, 'gene_id'] = gi.loc[0, 'gene_id']
    gi.to_csv(ex['l1000_gene_info'], sep='\t', index=False)
    with pytest.raises(ValueError, match='geneinfo_beta.txt: duplicate ids 1000'):
        read_gctx(ex['l1000_gctx'], gene_info=ex['l1000_gene_info'])


def test_landmark_missing_against_gene_info(ex, tmp_path):
    X, genes, sigs = example_l1000()
    keep = genes.pr_gene_symbol != 'G977'
    write_gctx(tmp_path / 'no977.gctx', X[:, keep.to_numpy()], genes[keep], sigs)
    with pytest.raises(ValueError, match='1 landmark gene\\(s\\) missing: G977'):
        read_gctx(tmp_path / 'no977.gctx', gene_info=ex['l1000_gene_info'])


def test_landmarks_given_but_absent(ex):
    with pytest.raises(ValueError, match='1 landmark gene\\(s\\) missing: EGFR'):
        read_gctx(ex['l1000_gctx'], landmarks=['G000', 'EGFR'])


def test_entrez_ids_need_gene_info(ex):
    with pytest.raises(ValueError, match="Entrez ids \\(e.g. '1000'\\).*pass gene_info"):
        read_l1000_table(ex['l1000_table'], sample_info=ex['l1000_sig_info'])


def test_gene_missing_from_gene_info(ex):
    gi = read_table(ex['l1000_gene_info'])
    gi[gi.gene_id != 1500].to_csv(ex['l1000_gene_info'], sep='\t', index=False)
    with pytest.raises(ValueError, match="1 gene id\\(s\\) of level5_example_n6x1000.gctx missing from gene_info .*geneinfo_beta.txt \\(matched on 'gene_id'\\): 1500"):
        read_gctx(ex['l1000_gctx'], gene_info=ex['l1000_gene_info'])


def test_profile_missing_from_sample_info(ex):
    si = read_table(ex['l1000_sig_info'])
    si.iloc[1:].to_csv(ex['l1000_sig_info'], sep='\t', index=False)
    with pytest.raises(ValueError, match=f"1 profile\\(s\\) of .* missing from sample_info: {si.sig_id[0]}"):
        read_l1000_table(ex['l1000_table'], gene_info=ex['l1000_gene_info'], sample_info=ex['l1000_sig_info'])


# ---------------------------------------------------------------- other L1000 bad input

def test_text_file_is_not_gctx(ex):
    with pytest.raises(ValueError, match='cannot read GCTX file .*level5_example_n6x1000.gct:'):
        read_gctx(ex['l1000_gct'])


def test_hdf5_without_gctx_nodes(tmp_path):
    with h5py.File(tmp_path / 'other.gctx', 'w') as f: f['x'] = np.zeros(3)
    with pytest.raises(ValueError, match='other.gctx is not a GCTX file: it lacks /0/DATA/0/matrix'):
        read_gctx(tmp_path / 'other.gctx')


def test_gctx_matrix_shape_mismatch(tmp_path):
    X, genes, sigs = example_l1000()
    write_gctx(tmp_path / 'shape.gctx', X, genes, sigs)
    with h5py.File(tmp_path / 'shape.gctx', 'a') as f:
        del f['0/DATA/0/matrix']; f['0/DATA/0/matrix'] = X.T       # genes x samples: the wrong orientation
    with pytest.raises(ValueError, match=r'shape.gctx: matrix shape \(1000, 6\) does not match 6 column ids × 1000 row ids'):
        read_gctx(tmp_path / 'shape.gctx')


def test_gct_dimensions_disagree_with_body(ex):
    lines = ex['l1000_gct'].read_text().splitlines()
    lines[1] = '999\t6\t2\t6'
    ex['l1000_gct'].write_text('\n'.join(lines) + '\n')
    with pytest.raises(ValueError, match='level5_example_n6x1000.gct: the header declares 999 genes'):
        read_gct(ex['l1000_gct'])


def test_gct_wrong_version_line(tmp_path):
    (tmp_path / 'x.gct').write_text('#2.0\n1\t1\n')
    with pytest.raises(ValueError, match="x.gct is not a GCT file: first line '#2.0'"):
        read_gct(tmp_path / 'x.gct')


def test_unknown_sample_asked_from_gctx(ex):
    with pytest.raises(ValueError, match="sample id\\(s\\) not in .*: 'CPC999'"):
        read_gctx(ex['l1000_gctx'], samples=['CPC999'])


# ---------------------------------------------------------------- Cell Painting profiles

def test_cp_profile_nan_features_are_dropped_counted_and_logged(ex, caplog):
    df = read_table(ex['cp_profiles'])
    df.loc[2, 'Nuclei_Texture_Contrast_DNA_3_0'] = np.nan
    df.loc[0, 'Cells_AreaShape_Area'] = np.inf
    with caplog.at_level(logging.WARNING, logger='intervention_distill'):
        a = read_cp_profiles(df)
    rep = a.uns['load_report']
    assert a.shape == (4, 3)
    assert rep['n_dropped_features'] == 2 and rep['dropped_features'] == ['Cells_AreaShape_Area', 'Nuclei_Texture_Contrast_DNA_3_0']
    assert 'dropped 2 feature(s)' in caplog.text and 'Cells_AreaShape_Area' in caplog.text


def test_cp_profile_nan_feature_raises_when_asked(ex):
    df = read_table(ex['cp_profiles'])
    df.loc[2, 'Nuclei_Texture_Contrast_DNA_3_0'] = np.nan
    with pytest.raises(ValueError, match="profile 2, feature 'Nuclei_Texture_Contrast_DNA_3_0'"):
        read_cp_profiles(df, nan_features='raise')


def test_cp_profile_text_feature(ex):
    df = read_table(ex['cp_profiles'])
    df['Cytoplasm_Intensity_MeanIntensity_Mito'] = df['Cytoplasm_Intensity_MeanIntensity_Mito'].astype(object)
    df.loc[1, 'Cytoplasm_Intensity_MeanIntensity_Mito'] = 'high'
    with pytest.raises(ValueError, match="non-numeric value 'high' .*column 'Cytoplasm_Intensity_MeanIntensity_Mito'"):
        read_cp_profiles(df)


def test_cp_profile_without_cell_type(ex):
    df = read_table(ex['cp_profiles']).drop(columns='Metadata_cell_id')
    with pytest.raises(ValueError, match="no 'cell_type' column: looked for cell_type, cell_id.*pass defaults"):
        read_cp_profiles(df)


def test_cp_profile_without_metadata():
    with pytest.raises(ValueError, match='no Metadata_ columns'):
        read_cp_profiles(pd.DataFrame({'Cells_A': [1.0]}))


# ---------------------------------------------------------------- compounds

def test_invalid_smiles_in_hub_samples(ex):
    "The Hub is a reference table: a bad sample row is skipped and reported (count and name, report and warning), the rest is kept."
    text = ex['hub_samples'].read_text().replace('CN1C=NC2=C1C(=O)N(C(=O)N2C)C', 'CN1C=NC2=C1C(=O)N(C(=O)N2C')
    ex['hub_samples'].write_text(text)
    with pytest.warns(UserWarning, match=r"1 invalid row\(s\) skipped: row 1 \(caffeine\): invalid SMILES 'CN1C=NC2=C1C\(=O\)N\(C\(=O\)N2C'"):
        h = read_repurposing_hub(ex['hub_drugs'], ex['hub_samples'])
    rep = h.attrs['load_report']
    assert rep['n_invalid'] == 1 and 'caffeine' in rep['invalid'][0]
    assert len(h) == 4 and h.set_index('compound').smiles['caffeine'] == '' and h.smiles.ne('').sum() == 3


def test_invalid_smiles_in_jump_table(ex):
    df = read_table(ex['jump_compounds'])
    df.loc[3, 'Metadata_SMILES'] = 'C1CC'
    with pytest.raises(ValueError, match=r"invalid SMILES 'C1CC' for compound 'JCP2022_000004' \(row 3\)"):
        read_jump_compounds(df)


def test_invalid_inchi_in_jump_table(ex):
    df = read_table(ex['jump_compounds']).drop(columns='Metadata_SMILES')
    df.loc[2, 'Metadata_InChI'] = 'InChI=1S/not-a-molecule'
    with pytest.raises(ValueError, match=r"invalid InChI 'InChI=1S/not-a-molecule' for compound 'JCP2022_000003' \(row 2\)"):
        read_jump_compounds(df)


def test_duplicate_compound_ids(ex):
    df = read_compounds(ex['jump_compounds'])
    df.loc[1, 'compound'] = df.compound[0]
    with pytest.raises(ValueError, match='duplicate compound\\(s\\) JCP2022_000001'):
        validate_compounds(df)


def test_unknown_compound_in_profiles(ex):
    a = read_gctx(ex['l1000_gctx'])
    a.obs.loc[a.obs_names[2], 'compound'] = 'mysterine'
    hub = read_repurposing_hub(ex['hub_drugs'], ex['hub_samples'])
    with pytest.raises(ValueError, match='1 unknown compound\\(s\\) \\(compound\\) not in the compound table: mysterine'):
        annotate(a, hub)


def test_unknown_compound_in_image_meta_is_counted_when_allowed(ex, caplog):
    meta = tiff_set(ex).meta.copy()
    meta.loc[meta.well == 'A02', 'compound'] = 'mysterine'
    hub = read_repurposing_hub(ex['hub_drugs'], ex['hub_samples'])
    with caplog.at_level(logging.WARNING, logger='intervention_distill'):
        out = annotate(meta, hub, allow_missing=True)
    rep = out.attrs['annotate_report']
    assert (rep['n_annotated'], rep['n_controls_or_empty'], rep['n_unannotated'], rep['unknown_compounds']) == (4, 2, 2, ['mysterine'])
    assert 'mysterine' in caplog.text
    assert out.moa[out.compound == 'vorinostat'].unique().tolist() == ['HDAC inhibitor']


def test_unknown_inchikey(ex):
    p = read_cp_profiles(read_table(ex['cp_profiles']).assign(Metadata_InChIKey='AAAAAAAAAAAAAA-BBBBBBBBBB-C'))
    with pytest.raises(ValueError, match='AAAAAAAAAAAAAA-BBBBBBBBBB-C'):
        annotate(p, read_compounds(ex['jump_compounds']), on='inchikey')


def test_unrecognised_compound_table():
    with pytest.raises(ValueError, match='unrecognised compound table DataFrame'):
        read_compounds(pd.DataFrame({'name': ['x'], 'structure': ['C']}))


# ---------------------------------------------------------------- images

def test_corrupt_tiff_names_the_file(ex):
    imgs = tiff_set(ex)
    bad = imgs.files(5)[2]
    bad.write_bytes(b'II*\x00' + b'\x00garbage' * 10)
    imgs[4]                                                           # other fields still read
    with pytest.raises(ValueError, match=f'corrupt or unreadable image file {bad}'):
        imgs[5]


def test_truncated_png_names_the_file(ex):
    imgs = RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])
    bad = imgs.files(1)[4]
    bad.write_bytes(bad.read_bytes()[:40])
    with pytest.raises(ValueError, match=f'corrupt or unreadable image file {bad}'):
        imgs[1]


def test_rgb_png_is_not_one_channel(ex):
    p = ex['rxrx_images'] / 'HUVEC-01/Plate1/B02_s1_w3.png'
    iio.imwrite(p, np.zeros((32, 32, 3), np.uint8))
    imgs = RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])
    with pytest.raises(ValueError, match=f'image file {p} has shape \\(32, 32, 3\\): expected one 2-D channel'):
        imgs[0]


def test_channel_of_another_size(ex):
    import tifffile
    imgs = tiff_set(ex)
    p = imgs.files(0)[4]
    tifffile.imwrite(p, np.zeros((32, 32), np.uint16))
    with pytest.raises(ValueError, match=f'image file {p} is \\(32, 32\\)'):
        imgs[0]


def test_missing_tiff_named_at_construction(ex):
    imgs = tiff_set(ex)
    gone = imgs.files(6)[1]
    gone.unlink()
    with pytest.raises(ValueError, match=f'1 image file\\(s\\) listed in .*load_data.csv do not exist: {gone}'):
        tiff_set(ex)


def test_remote_pathname_needs_path_map(ex):
    ld = read_table(ex['cp_load_data'])
    ld['PathName_OrigER'] = 's3://cellpainting-gallery/cpg0004-lincs/broad/images/SQ00014812'
    with pytest.raises(ValueError, match="remote PathName 's3://cellpainting-gallery/cpg0004-lincs/broad/images/SQ00014812'"):
        CellPaintingTiffSet(ld, root=ex['cp_load_data'].parent)
    local = ex['cp_load_data'].parents[2] / 'images/SQ00014812'
    imgs = CellPaintingTiffSet(ld, root=ex['cp_load_data'].parent, metadata=ex['cp_metadata'],
                               path_map=('s3://cellpainting-gallery/cpg0004-lincs/broad/images/SQ00014812', str(local)))
    assert imgs[0].shape == (5, 64, 64)


def test_field_without_metadata_row(ex):
    pm = read_table(ex['cp_metadata'])
    pm[pm.Metadata_Well != 'A02'].to_csv(ex['cp_metadata'], index=False)
    with pytest.raises(ValueError, match='2 field\\(s\\) have no row in metadata table .*platemap_SQ00014812.csv: SQ00014812/A02/site 1, SQ00014812/A02/site 2'):
        tiff_set(ex)


def test_duplicate_metadata_rows(ex):
    md = read_table(ex['rxrx_metadata'])
    pd.concat([md, md.iloc[[0]]]).to_csv(ex['rxrx_metadata'], index=False)
    with pytest.raises(ValueError, match='several rows for B02/HUVEC-01/Plate1/1'):
        RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])


def test_unknown_plate_for_stats(ex):
    with pytest.raises(ValueError, match="unknown plate 'SQ00099999'"):
        tiff_set(ex).plate_stats('SQ00099999')


def test_no_rxrx_images(tmp_path):
    with pytest.raises(ValueError, match='no RxRx images'):
        RxRxImageSet(tmp_path)


# ---------------------------------------------------------------- nothing dropped silently

def test_filtered_things_are_counted(ex, caplog):
    a = read_gctx(ex['l1000_gctx'], pert_types=['trt_cp'])
    assert a.uns['load_report']['n_non_landmark_genes_excluded'] == 22
    assert a.uns['load_report']['n_profiles_filtered_pert_type'] == 1 and a.n_obs == 5
    (ex['rxrx_images'] / 'HUVEC-01/Plate1/thumbnail.png').write_bytes(b'x')
    with caplog.at_level(logging.WARNING, logger='intervention_distill'):
        rx = RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])
    assert [p.name for p in rx.ignored_files] == ['thumbnail.png'] and 'thumbnail.png' in caplog.text
    s = read_table(ex['hub_samples'])
    s.loc[len(s)] = ['BRD-K00000000-001-01-1', 'not-a-hub-drug', 'C', '']
    hub = read_repurposing_hub(ex['hub_drugs'], s)
    assert hub.attrs['load_report']['n_samples_of_unknown_drugs'] == 1 and len(hub) == 4


# ---------------------------------------------------------------- data folders

def test_load_data_dir_errors(tmp_path):
    with pytest.raises(ValueError, match=f"data_dir '{tmp_path / 'nope'}' does not exist"):
        load_data_dir(tmp_path / 'nope')
    with pytest.raises(ValueError, match=f"data_dir '{tmp_path}' is empty"):
        load_data_dir(tmp_path)
    (tmp_path / 'readme.md').write_text('# hello')
    (tmp_path / 'numbers.csv').write_text('a,b\n1,2\n')
    with pytest.raises(ValueError, match='no known data files .*2 file\\(s\\) seen \\(numbers.csv, readme.md\\)'):
        load_data_dir(tmp_path)


def test_load_data_dir_finds_every_kind(examples):
    dd = load_data_dir(Path(examples['l1000_gctx']).parents[1])
    assert set(dd.found) == {*examples, 'tiff_images'} and not dd.unrecognised
    assert set(dd.found) <= set(DATA_KINDS)
    assert dd.load('l1000_gct').shape == dd.load('l1000_table').shape == (6, N_LANDMARKS)
    with pytest.raises(ValueError, match="no 'cp_profiles' files in"):
        load_data_dir(Path(examples['l1000_gctx']).parent).load('cp_profiles')


def test_dose_parsing():
    assert parse_dose_um('500 nM') == pytest.approx(0.5) and parse_dose_um('10 µM') == 10
    with pytest.raises(ValueError, match="unknown dose unit 'mg' in '5 mg'"):
        parse_dose_um('5 mg')


# ---------------------------------------------------------------- small real files in ../shared/data
# The counts below are those ../shared/data/README.md states. CI has the folder beside the project: these tests
# fail (they do not skip) when it is missing.

def test_every_shared_file_is_recognised(shared_data):
    dd = load_data_dir(shared_data)
    assert [p.name for p in dd.unrecognised] == ['README.md']
    assert {k: len(v) for k, v in dd.found.items()} == {
        'cp_platemap': 1, 'cp_profiles': 1, 'cp_barcode_platemap': 1, 'cp_compound_profiles': 1, 'l1000_compound_signatures': 1,
        'compounds': 1, 'jump_target': 1, 'jump_plates': 1, 'hub_drugs': 1, 'moa_map': 1, 'hub_samples': 1, 'tiff_images': 1,
        'l1000_gctx': 3, 'l1000_gct': 1, 'l1000_gene_info': 1}


def test_every_shared_file_loads(shared_data):
    "Each file loads through `load_data_dir` with its loader; errors are collected and reported together."
    dd, errors = load_data_dir(shared_data), []
    for kind, files in dd.found.items():
        for i, f in enumerate(files):
            try: dd.load(kind, i)
            except ValueError as e: errors.append(f'{f.relative_to(shared_data)} ({kind}): {e}')
    assert not errors, 'real files that do not load:\n' + '\n'.join(errors)


@pytest.fixture(scope='module')
def real(request):
    from intervention_distill.core import shared_data_dir
    root = shared_data_dir()
    assert root is not None, '../shared/data is missing: CI provides it beside the project'
    return load_data_dir(root)


SIX_CP = {'BRD-K92723993', 'BRD-A97104540', 'BRD-A96456596', 'BRD-K90825648', 'BRD-K93869735', 'BRD-K96615647'}
LEVELS = [0.04, 0.12, 0.37, 1.11, 3.33, 10.0]


def test_cell_painting_plate(real):
    p = real.load('cp_profiles')
    assert p.shape == (52, 454) and p.uns['load_report']['n_dropped_features'] == 0
    trt = p.obs[p.obs.compound != 'DMSO']
    assert (p.obs.compound == 'DMSO').sum() == 16 and len(trt) == 36
    assert set(trt.compound) == set(trt.broad_id) == SIX_CP                   # batch suffix dropped: the 13-character id
    assert trt.Metadata_broad_sample.str.len().gt(13).all()
    assert sorted(trt.dose_level_um.unique()) == LEVELS and trt.groupby('broad_id').dose_level_um.nunique().eq(6).all()
    assert not np.isin(trt.dose_um.round(6), LEVELS).all()                    # the exact dilutions stay beside the key
    assert trt.inchikey14.str.len().eq(14).all() and set(p.obs.cell_type) == {'A549'}
    assert p.obs.time_h.isna().all() and p.uns['load_report']['n_missing_time_h'] == 52   # no time column, no batch name


def test_time_from_the_batch_folder(real, tmp_path):
    "In the pycytominer layout profiles/<batch>/<plate>/ the batch name gives the time (48 h), counted in the report."
    src = real['cp_profiles'][0]
    dest = tmp_path / '2016_04_01_a549_48hr_batch1' / 'SQ00015054' / src.name
    dest.parent.mkdir(parents=True); shutil.copy(src, dest)
    p = read_cp_profiles(dest)
    assert p.obs.time_h.eq(48.0).all() and p.uns['load_report']['n_time_h_from_batch'] == 52
    assert read_cp_profiles(src, batch='2016_04_01_a549_48hr_batch1').obs.time_h.eq(48.0).all()


def test_plate_map_and_barcodes(real):
    pm, p = real.load('cp_platemap'), real.load('cp_profiles')
    assert pm.shape[0] == 52 and pm.attrs['load_report']['n_missing_dose_um'] == 16   # DMSO wells have no dose
    both = pm.set_index('well')[['compound', 'dose_level_um']].join(p.obs.set_index('well')[['compound', 'dose_level_um']], rsuffix='_p')
    assert (both.compound == both.compound_p).all()
    assert np.allclose(both.dose_level_um.fillna(0), both.dose_level_um_p.where(both.compound_p != 'DMSO', 0))
    bc = real.load('cp_barcode_platemap')
    assert bc[['plate', 'plate_map_name']].values.tolist() == [['SQ00015054', 'C-7161-01-LM6-027']]


def test_l1000_gct_and_gctx(real):
    g = real.load('l1000_gct')
    assert g.shape == (40, 978) and g.uns['load_report']['gene_info_matched_on'] == 'id'   # probe-id rows
    assert g.var.probe_id.str.endswith('_at').all() and g.var.entrez_id.str.isdigit().all()
    assert (g.obs.compound == 'DMSO').sum() == 4 and g.obs.compound.nunique() == 7
    trt = g.obs[g.obs.compound != 'DMSO']
    assert sorted(trt.dose_level_um.unique()) == LEVELS and trt.time_h.eq(24).all() and set(g.obs.cell_type) == {'A375'}
    assert trt.broad_id.str.match(r'^BRD-[A-Z]\d{8}$').all()
    hp = real.load('l1000_gctx', [f.name for f in real['l1000_gctx']].index('LJP005_A375_24H_X1_B19_highprecision_offset_sample_n40x978.gctx'))
    assert hp.shape == g.shape and np.allclose(hp.X - g.X, 0.8596, atol=1e-3)   # the fixture's documented offset


def test_modz_gctx_with_mangled_micro_sign(real):
    i = [f.name for f in real['l1000_gctx']].index('modzs_n25x50.gctx')
    m = real.load('l1000_gctx', i)
    assert m.shape == (25, 50) and m.uns['load_report']['n_landmarks_absent'] == 978 - 50
    assert m.obs.pert_idose.str.contains('<b5>').any() and m.obs.dose_um.notna().all()
    assert set(m.obs.compound) == {'venlafaxine', 'vemurafenib', 'atorvastatin'}


def test_entrez_rows_without_metadata(real):
    i = [f.name for f in real['l1000_gctx']].index('GSE70138_level2_REP.A001_A375_n5x5_entrez_rid.gctx')
    e = real.load('l1000_gctx', i)
    rep = e.uns['load_report']
    assert e.shape == (5, 5) and rep['gene_info_matched_on'] == 'pr_gene_id' and rep['sample_metadata'] == 'absent'
    assert e.var.entrez_id.tolist() == e.var.gene_id.tolist() and e.var.probe_id.str.endswith('_at').all()   # Entrez → probe, symbol


def test_landmark_table(real):
    lm = real.load('l1000_gene_info')
    assert len(lm) == 978 and lm.is_landmark.all() and lm.entrez_id.nunique() == lm.probe_id.nunique() == 978
    g = real.load('l1000_gct')                                                # ids, not symbols, join the two
    assert set(g.var.entrez_id) == set(lm.entrez_id)


def test_cmea_tables(real):
    morph, rna, cpds = real.load('cp_compound_profiles'), real.load('l1000_compound_signatures'), real.load('compounds')
    assert morph.shape == (24, 812) and rna.shape == (24, 978) and len(cpds) == 24
    assert morph.obs_names.tolist() == rna.obs_names.tolist() == cpds.compound.tolist()      # same rows, same order
    assert {'HLA-DMA', 'HLA-DRA'} <= set(rna.var_names) and not any('.' in g for g in rna.var_names)
    assert rna.var.entrez_id.str.isdigit().all() and rna.uns['load_report']['gene_info_matched_on'] == 'pr_gene_symbol'
    assert morph.obs.broad_id.tolist() == rna.obs.broad_id.tolist() == cpds.broad_id.tolist()
    assert morph.var.compartment.isin(['Cells', 'Cytoplasm', 'Nuclei']).all()


def test_reference_tables(real):
    assert len(real.load('hub_drugs')) == 16 and len(read_table(real['hub_samples'][0])) == 41
    assert len(real.load('moa_map')) == 11 and len(real.load('jump_target')) == 25
    jt = real.load('jump_target')
    assert jt.broad_id.str.len().eq(13).all() and jt.targets.ne('').all()
    plates = real.load('jump_plates')
    assert len(plates) == 2525 and plates.attrs['load_report']['n_plates'] == 2525


def test_keys_meet_across_modalities(real):
    "The 13-character Broad id joins Cell Painting wells and L1000 signatures to the MoA map."
    moa = real.load('moa_map')
    cp = annotate(real.load('cp_profiles'), moa, on='broad_id')
    trt = cp.obs[cp.obs.broad_id != '']
    assert cp.uns['annotate_report']['n_annotated'] == 36 and trt.moa.ne('').all()
    assert set(trt.compound) == {'imatinib', 'fenoterol', 'FPL-55712', 'RS-127445', 'taltirelin', 'AV-608'}
    l1 = annotate(real.load('l1000_gct'), moa, on='broad_id', allow_missing=True)
    assert {'vemurafenib', 'PD-0325901', 'PD-184352', 'buparlisib'} <= set(l1.obs.compound[l1.obs.moa != ''])
    ik = annotate(real.load('cp_profiles'), moa, on='inchikey14')
    assert ik.uns['annotate_report']['n_annotated'] == 36


def test_reference_tables_keep_valid_rows(real, tmp_path):
    "A nameless row of the MoA map and an unparsable SMILES of the Hub samples are skipped and named, not fatal."
    mm = read_table(real['moa_map'][0]); mm.loc[3, 'pert_iname'] = ''
    mm.to_csv(tmp_path / 'moa.tsv', sep='\t', index=False)
    with pytest.warns(UserWarning, match=r'1 invalid row\(s\) skipped: row 3 \(BRD-K42191735\): no compound id'):
        t = read_moa_map(tmp_path / 'moa.tsv')
    assert len(t) == 10 and t.attrs['load_report']['n_invalid'] == 1
    lines = real['hub_samples'][0].read_text().splitlines()
    bad = lines[-1].split('\t'); bad[8] = 'C[C@H](N)C(=O)O |&1:1'                        # an extended SMILES cut short
    (tmp_path / 'samples.txt').write_text('\n'.join([*lines, '\t'.join(bad)]) + '\n')
    with pytest.warns(UserWarning, match='invalid SMILES'):
        h = read_hub_samples(tmp_path / 'samples.txt')
    assert h.attrs['load_report']['n_invalid'] == 1 and len(h) == 27


def test_measurements_stay_strict(real, tmp_path):
    text = real['l1000_gct'][0].read_text().splitlines()
    row = text[-1].split('\t'); row[-1] = 'abc'
    (tmp_path / 'bad.gct').write_text('\n'.join([*text[:-1], '\t'.join(row)]) + '\n')
    with pytest.raises(ValueError, match="non-numeric value 'abc' in bad.gct"):
        read_gct(tmp_path / 'bad.gct', gene_info=real['l1000_gene_info'][0])
    df = read_table(real['cp_profiles'][0]); df['Cells_AreaShape_Compactness'] = df['Cells_AreaShape_Compactness'].astype(object); df.loc[5, 'Cells_AreaShape_Compactness'] = 'n/a?'
    with pytest.raises(ValueError, match=r"non-numeric value 'n/a\?'"):
        read_cp_profiles(df)


def test_real_dna_channel(real):
    img = real.load('tiff_images')
    assert img.shape == (520, 696) and img.dtype == np.uint16
    assert len(nuclei_centroids(img)) > 10
