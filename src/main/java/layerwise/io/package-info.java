/** Reading and writing safetensors and .npy files, for interop with PyTorch and numpy. */
package layerwise.io;
