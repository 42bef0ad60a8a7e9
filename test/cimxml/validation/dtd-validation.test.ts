import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationLimitError, validateCIMXML } from '../../../src/cimxml/validation/dtd-validator.js';
import { DTD_VERSIONS, parseDTDVersion, type DTDVersion } from '../../../src/cimxml/validation/dtd-versions.js';
import { parseHttpMessage } from '../../../src/client/recorders/http-transcript.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const live = path.join(traffic, 'sfcb-1.3-live');

/** Every recorded response file with an XML body; files of HTTP-level rejections contain only a status line. */
function responseFiles(): string[] {
  const recorded = readdirSync(traffic)
    .filter((name) => /rspgood\.xml$|\.OK$|^openwbem_MultiReqResp\.xml$|^sblimjava-via-gowbem_/.test(name))
    .map((name) => path.join(traffic, name));
  // 50 contains the raw chunk framing of a chunked response, not a document.
  const captured = readdirSync(live)
    .filter((name) => name.endsWith('.response.xml') && !name.startsWith('50_'))
    .map((name) => path.join(live, name));
  return [...recorded, ...captured].filter((file) => bodyOf(file).trimStart().startsWith('<'));
}

function bodyOf(file: string): string {
  return parseHttpMessage(readFileSync(file, 'utf8')).body;
}

/** KEYVALUE start tags without a TYPE attribute, counted independently of libxml2. */
function keyValuesWithoutType(body: string): number {
  return [...body.matchAll(/<KEYVALUE\b[^>]*>/g)].filter((match) => !/\sTYPE=/.test(match[0])).length;
}

