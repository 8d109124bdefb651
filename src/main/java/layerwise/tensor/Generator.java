package layerwise.tensor;

/**
 * torch's CPU random generator, {@code torch.Generator()}: a 32-bit Mersenne Twister (MT19937) seeded with
 * init_genrand, plus the cached second Box-Muller value that torch keeps for scalar normal draws.
 *
 * <p>One generator, {@link #DEFAULT} ({@link #defaultGenerator()}, PyTorch's {@code torch.default_generator}),
 * is shared by every random op (rand, randn, uniform_, normal_, layer initialisation, a shuffling
 * DataLoader) and reseeded by {@link Tensor#manualSeed(long)}, exactly like torch's default CPU generator.
 * It is the only mutable static state in the library. A generator of your own,
 * {@code new Generator().manualSeed(42)}, gives a stream that nothing else draws from, for
 * {@link Tensor#randperm(int, Generator)}, {@link Tensor#rand(Generator, int...)},
 * {@link Tensor#randn(Generator, int...)} and the data loaders. Access is synchronized so that a draw of many
 * numbers is never interleaved with another thread's draw.
 */
public final class Generator {
    private static final int N = 624;
    private static final int M = 397;
    /** libtorch's default_rng_seed_val: the seed of the default generator and of a new torch.Generator(). */
    private static final long DEFAULT_SEED = 67280421310721L;

    /**
     * The default generator. Until {@link Tensor#manualSeed(long)} is called it is seeded with 67280421310721,
     * libtorch's default_rng_seed_val, so a session that never seeds is still reproducible (Python torch
     * instead picks a fresh seed in every process).
     */
    static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private final int[] mt = new int[N];
    private int next;
    private double cachedNormal;
    private boolean hasCachedNormal;
    private long initialSeed;

    /** A new generator seeded with 67280421310721, like {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    Generator(long seed) {
        manualSeed(seed);
    }

    /** The default generator behind {@link Tensor#manualSeed(long)} and every random op: torch.default_generator. */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * Reseeds this generator, like {@code g.manual_seed(seed)}, and returns it:
     * {@code new Generator().manualSeed(42)}. The Mersenne Twister is seeded with init_genrand(seed &amp;
     * 0xffffffff) (only the low 32 bits count, as in torch); the cached normal value is forgotten.
     */
    public synchronized Generator manualSeed(long seed) {
        initialSeed = seed;
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        next = N;
        hasCachedNormal = false;
        return this;
    }

    /** The seed last given to {@link #manualSeed(long)} (or the default seed), like g.initial_seed(). */
    public synchronized long initialSeed() {
        return initialSeed;
    }

    /** A copy of the whole state, for {@link Tensor#getRngState()}. */
    synchronized RngState state() {
        return new RngState(mt, next, cachedNormal, hasCachedNormal);
    }

    /** Puts back a state taken by {@link #state()}. */
    synchronized void restore(RngState s) {
        System.arraycopy(s.words, 0, mt, 0, N);
        next = s.next;
        cachedNormal = s.cachedNormal;
        hasCachedNormal = s.hasCachedNormal;
    }

    /** The next tempered 32-bit word, as an unsigned value in the low bits of a long. */
    synchronized long nextU32() {
        if (next >= N) twist();
        int y = mt[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        next = 0;
    }

    /**
     * One draw of {@code torch.empty((), dtype=torch.int64).random_(generator=g).item()}: torch's random64()
     * (two words, the first high) reduced modulo 2^63, i.e. its top bit cleared, so a value in [0, 2^63).
     * A DataLoader draws its {@code _base_seed} this way, and a shuffling one the seed of its permutation.
     */
    public synchronized long randomInt64() {
        long hi = nextU32();
        long lo = nextU32();
        return ((hi << 32) | lo) & Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "Generator(initial_seed=" + Long.toUnsignedString(initialSeed()) + ")";
    }

    /** A float in [0, 1) from 24 random bits: (u32 &amp; 0xFFFFFF) * 2^-24. */
    synchronized float nextFloat() {
        return (nextU32() & 0xFFFFFF) * 0x1p-24f;
    }

    /** A double in [0, 1) from 53 random bits of two words, the first word high. */
    synchronized double nextDouble() {
        long hi = nextU32();
        long lo = nextU32();
        return (((hi << 32) | lo) & ((1L << 53) - 1)) * 0x1p-53;
    }

    /**
     * One N(mean, std^2) value the way at::normal_distribution&lt;double&gt; draws it: Box-Muller on two
     * double uniforms, returning r cos(theta) and keeping r sin(theta) for the next call.
     */
    synchronized double nextNormal(double mean, double std) {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal * std + mean;
        }
        double u1 = nextDouble();
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * Math.sin(theta);
        hasCachedNormal = true;
        return r * Math.cos(theta) * std + mean;
    }
}
