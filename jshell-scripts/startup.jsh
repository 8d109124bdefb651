// Loaded by ./workbook after JShell's DEFAULT imports (and replayed by the strict runner).
// Only imports and one banner call: every snippet here costs time at each start.
import layerwise.tensor.*;
import layerwise.nn.*;
import layerwise.init.*;
import layerwise.io.*;
import layerwise.shape.*;
import layerwise.plot.*;
import layerwise.table.*;
import layerwise.interop.*;
import layerwise.optim.*;
import layerwise.data.*;
import layerwise.train.*;
import static layerwise.workbook.Repl.*;
layerwise.workbook.Banner.show();
