/** The float32 n-d tensor, its shapes, broadcasting, the seeded MT19937 generator, ShapeError and the kernels (a plain teaching kernel beside each fast one). Imports only the JDK. */
package layerwise.tensor;
