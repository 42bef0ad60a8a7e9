import type { XmlElement } from '../xml/element.js';
import { XmlTokenizer } from '../xml/tokenizer.js';
import type { XmlTokenizerOptions } from '../xml/tokenizer-options.js';
import { abbreviate } from './checks.js';
import { ReadContext } from './context.js';
import type { IReturnItem, OperationResponse } from './message-types.js';
import { iReturnContent } from './params.js';
import { readResponseMessage, responseContext, type ReadResponseOptions, type ResponseMessage } from './read.js';
import { ResponseStreamHandler } from './stream-handler.js';

/** Options of `readResponseStream`: those of `readResponse` and the limits of the XML tokenizer. */
export type ReadResponseStreamOptions = ReadResponseOptions & XmlTokenizerOptions;

/**
 * Bytes handed to the tokenizer at a time. A large chunk is cut into slices of this size,
 * so the IRETURNVALUE children waiting for conversion never span more than one slice.
 */
const SLICE_BYTES = 64 * 1024;

/**
 * Reads a CIM-XML response from chunks of UTF-8 bytes and yields the items of its
 * IRETURNVALUE (`CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/IRETURNVALUE`) one by one, as
 * they arrive. Each item is assembled, converted and dropped before the next one is
 * read, and the next chunk is requested only when the consumer requests an item, so
 * memory stays bounded by the largest item and a chunk.
 *
 * The generator returns the message that `readResponse` returns for the same body, with
 * the ERROR and the output PARAMVALUEs (EndOfSequence, EnumerationContext), except that
 * `intrinsicReturnValue.items` of a streamed IRETURNVALUE is empty, because its items were
 * yielded. Responses of other forms (METHODRESPONSE, MULTIRSP, export responses) yield
 * nothing and are returned whole.
 *
 * It raises the errors of `readResponse`: XMLParseError as soon as the bytes are not
 * well-formed, CIMXMLParseError for invalid CIM-XML, and with `valueErrors: 'throw'`
 * CIMXMLValueError. The envelope around the items is checked before the first item is
 * yielded; the content after the IRETURNVALUE is checked at the end. Warnings go to
 * `onWarning` as they are found, so the envelope's warnings come after those of the items.
 * Stopping the iteration early calls `return()` on the chunk iterator, which releases it.
 */
export async function* readResponseStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadResponseStreamOptions = {},
): AsyncGenerator<IReturnItem, ResponseMessage, undefined> {
  const reader = new ResponseStreamReader(options);

  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
      reader.write(offset === 0 && chunk.length <= SLICE_BYTES ? chunk : chunk.subarray(offset, offset + SLICE_BYTES));
      while (reader.hasItem()) {
        const item = reader.readItem();
        if (item !== undefined) yield item;
      }
    }
  }

  reader.end();
  while (reader.hasItem()) {
    const item = reader.readItem();
    if (item !== undefined) yield item;
  }
  return reader.message();
}

/**
 * Reads a whole response from chunks as `readResponseStream` does, and returns the message
 * with all items in `intrinsicReturnValue.items`, as `readResponse` returns it.
 */
export async function collectResponseStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadResponseStreamOptions = {},
): Promise<ResponseMessage> {
  const items: IReturnItem[] = [];
  const stream = readResponseStream(chunks, options);

  for (;;) {
    const next = await stream.next();
    if (next.done === true) {
      const returnValue = (next.value.response as OperationResponse).intrinsicReturnValue;
      if (returnValue !== null && returnValue !== undefined && items.length > 0) returnValue.items = items;
      return next.value;
    }
    items.push(next.value);
  }
}

/** Feeds the tokenizer and converts the IRETURNVALUE children that the handler queues. */
class ResponseStreamReader {
  private readonly ctx: ReadContext;
  private readonly handler = new ResponseStreamHandler();
  private readonly tokenizer: XmlTokenizer;

  /** Context of the streamed IRETURNVALUE, set once its envelope has been checked. */
  private returnCtx: ReadContext | null = null;
  private elementName: string | null = null;
  private content: NonNullable<ReturnType<typeof iReturnContent>> | null = null;
  /** IRETURNVALUE children converted so far. */
  private converted = 0;
  private ended = false;

  constructor(options: ReadResponseStreamOptions) {
    this.ctx = responseContext(options);
    this.tokenizer = new XmlTokenizer(this.handler, options);
  }

