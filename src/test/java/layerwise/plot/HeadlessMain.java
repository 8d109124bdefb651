package layerwise.plot;

import layerwise.init.Init;
import layerwise.tensor.Tensor;

/** Draws one histogram; run by HeadlessProcessTest in a JVM that has no display. */
public final class HeadlessMain {
    private HeadlessMain() {
    }

    public static void main(String[] args) {
        Tensor w = Init.kaimingUniform(Tensor.empty(32, 16));
        Plots.histogram(w, Init.theory("kaiming_uniform", w), "no-display");
        System.out.println("headless=" + java.awt.GraphicsEnvironment.isHeadless());
    }
}
