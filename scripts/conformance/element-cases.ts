import { readFileSync } from 'node:fs';
import { CIMXMLParseError, XMLParseError } from '../../src/cim/errors.js';
import { CIMXMLVersionError, toCIMObject, type ParseWarning } from '../../src/cimxml/index.js';
import { parseXml } from '../../src/cimxml/xml/tree.js';
import { ANY, shapeElementResult } from './pywbem-shape.js';
import { parseJsonWithBigInts } from './tagged-json.js';

/** One case of an element-case file (pywbem's field names). */
export interface ElementCase {
  desc: string;
  xml_str: string;
  exp_exc: string[] | null;
  exp_warn: string[] | null;
  condition: boolean;
  exp_result: unknown;
}

export interface CaseFailure {
  desc: string;
  reason: string;
}

export interface CaseReport {
  passed: number;
  failed: CaseFailure[];
}

/** Reads an element-case file: `{ cases: [...] }` or a bare array of cases. */
export function loadElementCases(file: string): ElementCase[] {
  const data = parseJsonWithBigInts(readFileSync(file, 'utf8'));
  const cases = Array.isArray(data) ? data : (data as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) {
    throw new Error(`${file} has no list of cases: expected an array or an object with a "cases" array.`);
  }
  return cases as ElementCase[];
}

/** Runs every case whose `condition` is true and reports the failures. */
export function runElementCases(cases: readonly ElementCase[]): CaseReport {
  const report: CaseReport = { passed: 0, failed: [] };
  for (const testCase of cases) {
    if (testCase.condition !== true) continue;
    const reason = checkCase(testCase);
    if (reason === null) report.passed += 1;
    else report.failed.push({ desc: testCase.desc, reason });
  }
  return report;
}

// pywbem warning classes and the warning codes of this reader that correspond to them.
const WARNING_CLASSES: Readonly<Record<string, string>> = {
  MISSING_KEYBINDINGS: 'MissingKeybindingsWarning',
  EMPTY_BOOLEAN: 'ToleratedServerIssueWarning',
};

/** Runs one case; returns null when it passes, else a short reason. */
export function checkCase(testCase: ElementCase): string | null {
  const warnings: ParseWarning[] = [];
  let result: unknown;
  let elementName = '';
  try {
    const root = parseXml(testCase.xml_str);
    elementName = root.name;
    result = toCIMObject(root, { onWarning: (warning) => warnings.push(warning) });
  } catch (error) {
    return checkError(testCase, error);
  }

  if (testCase.exp_exc !== null && testCase.exp_exc.length > 0) {
    return `expected ${testCase.exp_exc.join(', ')}, but the element was read without error`;
  }
  const difference = compareShapes(testCase.exp_result, shapeElementResult(elementName, result), 'result');
  if (difference !== null) return difference;
  return compareWarnings(testCase.exp_warn ?? [], warnings);
}

function checkError(testCase: ElementCase, error: unknown): string | null {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const expected = testCase.exp_exc?.[0];
  if (expected === undefined) return `unexpected ${message}`;
  if (matchesErrorKind(expected, error)) return null;
  return `expected ${expected}, got ${message}`;
}

function matchesErrorKind(kind: string, error: unknown): boolean {
  switch (kind) {
    case 'XMLParseError':
      return error instanceof XMLParseError;
    case 'CIMXMLParseError':
      return error instanceof CIMXMLParseError;
    case 'CIMVersionError':
      return error instanceof CIMXMLVersionError && error.versionAttribute === 'CIMVERSION';
    case 'DTDVersionError':
      return error instanceof CIMXMLVersionError && error.versionAttribute === 'DTDVERSION';
    case 'ProtocolVersionError':
      return error instanceof CIMXMLVersionError && error.versionAttribute === 'PROTOCOLVERSION';
    default:
      return false;
  }
}

