import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CIMClass } from '../../src/cim/class.js';
import { MOFCompiler, type MOFCompileResult } from '../../src/mof/compiler.js';
import { MOFRepository } from '../../src/mof/memory-target.js';
import { schemaDir } from './reference.js';

const topFile = path.join(schemaDir, 'cim_schema_2.49.0.mof');
const includes = [...readFileSync(topFile, 'utf8').matchAll(/^#pragma include \("([^"]+)"\)/gm)].map((match) => match[1] ?? '');

/** MOF text of a class file with string literals emptied, so regexes see only structure. */
function classText(className: string): string {
  const file = includes.find((include) => path.basename(include, '.mof').toLowerCase() === className.toLowerCase());
  if (file === undefined) throw new Error(`no include for ${className}`);
  return readFileSync(path.join(schemaDir, file), 'utf8')
    .replace(/\/\/.*$/gm, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

function superclassInText(className: string): string | null {
  const match = new RegExp(`class\\s+${className}\\s*(?::\\s*(\\w+))?\\s*\\{`).exec(classText(className));
  return match?.[1] ?? null;
}

/** Key properties declared in the class file itself. */
function keysInText(className: string): string[] {
  const keys: string[] = [];
  for (const match of classText(className).matchAll(/\[([^\]]*)\]\s*\w+\s+(?:REF\s+)?(\w+)\s*[;=[]/g)) {
    if (/\bKey\b/.test(match[1] ?? '')) keys.push(match[2] ?? '');
  }
  return keys;
}

function keysInTextWithAncestors(className: string): string[] {
  const keys: string[] = [];
  for (let current: string | null = className; current !== null; current = superclassInText(current)) {
    keys.push(...keysInText(current));
  }
  return keys;
}

/** Parameter names of a method as written in the class file. */
function parametersInText(className: string, methodName: string): string[] {
  const text = classText(className);
  const start = text.indexOf(`${methodName}(`);
  const body = text.slice(start + methodName.length + 1, text.indexOf(');', start)).replace(/\[[^\]]*\]/g, '');
  return body.split(',').map((parameter) => /(\w+)\s*(?:\[\])?\s*$/.exec(parameter.trim())?.[1] ?? '');
}

function keysOf(cimClass: CIMClass | undefined): string[] {
  return [...(cimClass?.properties.values() ?? [])]
    .filter((property) => property.qualifiers.get('Key')?.value === true)
    .map((property) => property.name);
}

describe('DMTF schema 2.49.0', () => {
  const target = new MOFRepository();
  let result: MOFCompileResult;

  beforeAll(() => {
    result = new MOFCompiler({ target }).compileFile(topFile);
  });

  it('compiles without warnings', () => {
    expect(result.warnings).toEqual([]);
    expect(result.files).toHaveLength(includes.length + 1);
  });

  it('class and qualifier counts', () => {
    const qualifierText = ['qualifiers.mof', 'qualifiers_optional.mof']
      .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
      .join('\n');
    const declaredQualifiers = qualifierText.match(/^Qualifier \w+/gm) ?? [];
    expect(result.qualifierDeclarations).toHaveLength(declaredQualifiers.length);
    expect(result.qualifierDeclarations).toHaveLength(70);
    expect(result.classes).toHaveLength(includes.length - 2);
    expect(result.classes).toHaveLength(1631);
  });

  it.each(['CIM_ComputerSystem', 'CIM_LogicalDevice', 'CIM_EnabledLogicalElement', 'CIM_ManagedElement', 'CIM_Error', 'CIM_RegisteredProfile', 'CIM_ElementConformsToProfile', 'CIM_IndicationSubscription'])(
    'superclass of %s',
    (className) => {
      expect(target.getClass('root/cimv2', className)?.superclass ?? null).toBe(superclassInText(className));
    },
  );

  it('superclass of CIM_ComputerSystem', () => {
    expect(target.getClass('root/cimv2', 'CIM_ComputerSystem')?.superclass).toBe('CIM_System');
  });

  it.each(['CIM_ComputerSystem', 'CIM_LogicalDevice', 'CIM_DiskDrive', 'CIM_EthernetPort', 'CIM_SoftwareIdentity', 'CIM_ElementConformsToProfile', 'CIM_Processor'])(
    'keys of %s',
    (className) => {
      const keys = keysOf(target.getClass('root/cimv2', className));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.sort()).toEqual(keysInTextWithAncestors(className).sort());
    },
  );

  it('keys of CIM_LogicalDevice', () => {
    expect(keysOf(target.getClass('root/cimv2', 'CIM_LogicalDevice'))).toEqual([
      'SystemCreationClassName',
      'SystemName',
      'CreationClassName',
      'DeviceID',
    ]);
  });

  it('RequestStateChange parameters', () => {
    const inherited = target.getClass('root/cimv2', 'CIM_ComputerSystem')?.methods.get('RequestStateChange');
    const parameters = [...(inherited?.parameters.values() ?? [])];
    expect(parameters.map((parameter) => parameter.name)).toEqual(parametersInText('CIM_EnabledLogicalElement', 'RequestStateChange'));
    expect(parameters.map((parameter) => parameter.name)).toEqual(['RequestedState', 'Job', 'TimeoutPeriod']);
    expect(parameters.map((parameter) => parameter.type)).toEqual(['uint16', 'reference', 'datetime']);
    expect(parameters[1]?.referenceClass).toBe('CIM_ConcreteJob');
    expect(parameters[1]?.qualifiers.get('Out')?.value).toBe(true);
    expect(inherited?.returnType).toBe('uint32');
    expect(inherited?.classOrigin).toBe('CIM_EnabledLogicalElement');
    expect(inherited?.propagated).toBe(true);
  });

  it('inherited property origin', () => {
    const cimClass = target.getClass('root/cimv2', 'CIM_ComputerSystem');
    expect(cimClass?.properties.get('ElementName')).toMatchObject({ classOrigin: 'CIM_ManagedElement', propagated: true, type: 'string' });
    expect(cimClass?.properties.get('Name')).toMatchObject({ classOrigin: 'CIM_System', propagated: true });
    expect(cimClass?.properties.get('NameFormat')).toMatchObject({ classOrigin: 'CIM_ComputerSystem', propagated: false });
    expect(cimClass?.properties.get('NameFormat')?.qualifiers.get('Override')?.value).toBe('NameFormat');
  });

  it('qualifier values', () => {
    const error = target.getClass('root/cimv2', 'CIM_Error');
    const statusCode = error?.properties.get('CIMStatusCode');
    expect(statusCode?.type).toBe('uint32');
    const valueMap = statusCode?.qualifiers.get('ValueMap')?.value as string[];
    expect(valueMap.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(valueMap).toHaveLength(30);
    expect(valueMap.at(-1)).toBe('..');
    expect(error?.qualifiers.get('Indication')?.value).toBe(true);
    expect(error?.qualifiers.get('Version')?.value).toMatch(/^2\.\d+\.\d+$/);
  });

  it('association reference properties', () => {
    const conforms = target.getClass('root/cimv2', 'CIM_ElementConformsToProfile');
    expect(conforms?.qualifiers.get('Association')?.value).toBe(true);
    expect(conforms?.properties.get('ConformantStandard')).toMatchObject({ type: 'reference', referenceClass: 'CIM_RegisteredProfile' });
  });
});
