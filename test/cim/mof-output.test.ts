import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../src/cim/class.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMMethod } from '../../src/cim/method.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import { mofCharLiteral, mofStringLiteral, wrapStringLiteral } from '../../src/cim/mof-output/string-literal.js';
import { formatScalar } from '../../src/cim/mof-output/value.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hardCases = readFileSync(path.resolve(repoRoot, '..', 'shared', 'reference', 'hard-cases.md'), 'utf8');

// The fenced blocks of the MOF escaping hard case: the JSON input list and the expected literals.
function escapingCase(): { inputs: string[]; expected: string[] } {
  const section = hardCases.slice(hardCases.indexOf('### BR-34'), hardCases.indexOf('### BR-36'));
  const blocks = [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const inputs = JSON.parse(blocks[0] ?? '[]') as string[];
  const expected = (blocks[1] ?? '').split('\n').filter((line) => line.trim() !== '')
    .map((line) => /^\s*(".*?")(?:\s{2,}.*)?$/.exec(line)?.[1] ?? line);
  return { inputs, expected };
}

describe('MOF string literal', () => {
  const { inputs, expected } = escapingCase();

  it('hard case lists five strings', () => {
    expect(inputs).toHaveLength(5);
    expect(expected).toHaveLength(5);
  });

  it.each(inputs.map((input, index) => [input, expected[index]]))('escapes %j', (input, literal) => {
    expect(mofStringLiteral(input)).toBe(literal);
  });

  it.each([
    ['\r\b\f', '"\\r\\b\\f"'],
    ['\u0000\u001f\u007f\u0085', '"\\x0000\\x001F\\x007F\\x0085"'],
    ['caf\u00e9 \u{1F600}', '"caf\u00e9 \u{1F600}"'],
    ['\ud800x', '"\\xD800x"'],
    ["it's", '"it\'s"'],
  ])('escapes %j', (input, literal) => {
    expect(mofStringLiteral(input)).toBe(literal);
  });

  it.each([
    ['a', "'a'"],
    ["'", "'\\''"],
    ['\\', "'\\\\'"],
    ['"', "'\"'"],
    ['\n', "'\\n'"],
  ])('char16 %j', (input, literal) => {
    expect(mofCharLiteral(input)).toBe(literal);
  });

  it('wraps after spaces', () => {
    expect(wrapStringLiteral('aaaa bbbb cccc dddd', 14, 14)).toEqual(['"aaaa bbbb "', '"cccc dddd"']);
  });

  it('wraps without splitting escapes', () => {
    const literals = wrapStringLiteral('\\\\\\\\\\\\\\\\', 13, 13);

    expect(literals.join('')).toBe('"\\\\\\\\\\\\\\\\\\\\""\\\\\\\\\\\\"');
    expect(literals.every((literal) => !/[^\\](\\\\)*\\"$/.test(literal))).toBe(true);
  });

  it('wrapped parts join to the input', () => {
    const text = 'The quick brown fox jumps over the lazy dog; '.repeat(5) + 'tail\twith "quotes"';
    const literals = wrapStringLiteral(text, 30, 40);
    const joined = literals.map((literal) => JSON.parse(literal.replace(/\\t/g, '\\t')) as string).join('');

    expect(joined).toBe(text);
    expect(literals.every((literal) => literal.length <= 40)).toBe(true);
  });

  it('empty string is one literal', () => {
    expect(wrapStringLiteral('', 10, 10)).toEqual(['""']);
  });
});

describe('MOF scalar', () => {
  it.each([
    [18446744073709551615n, 'uint64', '18446744073709551615'],
    [-9223372036854775808n, 'sint64', '-9223372036854775808'],
    [9007199254740993n, 'uint64', '9007199254740993'],
    [4293918720, 'uint32', '4293918720'],
    [0.1, 'real64', '0.10000000000000001'],
    [1e21, 'real64', '1.0000000000000000E+21'],
    [Number.POSITIVE_INFINITY, 'real32', 'INF'],
    [Number.NaN, 'real64', 'NaN'],
    [true, 'boolean', 'true'],
    [null, 'string', 'NULL'],
    ['x', 'char16', "'x'"],
    [new CIMDateTime('20241203153000.000000+060'), 'datetime', '"20241203153000.000000+060"'],
  ] as const)('%s as %s', (value, type, text) => {
    expect(formatScalar(value, type)).toBe(text);
  });
});

describe('MOF class', () => {
  it('class with qualifiers, properties and method', () => {
    const cimClass = new CIMClass('CIM_Foo', {
      superclass: 'CIM_Base',
      qualifiers: [
        new CIMQualifier('Abstract', true),
        new CIMQualifier('Version', '2.45.0'),
        new CIMQualifier('Description', 'Foo is a class with a long description that needs more than one line of MOF output to fit.'),
      ],
      properties: [
        new CIMProperty('InstanceID', null, { type: 'string', qualifiers: [new CIMQualifier('Key', true)] }),
        new CIMProperty('Size', 18446744073709551615n, { type: 'uint64' }),
        new CIMProperty('Codes', null, { type: 'uint16', isArray: true, arraySize: 4 }),
        new CIMProperty('Names', ['a', 'b'], { qualifiers: [new CIMQualifier('Override', 'Names', { overridable: false })] }),
        new CIMProperty('Owner', null, { type: 'reference', referenceClass: 'CIM_Owner' }),
        new CIMProperty('Ratio', 1.5, { type: 'real32' }),
      ],
      methods: [
        new CIMMethod('Start', 'uint32', {
          qualifiers: [new CIMQualifier('Description', 'Starts it.')],
          parameters: [
            new CIMParameter('Mode', { type: 'string', qualifiers: [new CIMQualifier('In', true)] }),
            new CIMParameter('Targets', { type: 'reference', referenceClass: 'CIM_Target', isArray: true }),
            new CIMParameter('Job', { type: 'reference', referenceClass: 'CIM_Job', qualifiers: [new CIMQualifier('In', false), new CIMQualifier('Out', true)] }),
          ],
        }),
        new CIMMethod('Stop', 'uint32'),
      ],
    });

    expect(cimClass.toMOF()).toBe(
      `[Abstract, Version ("2.45.0"),
 Description ("Foo is a class with a long description that needs more than one "
    "line of MOF output to fit.")]
class CIM_Foo : CIM_Base {

   [Key]
   string InstanceID;

   uint64 Size = 18446744073709551615;

   uint16 Codes[4];

   [Override ("Names") : DisableOverride]
   string Names[] = {"a", "b"};

   CIM_Owner REF Owner;

   real32 Ratio = 1.5000000000;

   [Description ("Starts it.")]
   uint32 Start(
      [In]
      string Mode,
      CIM_Target REF Targets[],
      [In (false), Out]
      CIM_Job REF Job);

   uint32 Stop();

};
`,
    );
  });

  it('empty class', () => {
    expect(new CIMClass('CIM_Empty').toMOF()).toBe('class CIM_Empty {\n};\n');
  });

  it('indented property declaration', () => {
    const property = new CIMProperty('Flag', false, { qualifiers: [new CIMQualifier('Write', true)] });

    expect(property.toMOF({ indent: 3 })).toBe('   [Write]\n   boolean Flag = false;');
  });

  it('long array qualifier wraps', () => {
    const values = Array.from({ length: 20 }, (_, index) => String(index));
    const property = new CIMProperty('State', null, { type: 'uint16', qualifiers: [new CIMQualifier('ValueMap', values)] });

    expect(property.toMOF()).toBe(
      `[ValueMap {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19"}]
uint16 State;`,
    );
  });
});

describe('MOF instance', () => {
  it('instance with every kind of value', () => {
    const inner = new CIMInstance('CIM_Inner', { properties: [new CIMProperty('Text', 'a "b"')] });
    const instance = new CIMInstance('CIM_Foo', {
      properties: [
        new CIMProperty('Name', 'multi(0)\\WINDOWS'),
        new CIMProperty('Big', 9007199254740993n, { type: 'uint64' }),
        new CIMProperty('Low', -9223372036854775808n, { type: 'sint64' }),
        new CIMProperty('Ratio', 0.1, { type: 'real64' }),
        new CIMProperty('Letter', 'x', { type: 'char16' }),
        new CIMProperty('When', new CIMDateTime('20241203153000.000000+060')),
        new CIMProperty('Flags', [true, null, false], { type: 'boolean' }),
        new CIMProperty('Empty', [], { type: 'string' }),
        new CIMProperty('Nothing', null, { type: 'string' }),
        new CIMProperty('Owner', new CIMInstanceName('CIM_Owner', { Id: 'o"1' }, { namespace: 'root/cimv2' })),
        new CIMProperty('Inner', inner),
      ],
      path: new CIMInstanceName('CIM_Foo', { Name: 'x' }),
    });

    expect(instance.toMOF()).toBe(
      `instance of CIM_Foo {
   Name = "multi(0)\\\\WINDOWS";
   Big = 9007199254740993;
   Low = -9223372036854775808;
   Ratio = 0.10000000000000001;
   Letter = 'x';
   When = "20241203153000.000000+060";
   Flags = {true, NULL, false};
   Empty = {};
   Nothing = NULL;
   Owner = "/root/cimv2:CIM_Owner.Id=\\"o\\\\\\"1\\"";
   Inner = "instance of CIM_Inner {\\n   Text = \\"a \\\\\\"b\\\\\\"\\";\\n};";
};
`,
    );
  });

  it('long string value wraps', () => {
    const text = 'This value is long enough that the instance writer has to split it into several adjacent string literals.';
    const instance = new CIMInstance('CIM_Foo', { properties: [new CIMProperty('Caption', text)] });

    expect(instance.toMOF()).toBe(
      `instance of CIM_Foo {
   Caption = "This value is long enough that the instance writer has to split "
      "it into several adjacent string literals.";
};
`,
    );
  });

  it('property initializer', () => {
    expect(new CIMProperty('Count', 5, { type: 'uint8' }).toMOF({ isInstance: true })).toBe('Count = 5;');
  });
});

describe('MOF qualifier declaration', () => {
  it.each([
    [
      new CIMQualifierDeclaration('Abstract', 'boolean', {
        value: false, scopes: { class: true, association: true, indication: true }, overridable: true, toSubclass: false,
      }),
      'Qualifier Abstract : boolean = false,\n    Scope(class, association, indication),\n    Flavor(EnableOverride, Restricted);\n',
    ],
    [
      new CIMQualifierDeclaration('BitMap', 'string', { isArray: true, scopes: { property: true, method: true, parameter: true } }),
      'Qualifier BitMap : string[],\n    Scope(property, method, parameter);\n',
    ],
    [
      new CIMQualifierDeclaration('Description', 'string', { scopes: { any: true }, translatable: true, overridable: true, toSubclass: true }),
      'Qualifier Description : string,\n    Scope(any),\n    Flavor(EnableOverride, ToSubclass, Translatable);\n',
    ],
    [
      new CIMQualifierDeclaration('MaxLen', 'uint32', { value: 256, scopes: { property: true, method: true, parameter: true } }),
      'Qualifier MaxLen : uint32 = 256,\n    Scope(property, method, parameter);\n',
    ],
    [
      new CIMQualifierDeclaration('Pair', 'sint64', { isArray: true, arraySize: 2, value: [1n, -2n], scopes: { property: true } }),
      'Qualifier Pair : sint64[2] = {1, -2},\n    Scope(property);\n',
    ],
  ])('declaration %#', (declaration, text) => {
    expect(declaration.toMOF()).toBe(text);
  });

  it.each([
    [new CIMQualifier('Key', true), 'Key'],
    [new CIMQualifier('Key', false), 'Key (false)'],
    [new CIMQualifier('MaxLen', 256, { type: 'uint32' }), 'MaxLen (256)'],
    [new CIMQualifier('Description', null, { type: 'string' }), 'Description (NULL)'],
    [new CIMQualifier('ValueMap', ['1', '2']), 'ValueMap {"1", "2"}'],
    [new CIMQualifier('Abstract', true, { toSubclass: false }), 'Abstract : Restricted'],
    [new CIMQualifier('Description', 'x', { translatable: true, overridable: true }), 'Description ("x") : Translatable'],
  ])('qualifier %s', (qualifier, text) => {
    expect(qualifier.toMOF()).toBe(text);
  });
});
