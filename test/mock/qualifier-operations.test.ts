import { describe, expect, it } from 'vitest';
import { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import {
  deleteQualifier,
  enumerateQualifiers,
  getQualifier,
  setQualifier,
} from '../../src/mock/operations/qualifier-operations.js';
import { buildRepository, NS } from './model.js';
import { statusOf } from './status-of.js';

describe('qualifier operations', () => {
  it('gets a declaration by case-insensitive name', () => {
    const declaration = getQualifier(buildRepository(), NS, 'key');
    expect(declaration).toMatchObject({ name: 'Key', type: 'boolean', value: false, overridable: false });
    expect(declaration.scopes).toEqual({ property: true, reference: true });
  });

  it('enumerates every declaration', () => {
    const names = enumerateQualifiers(buildRepository(), NS).map((declaration) => declaration.name);
    expect(names).toEqual(['Key', 'Association', 'Description', 'In', 'Out', 'Abstract']);
  });

  it('creates and replaces a declaration', () => {
    const repository = buildRepository();
    setQualifier(repository, NS, new CIMQualifierDeclaration('Units', 'string', { scopes: { property: true } }));
    setQualifier(repository, NS, new CIMQualifierDeclaration('UNITS', 'string', { value: 'byte', scopes: { property: true } }));
    expect(getQualifier(repository, NS, 'Units').value).toBe('byte');
    expect(enumerateQualifiers(repository, NS)).toHaveLength(7);
  });

  it('deletes a declaration', () => {
    const repository = buildRepository();
    deleteQualifier(repository, NS, 'ABSTRACT');
    expect(statusOf(() => getQualifier(repository, NS, 'Abstract'))).toBe(6);
  });

  it.each([
    ['get unknown', () => getQualifier(buildRepository(), NS, 'Nope'), 6],
    ['delete unknown', () => deleteQualifier(buildRepository(), NS, 'Nope'), 6],
    ['unknown namespace', () => enumerateQualifiers(buildRepository(), 'nowhere'), 3],
  ])('%s', (_name, action, code) => {
    expect(statusOf(action)).toBe(code);
  });
});
