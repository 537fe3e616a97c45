// Where each extracted commitment sits in the communiqué's text. The analysis gives each commitment its
// character offsets into the text as ingested (start, end): those are used. Analyses stored before offsets
// existed have none; their (cleaned) texts are matched with whitespace and page footers like "— 3 —" ignored,
// in document order, each from where the last ended.
const PAGE_FOOTER = /\n[ \t]*[—–-][ \t]*\d+[ \t]*[—–-][ \t]*(?=\n)/g;

function compact(source) {
  const skipped = new Uint8Array(source.length);
  for (const match of source.matchAll(PAGE_FOOTER)) skipped.fill(1, match.index, match.index + match[0].length);
  let text = '';
  const offsets = [];
  for (let i = 0; i < source.length; i++) {
    if (skipped[i] || /\s/.test(source[i])) continue;
    text += source[i];
    offsets.push(i);
  }
  return { text, offsets };
}

/**
 * @returns {{spans: {start: number, end: number, commitment: object}[], missing: object[]}} spans in the
 *   original text's offsets, [start, end), in document order and never overlapping
 */
export function locate(source, commitments) {
  const { text, offsets } = compact(source);
  const spans = [];
  const missing = [];
  let from = 0;
  const overlaps = (start, end) => spans.some(s => start < s.end && end > s.start);
  const ordered = [...commitments].sort((a, b) => (a.section ?? 0) - (b.section ?? 0) || a.ordinal - b.ordinal);
  const unplaced = [];
  for (const commitment of ordered) {
    const { start, end } = commitment;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= source.length
        && !overlaps(start, end)) {
      spans.push({ start, end, commitment });
    } else {
      unplaced.push(commitment);
    }
  }
  for (const commitment of unplaced) {
    const needle = commitment.text.replace(/\s+/g, '');
    let at = needle ? text.indexOf(needle, from) : -1;
    if (at < 0 && needle) {
      at = text.indexOf(needle); // out of order: accept it unless it overlaps a span already marked
      if (at >= 0 && overlaps(offsets[at], offsets[at + needle.length - 1] + 1)) at = -1;
    }
    if (at < 0) {
      missing.push(commitment);
      continue;
    }
    spans.push({ start: offsets[at], end: offsets[at + needle.length - 1] + 1, commitment });
    from = Math.max(from, at + needle.length);
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, missing };
}
