import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadElementCases, runElementCases } from '../../scripts/conformance/element-cases.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const caseFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'conformance', 'element-cases.json');

/**
 * Cases where this reader decides differently from pywbem on purpose, by description.
 */
const DELIBERATE_DEVIATIONS: Readonly<Record<string, string>> = {
  'DECLGROUP.WITHNAME (not implemented)':
    'DECLGROUP.WITHNAME is implemented here; an empty one is valid per the DTD.',
  'METHODCALL with instance path and a few parameters':
    'PARAMVALUE values are converted to their PARAMTYPE; pywbem leaves the text for a later step.',
  'RETURNVALUE with simple PARAMTYPE and nonzero value':
    'RETURNVALUE values are converted to their PARAMTYPE; pywbem leaves the text for a later step.',
  'METHODRESPONSE with two ERROR children (overall invalid, but valid at this level)':
    'the content model of METHODRESPONSE is checked where it is read, not one level up.',
  'METHODRESPONSE with two RETURNVALUE children (overall invalid, but valid at this level)':
    'the content model of METHODRESPONSE is checked where it is read, not one level up.',
  'METHODRESPONSE with ERROR child and PARAMVALUE child (overall invalid, but valid at this level)':
    'the content model of METHODRESPONSE is checked where it is read, not one level up.',
  'IMETHODRESPONSE with ERROR child and IRETURNVALUE child (overall invalid, but valid at this level)':
    'the content model of IMETHODRESPONSE is checked where it is read, not one level up.',
};

describe('element-case conformance', () => {
  const report = runElementCases(loadElementCases(caseFile));

  it('fails only the deliberate deviations', () => {
    const failed = [...new Set(report.failed.map((failure) => failure.desc))].sort();
    expect(failed).toEqual(Object.keys(DELIBERATE_DEVIATIONS).sort());
  });

  it('passes the other cases', () => {
    expect(report.passed).toBeGreaterThanOrEqual(500);
  });
});
