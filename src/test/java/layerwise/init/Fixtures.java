package layerwise.init;

import layerwise.io.Json;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads the PyTorch 1.13 fixtures (init_stats.json, errors.json) from the test class path. */
final class Fixtures {
    private Fixtures() {
    }

    static Map<String, Object> load(String name) {
        try {
            Path p = Path.of(Fixtures.class.getResource("/fixtures/pytorch-1.13/" + name).toURI());
            return Json.parseObject(p);
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException("cannot read fixture " + name, e);
        }
    }

    static Map<String, Object> initStats() {
        return load("init_stats.json");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static int[] shape(Object o) {
        @SuppressWarnings("unchecked")
        List<Object> dims = (List<Object>) o;
        return dims.stream().mapToInt(d -> ((Number) d).intValue()).toArray();
    }

    /** The message errors.json records for a case. */
    static String errorMessage(String caseName) {
        for (Map<String, Object> e : list(load("errors.json").get("errors"))) {
            if (e.get("case").equals(caseName)) return (String) e.get("message");
        }
        throw new IllegalArgumentException("no error case " + caseName);
    }
}
