import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReal } from '../../src/cim/real-format.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hardCases = readFileSync(path.resolve(repoRoot, '..', 'shared', 'reference', 'hard-cases.md'), 'utf8');
const section = hardCases.slice(hardCases.indexOf('### BR-08'), hardCases.indexOf('### BR-10'));
const realPattern = /^[+-]?\d*\.\d+(E[+-]?\d+)?$|^(INF|-INF|NaN)$/;

// The real64 VALUE texts of the hard case, parsed as the CIM-XML reader would.
const real64Inputs = [...section.slice(0, section.indexOf('<PROPERTY NAME="f"')).matchAll(/<VALUE>([^<]+)<\/VALUE>/g)]
  .map((match) => match[1] ?? '');

function parseReal(text: string): number {
  if (text === 'INF') return Number.POSITIVE_INFINITY;
  if (text === '-INF') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

describe('formatReal', () => {
  it('hard case lists six real64 values', () => {
    expect(real64Inputs).toEqual(['INF', '-INF', 'NaN', '0.1', '2.2250738585072012e-308', '1.0E21']);
  });

  it.each(real64Inputs)('real64 %s round-trips', (text) => {
    const value = parseReal(text);
    const formatted = formatReal(value, 'real64');

    expect(formatted).toMatch(realPattern);
    expect(Object.is(parseReal(formatted), value) || (Number.isNaN(value) && formatted === 'NaN')).toBe(true);
  });

  it.each([
    [Number.POSITIVE_INFINITY, 'real64', 'INF'],
    [Number.NEGATIVE_INFINITY, 'real32', '-INF'],
    [Number.NaN, 'real64', 'NaN'],
    [0.1, 'real64', '0.10000000000000001'],
    [1e21, 'real64', '1.0000000000000000E+21'],
    [2.2250738585072012e-308, 'real64', '2.2250738585072014E-308'],
    [Math.fround(3.4028234664e38), 'real32', '3.4028234664E+38'],
    [1, 'real32', '1.0000000000'],
    [0, 'real64', '0.0000000000000000'],
  ] as const)('%s as %s', (value, type, text) => {
    expect(formatReal(value, type)).toBe(text);
  });

  it('real32 keeps single precision', () => {
    const value = Math.fround(0.1);

    expect(Math.fround(Number(formatReal(value, 'real32')))).toBe(value);
  });
});
