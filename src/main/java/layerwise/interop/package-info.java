/** Moving models between the workbook and PyTorch: the Python that rebuilds a workbook model in PyTorch. */
package layerwise.interop;
