package layerwise.tensor;

/**
 * A snapshot of the one random generator, like the tensor {@code torch.get_rng_state()} returns: the
 * Mersenne Twister's 624 words, its position and the cached normal value. {@link Tensor#setRngState}
 * puts it back, so the same draws come out again.
 */
public final class RngState {
    final int[] words;
    final int next;
    final double cachedNormal;
    final boolean hasCachedNormal;

    RngState(int[] words, int next, double cachedNormal, boolean hasCachedNormal) {
        this.words = words.clone();
        this.next = next;
        this.cachedNormal = cachedNormal;
        this.hasCachedNormal = hasCachedNormal;
    }

    @Override
    public String toString() {
        return "RngState(mt19937 at word " + next + " of 624)";
    }
}
