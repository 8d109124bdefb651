/** torch.nn.init: gains, fans and the uniform/normal/xavier/kaiming/... fills, each with the theory a plot can overlay. */
package layerwise.init;
