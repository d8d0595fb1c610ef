x = np.r_[np.full(500, 10.), np.full(300, 50.)]
test_eq(10 < otsu_threshold(x) < 50, True); test_eq(otsu_threshold(np.ones(10)), 1.0)
img, centres = example_field(np.random.default_rng(1), 1, size=64, n_nuclei=4)
found = nuclei_centroids(img[0])
test_eq(found.shape, (4, 2))
dist = np.linalg.norm(found[:, None] - centres[None], axis=-1).min(1)
test_eq(bool((dist < 0.5).all()), True)                                   # every centre recovered within half a pixel
test_eq(nuclei_centroids(np.zeros((16, 16))).shape, (0, 2))