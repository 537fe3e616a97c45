package org.commitmenttracker.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The faults of {@code --faults}, injected one at a time during the progress window, in the order given.
 * <pre>
 * broker | store | ingestion | extraction | registry | notification   SIGKILL, then start again (same ports, same data)
 * pause:SERVICE[:S]                                                    SIGSTOP the service for S s (10), then SIGCONT
 * receiver[:S]                                                         the webhook receiver answers 500/503 for S s (10)
 * all                                                                  every one of them (store only with --store h2)
 * </pre>
 */
record FaultPlan(List<Fault> faults) {
    static final Set<String> SERVICES = Set.of("ingestion", "extraction", "registry", "notification");
    private static final int DEFAULT_SECONDS = 10;

    enum Kind { KILL, PAUSE, RECEIVER }

    /** One fault: what is done to which target; {@code seconds} is how long a pause or receiver failure lasts. */
    record Fault(Kind kind, String target, int seconds) {
        String label() {
            return switch (kind) {
                case KILL -> "kill " + target;
                case PAUSE -> "pause " + target + " " + seconds + " s";
                case RECEIVER -> "receiver 5xx " + seconds + " s";
            };
        }
    }

    /**
     * The default order puts the receiver first, while webhooks surely flow (after a kill of notification its killed
     * consumers keep the partitions until their session timeout, 10 s, and its claimed deliveries wait for their
     * lease: a receiver failure then would meet no delivery), then the registry, whose recovery then overlaps the
     * faults after it rather than the drain.
     */
    static List<Fault> all(boolean durableStore) {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault(Kind.RECEIVER, "receiver", DEFAULT_SECONDS));
        faults.add(new Fault(Kind.KILL, "registry", 0));
        faults.add(new Fault(Kind.KILL, "broker", 0));
        if (durableStore) {
            faults.add(new Fault(Kind.KILL, "store", 0));
        }
        for (String service : List.of("ingestion", "extraction", "notification")) {
            faults.add(new Fault(Kind.KILL, service, 0));
        }
        faults.add(new Fault(Kind.PAUSE, "registry", DEFAULT_SECONDS));
        return List.copyOf(faults);
    }

    /**
     * @param durableStore whether the store keeps its data in H2: on the memory backend a killed store comes back
     *                     empty, so a store fault would only show that everything is gone
     */
    static FaultPlan parse(String spec, boolean durableStore) {
        List<Fault> faults = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] parts = item.trim().split(":");
            switch (parts[0]) {
                case "all" -> faults.addAll(all(durableStore));
                case "broker", "store", "ingestion", "extraction", "registry", "notification" -> {
                    if (parts.length != 1) {
                        throw new IllegalArgumentException("--faults: " + item + " takes no argument");
                    }
                    if (parts[0].equals("store") && !durableStore) {
                        throw new IllegalArgumentException("--faults store needs --store h2 (a killed memory store comes back empty)");
                    }
                    faults.add(new Fault(Kind.KILL, parts[0], 0));
                }
                case "pause" -> {
                    if (parts.length < 2 || !SERVICES.contains(parts[1])) {
                        throw new IllegalArgumentException("--faults pause:SERVICE[:SECONDS], SERVICE one of " + SERVICES);
                    }
                    faults.add(new Fault(Kind.PAUSE, parts[1], parts.length > 2 ? Integer.parseInt(parts[2]) : DEFAULT_SECONDS));
                }
                case "receiver" -> faults.add(new Fault(Kind.RECEIVER, "receiver",
                        parts.length > 1 ? Integer.parseInt(parts[1]) : DEFAULT_SECONDS));
                default -> throw new IllegalArgumentException("--faults: unknown fault " + item + " (broker, store, ingestion,"
                        + " extraction, registry, notification, pause:SERVICE[:S], receiver[:S], all)");
            }
        }
        return new FaultPlan(List.copyOf(faults));
    }

    List<String> labels() {
        return faults.stream().map(Fault::label).toList();
    }
}
