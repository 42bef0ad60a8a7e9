import type { XmlElement } from '../xml/element.js';
import type { XmlHandler } from '../xml/tokenizer-options.js';
import { XmlTreeBuilder } from '../xml/tree.js';

/** Element names from the root down to the IRETURNVALUE whose children a response stream yields. */
export const RETURN_VALUE_PATH: readonly string[] = ['CIM', 'MESSAGE', 'SIMPLERSP', 'IMETHODRESPONSE', 'IRETURNVALUE'];

/**
 * Tokenizer handler of a streamed response. A tree builder keeps the envelope (everything
 * except the IRETURNVALUE children) and hands each completed IRETURNVALUE child to
 * `queue`. The handler also keeps the start tags of the elements on `RETURN_VALUE_PATH`,
 * so that the envelope can be checked before the first child is converted, and drops the
 * white space between the children instead of adding it to the IRETURNVALUE text.
 */
export class ResponseStreamHandler implements XmlHandler {
  /** Completed IRETURNVALUE children that have not been converted yet, from `queueHead` on. */
  readonly queue: XmlElement[] = [];
  queueHead = 0;
  /**
   * Start tags (without children) of the elements at each depth of `RETURN_VALUE_PATH`,
   * kept from the first IRETURNVALUE on that path on.
   */
  readonly startTags: XmlElement[] = [];
  /** Whether the IRETURNVALUE on `RETURN_VALUE_PATH` has ended. */
  returnValueEnded = false;
  /** First character data directly inside that IRETURNVALUE that is not white space, or null. */
  returnValueText: string | null = null;

  readonly builder: XmlTreeBuilder;
  private depth = 0;
  private pathSeen = false;
  /** Number of leading `RETURN_VALUE_PATH` names that the open elements match. */
  private matchedDepth = 0;

  constructor() {
    this.builder = new XmlTreeBuilder({
      streamPath: RETURN_VALUE_PATH,
      onElement: (element) => this.queue.push(element),
    });
  }

  /** Number of IRETURNVALUE children in `queue` not converted yet. */
  get queued(): number {
    return this.queue.length - this.queueHead;
  }

  /** Removes and returns the next queued IRETURNVALUE child; the queue must not be empty. */
  shift(): XmlElement {
    const element = this.queue[this.queueHead]!;
    this.queueHead++;
    if (this.queueHead === this.queue.length) {
      this.queue.length = 0;
      this.queueHead = 0;
    }
    return element;
  }

  startElement(name: string, attributes: Record<string, string>, line: number, column: number): void {
    const depth = this.depth;
    if (depth < RETURN_VALUE_PATH.length && this.matchedDepth === depth) {
      if (!this.pathSeen) this.startTags[depth] = { name, attributes, children: [], text: '', line, column };
      if (RETURN_VALUE_PATH[depth] === name) this.matchedDepth = depth + 1;
      if (this.matchedDepth === RETURN_VALUE_PATH.length) this.pathSeen = true;
    }
    this.depth = depth + 1;
    this.builder.startElement(name, attributes, line, column);
  }

  endElement(): void {
    this.depth--;
    if (this.matchedDepth > this.depth) {
      if (this.matchedDepth === RETURN_VALUE_PATH.length) this.returnValueEnded = true;
      this.matchedDepth = this.depth;
    }
    this.builder.endElement();
  }

  text(text: string): void {
    if (this.depth === RETURN_VALUE_PATH.length && this.matchedDepth === this.depth) {
      if (this.returnValueText === null && text.trim() !== '') this.returnValueText = text;
      return;
    }
    this.builder.text(text);
  }
}
