/**
 * Around a training loop that you write yourself (zero_grad, forward, loss, backward, step): {@code Progress}, a
 * line that follows the run; {@code History}, what the run recorded, as a table and as loss and accuracy curves;
 * {@code Metrics}, accuracy and the confusion matrix. Uses tensor and nn, and plot and table for pictures and tables.
 */
package layerwise.train;
