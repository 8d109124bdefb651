#!/usr/bin/python3
"""Writes the small .npy samples that NpyTest reads, using real numpy.

Usage (from the repository root):
    /usr/bin/python3 src/test/python/make_npy_samples.py src/test/resources/io

Every array is small and its values are simple formulas, so the Java test restates them.
"""
import os
import sys

import numpy as np
import numpy.lib.format as fmt


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'src/test/resources/io'
    os.makedirs(out, exist_ok=True)
    m = np.arange(6, dtype='<f4').reshape(2, 3) * 0.5 - 1          # [[-1, -0.5, 0], [0.5, 1, 1.5]]
    samples = {
        'f4_2x3.npy': m,
        'f4_scalar.npy': np.float32(3.25),
        'f4_empty_0x3.npy': np.zeros((0, 3), '<f4'),
        'f4_2x3x4.npy': (np.arange(24, dtype='<f4').reshape(2, 3, 4) - 12) / 8,
        'f8_3.npy': np.array([0.1, -2.5, 1e-3], '<f8'),
        'f4_fortran_2x3.npy': np.asfortranarray(m),
        'i8_3.npy': np.array([1, 2, 3], '<i8'),
        'f4_big_endian_3.npy': np.array([1, 2, 3], '>f4'),
    }
    for name, arr in samples.items():
        np.save(os.path.join(out, name), arr)
    with open(os.path.join(out, 'f4_2x3_v2.npy'), 'wb') as f:
        fmt.write_array(f, m, version=(2, 0))
    for name in sorted(os.listdir(out)):
        if name.endswith('.npy'):
            print(name, os.path.getsize(os.path.join(out, name)))


if __name__ == '__main__':
    main()
