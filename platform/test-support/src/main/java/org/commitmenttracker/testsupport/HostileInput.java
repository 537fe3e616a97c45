package org.commitmenttracker.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile variants of a valid JSON body or event, for the fuzz suites of every HTTP body and Kafka event
 * type: malformed JSON, wrong types in every field (nested ones too), huge strings, deep nesting,
 * invalid UTF-8 and lone surrogates, NUL characters, duplicate keys. Each variant is named, so a failure
 * says which one. Seeded: a run is reproducible.
 */
public final class HostileInput {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int HUGE = 1024 * 1024; // characters: 3 MB of UTF-8, within the 8 MiB a record may have
    private static final int DEEP = 100_000;

    private HostileInput() {
    }

    /** Every hostile variant of {@code validJson}, by name. */
    public static Map<String, byte[]> variantsOf(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        Map<String, byte[]> variants = new LinkedHashMap<>();
        byte[] bytes = validJson.getBytes(StandardCharsets.UTF_8);
        variants.put("empty body", new byte[0]);
        variants.put("truncated", java.util.Arrays.copyOf(bytes, bytes.length / 2));
        variants.put("not JSON", "<communique><text>x</text></communique>".getBytes(StandardCharsets.UTF_8));
        variants.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        variants.put("array instead of object", ("[" + validJson + "]").getBytes(StandardCharsets.UTF_8));
        variants.put("string instead of object", JSON.writeValueAsBytes(validJson));
        variants.put("deep nesting", deepNesting());
        variants.put("invalid UTF-8", withRawBytesInFirstString(valid, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        variants.put("lone surrogate", withEscapeInFirstString(valid, "\\ud800"));
        variants.put("NUL character", withEscapeInFirstString(valid, "\\u0000"));
        variants.put("duplicate keys", duplicateFirstKey(validJson));
        for (String path : leafPaths(valid, "")) {
            variants.put("wrong type at " + path + " (object)", JSON.writeValueAsBytes(replaced(valid, path, NODES.objectNode().put("x", 1))));
            variants.put("wrong type at " + path + " (array)", JSON.writeValueAsBytes(replaced(valid, path, NODES.arrayNode().add(1))));
            variants.put("wrong type at " + path + " (number)", JSON.writeValueAsBytes(replaced(valid, path, NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")))));
            JsonNode leaf = valid.at(path);
            if (leaf.isString()) {
                variants.put("huge string at " + path, JSON.writeValueAsBytes(replaced(valid, path, NODES.stringNode(huge()))));
            } else {
                variants.put("wrong type at " + path + " (string)", JSON.writeValueAsBytes(replaced(valid, path, NODES.stringNode("not-a-" + leaf.getNodeType().name().toLowerCase()))));
            }
        }
        return variants;
    }

    /**
     * The variants of {@code validEvent} that {@code decoder} refuses with {@code refusal} (those a consumer
     * must dead-letter); variants it accepts (a huge title is still a title) are left out.
     */
    public static Map<String, byte[]> variantsRefusedBy(String validEvent, Consumer<byte[]> decoder,
                                                        Class<? extends RuntimeException> refusal) {
        Map<String, byte[]> refused = new LinkedHashMap<>();
        variantsOf(validEvent).forEach((name, bytes) -> {
            try {
                decoder.accept(bytes);
            } catch (RuntimeException e) {
                if (!refusal.isInstance(e)) {
                    throw e;
                }
                refused.put(name, bytes);
            }
        });
        return refused;
    }

    /** The JSON pointers of every value in {@code node} that is not an object (array elements included). */
    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String path = prefix + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getValue().isObject()) {
                    paths.addAll(leafPaths(field.getValue(), path));
                } else {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    private static JsonNode replaced(JsonNode valid, String pointer, JsonNode replacement) {
        JsonNode copy = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) copy.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"), replacement);
        return copy;
    }

    private static String huge() {
        Random random = new Random(20221130);
        StringBuilder text = new StringBuilder(HUGE);
        while (text.length() < HUGE) {
            text.append((char) ('一' + random.nextInt(2000)));
        }
        return text.toString();
    }

    private static byte[] deepNesting() {
        StringBuilder deep = new StringBuilder("{\"text\":");
        deep.append("[".repeat(DEEP)).append("]".repeat(DEEP)).append('}');
        return deep.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code valid} re-serialised with {@code raw} bytes spliced into its first string value. */
    private static byte[] withRawBytesInFirstString(JsonNode valid, byte[] raw) {
        String marker = "HOSTILE-MARKER-7f3a";
        byte[] json = JSON.writeValueAsBytes(withFirstString(valid, marker));
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] withEscapeInFirstString(JsonNode valid, String escape) {
        String marker = "HOSTILE-MARKER-7f3a";
        return JSON.writeValueAsString(withFirstString(valid, marker)).replace(marker, "a" + escape + "b")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode withFirstString(JsonNode valid, String value) {
        for (String path : leafPaths(valid, "")) {
            if (valid.at(path).isString()) {
                return replaced(valid, path, NODES.stringNode(value));
            }
        }
        ObjectNode copy = (ObjectNode) valid.deepCopy();
        return copy.put("hostile", value);
    }

    private static byte[] duplicateFirstKey(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        String first = valid.propertyNames().iterator().next();
        // The last one wins in Jackson: the duplicate, of the wrong type, comes last.
        String object = validJson.strip();
        return (object.substring(0, object.length() - 1) + "," + JSON.writeValueAsString(first) + ":{\"x\":[1,2]}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