  write(chunk: Uint8Array): void {
    this.tokenizer.write(chunk);
    this.checkReturnValueText();
  }

  end(): void {
    this.tokenizer.end();
    this.ended = true;
    this.checkReturnValueText();
  }

  /**
   * Whether a queued child can be converted now. The first child waits until a second one
   * arrives or the IRETURNVALUE ends, because its element path (`INSTANCE` or `INSTANCE[1]`)
   * depends on whether it has siblings of the same name.
   */
  hasItem(): boolean {
    const queued = this.handler.queued;
    if (queued === 0) return false;
    return this.converted > 0 || queued > 1 || this.handler.returnValueEnded || this.ended;
  }

  /** Converts the next queued child; returns undefined when a value error made it skipped. */
  readItem(): IReturnItem | undefined {
    const siblings = this.converted + this.handler.queued;
    const element = this.handler.shift();
    this.converted++;

    const returnCtx = this.returnCtx ?? this.checkEnvelope();
    const content = this.checkChild(element, returnCtx);
    const itemCtx = returnCtx.nested(segmentName(element, this.converted, siblings));
    return returnCtx.readItem(() => content.read(element, itemCtx));
  }

  /** Reads the envelope with the IRETURNVALUE children left out, and reports the streamed element name. */
  message(): ResponseMessage {
    const message = readResponseMessage(this.handler.builder.root, this.ctx);
    const returnValue = (message.response as OperationResponse).intrinsicReturnValue;
    if (this.elementName !== null && returnValue !== null && returnValue !== undefined) {
      returnValue.elementName = this.elementName;
    }
    return message;
  }

  /**
   * Checks the start tags from CIM down to IRETURNVALUE as `readResponse` would, by reading
   * them as a response whose IRETURNVALUE is empty, and returns the IRETURNVALUE context.
   * Warnings of this check are dropped; the final read of the envelope reports them.
   */
  private checkEnvelope(): ReadContext {
    const [cim, message, body, response, returnValue] = this.handler.startTags.map(copyStartTag) as XmlElement[];
    cim!.children.push(message!);
    message!.children.push(body!);
    body!.children.push(response!);
    response!.children.push(returnValue!);
    readResponseMessage(cim!, ReadContext.root());

    this.returnCtx = this.ctx.child(cim!).child(message!).child(body!).child(response!).child(returnValue!);
    return this.returnCtx;
  }

  /**
   * Checks the IRETURNVALUE content model: all children have one name that IRETURNVALUE
   * allows, and VALUE.ARRAY and VALUE.REFERENCE occur at most once.
   */
  private checkChild(element: XmlElement, returnCtx: ReadContext): NonNullable<ReturnType<typeof iReturnContent>> {
    const returnValue = this.handler.startTags[this.handler.startTags.length - 1]!;
    if (this.content === null) {
      const content = iReturnContent(element.name);
      if (content === undefined) {
        throw returnCtx.error(returnValue, `element IRETURNVALUE has an unexpected child ${element.name}.`);
      }
      this.elementName = element.name;
      this.content = content;
      return content;
    }

    if (element.name !== this.elementName || this.converted > this.content.max) {
      throw returnCtx.error(
        returnValue,
        `element IRETURNVALUE has an unexpected child ${element.name} at position ${this.converted}; ` +
          `allowed children in order: ${this.elementName}.`,
      );
    }
    return this.content;
  }

  private checkReturnValueText(): void {
    const text = this.handler.returnValueText;
    if (text === null) return;

    const returnCtx = this.returnCtx ?? this.checkEnvelope();
    const returnValue = this.handler.startTags[this.handler.startTags.length - 1]!;
    throw returnCtx.error(returnValue, `element IRETURNVALUE must not contain text, but contains "${abbreviate(text.trim())}".`);
  }
}

function copyStartTag(element: XmlElement): XmlElement {
  return { ...element, children: [] };
}

/** Returns the element path segment of the `position`th of `siblings` IRETURNVALUE children, as `ReadContext.child` names it. */
function segmentName(element: XmlElement, position: number, siblings: number): string {
  const name = element.attributes.NAME;
  if (name !== undefined) return `${element.name}(${name})`;
  return siblings < 2 ? element.name : `${element.name}[${position}]`;
}
