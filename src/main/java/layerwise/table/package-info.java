/** Tables of statistics. The only package that imports Tablesaw. */
package layerwise.table;
