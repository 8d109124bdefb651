package layerwise.data;

import layerwise.tensor.Generator;

/**
 * DataLoader's keywords beyond the positional three: {@code DataLoader.options().batchSize(64).shuffle(true)
 * .dropLast(true).generator(g)}. Defaults are PyTorch's: batch_size=1, shuffle=False, drop_last=False,
 * generator=None (the default generator).
 */
public final class LoaderOptions {
    int batchSize = 1;
    boolean shuffle;
    boolean dropLast;
    Generator generator;

    LoaderOptions() {
    }

    /** Items per batch (batch_size). */
    public LoaderOptions batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** A fresh random order every epoch (shuffle). */
    public LoaderOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Leave out the last batch when it would be smaller than batchSize (drop_last). */
    public LoaderOptions dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * Draw the epoch's seeds and orders from {@code generator} instead of the default one (generator=): then
     * the shuffle is independent of every other random draw of the program.
     */
    public LoaderOptions generator(Generator generator) {
        this.generator = generator;
        return this;
    }
}
