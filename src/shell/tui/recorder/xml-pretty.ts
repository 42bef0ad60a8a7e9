/** One line of indented XML. */
export interface XmlLine {
  readonly depth: number;
  readonly text: string;
}

export interface PrettyXml {
  readonly lines: readonly XmlLine[];
  /** Characters of the input that were formatted; less than its length when the cap was hit. */
  readonly formattedChars: number;
  readonly truncated: boolean;
}

/** Default number of input characters formatted; the rest of a larger body is left out. */
export const DEFAULT_FORMAT_CAP = 512 * 1024;

/** Shown in place of a line break inside text, so each element stays on one line. */
export const LINE_BREAK_MARK = '↵';

type LineRole = 'open' | 'close' | 'other';

interface Builder {
  lines: XmlLine[];
  roles: LineRole[];
  depth: number;
}

/** Returns the end (exclusive) of the start tag at `start`, skipping `>` inside quoted attribute values; -1 when unterminated. */
function startTagEnd(xml: string, start: number): number {
  let quote = '';
  for (let index = start + 1; index < xml.length; index++) {
    const char = xml[index];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return -1;
}

function endOf(xml: string, start: number, terminator: string): number {
  const index = xml.indexOf(terminator, start);
  return index < 0 ? -1 : index + terminator.length;
}

function push(builder: Builder, text: string, role: LineRole, depth = builder.depth): void {
  builder.lines.push({ depth, text });
  builder.roles.push(role);
}

/** Ends an element: `<A>text</A>` and `<A></A>` stay on one line, other elements get their end tag on its own line. */
function closeElement(builder: Builder, tag: string): void {
  builder.depth = Math.max(0, builder.depth - 1);
  const last = builder.lines.length - 1;
  const lastRole = builder.roles[last];

  if (lastRole === 'open' && builder.lines[last]!.depth === builder.depth) {
    builder.lines[last] = { depth: builder.depth, text: builder.lines[last]!.text + tag };
    builder.roles[last] = 'other';
    return;
  }
  const isTextAfterOpen = lastRole === 'other' && builder.roles[last - 1] === 'open' && builder.lines[last - 1]!.depth === builder.depth && builder.lines[last]!.depth === builder.depth + 1 && !builder.lines[last]!.text.startsWith('<');
  if (isTextAfterOpen) {
    const open = builder.lines[last - 1]!;
    builder.lines.splice(last - 1, 2, { depth: builder.depth, text: open.text + builder.lines[last]!.text + tag });
    builder.roles.splice(last - 1, 2, 'other');
    return;
  }
  push(builder, tag, 'close');
}

/**
 * Indents XML one element per line, two spaces per level, without parsing it fully: the
 * scan only finds tag boundaries, so malformed input is indented as well as it goes.
 * Whitespace-only text is dropped; other text is kept exactly, with line breaks shown as
 * `↵`. At most `cap` input characters are formatted so a
 * very large body cannot stall the screen.
 */
export function prettyXml(xml: string, cap = DEFAULT_FORMAT_CAP): PrettyXml {
  const builder: Builder = { lines: [], roles: [], depth: 0 };
  const limit = Math.min(xml.length, cap);
  let index = 0;

  while (index < limit) {
    if (xml[index] !== '<') {
      const next = xml.indexOf('<', index);
      const end = next < 0 ? xml.length : next;
      const text = xml.slice(index, end);
      if (text.trim() !== '') push(builder, text.replace(/\r?\n/g, LINE_BREAK_MARK), 'other');
      index = end;
      continue;
    }

    const special = xml.startsWith('<!--', index) ? '-->' : xml.startsWith('<![CDATA[', index) ? ']]>' : xml.startsWith('<?', index) ? '?>' : null;
    const end = special !== null ? endOf(xml, index, special) : startTagEnd(xml, index);
    if (end < 0) {
      push(builder, xml.slice(index, limit), 'other');
      index = limit;
      break;
    }

    const tag = xml.slice(index, end);
    if (tag.startsWith('</')) closeElement(builder, tag);
    else if (special !== null || tag.startsWith('<!') || tag.endsWith('/>')) push(builder, tag.replace(/\s*\n\s*/g, ' '), 'other');
    else {
      push(builder, tag.replace(/\s*\n\s*/g, ' '), 'open');
      builder.depth++;
    }
    index = end;
  }

  return { lines: builder.lines, formattedChars: index, truncated: index < xml.length };
}

/** Style of one piece of a highlighted XML line. */
export type XmlTokenKind = 'punctuation' | 'tag' | 'attribute' | 'value' | 'text' | 'comment';

export interface XmlToken {
  readonly kind: XmlTokenKind;
  readonly text: string;
}

const TAG_PATTERN = /^(<\/?|<\?)([^\s/>?]*)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?>|\?>)?/;
const ATTRIBUTE_PATTERN = /(\s+)([^\s=]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

function tagTokens(tag: string, tokens: XmlToken[]): number {
  const match = TAG_PATTERN.exec(tag);
  if (!match) return 0;

  const [whole, opening, name, attributes, closing] = match;
  tokens.push({ kind: 'punctuation', text: opening! }, { kind: 'tag', text: name! });
  for (const attribute of attributes!.matchAll(ATTRIBUTE_PATTERN)) {
    tokens.push({ kind: 'text', text: attribute[1]! }, { kind: 'attribute', text: attribute[2]! }, { kind: 'punctuation', text: attribute[3]! }, { kind: 'value', text: attribute[4]! });
  }
  const consumed = opening!.length + name!.length + attributes!.length;
  const rest = whole.slice(consumed);
  if (rest !== '') tokens.push({ kind: 'punctuation', text: rest });
  return whole.length;
}

/** Splits one pretty-printed line into styled tokens. Text that does not look like markup is one `text` token. */
export function highlightXmlLine(line: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let index = 0;
  while (index < line.length) {
    const rest = line.slice(index);
    if (rest.startsWith('<!--')) {
      tokens.push({ kind: 'comment', text: rest });
      break;
    }
    if (rest.startsWith('<')) {
      const consumed = tagTokens(rest, tokens);
      if (consumed > 0) {
        index += consumed;
        continue;
      }
    }
    const next = line.indexOf('<', index + 1);
    const end = next < 0 ? line.length : next;
    tokens.push({ kind: 'text', text: line.slice(index, end) });
    index = end;
  }
  return tokens;
}
