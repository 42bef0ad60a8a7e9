import { element, type XmlElement } from '../xml/element.js';
import { checkXmlChars, escapeAttribute, escapeText } from './xml-escape.js';

/**
 * Receiver of the writer's output, one call per start tag, attribute, text run and end
 * tag. The same writer functions fill a `TextSink` (XML text built by string
 * concatenation, for large responses) or an `ElementSink` (an `XmlElement` tree).
 * `where` names the CIM property or element for error messages.
 */
export interface XmlSink {
  start(name: string): void;
  /** Adds an attribute to the element most recently started; call before any child or text. */
  attribute(name: string, value: string, where?: string): void;
  /** Adds character data; the sink escapes it. */
  text(value: string, where: string): void;
  end(name: string): void;
}

/**
 * Builds XML text. Empty elements are written with an end tag (`<NAME></NAME>`), not as
 * `<NAME/>`: the XML means the same, but the CIM-XML parser of SBLIM wbemcli 1.6 accepts
 * only the long form, which is also what SFCB and OpenPegasus write.
 */
export class TextSink implements XmlSink {
  #out = '';
  #startTagOpen = false;

  start(name: string): void {
    if (this.#startTagOpen) this.#out += '>';
    this.#out += '<' + name;
    this.#startTagOpen = true;
  }

  attribute(name: string, value: string, where?: string): void {
    this.#out += ' ' + name + '="' + escapeAttribute(value, where ?? `attribute ${name}`) + '"';
  }

  text(value: string, where: string): void {
    if (this.#startTagOpen) {
      this.#out += '>';
      this.#startTagOpen = false;
    }
    this.#out += escapeText(value, where);
  }

  end(name: string): void {
    if (this.#startTagOpen) {
      this.#out += '></' + name + '>';
      this.#startTagOpen = false;
    } else {
      this.#out += '</' + name + '>';
    }
  }

  /** Appends text that is already well-formed XML, such as a declaration. */
  raw(text: string): void {
    if (this.#startTagOpen) {
      this.#out += '>';
      this.#startTagOpen = false;
    }
    this.#out += text;
  }

  /** Length of the text written since the last `take()`, in UTF-16 code units. */
  get length(): number {
    return this.#out.length;
  }

  /** Returns the text written since the last call and starts a new, empty buffer. */
  take(): string {
    const text = this.#out;
    this.#out = '';
    return text;
  }
}

/** Builds `XmlElement` trees; positions are 0. Characters are checked as `TextSink` checks them. */
export class ElementSink implements XmlSink {
  readonly roots: XmlElement[] = [];
  readonly #stack: XmlElement[] = [];

  start(name: string): void {
    const created = element(name);
    const parent = this.#stack[this.#stack.length - 1];
    if (parent) parent.children.push(created);
    this.#stack.push(created);
  }

  attribute(name: string, value: string, where?: string): void {
    checkXmlChars(value, where ?? `attribute ${name}`);
    this.#current().attributes[name] = value;
  }

  text(value: string, where: string): void {
    checkXmlChars(value, where);
    this.#current().text += value;
  }

  end(): void {
    const finished = this.#stack.pop();
    if (finished && this.#stack.length === 0) this.roots.push(finished);
  }

  #current(): XmlElement {
    const current = this.#stack[this.#stack.length - 1];
    if (!current) throw new Error('ElementSink received content outside an element.');
    return current;
  }
}

// Elements declared as #PCDATA keep an explicit end tag when empty, so `<VALUE></VALUE>`
// reads as the empty string at a glance.
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['VALUE', 'KEYVALUE', 'HOST']);

/** Serialises an element tree to XML text with no whitespace between elements. */
export function serializeElement(root: XmlElement): string {
  const sink = new TextSink();
  writeElement(sink, root);
  return sink.take();
}

function writeElement(sink: TextSink, node: XmlElement): void {
  sink.start(node.name);
  for (const [name, value] of Object.entries(node.attributes)) {
    sink.attribute(name, value, `attribute ${name} of ${node.name}`);
  }
  if (node.text !== '' || (node.children.length === 0 && TEXT_ELEMENTS.has(node.name))) {
    sink.text(node.text, node.name);
  }
  for (const child of node.children) writeElement(sink, child);
  sink.end(node.name);
}
