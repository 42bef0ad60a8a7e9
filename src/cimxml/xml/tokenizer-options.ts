/** Receives the events of `XmlTokenizer` in document order. */
export interface XmlHandler {
  /**
   * Called for each start tag and empty-element tag. `attributes` contains the normalised
   * values in document order; `line` and `column` are the 1-based position of the `<`,
   * with the column counted in Unicode code points.
   */
  startElement(name: string, attributes: Record<string, string>, line: number, column: number): void;
  /** Called for each end tag, and right after `startElement` for an empty-element tag. */
  endElement(name: string): void;
  /**
   * Called with character data inside the root element, with references and CDATA
   * resolved and line ends normalised to LF. One text node may arrive in several calls.
   */
  text(text: string): void;
}

/** Resource limits of `XmlTokenizer`; exceeding one raises an `XMLParseError` that names it. */
export interface XmlTokenizerOptions {
  /** Maximum nesting depth of elements, the root being depth 1. Default 1000. */
  maxDepth?: number;
  /** Maximum length of an element or attribute name, in bytes. Default 1024. */
  maxNameLength?: number;
  /** Maximum number of attributes on one element. Default 256. */
  maxAttributes?: number;
  /** Maximum length of one attribute value as written, in bytes. Default 4 MiB. */
  maxAttributeLength?: number;
  /**
   * Maximum length of one text node (the character data between two tags, CDATA included),
   * and of one comment, processing instruction or DOCTYPE, in bytes as written. Default 64 MiB.
   */
  maxTextLength?: number;
}

export type ResolvedTokenizerOptions = Required<XmlTokenizerOptions>;

export const DEFAULT_TOKENIZER_OPTIONS: ResolvedTokenizerOptions = {
  maxDepth: 1000,
  maxNameLength: 1024,
  maxAttributes: 256,
  maxAttributeLength: 4 * 1024 * 1024,
  maxTextLength: 64 * 1024 * 1024,
};

const OPTION_NAMES = Object.keys(DEFAULT_TOKENIZER_OPTIONS) as (keyof XmlTokenizerOptions)[];

/**
 * Fills in defaults and rejects limits that are not positive integers. Without any limit
 * set it returns `DEFAULT_TOKENIZER_OPTIONS` itself, because a tokenizer starts for every
 * embedded object and the limits are only read.
 */
export function resolveTokenizerOptions(options: XmlTokenizerOptions = {}): ResolvedTokenizerOptions {
  let resolved: ResolvedTokenizerOptions | null = null;

  for (const key of OPTION_NAMES) {
    const value = options[key];
    if (value === undefined) continue;

    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`XML tokenizer option ${key} must be a positive integer, got ${String(value)}`);
    }
    resolved ??= { ...DEFAULT_TOKENIZER_OPTIONS };
    resolved[key] = value;
  }
  return resolved ?? DEFAULT_TOKENIZER_OPTIONS;
}
