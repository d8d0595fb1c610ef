rx = RxRxImageSet(ex['rxrx_images'], metadata=ex['rxrx_metadata'])
test_eq(len(rx), 3); test_eq(rx.channels, RXRX_CHANNELS); test_eq(rx[0].shape, (6, 32, 32))
test_eq(rx.meta.plate.tolist(), ['HUVEC-01/Plate1'] * 3)                # RxRx1's experiment/Plate{plate} joined
test_eq(rx.meta[['compound', 'dose_um', 'cell_type']].iloc[1].tolist(), ['caffeine', 10.0, 'HUVEC'])
test_eq(rx.centroids(0).shape, (2, 2)); test_eq(rx.normalize(0).shape, (6, 32, 32))
test_fail(lambda: RxRxImageSet(ex['rxrx_images']), contains="no 'compound' column")
test_eq(len(RxRxImageSet(ex['rxrx_images'], defaults={'compound': 'x', 'dose_um': 1.0, 'cell_type': 'HUVEC'})), 3)