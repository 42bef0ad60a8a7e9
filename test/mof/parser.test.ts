import { describe, expect, it } from 'vitest';
import type { MOFClassDeclaration, MOFInstanceDeclaration, MOFQualifierDeclaration } from '../../src/mof/ast.js';
import { MOFCompileError } from '../../src/mof/errors.js';
import { parseMOF } from '../../src/mof/parser.js';

function parse(text: string) {
  return parseMOF({ file: 'test.mof', text });
}

function parseClass(text: string): MOFClassDeclaration {
  const [production] = parse(text);
  expect(production?.kind).toBe('class');
  return production as MOFClassDeclaration;
}

function parseError(text: string): MOFCompileError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MOFCompileError);
    return error as MOFCompileError;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseMOF', () => {
  it.each([
    ['#pragma include ("Core/CIM_ManagedElement.mof")', 'include', 'Core/CIM_ManagedElement.mof'],
    ['#pragma namespace ("root/interop")', 'namespace', 'root/interop'],
    ['#pragma locale ("en_US")', 'locale', 'en_US'],
    ['#PRAGMA Locale("en_US")', 'Locale', 'en_US'],
  ])('pragma %s', (text, name, value) => {
    const [pragma] = parse(text);
    expect(pragma).toMatchObject({ kind: 'pragma', name, value });
  });

  it('qualifier declaration full', () => {
    const [production] = parse(
      'Qualifier ValueMap : string[] = {"1", "2"}, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);',
    );
    const declaration = production as MOFQualifierDeclaration;
    expect(declaration.name).toBe('ValueMap');
    expect(declaration.typeName).toBe('string');
    expect(declaration.isArray).toBe(true);
    expect(declaration.defaultValue).toMatchObject({ kind: 'array', elements: [{ value: '1' }, { value: '2' }] });
    expect(declaration.scopes.map((scope) => scope.name)).toEqual(['property', 'method', 'parameter']);
    expect(declaration.flavors.map((flavor) => flavor.name)).toEqual(['EnableOverride', 'ToSubclass']);
  });

  it.each([
    ['Qualifier Max : uint32 = null, Scope(reference);', 'uint32', false, null],
    ['Qualifier Fixed : uint8[4], Scope(property);', 'uint8', true, 4],
    ['Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);', 'boolean', false, null],
  ])('qualifier declaration %s', (text, typeName, isArray, arraySize) => {
    const [production] = parse(text);
    expect(production).toMatchObject({ kind: 'qualifierDeclaration', typeName, isArray, arraySize });
  });

  it('class with every feature kind', () => {
    const declaration = parseClass(`
      [Association, Description ("Links" " two"), ValueMap {"1", "2"} : ToSubclass]
      class CIM_Link : CIM_Base {
          [Key] CIM_Foo REF Antecedent;
          CIM_Foo Ref Dependent;
          uint8 Octets[];
          uint16 Fixed[4] = {1, 2, 3, 4};
          string Name = "x";
          real64 Ratio = -1.5e3;
          uint32 Method1([IN, OUT] string Text, [IN] CIM_Foo REF Target, uint8 Data[], CIM_Foo REF Targets[]);
          CIM_Foo REF GetRef();
      };`);

    expect(declaration.name).toBe('CIM_Link');
    expect(declaration.superclass).toBe('CIM_Base');
    expect(declaration.qualifiers.map((qualifier) => qualifier.name)).toEqual(['Association', 'Description', 'ValueMap']);
    expect(declaration.qualifiers[1]?.value).toMatchObject({ kind: 'string', value: 'Links two' });
    expect(declaration.qualifiers[2]?.flavors.map((flavor) => flavor.name)).toEqual(['ToSubclass']);

    const properties = declaration.properties;
    expect(properties.map((property) => [property.name, property.typeName, property.isReference])).toEqual([
      ['Antecedent', 'CIM_Foo', true],
      ['Dependent', 'CIM_Foo', true],
      ['Octets', 'uint8', false],
      ['Fixed', 'uint16', false],
      ['Name', 'string', false],
      ['Ratio', 'real64', false],
    ]);
    expect(properties[2]).toMatchObject({ isArray: true, arraySize: null });
    expect(properties[3]).toMatchObject({ isArray: true, arraySize: 4 });
    expect(properties[5]?.defaultValue).toMatchObject({ kind: 'real', value: -1500 });

    const [method, getRef] = declaration.methods;
    expect(method?.parameters.map((parameter) => [parameter.name, parameter.typeName, parameter.isReference, parameter.isArray])).toEqual([
      ['Text', 'string', false, false],
      ['Target', 'CIM_Foo', true, false],
      ['Data', 'uint8', false, true],
      ['Targets', 'CIM_Foo', true, true],
    ]);
    expect(getRef).toMatchObject({ name: 'GetRef', returnTypeName: 'CIM_Foo', isReference: true, parameters: [] });
  });

  it('keywords as element names', () => {
    const declaration = parseClass('class Class { string Ref; boolean Instance; uint8 Null; string Of(uint8 As); };');
    expect(declaration.name).toBe('Class');
    expect(declaration.properties.map((property) => property.name)).toEqual(['Ref', 'Instance', 'Null']);
    expect(declaration.methods[0]?.parameters[0]?.name).toBe('As');
  });

  it('instance with alias and values', () => {
    const [production] = parse(`
      instance of CIM_Foo as $foo1 {
          Name = "a";
          Count = 0x10;
          Refs = {$other, "/root:CIM_X.k=1"};
          Nested = instance of CIM_Emb { Id = 1; };
          Missing = NULL;
      };`);
    const instance = production as MOFInstanceDeclaration;
    expect(instance.className).toBe('CIM_Foo');
    expect(instance.alias).toBe('foo1');
    expect(instance.properties.map((property) => property.value.kind)).toEqual(['string', 'integer', 'array', 'instance', 'null']);
    expect(instance.properties[2]?.value).toMatchObject({
      kind: 'array',
      elements: [{ kind: 'alias', name: 'other' }, { kind: 'string', value: '/root:CIM_X.k=1' }],
    });
  });

  it('positions of declarations', () => {
    const declaration = parseClass('\n  class A {\n     uint8 x;\n};');
    expect(declaration.position).toMatchObject({ line: 2, column: 3 });
    expect(declaration.properties[0]?.position).toMatchObject({ line: 3, column: 12 });
    expect(declaration.properties[0]?.typePosition).toMatchObject({ line: 3, column: 6 });
  });

  it.each([
    ['class A { uint8 x }', 1, 19, 'expected ";" to end property x, found "}"'],
    ['class A { uint8 x; }', 1, 21, 'expected ";" after the closing "}" of class A, found end of file'],
    ['class A : { };', 1, 11, 'expected the superclass name of class A, found "{"'],
    ['[Key class A {};', 1, 6, 'expected "]" or "," in the qualifier list, found identifier "class"'],
    ['instance of A as foo { };', 1, 18, 'expected an alias such as $name after "as", found identifier "foo"'],
    ['instance of A { x = ; };', 1, 21, 'expected a value'],
    ['Qualifier Q : string;', 1, 21, 'expected "," and "Scope(...)" in qualifier declaration Q, found ";"'],
    ['uint8 x;', 1, 1, 'expected "#pragma", "Qualifier", "class", "instance of" or "["'],
    ['#pragma include (12)', 1, 18, 'expected a string argument of #pragma include'],
    ['class A { uint8 x[0]; };', 1, 19, 'invalid array size 0'],
  ])('syntax error %s', (text, line, column, reason) => {
    const error = parseError(text);
    expect(error.code).toBe('ERR_MOF_SYNTAX');
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.reason).toContain(reason);
  });

  it('error message with caret', () => {
    const error = parseError('class A {\n\tuint8 x = 1\n};');
    expect(error.message).toBe('test.mof:3:1: expected ";" to end property x, found "}"\n};\n^');
    expect(error.sourceLine).toBe('};');
  });

  it('caret keeps tabs', () => {
    const error = parseError('class A {\n\tuint8 x = ;\n};');
    expect(error.message).toBe(
      'test.mof:2:12: expected a value (number, string, char16, TRUE, FALSE, NULL, $alias, {array} or instance of), found ";"\n\tuint8 x = ;\n\t          ^',
    );
  });
});
