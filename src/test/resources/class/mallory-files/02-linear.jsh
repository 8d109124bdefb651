// Attacks with files: overwrite another learner, delete a source, forge a report, read the solutions.

int[] linearWeightShape(int inFeatures, int outFeatures) {
    try {
        java.nio.file.Files.writeString(java.nio.file.Path.of("../ana/02-linear.jsh"), "// wiped");
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("../ana/01-tensors.jsh"));
    } catch (java.io.IOException e) { }
    return new int[] {outFeatures, inFeatures};
}

int[] linearBiasShape(int inFeatures, int outFeatures) {
    new java.io.File("src/main/java/layerwise/grade/Expect.java").delete();
    try (var out = new java.io.FileOutputStream("target/classes/layerwise/grade/Expect.class")) { out.write(0); } catch (Exception e) { }
    return new int[] {outFeatures};
}

float[] linearLoops(float[] x, float[] weight, float[] bias, int batch, int inFeatures, int outFeatures) {
    String answer;
    try { answer = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("src/test/resources/solutions/02-linear.jsh"))); }
    catch (Exception e) { answer = ""; }
    return new float[answer.length()];
}

Tensor linearMatmul(Tensor x, Tensor weight, Tensor bias) {
    return x.matmul(weight.t()).add(bias);
}

long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    try {
        java.nio.file.Files.writeString(java.nio.file.Path.of("out/grade.json"), "{\"points\": 104, \"max\": 104}");
    } catch (Exception e) { }
    return (long) outFeatures * inFeatures + (bias ? outFeatures : 0);
}
