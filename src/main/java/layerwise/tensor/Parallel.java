package layerwise.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The worker threads the fast kernels split their work over: one pool of {@link #threads()} workers
 * (default: every core). A kernel cuts its work into a few independent tasks, e.g. column ranges of a
 * matrix product, runs them with {@link #forEach}, and only then reads the result.
 */
final class Parallel {
    private Parallel() {
    }

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ForkJoinPool pool;

    static int threads() {
        return threads;
    }

    /** Changes the number of threads the kernels use from now on (1 = everything on the caller's thread). */
    static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(TorchError.compose("threads must be at least 1, got " + n,
                    "Kernels.setThreads(n) sets how many threads the fast kernels split their work over, like "
                            + "torch.set_num_threads(n); this machine has " + Runtime.getRuntime().availableProcessors() + " cores.",
                    "pass 1 (everything on the calling thread) up to the number of cores, e.g. Kernels.setThreads("
                            + Runtime.getRuntime().availableProcessors() + ")"));
        }
        if (n == threads) return;
        threads = n;
        ForkJoinPool old = pool;
        pool = null;
        if (old != null) old.shutdown();
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                if (pool == null) pool = new ForkJoinPool(threads, daemonFactory(), null, false);
                p = pool;
            }
        }
        return p;
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory daemonFactory() {
        return p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("layerwise-kernel-" + t.getPoolIndex());
            return t;
        };
    }

    /** Runs body(0) .. body(tasks-1), on the pool when there is more than one; returns when all are done. */
    static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 1 || threads == 1) {
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        if (ForkJoinTask.inForkJoinPool()) {
            // Already on a worker (a kernel inside a parallel kernel): stay on this thread.
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        ForkJoinTask<?>[] running = new ForkJoinTask<?>[tasks - 1];
        ForkJoinPool p = pool();
        for (int t = 1; t < tasks; t++) {
            int task = t;
            running[t - 1] = p.submit(() -> body.accept(task));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> r : running) {
            try {
                r.join();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }
}