/** Responses that break a DTD in ways other than KEYVALUE without TYPE, with the labels expected. */
const EXPECTED: ReadonlyArray<{ file: string; version: DTDVersion; labels: string[]; unexplained: number }> = [
  { file: 'openpegasus_OpenEnumerateInstances61000rspgood.xml', version: '2.2', labels: ['content-model-of-other-version'], unexplained: 0 },
  // Its HOST and namespace are blank: the test is marked as a known error where it comes from.
  { file: 'openpegasus_OpenEnumerateInstances61002rspgood.xml', version: '2.2', labels: ['content-model-of-other-version', 'element-of-other-version'], unexplained: 2 },
  { file: 'openpegasus_OpenEnumerateInstances61002rspgood.xml', version: '2.3.1', labels: ['content-model-of-other-version'], unexplained: 2 },
  { file: 'openpegasus_OpenEnumerateInstances61002rspgood.xml', version: '2.4', labels: ['keyvalue-without-type'], unexplained: 2 },
  { file: 'sblimjava-via-gowbem_EmbObjGetInstance.xml', version: '2.2', labels: ['embeddedobject-upper-case'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_EmbObjGetInstance.xml', version: '2.3.1', labels: ['embeddedobject-upper-case'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_EmbObjGetInstance.xml', version: '2.4', labels: ['embeddedobject-upper-case', 'keyvalue-without-type'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_EmbObjMethodRsp.xml', version: '2.2', labels: ['embeddedobject-upper-case'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_EmbObjMethodRsp.xml', version: '2.3.1', labels: ['embeddedobject-upper-case'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_EmbObjMethodRsp.xml', version: '2.4', labels: ['embeddedobject-upper-case'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_SVCMethodRsp.smpl0.xml', version: '2.2', labels: ['value-type'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_SVCMethodRsp.smpl0.xml', version: '2.3.1', labels: ['value-type'], unexplained: 0 },
  { file: 'sblimjava-via-gowbem_SVCMethodRsp.smpl0.xml', version: '2.4', labels: ['keyvalue-without-type', 'value-type'], unexplained: 0 },
];

const cases = responseFiles().flatMap((file) => DTD_VERSIONS.map((version) => [path.basename(file), version, file] as const));

describe('validateCIMXML on recorded responses', () => {
  it('finds the response files', () => {
    expect(cases.length).toBeGreaterThan(3 * 60);
  });

  it.each(cases)('%s against %s', (name, version, file) => {
    const body = bodyOf(file);
    const result = validateCIMXML(body, { dtdVersion: version });
    const expected = EXPECTED.find((entry) => entry.file === name && entry.version === version);
    const labels = [...new Set(result.violations.flatMap((violation) => (violation.label === null ? [] : [violation.label.id])))].sort();

    expect(result.wellFormed).toBe(true);
    if (expected !== undefined) {
      expect(labels).toEqual([...expected.labels].sort());
      expect(result.unexplainedCount).toBe(expected.unexplained);
      return;
    }

    const missingTypes = version === '2.4' ? keyValuesWithoutType(body) : 0;
    expect(result.violationCount).toBe(missingTypes);
    expect(result.valid).toBe(missingTypes === 0);
    expect(result.unexplainedCount).toBe(0);
  });
});

describe('validateCIMXML deviations', () => {
  const assocNames = bodyOf(path.join(traffic, 'openpegasus_AssocDirNames12001rspgood.xml'));

  it('KEYVALUE without TYPE fails 2.4', () => {
    const result = validateCIMXML(assocNames, { dtdVersion: '2.4' });
    expect(result.valid).toBe(false);
    expect(result.violationCount).toBe(keyValuesWithoutType(assocNames));
    expect(result.violations.every((violation) => violation.label?.kind === 'server-deviation')).toBe(true);
    expect(result.violations[0]?.label?.id).toBe('keyvalue-without-type');
  });

  it('KEYVALUE without TYPE passes 2.3.1', () => {
    expect(validateCIMXML(assocNames, { dtdVersion: '2.3.1' }).valid).toBe(true);
  });

  it('violation lines match the input', () => {
    const lines = assocNames.split('\n');
    const result = validateCIMXML(assocNames, { dtdVersion: '2.4' });
    for (const violation of result.violations.slice(0, 5)) {
      expect(lines[violation.line - 1]).toContain('<KEYVALUE');
    }
  });

  it('maxViolations caps the list', () => {
    const result = validateCIMXML(assocNames, { dtdVersion: '2.4', maxViolations: 3 });
    expect(result.violations).toHaveLength(3);
    expect(result.violationCount).toBeGreaterThan(3);
  });

  it('KEYVALUE with empty TYPE', () => {
    const body = assocNames.replace('<KEYVALUE VALUETYPE="string">', '<KEYVALUE VALUETYPE="string" TYPE="">');
    const result = validateCIMXML(body, { dtdVersion: '2.3.1' });
    expect(result.violations.map((violation) => violation.label?.id)).toEqual(['keyvalue-empty-type', 'keyvalue-empty-type']);
  });
});

describe('validateCIMXML input handling', () => {
  const getClass = readFileSync(path.join(traffic, 'openpegasus_GetClass00002.xml'), 'utf8');

  it('request passes every version', () => {
    for (const version of DTD_VERSIONS) expect(validateCIMXML(getClass, { dtdVersion: version }).valid).toBe(true);
  });

  it('server DOCTYPE is removed unexpanded', () => {
    const withDoctype = getClass.replace(
      '<CIM ',
      '<!DOCTYPE CIM [\n<!ENTITY name "CIM_Foo">\n]>\n<CIM ',
    ).replace('NAME="CIM_InstalledProductImage"', 'NAME="&name;"');
    const result = validateCIMXML(withDoctype);
    expect(result.doctypeRemoved).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.violations[0]?.message).toBe("Entity 'name' not defined");
  });

  it('line numbers survive a removed DOCTYPE', () => {
    const withDoctype = '<?xml version="1.0"?>\n<!DOCTYPE CIM [\n<!ENTITY x "y">\n]>\n<CIM/>';
    const result = validateCIMXML(withDoctype);
    expect(result.violations[0]?.line).toBe(5);
  });

  it('bogus encoding label is ignored', () => {
    const body = readFileSync(path.join(traffic, 'sfcb_ErrorTest01.OK'), 'utf8');
    expect(validateCIMXML(body).wellFormed).toBe(true);
  });

  it('ill-formed input is fatal', () => {
    const body = bodyOf(path.join(traffic, 'openpegasus_BadCharacterReference01.xml'));
    const result = validateCIMXML(body);
    expect(result.wellFormed).toBe(false);
    expect(result.violations[0]?.severity).toBe('fatal');
    expect(body.split('\n')[(result.violations[0]?.line ?? 0) - 1]).toContain('&#1a;');
  });

  it('size limit', () => {
    expect(() => validateCIMXML(getClass, { maxBytes: 100 })).toThrow(ValidationLimitError);
  });

  it.each([
    ['2.2', '2.2'],
    ['2.2.0', '2.2'],
    ['2.3.1', '2.3.1'],
    ['2.4.0', '2.4'],
  ])('parseDTDVersion %s', (text, version) => {
    expect(parseDTDVersion(text)).toBe(version);
  });

  it('parseDTDVersion rejects 3.0', () => {
    expect(() => parseDTDVersion('3.0')).toThrow(/2\.2, 2\.3\.1, 2\.4/);
  });
});
