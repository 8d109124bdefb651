package layerwise.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.tensor.ValueError;

/**
 * The base of the learning-rate schedulers, like PyTorch 1.13's {@code _LRScheduler}: built on an
 * optimizer, it records the starting lr ({@code initial_lr}, {@code base_lrs}) and takes step 0; each
 * {@link #step()}, called once per epoch after {@code optimizer.step()}, moves to the next epoch and sets
 * the optimizer's lr from its current lr (PyTorch's recursive, "chainable" form).
 */
public abstract class LRScheduler {
    final Optimizer optimizer;
    final double baseLr;
    int lastEpoch = -1;
    int stepCount;
    private double lastLr;

    LRScheduler(Optimizer optimizer) {
        if (optimizer == null) {
            throw new ValueError("None is not an Optimizer", "a scheduler changes the lr of an optimizer.",
                    "pass the optimizer, e.g. new StepLR(opt, 30)");
        }
        this.optimizer = optimizer;
        optimizer.group().putIfAbsent("initial_lr", optimizer.lr());
        this.baseLr = ((Number) optimizer.group().get("initial_lr")).doubleValue();
        step();
    }

    /**
     * The lr for epoch lastEpoch, from the optimizer's lr now. It first runs from this constructor, at
     * epoch 0, before the subclass's fields are set: there it returns the lr without reading them.
     */
    abstract double nextLr();

    /** Moves to the next epoch and sets the optimizer's lr. */
    public void step() {
        stepCount++;
        lastEpoch++;
        optimizer.setLr(nextLr());
        lastLr = optimizer.lr();
    }

    /** The lr the last step set, PyTorch's {@code get_last_lr()} (one group: a list of one). */
    public List<Double> getLastLr() {
        return List.of(lastLr);
    }

    /** The epoch counter, PyTorch's {@code last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** PyTorch's scheduler {@code state_dict()}: its settings, base_lrs, last_epoch, _step_count and _last_lr. */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>(settings());
        sd.put("base_lrs", List.of(baseLr));
        sd.put("last_epoch", lastEpoch);
        sd.put("_step_count", stepCount);
        sd.put("_last_lr", List.of(lastLr));
        return sd;
    }

    /** Restores last_epoch, _step_count and _last_lr (the settings are the constructor's). */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        lastEpoch = ((Number) stateDict.get("last_epoch")).intValue();
        stepCount = ((Number) stateDict.get("_step_count")).intValue();
        lastLr = ((List<Number>) stateDict.get("_last_lr")).get(0).doubleValue();
    }

    abstract Map<String, Object> settings();
}
