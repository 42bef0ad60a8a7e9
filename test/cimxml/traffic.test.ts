import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { CIMXMLParseError, XMLParseError } from '../../src/cim/errors.js';
import { CIMXMLValueError, CIMXMLVersionError, readRequest, readResponse } from '../../src/cimxml/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const trafficDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const liveDir = path.join(trafficDir, 'sfcb-1.3-live');

/** The CIM-XML body of a capture: everything from the XML declaration or CIM start tag on. */
function xmlBody(raw: string): string | null {
  const start = raw.search(/<\?xml|<CIM[\s>]/);
  return start < 0 ? null : raw.slice(start);
}

/**
 * Removes HTTP chunk framing left in a captured body: chunk-size lines (hex digits alone
 * on a line) outside the XML, and chunk sizes that start a line before markup.
 */
function stripChunkFraming(body: string): string {
  const end = body.lastIndexOf('</CIM>') + '</CIM>'.length;
  return body.slice(0, end).replace(/^[0-9a-fA-F]+\r?\n(?=<)/gm, '');
}

/** Captures recorded with their chunked transfer framing. */
const CHUNKED = new Set(['50_chunked_EnumerateInstances_Linux_Processor.response.xml']);

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => path.join(dir, name));
}

const isResponseName = (name: string) => /rspgood|\.OK$|response|Resp|sblimjava/.test(name);

/** Captures that are invalid on purpose, with the error kind a reader must raise. */
const INVALID_BY_DESIGN: Readonly<Record<string, new (...args: never[]) => Error>> = {
  'openpegasus_BadCharacterReference01.xml': XMLParseError,
  '51_malformed_xml.request.xml': XMLParseError,
  // The XML declaration names the encoding "utf--8".
  'sfcb_ErrorTest01.xml': XMLParseError,
  'openpegasus_BadDateTimeValue01.xml': CIMXMLValueError,
  'openpegasus_UnsupportedDTDVersionValue01.xml': CIMXMLVersionError,
  'openpegasus_UnsupportedCIMProtocolVersionValue01.xml': CIMXMLVersionError,
  // The capture has an empty LOCALNAMESPACEPATH; its Makefile marks the test as a known error.
  'openpegasus_OpenEnumerateInstances61002rspgood.xml': CIMXMLParseError,
};

/**
 * Captures with values that do not fit their types. wbemexec re-indents OpenPegasus
 * output, so four integer qualifier defaults became whitespace-only VALUEs; those four
 * declarations are skipped and the other 55 read.
 */
const EXPECTED_VALUE_ERRORS: Readonly<Record<string, number>> = {
  'openpegasus_EnumerateQualifiers31000rspgood.xml': 4,
};

const captureFiles = [
  ...listFiles(trafficDir, /\.(xml|OK)$/),
  ...listFiles(liveDir, /\.(request|response)\.xml$/),
]
  .map((file) => ({ file, name: path.basename(file), body: xmlBody(readFileSync(file, 'utf8')) }))
  .filter((capture): capture is { file: string; name: string; body: string } => capture.body !== null);

describe('traffic captures', () => {
  const valid = captureFiles.filter((capture) => INVALID_BY_DESIGN[capture.name] === undefined);

  it.each(valid.map((capture) => [capture.name, capture] as const))('%s parses', (_name, capture) => {
    const body = CHUNKED.has(capture.name) ? stripChunkFraming(capture.body) : capture.body;
    if (isResponseName(capture.name)) {
      const message = readResponse(body);
      expect(message.responses.length).toBeGreaterThan(0);
      expect(message.valueErrors.length).toBe(EXPECTED_VALUE_ERRORS[capture.name] ?? 0);
    } else {
      const message = readRequest(body);
      expect(message.requests.length).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(INVALID_BY_DESIGN))('%s raises the error kind', (name, kind) => {
    const capture = captureFiles.find((candidate) => candidate.name === name)!;
    const read = () => (isResponseName(name) ? readResponse(capture.body, { valueErrors: 'throw' }) : readRequest(capture.body));
    expect(read).toThrow(kind);
  });
});

interface YamlCase {
  name?: string;
  http_request?: { data?: unknown };
  http_response?: { data?: unknown };
}

/** pywbem's YAML cases; one file has a quoting error that the YAML library reports but recovers from. */
function loadYamlCases(file: string): YamlCase[] {
  const document = YAML.parseDocument(readFileSync(file, 'utf8'));
  const cases = document.toJS() as unknown;
  return Array.isArray(cases) ? (cases as YamlCase[]) : [];
}

// Responses whose top-level structure pywbem's tests break on purpose (names ending in X, XXXX).
const BROKEN_STRUCTURE = /<\/?[A-Z.]+X[\s>/]|NAME="SendTestIndicationsCountXXXX"/;

const yamlBodies = listFiles(trafficDir, /^pywbem_.*\.yaml$/).flatMap((file) =>
  loadYamlCases(file).flatMap((testCase) => {
    const label = `${path.basename(file)} ${testCase.name ?? '?'}`;
    const bodies: Array<{ label: string; kind: 'request' | 'response'; body: string }> = [];
    if (typeof testCase.http_request?.data === 'string') {
      bodies.push({ label, kind: 'request', body: testCase.http_request.data });
    }
    if (typeof testCase.http_response?.data === 'string' && testCase.http_response.data.includes('<')) {
      bodies.push({ label, kind: 'response', body: testCase.http_response.data });
    }
    return bodies;
  }),
);

// NOTE: References_InstancesE2 sits after the quoting error in its YAML file, so its text
// is not recovered intact; InvokeMethodError5 breaks its response in a way the pattern
// above does not describe. Both are left out here.
const SKIPPED_CASES = /References_InstancesE2|InvokeMethodError5/;

describe('pywbem YAML bodies', () => {
  const usable = yamlBodies.filter((entry) => !SKIPPED_CASES.test(entry.label));
  const good = usable.filter((entry) => !BROKEN_STRUCTURE.test(entry.body));
  const broken = usable.filter((entry) => entry.kind === 'response' && BROKEN_STRUCTURE.test(entry.body));

  it.each(good.map((entry) => [`${entry.label} ${entry.kind}`, entry] as const))('%s parses', (_label, entry) => {
    if (entry.kind === 'request') expect(readRequest(entry.body).requests.length).toBe(1);
    else expect(readResponse(entry.body).responses.length).toBe(1);
  });

  it.each(broken.map((entry) => [entry.label, entry] as const))('%s raises CIMXMLParseError', (_label, entry) => {
    expect(() => readResponse(entry.body)).toThrow(CIMXMLParseError);
  });
});
