import { XMLParseError } from '../../cim/errors.js';
import type { XmlElement } from './element.js';
import { XmlTokenizer } from './tokenizer.js';
import type { XmlHandler, XmlTokenizerOptions } from './tokenizer-options.js';

/**
 * Children of every element built without children; frozen, because the array is shared.
 * Leaf elements (VALUE, KEYVALUE, VALUE.NULL) are most of a CIM-XML document, and an array
 * for each would be garbage as soon as the element is read.
 */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** Streaming options of `XmlTreeBuilder`. */
export interface XmlTreeBuilderOptions {
  /**
   * Element names from the root down to the element whose children are streamed, such as
   * `['CIM', 'MESSAGE', 'SIMPLERSP', 'IMETHODRESPONSE', 'IRETURNVALUE']`. Each child of that
   * element goes to `onElement` when its end tag is read and is not kept in the tree.
   * Names compare case-sensitively, as XML names do. Default: nothing is streamed.
   */
  streamPath?: readonly string[];
  /** Receives each completed child of the element at `streamPath`, in document order. */
  onElement?: (element: XmlElement) => void;
}

/**
 * Assembles tokenizer events into `XmlElement` trees. Without `streamPath` it keeps the
 * whole document. With it, the children of the element at that path go to `onElement` one
 * at a time and are dropped, so memory stays bounded by the largest child.
 */
export class XmlTreeBuilder implements XmlHandler {
  private readonly streamPath: readonly string[] | null;
  private readonly onElement: ((element: XmlElement) => void) | null;
  private readonly open: XmlElement[] = [];
  /** Number of leading `streamPath` names that the open elements match. */
  private matchedDepth = 0;
  private rootElement: XmlElement | null = null;

  constructor(options: XmlTreeBuilderOptions = {}) {
    this.streamPath = options.streamPath ?? null;
    this.onElement = options.onElement ?? null;
    if (this.streamPath !== null && this.onElement === null) {
      throw new TypeError('XmlTreeBuilder: streamPath needs an onElement callback');
    }
  }

  /** The root element once the document has been read; children handed to `onElement` are absent. */
  get root(): XmlElement {
    if (this.rootElement === null || this.open.length > 0) {
      throw new XMLParseError('the XML document is incomplete: the root element has not ended');
    }
    return this.rootElement;
  }

  startElement(name: string, attributes: Record<string, string>, line: number, column: number): void {
    const element: XmlElement = { name, attributes, children: NO_CHILDREN, text: '', line, column };
    const depth = this.open.length;

    if (depth === 0) this.rootElement = element;
    if (this.streamPath !== null && this.matchedDepth === depth && depth < this.streamPath.length) {
      if (this.streamPath[depth] === name) this.matchedDepth = depth + 1;
    }
    this.open.push(element);
  }

  endElement(): void {
    const element = this.open.pop()!;
    const depth = this.open.length;

    if (this.matchedDepth > depth) this.matchedDepth = depth;
    if (depth === 0) return;

    if (this.streamPath !== null && depth === this.streamPath.length && this.matchedDepth === depth) {
      this.onElement!(element);
      return;
    }
    const parent = this.open[depth - 1]!;
    if (parent.children === NO_CHILDREN) parent.children = [element];
    else parent.children.push(element);
  }

  text(text: string): void {
    const element = this.open[this.open.length - 1]!;
    element.text += text;
  }
}

/** Options of `parseXml`: the tokenizer limits and the streaming options of the tree builder. */
export type ParseXmlOptions = XmlTokenizerOptions & XmlTreeBuilderOptions;

/**
 * Parses a complete XML document into its root element. A string is encoded as UTF-8
 * first, and must not contain unpaired surrogates. Raises `XMLParseError` for input that
 * is not well-formed.
 */
export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): XmlElement {
  const builder = new XmlTreeBuilder(options);
  const tokenizer = new XmlTokenizer(builder, options);

  tokenizer.write(typeof input === 'string' ? encodeString(input) : input);
  tokenizer.end();
  return builder.root;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function encodeString(input: string): Buffer {
  const match = LONE_SURROGATE.exec(input);
  if (match !== null) {
    const before = input.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const unit = match[0].charCodeAt(0).toString(16).toUpperCase();
    throw new XMLParseError(
      `unpaired surrogate U+${unit} in the XML string (line ${line}, column ${column}); ` +
        'such a string has no UTF-8 encoding',
      { line, column },
    );
  }
  return Buffer.from(input, 'utf8');
}
