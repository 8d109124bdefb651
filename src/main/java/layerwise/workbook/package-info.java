/** The launcher's commands: the strict lesson runner (jdk.jshell), run, parity and bench. */
package layerwise.workbook;
