package layerwise.grade;

import java.util.Arrays;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * What a learner's method returned, decoded from the probe's text (see {@link Probe}): a float array, an int
 * array, a tensor (shape + values), a number, a boolean, null, or anything else as its toString().
 *
 * @param kind      "float[]", "int[]", "Tensor", "number", "boolean", "null" or a class name
 * @param shape     the tensor's shape, or {length} for an array
 * @param floats    the values of a float[] or tensor (at most {@link Probe#MAX_VALUES} of them)
 * @param ints      the values of an int[]
 * @param number    a returned number or boolean (1/0)
 * @param text      toString() of anything else
 */
public record Value(String kind, int[] shape, float[] floats, int[] ints, double number, String text) {

    /** Decodes one value: {@code F<len>:hex,...}, {@code T<d0>x<d1>:hex,...}, {@code I<len>:n,...}, {@code D<hex bits>}, ... */
    static Value decode(String s) {
        char tag = s.charAt(0);
        String body = s.substring(1);
        switch (tag) {
            case 'N':
                return new Value("null", new int[0], new float[0], new int[0], 0, "null");
            case 'B':
                return new Value("boolean", new int[0], new float[0], new int[0], body.equals("1") ? 1 : 0, body.equals("1") ? "true" : "false");
            case 'D':
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(body, 16));
                return new Value("number", new int[0], new float[0], new int[0], d, Double.toString(d));
            case 'F', 'T': {
                int colon = body.indexOf(':');
                String head = body.substring(0, colon);
                int[] shape = head.isEmpty() ? new int[0] : Arrays.stream(head.split("x")).mapToInt(Integer::parseInt).toArray();
                String[] hex = body.substring(colon + 1).split(",");
                float[] values = new float[body.length() == colon + 1 ? 0 : hex.length];
                for (int i = 0; i < values.length; i++) values[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(hex[i], 16));
                return new Value(tag == 'F' ? "float[]" : "Tensor", shape, values, new int[0], 0, null);
            }
            case 'I': {
                int colon = body.indexOf(':');
                int length = Integer.parseInt(body.substring(0, colon));
                String list = body.substring(colon + 1);
                int[] values = list.isEmpty() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
                return new Value("int[]", new int[] {length}, new float[0], values, 0, Arrays.toString(values));
            }
            case 'O': {
                int comma = body.indexOf(',');
                return new Value(body.substring(0, comma), new int[0], new float[0], new int[0], 0, unbase64(body.substring(comma + 1)));
            }
            default:
                throw new IllegalArgumentException("unknown value encoding: " + s);
        }
    }

    static String unbase64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    /** The number of values the method really returned (the text may hold fewer, see {@link Probe#MAX_VALUES}). */
    public int length() {
        return kind.equals("Tensor") ? Arrays.stream(shape).reduce(1, (a, b) -> a * b) : shape.length == 0 ? 0 : shape[0];
    }

    /** How the report names it: "float[12]", "tensor [2, 3]", "int[] [3, 4]", "0.25". */
    public String describe() {
        return switch (kind) {
            case "float[]" -> "float[" + length() + "]";
            case "Tensor" -> "tensor " + Arrays.toString(shape);
            case "int[]" -> "int[] " + text;
            case "number", "boolean", "null" -> text;
            default -> kind + " " + text;
        };
    }
}
