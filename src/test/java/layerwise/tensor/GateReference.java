package layerwise.tensor;

/**
 * The sigmoid and tanh the fused recurrent kernels use, for tests that write a step out by hand:
 * {@link GateMath}'s with SIMD, the tensor ops' own without.
 */
final class GateReference {
    private GateReference() {
    }

    static float sig(float x) {
        return Simd.ACTIVE ? GateMath.sigmoid(x) : Elementwise.sigmoid(x);
    }

    static float th(float x) {
        return Simd.ACTIVE ? GateMath.tanh(x) : (float) Math.tanh(x);
    }
}
