package layerwise.tensor;

/**
 * Whether the fast kernels use the JDK's Vector API ({@code jdk.incubator.vector}). The module is an
 * incubator: it is only there when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (the launcher, JShell, the test runner and the lesson runner all add it). Without it, the fast kernels
 * run their scalar versions; nothing else changes. Classes that import the Vector API
 * ({@link SimdGemm}, {@link SimdGates}, {@link SimdArith}) are only loaded after this check, so a JVM without the module never
 * sees them. {@code -Dlayerwise.simd=off} forces the scalar versions (the tests use it).
 */
final class Simd {
    private Simd() {
    }

    static final boolean ACTIVE = !"off".equals(System.getProperty("layerwise.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** One line for banners and benchmark headers, e.g. "SIMD on (512-bit vectors)". */
    static String describe() {
        if (ACTIVE) return "SIMD on (" + SimdGemm.vectorBits() + "-bit vectors, jdk.incubator.vector)";
        boolean forcedOff = "off".equals(System.getProperty("layerwise.simd"));
        return forcedOff ? "SIMD off (-Dlayerwise.simd=off): scalar kernels"
                : "SIMD off (start the JVM with --add-modules jdk.incubator.vector): scalar kernels";
    }
}
