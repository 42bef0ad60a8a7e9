import { formatCodePoint } from './char-classes.js';

/** `utf8SequenceLength` result: the sequence that the lead byte announces continues past `end`. */
export const UTF8_INCOMPLETE = 0;
/** `utf8SequenceLength` result: not UTF-8 (RFC 3629), or a code point outside the XML Char production. */
export const UTF8_INVALID = -1;

/**
 * Validates the multi-byte UTF-8 sequence whose lead byte (0x80 or above) is at `start`.
 * Follows RFC 3629 table 3-7: overlong forms, encoded surrogates (CESU-8) and code points
 * above U+10FFFF are invalid. U+FFFE and U+FFFF are valid UTF-8 but not XML characters,
 * so they are reported as invalid too.
 *
 * Returns the sequence length (2 to 4), `UTF8_INCOMPLETE` or `UTF8_INVALID`.
 */
export function utf8SequenceLength(bytes: Uint8Array, start: number, end: number): number {
  const lead = bytes[start]!;
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;

  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) secondMin = 0xa0;
    if (lead === 0xed) secondMax = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) secondMin = 0x90;
    if (lead === 0xf4) secondMax = 0x8f;
  } else {
    return UTF8_INVALID;
  }

  // Wait for the whole sequence so that the verdict and its message do not depend on chunking.
  if (start + length > end) return UTF8_INCOMPLETE;

  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[start + offset]!;
    const min = offset === 1 ? secondMin : 0x80;
    const max = offset === 1 ? secondMax : 0xbf;
    if (byte < min || byte > max) return UTF8_INVALID;
  }

  // U+FFFE (EF BF BE) and U+FFFF (EF BF BF) are outside the XML Char production.
  if (lead === 0xef && bytes[start + 1] === 0xbf && bytes[start + 2]! >= 0xbe) return UTF8_INVALID;
  return length;
}

/** Describes why the bytes at `start` are rejected, quoting them in hex. */
export function describeInvalidUtf8(bytes: Uint8Array, start: number, end: number): string {
  const lead = bytes[start]!;
  const sequenceLength = announcedLength(lead);
  const excerpt: string[] = [];
  for (let index = start; index < Math.min(end, start + sequenceLength); index++) {
    excerpt.push(bytes[index]!.toString(16).toUpperCase().padStart(2, '0'));
  }
  const quoted = excerpt.join(' ');

  if (lead === 0xed && start + 1 < end && bytes[start + 1]! >= 0xa0) {
    const codePoint = decodeThreeBytes(bytes, start);
    return (
      `invalid UTF-8: bytes ${quoted} encode the surrogate ${formatCodePoint(codePoint)} ` +
      '(CESU-8 style), which neither UTF-8 nor XML allows; the sender must encode characters ' +
      'above U+FFFF as one 4-byte sequence'
    );
  }

  if (lead === 0xef && bytes[start + 1] === 0xbf && start + 2 < end && bytes[start + 2]! >= 0xbe) {
    const codePoint = decodeThreeBytes(bytes, start);
    return `character ${formatCodePoint(codePoint)} (bytes ${quoted}) is not allowed in XML 1.0`;
  }

  if (lead === 0xc0 || lead === 0xc1 || (lead === 0xe0 && bytes[start + 1]! < 0xa0) || (lead === 0xf0 && bytes[start + 1]! < 0x90)) {
    return `invalid UTF-8: bytes ${quoted} are an overlong encoding; the body must be valid UTF-8`;
  }

  return `invalid UTF-8 byte sequence ${quoted}; the body must be valid UTF-8`;
}

/** Returns the sequence length that a lead byte announces, 1 for a byte that cannot lead. */
function announcedLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

function decodeThreeBytes(bytes: Uint8Array, start: number): number {
  return ((bytes[start]! & 0x0f) << 12) | ((bytes[start + 1]! & 0x3f) << 6) | (bytes[start + 2]! & 0x3f);
}

/** Writes `codePoint` as UTF-8 to `target` at `offset` and returns the offset after it. */
export function writeCodePoint(target: Uint8Array, offset: number, codePoint: number): number {
  if (codePoint < 0x80) {
    target[offset] = codePoint;
    return offset + 1;
  }
  if (codePoint < 0x800) {
    target[offset] = 0xc0 | (codePoint >> 6);
    target[offset + 1] = 0x80 | (codePoint & 0x3f);
    return offset + 2;
  }
  if (codePoint < 0x10000) {
    target[offset] = 0xe0 | (codePoint >> 12);
    target[offset + 1] = 0x80 | ((codePoint >> 6) & 0x3f);
    target[offset + 2] = 0x80 | (codePoint & 0x3f);
    return offset + 3;
  }
  target[offset] = 0xf0 | (codePoint >> 18);
  target[offset + 1] = 0x80 | ((codePoint >> 12) & 0x3f);
  target[offset + 2] = 0x80 | ((codePoint >> 6) & 0x3f);
  target[offset + 3] = 0x80 | (codePoint & 0x3f);
  return offset + 4;
}
