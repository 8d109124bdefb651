/** Pictures: histograms, init comparisons, depth statistics, heat maps and line plots. The only package that imports XChart. */
package layerwise.plot;
