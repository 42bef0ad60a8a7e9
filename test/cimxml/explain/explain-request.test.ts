import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XMLParseError } from '../../../src/cim/errors.js';
import { intrinsicRequest } from '../../../src/cimxml/writer/requests.js';
import { explainRequest, formatExplanation, type ExplainedLine } from '../../../src/cimxml/explain/explain-request.js';
import { parseHttpMessage } from '../../../src/client/recorders/http-transcript.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const explainFile = (name: string) => explainRequest(parseHttpMessage(readFileSync(path.join(traffic, name), 'utf8')).body);

const byLabel = (lines: readonly ExplainedLine[], label: string) => lines.find((line) => line.label === label);
const omitted = (lines: readonly ExplainedLine[]) => lines.filter((line) => line.kind === 'omitted').map((line) => line.label);
const warnings = (lines: readonly ExplainedLine[]) => lines.filter((line) => line.kind === 'warning').map((line) => line.note);

describe('explainRequest', () => {
  it.each([
    ['openpegasus_GetClass00002.xml', 'GetClass', ['LocalOnly', 'IncludeQualifiers', 'IncludeClassOrigin', 'PropertyList']],
    ['openpegasus_EnumerateInstances51000.xml', 'EnumerateInstances', ['LocalOnly', 'DeepInheritance', 'IncludeQualifiers', 'IncludeClassOrigin', 'PropertyList']],
    ['openpegasus_EnumerateClassNames20007.xml', 'EnumerateClassNames', ['DeepInheritance']],
    ['openpegasus_GetQualifier37000.xml', 'GetQualifier', []],
    ['openpegasus_OpenEnumerateInstances61000.xml', 'OpenEnumerateInstances', null],
  ])('%s operation and omitted parameters', (file, operation, left) => {
    const lines = explainFile(file);
    const call = lines.find((line) => line.label.startsWith('<IMETHODCALL'));
    expect(call?.note).toContain(`intrinsic operation ${operation}:`);
    if (left !== null) expect(omitted(lines)).toEqual(left);
    expect(warnings(lines)).toEqual([]);
  });

  it('defaults differ for classes and instances', () => {
    const getClass = explainFile('openpegasus_GetClass00002.xml');
    const enumerate = explainFile('openpegasus_EnumerateInstances51000.xml');
    expect(byLabel(getClass, 'IncludeQualifiers')?.note).toMatch(/default: TRUE$/);
    expect(byLabel(enumerate, 'IncludeQualifiers')?.note).toMatch(/default: FALSE \(deprecated/);
    expect(byLabel(enumerate, 'DeepInheritance')?.note).toMatch(/default: TRUE$/);
  });

  it('sent parameter shows its default', () => {
    const lines = explainFile('openpegasus_EnumerateClasses42005.xml');
    const deep = lines.find((line) => line.label === '<IPARAMVALUE NAME="DeepInheritance">');
    expect(deep?.note).toContain('default when left out: FALSE');
  });

  it('duplicated parameter warns', () => {
    expect(warnings(explainFile('openpegasus_EnumerateClassNames20004.xml'))).toEqual([
      expect.stringContaining('ClassName is sent more than once'),
    ]);
  });

  it('empty IPARAMVALUE means NULL', () => {
    const lines = explainFile('openpegasus_EnumerateClassNames20007.xml');
    expect(lines.find((line) => line.label === '<IPARAMVALUE NAME="ClassName">')?.note).toContain('no value, which means NULL');
  });

  it('method call parameters', () => {
    const lines = explainFile('sfcb_callmethod1.xml');
    expect(lines.find((line) => line.label.startsWith('<METHODCALL'))?.note).toContain('extrinsic method call SayHello');
    expect(lines.find((line) => line.label.startsWith('<LOCALCLASSPATH'))?.note).toContain('static');
    expect(lines.find((line) => line.label.startsWith('<PARAMVALUE'))?.note).toContain('no PARAMTYPE');
  });

  it('missing required and unknown parameters warn', () => {
    const request = intrinsicRequest('EnumerateInstanceNames', 'root/cimv2', { ClassName: 'CIM_Foo' }, { messageId: '1' })
      .body.replace('EnumerateInstanceNames', 'GetInstance')
      .replace('NAME="ClassName"', 'NAME="Bogus"');
    const notes = warnings(explainRequest(request));
    expect(notes).toEqual([expect.stringContaining('"Bogus" is not a parameter of GetInstance'), expect.stringContaining('required parameter InstanceName is missing')]);
  });

  it('case of a parameter name', () => {
    const request = intrinsicRequest('EnumerateClassNames', 'root/cimv2', { DeepInheritance: true }, { messageId: '1' }).body.replace(
      'NAME="DeepInheritance"',
      'NAME="deepinheritance"',
    );
    expect(warnings(explainRequest(request))).toEqual([expect.stringContaining('DSP0200 spells this parameter DeepInheritance')]);
  });

  it('line numbers of elements', () => {
    const lines = explainFile('openpegasus_GetClass00002.xml');
    expect(lines.find((line) => line.label.startsWith('<IMETHODCALL'))?.line).toBe(5);
  });

  it('formats indented text', () => {
    const text = formatExplanation(explainFile('openpegasus_GetClass00002.xml'));
    expect(text.split('\n')[0]).toBe('<CIM CIMVERSION="2.0" DTDVERSION="2.0">  -- CIM-XML document, CIM version 2.0, DTD version 2.0');
    expect(text).toContain('        (LocalOnly left out)  -- not sent, so the server applies the default: TRUE');
  });

  it('ill-formed request raises', () => {
    expect(() => explainFile('openpegasus_BadCharacterReference01.xml')).toThrow(XMLParseError);
  });
});