function compareWarnings(expected: readonly string[], warnings: readonly ParseWarning[]): string | null {
  const actual = [...new Set(warnings.map((warning) => WARNING_CLASSES[warning.code]).filter((name) => name !== undefined))];
  const wanted = [...new Set(expected)];
  const same = actual.length === wanted.length && wanted.every((name) => actual.includes(name));
  if (same) return null;
  return `expected warnings [${wanted.join(', ')}], got [${actual.join(', ')}]`;
}

/**
 * Compares expected tagged JSON with the shape of our result and returns the first
 * difference. real32 values are compared after rounding the expected value to single
 * precision, because this project stores real32 rounded (pywbem keeps a double).
 */
export function compareShapes(expected: unknown, actual: unknown, where: string): string | null {
  if (actual === ANY) return null;
  if (isTagged(expected, '_cim')) return compareTypedValue(expected, actual, where);
  if (isTagged(expected, '_dict')) return compareDict(expected._dict as unknown[][], actual, where);
  if (isTagged(expected, '_tuple')) {
    if (!isTagged(actual, '_tuple')) return `${where}: expected a tuple, got ${describe(actual)}`;
    return compareArrays(expected._tuple as unknown[], actual._tuple as unknown[], where);
  }
  if (isTagged(expected, '_type')) return compareObject(expected, actual, where);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}: expected a list, got ${describe(actual)}`;
    return compareArrays(expected, actual, where);
  }
  return samePrimitive(expected, actual) ? null : `${where}: expected ${describe(expected)}, got ${describe(actual)}`;
}

function compareTypedValue(expected: Record<string, unknown>, actual: unknown, where: string): string | null {
  if (!isTagged(actual, '_cim') || actual._cim !== expected._cim) {
    return `${where}: expected ${expected._cim} ${describe(expected.value)}, got ${describe(actual)}`;
  }
  const wanted = expected._cim === 'real32' ? Math.fround(Number(expected.value)) : expected.value;
  return samePrimitive(wanted, actual.value) ? null : `${where}: expected ${describe(wanted)}, got ${describe(actual.value)}`;
}

function compareDict(expected: unknown[][], actual: unknown, where: string): string | null {
  if (!isTagged(actual, '_dict')) return `${where}: expected a map, got ${describe(actual)}`;
  const entries = actual._dict as unknown[][];
  if (entries.length !== expected.length) {
    return `${where}: expected keys [${expected.map((entry) => entry[0]).join(', ')}], got [${entries.map((entry) => entry[0]).join(', ')}]`;
  }
  for (const [index, [key, value]] of expected.entries()) {
    const entry = entries[index]!;
    if (entry[0] !== key) return `${where}: expected key ${describe(key)} at ${index}, got ${describe(entry[0])}`;
    const difference = compareShapes(value, entry[1], `${where}.${String(key)}`);
    if (difference !== null) return difference;
  }
  return null;
}

function compareObject(expected: Record<string, unknown>, actual: unknown, where: string): string | null {
  if (!isTagged(actual, '_type') || actual._type !== expected._type) {
    return `${where}: expected ${String(expected._type)}, got ${describe(actual)}`;
  }
  for (const [field, value] of Object.entries(expected)) {
    const difference = compareShapes(value, actual[field], `${where}.${field}`);
    if (difference !== null) return difference;
  }
  return null;
}

function compareArrays(expected: readonly unknown[], actual: readonly unknown[], where: string): string | null {
  if (expected.length !== actual.length) {
    return `${where}: expected ${expected.length} items, got ${actual.length}`;
  }
  for (const [index, item] of expected.entries()) {
    const difference = compareShapes(item, actual[index], `${where}[${index}]`);
    if (difference !== null) return difference;
  }
  return null;
}

function samePrimitive(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && Number.isNaN(expected)) return typeof actual === 'number' && Number.isNaN(actual);
  const isNumeric = (value: unknown) => typeof value === 'number' || typeof value === 'bigint';
  if (isNumeric(expected) && isNumeric(actual)) return String(expected) === String(actual) || Number(expected) === Number(actual);
  return expected === actual;
}

function isTagged(value: unknown, tag: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && tag in value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item)) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}...` : text;
}
