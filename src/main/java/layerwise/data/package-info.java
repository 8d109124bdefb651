/**
 * Data for training, like {@code torch.utils.data}: {@link layerwise.data.TensorDataset},
 * {@link layerwise.data.DataLoader} (batches, shuffled in PyTorch's exact order under
 * {@code Tensor.manualSeed}), {@link layerwise.data.Subset} and {@link layerwise.data.Datasets}: the UCI
 * handwritten digits (shipped with the workbook, nothing is downloaded), seeded generated sets (spirals,
 * moons, parity sequences) and {@code randomSplit}, PyTorch's {@code random_split}.
 * <pre>
 *   Tensor.manualSeed(0);
 *   var parts = Datasets.randomSplit(Datasets.digits(), new double[] {0.8, 0.2}, new Generator().manualSeed(0));
 *   var loader = new DataLoader(parts.get(0), 64, true);
 *   for (List&lt;Tensor&gt; batch : loader) {           // one epoch
 *       Tensor x = batch.get(0), y = batch.get(1);
 *       ...
 *   }
 * </pre>
 * Uses tensor only.
 */
package layerwise.data;
