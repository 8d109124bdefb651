/**
 * Moving models between the workbook and PyTorch: modules built from an export's metadata (the catalogue of
 * modules with a torch.nn twin, behind {@code ./workbook parity}), their gradients computed the way an
 * export records PyTorch's, and the Python that rebuilds a workbook model in PyTorch.
 */
package layerwise.interop;
