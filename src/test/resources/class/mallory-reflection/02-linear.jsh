// Attacks by reflection and class loading, and the library where loops are asked for.

int[] linearWeightShape(int inFeatures, int outFeatures) {
    try {
        Class<?> expect = Class.forName("layerwise.grade." + "Expect");
        for (var f : expect.getDeclaredFields()) f.setAccessible(true);
    } catch (Exception e) { }
    return new int[] {outFeatures, inFeatures};
}

int[] linearBiasShape(int inFeatures, int outFeatures) {
    var loader = new ClassLoader() { };
    return new int[] {outFeatures + (loader == null ? 1 : 0)};
}

float[] linearLoops(float[] x, float[] weight, float[] bias, int batch, int inFeatures, int outFeatures) {
    return layerwise.tensor.Functional.linear(Tensor.of(x, batch, inFeatures), Tensor.of(weight, outFeatures, inFeatures),
            Tensor.of(bias, outFeatures)).toFloatArray();
}

Tensor linearMatmul(Tensor x, Tensor weight, Tensor bias) {
    return helper(x, weight, bias);
}

Tensor helper(Tensor x, Tensor weight, Tensor bias) {
    return layerwise.tensor.Functional.linear(x, weight, bias);
}

long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    return (long) outFeatures * inFeatures + (bias ? outFeatures : 0);
}
