/** A document ready for libxml2, with what was changed to get there. */
export interface PreparedDocument {
  /** The text to parse: own XML declaration and DOCTYPE, the rest as sent. */
  readonly text: string;
  /** Name of the root element, which the inserted DOCTYPE names. */
  readonly rootName: string;
  /** Whether the input carried a DOCTYPE of its own, which was removed. */
  readonly doctypeRemoved: boolean;
  /** Encoding named by the input's XML declaration, or null. */
  readonly declaredEncoding: string | null;
  /** Characters that the replaced prolog added on line 1; subtract from columns reported on line 1. */
  readonly lineOneShift: number;
}

const XML_DECLARATION = /^<\?xml\s[^?]*\?>/;

/**
 * Prepares a document for DTD validation. It removes a BOM and replaces the XML
 * declaration by one naming UTF-8, because libxml2 receives the text as a UTF-8 string.
 * It removes any DOCTYPE of the document, internal subset included, so no declaration or
 * entity of the sender is loaded. It then inserts `<!DOCTYPE root SYSTEM "dtdUrl">` on
 * line 1. Removed text is replaced by its line breaks, so line numbers stay those of the input.
 */
export function prepareDocument(input: string, dtdUrl: string): PreparedDocument {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;

  const declaration = XML_DECLARATION.exec(text);
  const declaredEncoding = declaration === null ? null : (/encoding\s*=\s*["']([^"']*)["']/.exec(declaration[0])?.[1] ?? null);
  const removedDeclaration = declaration === null ? '' : declaration[0];
  text = text.slice(removedDeclaration.length);

  const doctype = findDoctype(text);
  if (doctype !== null) {
    text = text.slice(0, doctype.start) + lineBreaks(text.slice(doctype.start, doctype.end)) + text.slice(doctype.end);
  }

  const rootName = findRootName(text) ?? 'CIM';
  const prolog = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE ${rootName} SYSTEM "${dtdUrl}">`;
  const keptOnLineOne = lineBreaks(removedDeclaration);
  return {
    text: prolog + keptOnLineOne + text,
    rootName,
    doctypeRemoved: doctype !== null,
    declaredEncoding,
    lineOneShift: keptOnLineOne.length > 0 ? 0 : prolog.length - removedDeclaration.length,
  };
}

function lineBreaks(text: string): string {
  return text.replace(/[^\n]/g, '');
}

/** Finds `<!DOCTYPE ...>` in the prolog, skipping quoted literals and the internal subset. */
function findDoctype(text: string): { start: number; end: number } | null {
  const start = prologMarkup(text, '<!DOCTYPE');
  if (start < 0) return null;

  let index = start + '<!DOCTYPE'.length;
  let inSubset = false;
  while (index < text.length) {
    const char = text[index];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      index = close < 0 ? text.length : close + 1;
      continue;
    }
    if (inSubset && text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      index = close < 0 ? text.length : close + 3;
      continue;
    }
    if (char === '[') inSubset = true;
    else if (char === ']') inSubset = false;
    else if (char === '>' && !inSubset) return { start, end: index + 1 };
    index += 1;
  }
  return { start, end: text.length };
}

/** Returns the offset of `markup` when it comes before the root element, after comments, PIs and whitespace only. */
function prologMarkup(text: string, markup: string): number {
  let index = 0;
  for (;;) {
    while (index < text.length && /\s/.test(text[index] as string)) index += 1;
    if (text.startsWith(markup, index)) return index;
    if (text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      if (close < 0) return -1;
      index = close + 3;
      continue;
    }
    if (text.startsWith('<?', index)) {
      const close = text.indexOf('?>', index + 2);
      if (close < 0) return -1;
      index = close + 2;
      continue;
    }
    return -1;
  }
}

function findRootName(text: string): string | null {
  const match = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ''));
  return match === null ? null : (match[1] as string);
}
