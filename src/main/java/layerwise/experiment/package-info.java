/**
 * Experiments on initialization, as plain data: schemes to compare, weights drawn by each, and activation
 * statistics through the depth of an MLP or a conv stack. {@code plot} and {@code table} both draw from
 * these records; nothing here draws or prints.
 */
package layerwise.experiment;
