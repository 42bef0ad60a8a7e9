import type { RecordedExchange, RecordedRequest, RecordedResponse } from './recorded-exchange.js';

/** An HTTP message read from text: the start line and headers when present, and the body. */
export interface HttpMessageText {
  /** Request or status line, such as `M-POST /cimom HTTP/1.1`; null when the text is only a body. */
  readonly startLine: string | null;
  /** Header names as written; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body text after the blank line; empty when there is none. */
  readonly body: string;
}

const START_LINE = /^(?:[A-Z-]+ \S+ HTTP\/\d\.\d|HTTP\/\d\.\d \d{3}(?: .*)?)$/;

/**
 * Splits a raw HTTP message, as wbemexec request files and curl traces hold it, into start
 * line, headers and body. Text that does not start with a request or status line is all body.
 * Lines may end in CRLF or LF.
 */
export function parseHttpMessage(text: string): HttpMessageText {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd < 0 ? text : text.slice(0, firstLineEnd)).replace(/\r$/, '');
  if (!START_LINE.test(firstLine)) return { startLine: null, headers: {}, body: text };

  const blank = /\r?\n\r?\n/.exec(text);
  const headEnd = blank === null ? text.length : blank.index;
  const body = blank === null ? '' : text.slice(blank.index + blank[0].length);
  return { startLine: firstLine, headers: parseHeaderLines(text.slice(firstLineEnd + 1, headEnd)), body };
}

function parseHeaderLines(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const TRANSCRIPT_HEADER = '# wbemshell HTTP transcript: requests and responses as sent and received; bodies are UTF-8 and sized by Content-Length.';
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'trailer']);

/**
 * Formats exchanges as an HTTP/1.1 transcript: each request and response with start line,
 * headers and body. `Content-Length` gives the UTF-8 size of the body as written, chunked
 * framing is replaced by it, and trailers follow the body as header lines announced by a
 * `Trailer` header. Lines starting with `#` are comments; `parseHttpTranscript` reads the result back.
 */
export function formatHttpTranscript(exchanges: readonly RecordedExchange[]): string {
  const parts = [TRANSCRIPT_HEADER, ''];
  for (const exchange of exchanges) {
    parts.push(`# ${exchange.name}`);
    parts.push(requestText(exchange.request));
    parts.push(exchange.response === null ? '# no response was recorded\n' : responseText(exchange.response));
  }
  return parts.join('\n');
}

function requestText(request: RecordedRequest): string {
  let target = request.url ?? '/cimom';
  let host: string | null = null;
  if (/^https?:\/\//.test(target)) {
    const url = new URL(target);
    target = url.pathname + url.search;
    host = url.host;
  }

  const lines = [`${request.method} ${target} HTTP/1.1`];
  if (host !== null && !hasHeader(request.headers, 'host')) lines.push(`Host: ${host}`);
  return messageText(lines, request.headers, request.body, {});
}

