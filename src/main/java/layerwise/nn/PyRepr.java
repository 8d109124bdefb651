package layerwise.nn;

import layerwise.tensor.TorchFormat;

/** Python's spelling of values inside module reprs. */
final class PyRepr {
    private PyRepr() {
    }

    /**
     * A double as Python's repr prints it: the shortest digits that round-trip ("0.5", "0.01"), in
     * scientific notation ("1e-05") below 1e-4 and from 1e16 up.
     */
    static String number(double v) {
        return TorchFormat.pythonRepr(v);
    }

    /** An int-or-pair size as torch prints it: "2" for one value, "(2, 3)" for two. */
    static String size(int[] v) {
        return v.length == 1 ? String.valueOf(v[0]) : "(" + v[0] + ", " + v[1] + ")";
    }
}
