package layerwise.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import layerwise.tensor.Generator;
import layerwise.tensor.Nulls;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;

/**
 * {@code torch.utils.data.DataLoader} in one process: batches of a {@link Dataset}, each a list with one
 * tensor per field of an item, the items stacked along a new first dim (PyTorch's default_collate).
 * Each {@link #iterator()} is one epoch, so {@code for (List<Tensor> batch : loader)} runs one.
 *
 * <p>The order is PyTorch 1.13's, draw for draw. Starting an epoch (PyTorch's {@code iter(loader)}) draws
 * {@code _base_seed}, one int64 {@code random_()}, from the generator (PyTorch seeds its worker processes
 * with it; there are none here, but the draw keeps the stream in step). With shuffle, the first batch then
 * runs RandomSampler.__iter__:
 * <pre>
 * seed = int64 random_() from the default generator
 * order = randperm(n, generator = Generator().manualSeed(seed))
 * </pre>
 * With {@code generator(g)} both draws come from {@code g} and the order is {@code randperm(n, g)} itself;
 * when the epoch runs to its end the sampler's trailing {@code randperm(n, g)[:0]} takes n-1 more words of
 * {@code g}, as in PyTorch. Without shuffle the order is 0, 1, ..., n-1 (the base seed is still drawn).
 * So after {@code Tensor.manualSeed(s)} every epoch's batches equal PyTorch's.
 */
public final class DataLoader implements Iterable<List<Tensor>> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;

    /** DataLoader(dataset): batches of one item, in order. */
    public DataLoader(Dataset dataset) {
        this(dataset, options());
    }

    /** DataLoader(dataset, batch_size), in order. */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, options().batchSize(batchSize));
    }

    /** DataLoader(dataset, batch_size, shuffle). */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle) {
        this(dataset, options().batchSize(batchSize).shuffle(shuffle));
    }

    /** DataLoader(dataset, batch_size=..., shuffle=..., drop_last=..., generator=...). */
    public DataLoader(Dataset dataset, LoaderOptions options) {
        this.dataset = Nulls.require(dataset, "DataLoader", "dataset", 1, "Dataset");
        Nulls.require(options, "DataLoader", "options", 2, "LoaderOptions");
        this.batchSize = options.batchSize;
        this.shuffle = options.shuffle;
        this.dropLast = options.dropLast;
        this.generator = options.generator;
        if (batchSize <= 0) {
            throw new ValueError("batch_size should be a positive integer value, but got batch_size=" + batchSize,
                    "A batch holds batch_size items, so it needs at least one.",
                    "pass a batch size of 1 or more, e.g. new DataLoader(dataset, 32, true).");
        }
        if (shuffle && dataset.size() <= 0) {
            throw new ValueError("num_samples should be a positive integer value, but got num_samples=" + dataset.size(),
                    "Shuffling draws a random order of the dataset's items, and this dataset is empty.",
                    "check how the dataset was built (an empty split? a filter that kept nothing?).");
        }
    }

    /** The keywords object: {@code DataLoader.options().batchSize(64).shuffle(true).dropLast(true)}. */
    public static LoaderOptions options() {
        return new LoaderOptions();
    }

    /** Batches per epoch, {@code len(loader)}: ceil(n / batchSize), or floor with dropLast. */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** One epoch: draws the base seed now and (with shuffle) the order at the first batch, as PyTorch does. */
    @Override
    public Iterator<List<Tensor>> iterator() {
        Generator source = generator != null ? generator : Generator.defaultGenerator();
        source.randomInt64(); // _base_seed
        return new Epoch(source);
    }

    /** The batches of one epoch. */
    private final class Epoch implements Iterator<List<Tensor>> {
        private final Generator source;
        private final int n = dataset.size();
        private final int batches = size();
        private int[] order;
        private int done;
        private boolean samplerExhausted;

        Epoch(Generator source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (done < batches) return true;
            // asked for one more batch, PyTorch's batch sampler runs the sampler to its end (even an epoch
            // of no batches, drop_last with n < batch_size, starts the sampler and so draws its seed)
            if (order == null) order = order();
            exhaustSampler();
            return false;
        }

        @Override
        public List<Tensor> next() {
            if (!hasNext()) throw new NoSuchElementException("this epoch has no more batches; start another with loader.iterator()");
            if (order == null) order = order();
            int from = done * batchSize;
            int to = Math.min(from + batchSize, n);
            done++;
            // without drop_last a short final batch is formed after the sampler ran out
            if (to - from < batchSize) exhaustSampler();
            return collate(from, to);
        }

        private int[] order() {
            if (!shuffle) {
                int[] identity = new int[n];
                for (int i = 0; i < n; i++) identity[i] = i;
                return identity;
            }
            Generator permutation = generator != null ? generator
                    : new Generator().manualSeed(Generator.defaultGenerator().randomInt64());
            return ints(Tensor.randperm(n, permutation));
        }

        /** RandomSampler's trailing randperm(n, generator)[:0]: it only advances a generator of the user's. */
        private void exhaustSampler() {
            if (samplerExhausted) return;
            samplerExhausted = true;
            if (shuffle && generator != null) Tensor.randperm(n, generator);
        }

        /** default_collate: field k of the batch is torch.stack of field k of each item. */
        private List<Tensor> collate(int from, int to) {
            List<List<Tensor>> items = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) items.add(dataset.get(order[i]));
            int fields = items.get(0).size();
            List<Tensor> batch = new ArrayList<>(fields);
            for (int k = 0; k < fields; k++) {
                List<Tensor> column = new ArrayList<>(items.size());
                for (List<Tensor> item : items) column.add(item.get(k));
                batch.add(Tensor.stack(column, 0));
            }
            return List.copyOf(batch);
        }
    }

    private static int[] ints(Tensor t) {
        float[] v = t.toFloatArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    @Override
    public String toString() {
        return "DataLoader(dataset=" + dataset + ", batch_size=" + batchSize + ", shuffle=" + (shuffle ? "True" : "False")
                + ", drop_last=" + (dropLast ? "True" : "False") + (generator != null ? ", generator=" + generator : "")
                + ")";
    }
}
