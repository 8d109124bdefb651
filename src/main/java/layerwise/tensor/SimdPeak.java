package layerwise.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Peak}'s fused multiply-add loop on full-width float vectors (the kernels' one vector shape). Loaded
 * only when the Vector API module is present.
 */
final class SimdPeak {
    private SimdPeak() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    static int lanes() {
        return S.length();
    }

    /**
     * {@code steps} times 12 independent fused multiply-adds, {@code acc = x·y + acc}: twelve chains, so that
     * a new FMA can start every cycle on every FMA unit although each takes about 4 cycles to finish. Each
     * accumulator is a variable of its own, which C2 keeps in a register. Returns a sum of the results, so
     * the JIT cannot drop the loop.
     */
    static float fmas(long steps) {
        FloatVector x = FloatVector.broadcast(S, 1.0000001f), y = FloatVector.broadcast(S, 0.9999999f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < steps; i++) {
            a0 = x.fma(y, a0); a1 = x.fma(y, a1); a2 = x.fma(y, a2); a3 = x.fma(y, a3);
            a4 = x.fma(y, a4); a5 = x.fma(y, a5); a6 = x.fma(y, a6); a7 = x.fma(y, a7);
            a8 = x.fma(y, a8); a9 = x.fma(y, a9); a10 = x.fma(y, a10); a11 = x.fma(y, a11);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
