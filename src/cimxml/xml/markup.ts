import { GT, isWhitespace, LBRACKET, LT, QUOTE, APOS, RBRACKET, BANG, DASH, QUESTION } from './char-classes.js';
import { INCOMPLETE, type ScannerBase } from './scanner-base.js';

const COMMENT_DASHES = Buffer.from('--', 'latin1');
const COMMENT_END = Buffer.from('-->', 'latin1');
const PI_END = Buffer.from('?>', 'latin1');

/** Length of `<!DOCTYPE`. */
export const DOCTYPE_OPEN_LENGTH = 9;

/**
 * Scans a comment whose `<!--` is at `start` (XML 1.0 production Comment: no `--` inside,
 * and no `-` right before the closing `-->`). Returns the index after `-->` or `INCOMPLETE`.
 */
export function scanComment(scanner: ScannerBase, bytes: Buffer, start: number): number {
  const contentStart = start + 4;
  const dashes = bytes.indexOf(COMMENT_DASHES, contentStart);
  if (dashes < 0 || dashes + 2 >= bytes.length) return incomplete(scanner, bytes, start, 'comment');

  if (bytes[dashes + 2] !== GT) {
    scanner.advanceChars(bytes, contentStart, dashes);
    throw scanner.error(`'--' is not allowed inside a comment; end the comment with '-->'`, dashes);
  }

  checkLength(scanner, start, dashes + 3, 'comment');
  scanner.advanceChars(bytes, contentStart, dashes);
  return dashes + 3;
}

/**
 * Scans a processing instruction whose `<?` is at `start`. The target `xml` (any case) is
 * reserved; at the very start of the document it is the XML declaration, which is checked.
 * Returns the index after `?>` or `INCOMPLETE`.
 */
export function scanProcessingInstruction(
  scanner: ScannerBase,
  bytes: Buffer,
  start: number,
  atDocumentStart: boolean,
): number {
  const targetEnd = scanner.scanName(bytes, start + 2);
  if (targetEnd === INCOMPLETE) return incomplete(scanner, bytes, start, 'processing instruction');
  if (targetEnd === start + 2) {
    throw scanner.error(`processing instruction without a target name after '<?'`, start);
  }

  const closing = bytes.indexOf(PI_END, targetEnd);
  if (closing < 0) return incomplete(scanner, bytes, start, 'processing instruction');

  checkLength(scanner, start, closing + 2, 'processing instruction');
  const target = scanner.nameAt(bytes, start + 2, targetEnd);
  if (target.toLowerCase() === 'xml') {
    if (!atDocumentStart || target !== 'xml') {
      throw scanner.error(
        `'<?${target}' is reserved for the XML declaration, which is allowed only at the very start of the document`,
        start,
      );
    }
    checkXmlDeclaration(scanner, bytes.toString('latin1', start, closing + 2), start);
  } else if (closing > targetEnd && !isWhitespace(bytes[targetEnd]!)) {
    throw scanner.error(`processing instruction target '${target}' must be followed by white space`, targetEnd);
  }

  scanner.advanceChars(bytes, targetEnd, closing);
  return closing + 2;
}

const DECLARATION_PATTERN =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])(1\.[0-9]+)\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;

/** Checks the XML declaration (production XMLDecl): version 1.x, encoding UTF-8 or absent. */
function checkXmlDeclaration(scanner: ScannerBase, text: string, start: number): void {
  const match = DECLARATION_PATTERN.exec(text);
  if (match === null) {
    throw scanner.error(
      `invalid XML declaration '${text.slice(0, 100)}'; expected <?xml version="1.0"` +
        ` encoding="UTF-8"?> with optional encoding and standalone="yes|no" in this order`,
      start,
    );
  }

  const version = match[2]!;
  if (version === '1.1') {
    throw scanner.error(`XML version 1.1 is not supported; only XML 1.0 documents can be read`, start);
  }

  const encoding = match[4];
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
    throw scanner.error(
      `the XML declaration names encoding '${encoding}', but only UTF-8 is supported; ` +
        'the sender must encode the document as UTF-8',
      start,
    );
  }
}

/**
 * Skips a DOCTYPE declaration whose `<!DOCTYPE` is at `start` without interpreting it:
 * nothing is fetched and no entity is defined. Quoted literals, comments and processing
 * instructions in the internal subset are skipped so that their `>` and `]` do not end it.
 * Returns the index after the closing `>` or `INCOMPLETE`.
 * NOTE: the declarations inside are not checked for well-formedness, so a malformed internal
 * subset whose quotes and brackets balance is accepted.
 */
export function skipDoctype(scanner: ScannerBase, bytes: Buffer, start: number): number {
  const end = bytes.length;
  let index = start + DOCTYPE_OPEN_LENGTH;
  if (index >= end) return incomplete(scanner, bytes, start, 'DOCTYPE');
  if (!isWhitespace(bytes[index]!)) {
    throw scanner.error(`'<!DOCTYPE' must be followed by white space and the root element name`, index);
  }

  let quote = 0;
  let inSubset = false;
  while (index < end) {
    const byte = bytes[index]!;

    if (quote !== 0) {
      if (byte === quote) quote = 0;
      index++;
    } else if (byte === QUOTE || byte === APOS) {
      quote = byte;
      index++;
    } else if (!inSubset) {
      if (byte === GT) {
        checkLength(scanner, start, index + 1, 'DOCTYPE');
        scanner.advanceChars(bytes, start, index);
        return index + 1;
      }
      if (byte === LBRACKET) inSubset = true;
      index++;
    } else if (byte === LT) {
      const skipped = skipSubsetMarkup(bytes, index);
      if (skipped === INCOMPLETE) break;
      index = skipped;
    } else {
      if (byte === RBRACKET) inSubset = false;
      index++;
    }
  }
  return incomplete(scanner, bytes, start, 'DOCTYPE');
}

/** Skips a comment or processing instruction at `index` inside the internal subset. */
function skipSubsetMarkup(bytes: Buffer, index: number): number {
  if (index + 3 >= bytes.length) return INCOMPLETE;

  if (bytes[index + 1] === BANG && bytes[index + 2] === DASH && bytes[index + 3] === DASH) {
    const closing = bytes.indexOf(COMMENT_END, index + 4);
    return closing < 0 ? INCOMPLETE : closing + 3;
  }
  if (bytes[index + 1] === QUESTION) {
    const closing = bytes.indexOf(PI_END, index + 2);
    return closing < 0 ? INCOMPLETE : closing + 2;
  }
  return index + 1;
}

/** Returns `INCOMPLETE`, or raises when the unfinished markup already exceeds `maxTextLength`. */
function incomplete(scanner: ScannerBase, bytes: Buffer, start: number, kind: string): number {
  checkLength(scanner, start, bytes.length, kind);
  return INCOMPLETE;
}

/** Raises when the markup `[start..stop)` is longer than `maxTextLength`. */
export function checkLength(scanner: ScannerBase, start: number, stop: number, kind: string): void {
  if (stop - start <= scanner.limits.maxTextLength) return;

  throw scanner.error(
    `${kind} is longer than the maxTextLength limit of ${scanner.limits.maxTextLength} bytes; ` +
      'raise the option if the document is trusted',
    start,
  );
}
