import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { toJSONText } from '../../src/cim/json-output.js';
import { CIMProperty } from '../../src/cim/property.js';
import { Uint64 } from '../../src/cim/typed-value.js';
import type { CIMType } from '../../src/cim/cim-type.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hardCases = readFileSync(path.resolve(repoRoot, '..', 'shared', 'reference', 'hard-cases.md'), 'utf8');

// In-range PROPERTY lines of the 64-bit hard case: name, type and decimal value.
function integerProperties(): Array<[string, CIMType, string]> {
  const section = hardCases.slice(hardCases.indexOf('### BR-07'), hardCases.indexOf('### BR-08'));
  const pattern = /<PROPERTY NAME="(\w+)" TYPE="(\w+)"><VALUE>(-?\d+)<\/VALUE>/g;
  return [...section.matchAll(pattern)]
    .map((match) => [match[1] ?? '', (match[2] ?? '') as CIMType, match[3] ?? ''] as [string, CIMType, string])
    .filter(([name]) => name !== 'TooBig' && name !== 'Neg');
}

describe('toJSONText', () => {
  const cases = integerProperties();

  it('hard case lists four in-range values', () => {
    expect(cases.map(([name]) => name)).toEqual(['AdapterRAM', 'NumberOfBlocks', 'Odd', 'Offset']);
  });

  it.each(cases)('%s %s %s exact', (name, type, digits) => {
    const value = type.endsWith('64') ? BigInt(digits) : Number(digits);
    const property = new CIMProperty(name, value, { type });

    expect(toJSONText(property)).toBe(`{"name":"${name}","type":"${type}","isArray":false,"value":${digits}}`);
  });

  it('property JSON.stringify keeps digits as string', () => {
    const property = new CIMProperty('Odd', 9007199254740993n, { type: 'uint64' });

    expect(JSON.stringify(property)).toBe('{"name":"Odd","type":"uint64","isArray":false,"value":"9007199254740993"}');
  });

  it('instance with indent', () => {
    const instance = new CIMInstance('CIM_Foo', {
      properties: [
        new CIMProperty('Sizes', [18446744073709551615n, null], { type: 'uint64' }),
        new CIMProperty('Reals', [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5], { type: 'real64' }),
        new CIMProperty('When', new CIMDateTime('20241203153000.000000+060')),
      ],
      path: new CIMInstanceName('CIM_Foo', { Id: new Uint64('9007199254740993') }, { namespace: 'root/cimv2' }),
    });

    expect(toJSONText(instance, 2)).toBe(`{
  "className": "CIM_Foo",
  "path": {
    "className": "CIM_Foo",
    "keybindings": {
      "Id": 9007199254740993
    },
    "namespace": "root/cimv2"
  },
  "properties": {
    "Sizes": {
      "name": "Sizes",
      "type": "uint64",
      "isArray": true,
      "value": [
        18446744073709551615,
        null
      ]
    },
    "Reals": {
      "name": "Reals",
      "type": "real64",
      "isArray": true,
      "value": [
        "NaN",
        "INF",
        "-INF",
        0.5
      ]
    },
    "When": {
      "name": "When",
      "type": "datetime",
      "isArray": false,
      "value": "20241203153000.000000+060"
    }
  }
}`);
  });

  it.each([
    [-9223372036854775808n, '-9223372036854775808'],
    [[1n, { nested: 2n }], '[1,{"nested":2}]'],
    [{}, '{}'],
    [[], '[]'],
    ['text "q"', '"text \\"q\\""'],
    [null, 'null'],
  ])('plain value %s', (value, text) => {
    expect(toJSONText(value)).toBe(text);
  });

  it('objects in plain containers', () => {
    const list = [new CIMInstanceName('CIM_A', { N: 18446744073709551615n })];

    expect(toJSONText({ names: list })).toBe('{"names":[{"className":"CIM_A","keybindings":{"N":18446744073709551615}}]}');
  });

  it('indent matches JSON.stringify', () => {
    const data = { a: [1, { b: 'c' }], d: {} };

    expect(toJSONText(data, 4)).toBe(JSON.stringify(data, null, 4));
    expect(toJSONText(data, '\t')).toBe(JSON.stringify(data, null, '\t'));
  });
});
