package org.commitmenttracker.extraction.engine.text;

import java.util.Arrays;

/**
 * Where each character of a text the engine derived (cleaned, lines joined, markers cut) stands in the text as
 * ingested, as UTF-16 offsets: a span of the derived text maps back to the span of the source it was read from,
 * line wraps and removed characters inside included.
 */
public final class SourceOffsets {
    private final int[] offsets;

    private SourceOffsets(int[] offsets) {
        this.offsets = offsets;
    }

    public int length() {
        return offsets.length;
    }

    /** The source offset of character {@code index}. */
    public int start(int index) {
        return offsets[index];
    }

    /** The source offset just after the character before {@code end}: the exclusive end of a span ending there. */
    public int end(int end) {
        return end == 0 ? (offsets.length == 0 ? 0 : offsets[0]) : offsets[end - 1] + 1;
    }

    /** The offsets of characters {@code [from, to)}. */
    public SourceOffsets slice(int from, int to) {
        return new SourceOffsets(Arrays.copyOfRange(offsets, from, to));
    }

    /** Collects offsets one character at a time, as a text is built. */
    public static final class Builder {
        private int[] offsets = new int[64];
        private int size;

        public Builder add(int offset) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            offsets[size++] = offset;
            return this;
        }

        public int size() {
            return size;
        }

        public void clear() {
            size = 0;
        }

        /** The offsets of characters {@code [from, to)} collected so far. */
        public SourceOffsets slice(int from, int to) {
            return new SourceOffsets(Arrays.copyOfRange(offsets, from, to));
        }

        public SourceOffsets build() {
            return slice(0, size);
        }
    }
}
