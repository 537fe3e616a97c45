package org.commitmenttracker.events;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Encoding and strict decoding of one event with {@link EventCodec}, single-threaded: what every producer and
 * consumer of the platform pays per record. The events are {@link EventSamples}' (a status change, the hot event of
 * the progress path, and an extracted commitment). Run as described in docs/performance.md, never by the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class EventCodecBenchmark {
    @Param({"commitment.status-changed.v1", "commitment.extracted.v1"})
    public String type;

    private final EventCodec codec = new EventCodec();
    private EventEnvelope<EventData> envelope;
    private byte[] encoded;

    @Setup
    public void pickEvent() {
        EventData data = EventSamples.BY_TYPE.entrySet().stream().filter(e -> e.getKey().typeName().equals(type))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No sample of " + type)).getValue();
        envelope = EventSamples.envelope(data);
        encoded = codec.encode(envelope);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(envelope);
    }

    @Benchmark
    public EventEnvelope<? extends EventData> decode() {
        return codec.decode(encoded);
    }
}
