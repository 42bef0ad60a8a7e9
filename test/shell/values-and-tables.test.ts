import { describe, expect, it } from 'vitest';
import { CIMDateTime, CIMInstanceName } from '../../src/index.js';
import { splitStatements, tokenize } from '../../src/shell/commands/command-line.js';
import { parseSimpleScalar, parseValue, splitArray } from '../../src/shell/commands/value-parser.js';
import { renderTable } from '../../src/shell/format/table.js';
import { classHierarchy, renderTree } from '../../src/shell/format/tree.js';

const declaration = (type: Parameters<typeof parseSimpleScalar>[1]['type'], isArray = false) => ({ label: `property P (${type})`, type, isArray, embedded: false });

describe('command line words', () => {
  it.each([
    ['class get CIM_Foo', ['class', 'get', 'CIM_Foo']],
    ['instance get CIM_Foo InstanceID="a b"', ['instance', 'get', 'CIM_Foo', 'InstanceID="a b"']],
    [`instance get 'CIM_Foo.InstanceID="x"'`, ['instance', 'get', 'CIM_Foo.InstanceID="x"']],
    ['instance query "SELECT * FROM X WHERE a = \\"b\\""', ['instance', 'query', 'SELECT * FROM X WHERE a = "b"']],
    ['  spaced\twords  ', ['spaced', 'words']],
  ])('tokenizes %s', (line, words) => {
    expect(tokenize(line).tokens.map((token) => token.text)).toEqual(words);
  });

  it('reports an open quote', () => {
    expect(tokenize('get "abc').openQuote).toBe('"');
  });

  it('splits statements outside quotes', () => {
    expect(splitStatements('cd interop; instance query "a;b" ;; stats')).toEqual(['cd interop', ' instance query "a;b" ', ' stats']);
  });
});

describe('typed values', () => {
  it.each([
    ['uint8', '0x1F', 31],
    ['sint8', '-128', -128],
    ['uint32', '+42', 42],
    ['uint64', '18446744073709551615', 18446744073709551615n],
    ['sint64', '-9223372036854775808', -9223372036854775808n],
    ['real64', '-2.5e3', -2500],
    ['real32', 'INF', Infinity],
    ['boolean', 'False', false],
    ['string', '"a \\"b\\""', 'a "b"'],
    ['string', "'single'", 'single'],
    ['char16', 'x', 'x'],
  ] as const)('%s from %s', (type, text, expected) => {
    expect(parseSimpleScalar(text, declaration(type))).toEqual(expected);
  });

  it('reads a datetime', () => {
    expect(parseSimpleScalar('20240102030405.000000+060', declaration('datetime'))).toEqual(new CIMDateTime('20240102030405.000000+060'));
  });

  it('reads a reference', () => {
    const path = parseSimpleScalar('CIM_Foo.InstanceID="a"', { ...declaration('reference'), namespace: 'root/x' });
    expect(path).toEqual(new CIMInstanceName('CIM_Foo', { InstanceID: 'a' }, { namespace: 'root/x' }));
  });

  it.each([
    ['uint8', '256', 'out of range for property P (uint8) (uint8: 0 to 255)'],
    ['sint64', '9223372036854775808', 'out of range'],
    ['uint16', '1.5', 'give an integer'],
    ['real32', '1e39', 'out of range for property P (real32) (real32: up to'],
    ['char16', 'ab', 'exactly one UCS-2 character'],
    ['boolean', '1', 'give true or false'],
    ['datetime', 'yesterday', 'Invalid CIM datetime'],
    ['reference', 'not a path', 'is not a valid instance path at column 4: expected "." and keybindings'],
  ] as const)('rejects %s %s', (type, text, message) => {
    expect(() => parseSimpleScalar(text, declaration(type))).toThrow(message);
  });

  it.each([
    ['[1,2,3]', ['1', '2', '3']],
    ['1, 2', ['1', '2']],
    ['[]', []],
    ['"a,b",c', ['"a,b"', 'c']],
    ['', []],
  ])('splits array %s', (text, elements) => {
    expect(splitArray(text)).toEqual(elements);
  });

  it('reads NULL and arrays with NULL', async () => {
    expect(await parseValue('null', declaration('uint8'), null)).toBeNull();
    expect(await parseValue('[1,NULL,3]', declaration('uint8', true), null)).toEqual([1, null, 3]);
    expect(await parseValue('"null"', declaration('string'), null)).toBe('null');
  });
});

describe('table rendering', () => {
  const columns = ['Name', 'Description', 'Size'];
  const rows = [['a', 'first row', '1'], ['bb', 'second', '22']];

  it('shows all columns that fit', () => {
    expect(renderTable(columns, rows, 80)).toEqual({ text: 'Name  Description  Size\n----  -----------  ----\na     first row    1\nbb    second       22', hiddenColumns: [] });
  });

  it('hides columns beyond the width', () => {
    const table = renderTable(columns, rows, 20);
    expect(table.hiddenColumns).toEqual(['Size']);
    expect(table.text.split('\n')[0]).toBe('Name  Description');
  });

  it('keeps the first column', () => {
    expect(renderTable(columns, rows, 2).hiddenColumns).toEqual(['Description', 'Size']);
  });

  it('cuts long cells', () => {
    const table = renderTable(['Text'], [['x'.repeat(60)]], 100);
    expect(table.text.split('\n')[2]).toBe(`${'x'.repeat(47)}…`);
  });
});

describe('tree rendering', () => {
  it('draws a class hierarchy', () => {
    const tree = classHierarchy([
      { className: 'B_Sub', superclass: 'A_Base' },
      { className: 'A_Base', superclass: null },
      { className: 'C_Leaf', superclass: 'B_Sub' },
      { className: 'A_Other', superclass: 'A_Base' },
      { className: 'Z_Orphan', superclass: 'Missing' },
    ]);
    expect(renderTree(tree)).toBe('A_Base\n├── A_Other\n└── B_Sub\n    └── C_Leaf\nZ_Orphan');
  });
});
