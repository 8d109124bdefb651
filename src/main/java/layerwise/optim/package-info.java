/**
 * Optimizers and learning-rate schedulers, like {@code torch.optim}: {@link layerwise.optim.SGD},
 * {@link layerwise.optim.Adam}, {@link layerwise.optim.AdamW}, {@link layerwise.optim.RMSprop},
 * {@link layerwise.optim.StepLR} and {@link layerwise.optim.CosineAnnealingLR}.
 * <pre>
 *   var opt = new SGD(model.parameters(), 0.1);
 *   for (...) {
 *       opt.zeroGrad();
 *       Tensor loss = lossFn.forward(model.forward(x), y);
 *       loss.backward();
 *       opt.step();
 *   }
 * </pre>
 * Each step follows PyTorch 1.13's single-tensor code (torch/optim/sgd.py, adam.py, adamw.py,
 * rmsprop.py with foreach=False) float operation by float operation ({@link layerwise.optim.FloatOps}),
 * so a step gives PyTorch's numbers.
 */
package layerwise.optim;
