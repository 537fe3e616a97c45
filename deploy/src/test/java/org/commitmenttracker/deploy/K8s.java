package org.commitmenttracker.deploy;

import java.util.List;
import java.util.Map;

/** Null-safe navigation in parsed YAML. */
final class K8s {
    private K8s() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = get(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = get(node, path);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static String string(Object node, String... path) {
        Object value = get(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static Object get(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /**
     * Whether a label selector (matchLabels, matchExpressions with In, NotIn, Exists, DoesNotExist) selects an object
     * with these labels. An empty selector selects everything, as in a NetworkPolicy's podSelector.
     */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> label : map(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(label.getValue()).equals(String.valueOf(labels.get(label.getKey())))) {
                return false;
            }
        }
        for (Map<String, Object> expression : list(selector, "matchExpressions")) {
            Object value = labels.get(string(expression, "key"));
            List<?> values = get(expression, "values") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            boolean matches = switch (String.valueOf(string(expression, "operator"))) {
                case "In" -> value != null && values.contains(String.valueOf(value));
                case "NotIn" -> value == null || !values.contains(String.valueOf(value));
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    static String kind(Map<String, Object> object) {
        return string(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return string(object, "metadata", "name");
    }

    /** How a failure names an object: {@code Kind/name}. */
    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }
}
