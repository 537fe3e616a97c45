package org.commitmenttracker.loadtest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * The registry's reads as a dashboard makes them, one at a time, on this run's commitments: {@code GET
 * /api/commitments/{id}} of random commitments (after as many for warm-up), then 10 shapes of filtered lists
 * ({@code GET /api/commitments?…&size=50}), their filter values taken from the commitments read.
 */
final class RegistryReads {
    private static final int WARM_UP_LISTS_PER_SHAPE = 3;

    /** Client-side times (the driver's JDK HttpClient, another process on the same host). */
    record Figures(Latencies.Summary lookup, long lookupBytes, Latencies.Summary lists,
                   Map<String, Latencies.Summary> listsByShape) {
    }

    private final PlatformApi api;
    private final String reader;
    private final Random random = new Random(20261125);

    RegistryReads(PlatformApi api) {
        this.api = api;
        this.reader = api.token("loadtest-reader", List.of("reader"), null);
    }

    /** {@code lookups} lookups after as many for warm-up, and {@code listsPerShape} lists of each shape. */
    Figures measure(List<String> commitmentIds, int lookups, int listsPerShape) throws Exception {
        LoadDriver.log("reading: %d lookups (after %d for warm-up), %d lists of each of 10 shapes…", lookups, lookups, listsPerShape);
        Values values = new Values();
        for (int i = 0; i < lookups; i++) {
            values.add(lookup(commitmentIds));
        }
        Latencies lookup = new Latencies();
        long bytes = 0;
        for (int i = 0; i < lookups; i++) {
            long start = System.nanoTime();
            String body = lookupBody(commitmentIds);
            lookup.add(System.nanoTime() - start);
            bytes += body.length();
        }
        Map<String, Supplier<String>> shapes = values.shapes(random);
        for (Supplier<String> shape : shapes.values()) {
            for (int i = 0; i < WARM_UP_LISTS_PER_SHAPE; i++) {
                list(shape.get());
            }
        }
        Latencies lists = new Latencies();
        Map<String, Latencies.Summary> byShape = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<String>> shape : shapes.entrySet()) {
            Latencies these = new Latencies();
            for (int i = 0; i < listsPerShape; i++) {
                String query = shape.getValue().get();
                long start = System.nanoTime();
                list(query);
                long took = System.nanoTime() - start;
                these.add(took);
                lists.add(took);
            }
            byShape.put(shape.getKey(), these.summary());
        }
        return new Figures(lookup.summary(), lookups == 0 ? 0 : bytes / lookups, lists.summary(), byShape);
    }

    private JsonNode lookup(List<String> ids) throws Exception {
        return api.parse(lookupBody(ids));
    }

    private String lookupBody(List<String> ids) throws Exception {
        return api.get("registry", "/api/commitments/" + ids.get(random.nextInt(ids.size())), reader);
    }

    private void list(String query) throws Exception {
        api.get("registry", "/api/commitments?size=50&" + query, reader);
    }

    /** The parties, topics and sections of the commitments read: the lists' filter values. */
    private static final class Values {
        private final TreeSet<String> parties = new TreeSet<>();
        private final TreeSet<String> topics = new TreeSet<>();
        private final TreeSet<Integer> sections = new TreeSet<>();

        void add(JsonNode commitment) {
            JsonNode facts = commitment.path("facts");
            facts.path("parties").forEach(party -> parties.add(party.asString()));
            facts.path("topics").forEach(topic -> topics.add(topic.asString()));
            if (facts.path("section").isNumber()) {
                sections.add(facts.path("section").asInt());
            }
        }

        /** The 10 shapes by name, each giving a query with random values. */
        Map<String, Supplier<String>> shapes(Random random) {
            List<String> party = List.copyOf(parties.isEmpty() ? List.of("CN") : parties);
            List<String> topic = List.copyOf(topics.isEmpty() ? List.of("trade") : topics);
            List<Integer> section = List.copyOf(sections.isEmpty() ? List.of(1) : sections);
            Supplier<String> anyParty = () -> party.get(random.nextInt(party.size()));
            Supplier<String> anyTopic = () -> topic.get(random.nextInt(topic.size()));
            Supplier<Integer> anySection = () -> section.get(random.nextInt(section.size()));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, Supplier<String>> shapes = new LinkedHashMap<>();
            shapes.put("status", () -> "status=" + (random.nextBoolean() ? "IN_PROGRESS" : "STALLED"));
            shapes.put("topic", () -> "topic=" + anyTopic.get());
            shapes.put("party", () -> "party=" + anyParty.get());
            shapes.put("section", () -> "section=" + anySection.get());
            shapes.put("dueBefore", () -> "dueBefore=" + today.plusYears(1 + random.nextInt(4)));
            shapes.put("status+topic", () -> "status=IN_PROGRESS&topic=" + anyTopic.get());
            shapes.put("party+section", () -> "party=" + anyParty.get() + "&section=" + anySection.get());
            shapes.put("topic+dueBefore", () -> "topic=" + anyTopic.get() + "&dueBefore=" + today.plusYears(3));
            shapes.put("status+party+dueBefore, sort=due", () -> "status=STALLED&party=" + anyParty.get() + "&dueBefore="
                    + today.plusYears(5) + "&sort=due");
            shapes.put("agency, sort=updated", () -> "agency=" + LoadDriver.AGENCY + "&sort=updated");
            return shapes;
        }
    }

    static List<String> ids(Ledger ledger) {
        return new ArrayList<>(new TreeSet<>(ledger.commitments.keySet()));
    }
}
