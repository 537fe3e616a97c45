package org.commitmenttracker.ingestion.communique;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two communiqué texts "essentially the same": a MinHash signature of the text's character 5-shingles after
 * normalisation (page-marker lines dropped; NFKC, which folds full-width forms; lower case; only letters and digits
 * kept, so whitespace, line wraps and punctuation do not count). One-permutation MinHash: each shingle is hashed once
 * into one of {@value BINS} bins, which keep their smallest hash, so a 2 MB text costs one pass. The share of equal
 * bins estimates the Jaccard similarity of the two shingle sets.
 *
 * <p>Measured on the development corpus (docs/ingestion.md): different communiqués, including the same summit's
 * statements of consecutive years, reach at most 0.30; the seed with another header line, with site chrome lines
 * added, with page markers removed or re-wrapped stays at 0.99 or above; half of it 0.54. The default threshold,
 * 0.85 ({@code tracker.ingestion.near-duplicate-similarity}), sits in the middle of that gap. A text of fewer than
 * {@value #MIN_CONTENT} letters and digits carries no signature: so little text says too little (one changed word
 * is another statement; the shortest real statement of the corpus has about 2,400), and only identical texts are the
 * same.
 *
 * <p>Candidates are found by banding (locality-sensitive hashing): {@value BANDS} bands of {@value ROWS} bins each;
 * two texts share a band key with probability 1 − (1 − J⁴)³² — above 0.99 at J = 0.85, 0.23 at J = 0.30 — and every
 * candidate is then compared bin by bin.
 */
public record NearDuplicateSignature(List<Integer> minHashes) {
    static final int MIN_CONTENT = 500;
    static final int BINS = 128;
    static final int ROWS = 4;
    static final int BANDS = BINS / ROWS;
    private static final int SHINGLE = 5;
    private static final int EMPTY = Integer.MAX_VALUE;
    /** A line that is only a page number: "— 1 —", "- 2 -", "3", "第 3 页", "Page 3 of 10", "Стр. 3". */
    private static final Pattern PAGE_MARKER = Pattern.compile(
            "[\\p{Pd}\\s]*\\d{1,4}[\\p{Pd}\\s]*|第\\s*\\d{1,4}\\s*页.*|(?i:page|стр\\.?|страница)\\s*\\d{1,4}(\\s*(of|из)\\s*\\d{1,4})?");

    public NearDuplicateSignature {
        minHashes = List.copyOf(minHashes);
        if (minHashes.size() != BINS) {
            throw new IllegalArgumentException("a signature has " + BINS + " bins, not " + minHashes.size());
        }
    }

    /** The text's signature, or null for a text too short to have one. */
    public static NearDuplicateSignature of(String text) {
        String content = normalised(text);
        if (content.length() < MIN_CONTENT) {
            return null;
        }
        int[] bins = new int[BINS];
        Arrays.fill(bins, EMPTY);
        for (int start = 0; start + SHINGLE <= content.length(); start++) {
            int hash = mix(content, start);
            int bin = Math.floorMod(hash, BINS);
            int value = hash >>> 7; // the bits the bin number did not use
            if (value < bins[bin]) {
                bins[bin] = value;
            }
        }
        List<Integer> minHashes = new ArrayList<>(BINS);
        for (int value : bins) {
            minHashes.add(value);
        }
        return new NearDuplicateSignature(minHashes);
    }

    /** The estimated Jaccard similarity of the two texts' shingles: the share of bins, filled in either, that agree. */
    public double similarity(NearDuplicateSignature other) {
        int compared = 0;
        int equal = 0;
        for (int i = 0; i < BINS; i++) {
            int mine = minHashes.get(i);
            int theirs = other.minHashes.get(i);
            if (mine == EMPTY && theirs == EMPTY) {
                continue;
            }
            compared++;
            if (mine == theirs) {
                equal++;
            }
        }
        return compared == 0 ? 1.0 : (double) equal / compared;
    }

    /** The band keys under which the signature is stored and looked up; a band of empty bins has none. */
    public List<String> bandKeys() {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            List<Integer> rows = minHashes.subList(band * ROWS, (band + 1) * ROWS);
            if (rows.stream().allMatch(value -> value == EMPTY)) {
                continue;
            }
            keys.add(band + ":" + Integer.toHexString(rows.hashCode()));
        }
        return keys;
    }

    static String normalised(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            if (!PAGE_MARKER.matcher(line.strip()).matches()) {
                kept.append(line).append('\n');
            }
        }
        String folded = Normalizer.normalize(kept, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder content = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(content::appendCodePoint);
        return content.toString();
    }

    /** A well-mixed 32-bit hash of the shingle at {@code start} (FNV-1a, then a murmur finaliser). */
    private static int mix(String content, int start) {
        int hash = 0x811c9dc5;
        for (int i = start; i < start + SHINGLE; i++) {
            hash = (hash ^ content.charAt(i)) * 0x01000193;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }
}