function responseText(response: RecordedResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.reason}`.trimEnd()];
  return messageText(lines, response.headers, response.body, response.trailers);
}

function messageText(lines: string[], headers: Readonly<Record<string, string>>, body: string, trailers: Readonly<Record<string, string>>): string {
  for (const [name, value] of Object.entries(headers)) {
    if (!FRAMING_HEADERS.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  }
  const trailerNames = Object.keys(trailers);
  if (trailerNames.length > 0) lines.push(`Trailer: ${trailerNames.join(', ')}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body, 'utf8')}`, '', body);

  if (trailerNames.length > 0) {
    for (const [name, value] of Object.entries(trailers)) lines.push(`${name}: ${value}`);
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** A transcript that `parseHttpTranscript` cannot read. */
export class TranscriptParseError extends Error {
  /** Always `ERR_HTTP_TRANSCRIPT`. */
  readonly code = 'ERR_HTTP_TRANSCRIPT';
  /** 1-based line of the transcript where reading failed. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(`${message} (transcript line ${line}).`);
    this.name = 'TranscriptParseError';
    this.line = line;
  }
}

/**
 * Reads a transcript written by `formatHttpTranscript`, or any sequence of HTTP/1.1 messages
 * with `Content-Length` bodies. Each request is paired with the response that follows it.
 */
export function parseHttpTranscript(text: string | Uint8Array): RecordedExchange[] {
  const reader = new TranscriptReader(typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text));
  const exchanges: RecordedExchange[] = [];
  let name: string | null = null;

  for (;;) {
    const comment = reader.skipBlankAndComments();
    if (comment !== null) name = comment;
    if (reader.atEnd()) break;

    const request = reader.readMessage();
    if (!/^[A-Z-]+ /.test(request.startLine) || request.startLine.startsWith('HTTP/')) {
      throw new TranscriptParseError(`Expected a request line, found ${JSON.stringify(request.startLine)}`, request.line);
    }
    const [method, target] = request.startLine.split(' ') as [string, string];
    const response = reader.peekResponse() ? reader.readMessage() : null;

    exchanges.push({
      name: name ?? `Exchange${exchanges.length + 1}`,
      request: { method, url: target, headers: request.headers, body: request.body },
      response: response === null ? null : toResponse(response),
    });
    name = null;
  }
  return exchanges;
}

function toResponse(message: ReadMessage): RecordedResponse {
  const match = /^HTTP\/\d\.\d (\d{3}) ?(.*)$/.exec(message.startLine);
  if (match === null) throw new TranscriptParseError(`Invalid status line ${JSON.stringify(message.startLine)}`, message.line);
  return { status: Number(match[1]), reason: match[2] as string, headers: message.headers, trailers: message.trailers, body: message.body };
}

interface ReadMessage {
  readonly line: number;
  readonly startLine: string;
  readonly headers: Record<string, string>;
  readonly trailers: Record<string, string>;
  readonly body: string;
}

/** Reads lines and sized bodies from a transcript buffer, counting lines for error messages. */
class TranscriptReader {
  #offset = 0;
  #line = 1;

  constructor(private readonly buffer: Buffer) {}

  atEnd(): boolean {
    return this.#offset >= this.buffer.length;
  }

  /** Skips blank and `#` lines; returns the text of the last comment that names an exchange. */
  skipBlankAndComments(): string | null {
    let name: string | null = null;
    while (!this.atEnd()) {
      const line = this.#peekLine();
      if (line.trim() !== '' && !line.startsWith('#')) break;
      if (line.startsWith('# ') && !line.startsWith('# wbemshell') && !line.startsWith('# no response')) name = line.slice(2).trim();
      this.#readLine();
    }
    return name;
  }

  peekResponse(): boolean {
    const start = this.#offset;
    const line = this.#line;
    this.skipBlankAndComments();
    const isResponse = !this.atEnd() && this.#peekLine().startsWith('HTTP/');
    if (!isResponse) {
      this.#offset = start;
      this.#line = line;
    }
    return isResponse;
  }

  readMessage(): ReadMessage {
    const line = this.#line;
    const startLine = this.#readLine();
    const headerLines: string[] = [];
    while (!this.atEnd()) {
      const next = this.#readLine();
      if (next === '') break;
      headerLines.push(next);
    }

    const headers = parseHeaderLines(headerLines.join('\n'));
    const lengthName = Object.keys(headers).find((name) => name.toLowerCase() === 'content-length');
    const length = lengthName === undefined ? 0 : Number(headers[lengthName]);
    if (!Number.isInteger(length) || length < 0 || this.#offset + length > this.buffer.length) {
      throw new TranscriptParseError(
        `Invalid Content-Length ${JSON.stringify(headers[lengthName ?? ''])}: it must be the byte size of the body that follows, and the body must be complete`,
        line,
      );
    }

    const body = this.buffer.toString('utf8', this.#offset, this.#offset + length);
    this.#advance(length);
    const trailers = this.#readTrailers(headers);
    if (lengthName !== undefined) delete headers[lengthName];
    return { line, startLine, headers, trailers, body };
  }

  #readTrailers(headers: Record<string, string>): Record<string, string> {
    const announced = Object.keys(headers).find((name) => name.toLowerCase() === 'trailer');
    if (announced === undefined) return {};
    delete headers[announced];

    if (!this.atEnd() && this.#peekLine() === '') this.#readLine();
    const lines: string[] = [];
    while (!this.atEnd()) {
      const line = this.#readLine();
      if (line === '') break;
      lines.push(line);
    }
    return parseHeaderLines(lines.join('\n'));
  }

  #peekLine(): string {
    const end = this.buffer.indexOf(0x0a, this.#offset);
    return this.buffer.toString('utf8', this.#offset, end < 0 ? this.buffer.length : end).replace(/\r$/, '');
  }

  #readLine(): string {
    const text = this.#peekLine();
    const end = this.buffer.indexOf(0x0a, this.#offset);
    this.#offset = end < 0 ? this.buffer.length : end + 1;
    this.#line += 1;
    return text;
  }

  #advance(bytes: number): void {
    const skipped = this.buffer.subarray(this.#offset, this.#offset + bytes);
    for (const byte of skipped) if (byte === 0x0a) this.#line += 1;
    this.#offset += bytes;
  }
}
