package layerwise.io;

import java.nio.file.Path;

/**
 * A separate JVM for {@link AtomicSaveTest}: {@code SaveInChildJvm FILE STEP} saves a state dict of 2.0s
 * and halts (no cleanup, like a kill) when the save reaches STEP; {@code SaveInChildJvm FILE loop} saves
 * 1.0s and 2.0s alternately until it is killed.
 */
public final class SaveInChildJvm {
    private SaveInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (args[1].equals("loop")) {
            System.out.println("saving");
            System.out.flush();
            for (int i = 0; ; i++) {
                SafeTensors.write(file, AtomicSaveTest.stateDict(i % 2 == 0 ? 1f : 2f));
            }
        }
        AtomicFile.setStepHook(step -> {
            if (step.equals(args[1])) {
                Runtime.getRuntime().halt(3);
            }
        });
        SafeTensors.write(file, AtomicSaveTest.stateDict(2f));
        System.exit(0);
    }
}
