import type { XMLParseError } from '../../../src/cim/errors.js';
import { XmlTokenizer, type XmlHandler, type XmlTokenizerOptions } from '../../../src/cimxml/xml/tokenizer.js';

/** Tokenizer events as comparable strings; adjacent text calls are merged. */
export class EventRecorder implements XmlHandler {
  readonly events: string[] = [];

  startElement(name: string, attributes: Record<string, string>, line: number, column: number): void {
    this.events.push(`start ${name} ${JSON.stringify(Object.entries(attributes))} ${line}:${column}`);
  }

  endElement(name: string): void {
    this.events.push(`end ${name}`);
  }

  text(text: string): void {
    const last = this.events.length - 1;
    if (last >= 0 && this.events[last]!.startsWith('text ')) {
      this.events[last] = this.events[last]! + text;
    } else {
      this.events.push(`text ${text}`);
    }
  }
}

/** Tokenizes `chunks` in order; returns the events, or the error message when it fails. */
export function tokenize(chunks: readonly Uint8Array[], options?: XmlTokenizerOptions): string[] | string {
  const recorder = new EventRecorder();
  const tokenizer = new XmlTokenizer(recorder, options);
  try {
    for (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
  } catch (error) {
    return (error as Error).message;
  }
  return recorder.events;
}

/** Encodes a test document; `\xNN` escapes written in a latin1 string become raw bytes. */
export function bytesOf(text: string, encoding: 'utf8' | 'latin1' = 'utf8'): Buffer {
  return Buffer.from(text, encoding);
}

/** Runs `action` and returns the error it raises; fails when it raises none. */
export function catchError(action: () => unknown): XMLParseError {
  try {
    action();
  } catch (error) {
    return error as XMLParseError;
  }
  throw new Error('expected an error');
}
