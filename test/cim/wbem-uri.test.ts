import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { WBEMURIError } from '../../src/cim/errors.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMTypedValue, Char16, Real32, Real64, Sint64, Sint8, Uint16, Uint32, Uint64, Uint8 } from '../../src/cim/typed-value.js';
import type { KeyBindingValue } from '../../src/cim/value.js';
import { formatHost, parseHost } from '../../src/cim/wbem-uri/host.js';
import { normalizeNamespace } from '../../src/cim/wbem-uri/namespace.js';
import { parseWBEMURI } from '../../src/cim/wbem-uri/parse.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');

/** Returns the lines of the first fenced block under the hard case heading `### <id> `. */
function hardCaseInput(id: string): string[] {
  const text = readFileSync(path.join(referenceDir, 'hard-cases.md'), 'utf8');
  const sectionStart = text.indexOf(`### ${id} `);
  if (sectionStart < 0) throw new Error(`hard case ${id} not found`);
  const fenceStart = text.indexOf('```', sectionStart);
  const bodyStart = text.indexOf('\n', fenceStart) + 1;
  const fenceEnd = text.indexOf('```', bodyStart);
  return text
    .slice(bodyStart, fenceEnd)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Converts a path into plain data, so that equality checks see every keybinding and type. */
function describePath(value: CIMInstanceName | CIMClassName): unknown {
  const base = { className: value.className, namespace: value.namespace, host: value.host };
  if (value instanceof CIMClassName) return { ...base, kind: 'class' };
  const keys = [...value.keybindings.entries()].map(([name, key]) => [name, describeValue(key)]);
  return { ...base, kind: 'instance', keys };
}

function describeValue(value: KeyBindingValue): unknown {
  if (value instanceof CIMTypedValue) return { type: value.cimType, value: describeValue(value.value) };
  if (value instanceof CIMDateTime) return { type: 'datetime', value: value.toString() };
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) return describePath(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return value;
}

function catchError(action: () => unknown): WBEMURIError {
  try {
    action();
  } catch (error) {
    if (error instanceof WBEMURIError) return error;
    throw error;
  }
  throw new Error('expected a WBEMURIError, but nothing was thrown');
}

describe('URI forms and namespace slashes', () => {
  const expected: Record<string, { standard: string; host: string | null; namespace: string | null; strict: boolean }> = {
    '/root/cimv2:CIM_Foo.k1="v1"': { standard: '/root/cimv2:CIM_Foo.k1="v1"', host: null, namespace: 'root/cimv2', strict: true },
    'root/cimv2:CIM_Foo.k1="v1"': { standard: '/root/cimv2:CIM_Foo.k1="v1"', host: null, namespace: 'root/cimv2', strict: false },
    'CIM_Foo.k1="v1"': { standard: '/:CIM_Foo.k1="v1"', host: null, namespace: null, strict: false },
    '/:CIM_Foo': { standard: '/:CIM_Foo', host: null, namespace: null, strict: true },
    '//cimhost.example:5989/root/cimv2:CIM_Foo.k1="v1"': {
      standard: '//cimhost.example:5989/root/cimv2:CIM_Foo.k1="v1"',
      host: 'cimhost.example:5989',
      namespace: 'root/cimv2',
      strict: true,
    },
    'https://cimhost.example:5989/root/cimv2:CIM_Foo.k1="v1"': {
      standard: '//cimhost.example:5989/root/cimv2:CIM_Foo.k1="v1"',
      host: 'cimhost.example:5989',
      namespace: 'root/cimv2',
      strict: true,
    },
  };
  const inputs = hardCaseInput('BR-30').filter((line) => !line.startsWith('namespace argument'));

  it('file lists the tabled URIs', () => {
    expect(inputs.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(inputs)('tolerant parse %s', (uri) => {
    const want = expected[uri]!;
    const parsed = parseWBEMURI(uri);
    expect(parsed.className).toBe('CIM_Foo');
    expect(parsed.host).toBe(want.host);
    expect(parsed.namespace).toBe(want.namespace);

    const object = parsed.keybindings === null ? CIMClassName.fromWBEMURI(uri) : CIMInstanceName.fromWBEMURI(uri);
    expect(object.toWBEMURI()).toBe(want.standard);
    if (parsed.keybindings !== null) expect(parsed.keybindings.get('K1')).toBe('v1');
  });

  it.each(inputs)('strict parse %s', (uri) => {
    const want = expected[uri]!;
    if (want.strict) expect(parseWBEMURI(uri, { tolerant: false }).className).toBe('CIM_Foo');
    else expect(() => parseWBEMURI(uri, { tolerant: false })).toThrow(WBEMURIError);
  });

  it('https scheme kept by parseWBEMURI', () => {
    expect(parseWBEMURI('https://cimhost.example:5989/root/cimv2:CIM_Foo').scheme).toBe('https');
  });

  it.each([
    ['/interop', 'interop'],
    ['/root/vendor/', 'root/vendor'],
    ['root/cimv2', 'root/cimv2'],
    ['//root//', 'root'],
    ['/', null],
    ['', null],
  ])('normalizeNamespace %j', (input, want) => {
    expect(normalizeNamespace(input)).toBe(want);
  });

  it.each([
    ['/root/vendor/:CIM_Foo', 'root/vendor'],
    ['//cimhost.example//interop:CIM_Foo', 'interop'],
  ])('namespace slashes stripped in %s', (uri, want) => {
    expect(CIMClassName.fromWBEMURI(uri).namespace).toBe(want);
  });

  it('namespace slashes stripped on output', () => {
    expect(new CIMClassName('CIM_Foo', { namespace: '/interop' }).toWBEMURI()).toBe('/interop:CIM_Foo');
    expect(new CIMClassName('CIM_Foo', { namespace: '/root/vendor/' }).toWBEMURI('cimobject')).toBe('root/vendor:CIM_Foo');
  });

  it.each([
    ['/CIM_Foo.k1="v1"', null],
    [':CIM_Foo.k1="v1"', null],
    ['CIM_Foo', null],
  ])('shorthand without colon %s', (uri, namespace) => {
    const parsed = parseWBEMURI(uri);
    expect(parsed.className).toBe('CIM_Foo');
    expect(parsed.namespace).toBe(namespace);
  });
});

describe('host strings', () => {
  const expected: Record<string, { scheme: string | null; host: string; port: number | null; formatted: string }> = {
    'https://cimhost.example:5989': { scheme: 'https', host: 'cimhost.example', port: 5989, formatted: 'https://cimhost.example:5989' },
    '[2001:db8::10]:5989': { scheme: null, host: '2001:db8::10', port: 5989, formatted: '[2001:db8::10]:5989' },
    '2001:db8::10': { scheme: null, host: '2001:db8::10', port: null, formatted: '[2001:db8::10]' },
    '[fe80::1%eth0.100]': { scheme: null, host: 'fe80::1%eth0.100', port: null, formatted: '[fe80::1%eth0.100]' },
    localhost: { scheme: null, host: 'localhost', port: null, formatted: 'localhost' },
  };
  const inputs = hardCaseInput('BR-32').map((line) => line.replace(/^<HOST>|<\/HOST>$/g, ''));

  it('file lists the tabled hosts', () => {
    expect(inputs.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(inputs)('parseHost %s', (text) => {
    const want = expected[text]!;
    expect(parseHost(text)).toEqual({ scheme: want.scheme, host: want.host, port: want.port });
  });

  it.each(inputs)('formatHost %s', (text) => {
    expect(formatHost(parseHost(text))).toBe(expected[text]!.formatted);
  });

  it.each([
    ['cimhost.example:5988', { scheme: null, host: 'cimhost.example', port: 5988 }],
    ['10.0.0.1:5989', { scheme: null, host: '10.0.0.1', port: 5989 }],
    ['http://10.0.0.1', { scheme: 'http', host: '10.0.0.1', port: null }],
    ['https://[::1]:5999', { scheme: 'https', host: '::1', port: 5999 }],
    ['HTTPS://user:secret@cimhost.example:5989/cimom', { scheme: 'https', host: 'cimhost.example', port: 5989 }],
    ['[fe80::1%25eth0]:5988', { scheme: null, host: 'fe80::1%eth0', port: 5988 }],
    ['  localhost  ', { scheme: null, host: 'localhost', port: null }],
  ])('parseHost variant %s', (text, want) => {
    expect(parseHost(text)).toEqual(want);
  });

  it.each([
    ['', 'the host name is empty'],
    [':5989', 'the host name is empty'],
    ['cimhost.example:http', 'the port "http" is not a decimal number from 0 to 65535'],
    ['cimhost.example:65536', 'the port "65536" is not a decimal number'],
    ['[2001:db8::10', "has no closing ']'"],
    ['[2001:db8::10]5989', "expected ':port' or nothing after ']'"],
    ['[cimhost.example]', 'in brackets is not an IPv6 literal'],
    ['cim host', 'contains the invalid character " "'],
  ])('parseHost rejects %j', (text, reason) => {
    const error = catchError(() => parseHost(text));
    expect(error.message).toContain(`Invalid host string "${text}"`);
    expect(error.message).toContain(reason);
    expect(error.code).toBe('ERR_WBEM_URI');
  });
});

describe('IPv6 hosts in URIs', () => {
  it.each([
    ['//[2001:db8::10]:5989/root:CIM_Foo.k=1', '[2001:db8::10]:5989'],
    ['https://[::1]/root:CIM_Foo.k=1', '[::1]'],
    ['//[fe80::1%25eth0.100]:5988/root:CIM_Foo.k=1', '[fe80::1%eth0.100]:5988'],
    ['//cimhost.example/root:CIM_Foo.k=1', 'cimhost.example'],
    ['//jdd:pw@cimhost.example:5989/root:CIM_Foo.k=1', 'cimhost.example:5989'],
  ])('host of %s', (uri, host) => {
    const name = CIMInstanceName.fromWBEMURI(uri);
    expect(name.host).toBe(host);
    expect(CIMInstanceName.fromWBEMURI(name.toWBEMURI()).host).toBe(host);
  });

  it.each([
    ['2001:db8::10', '//[2001:db8::10]/root:CIM_Foo.k=1'],
    ['[2001:db8::10]:5989', '//[2001:db8::10]:5989/root:CIM_Foo.k=1'],
    ['https://cimhost.example:5989', 'https://cimhost.example:5989/root:CIM_Foo.k=1'],
  ])('stored host %s formatted', (host, uri) => {
    expect(new CIMInstanceName('CIM_Foo', { k: 1 }, { namespace: 'root', host }).toWBEMURI()).toBe(uri);
  });
});

describe('untyped key values', () => {
  it.each<[string, unknown]>([
    ['"v1"', 'v1'],
    ['""', ''],
    ['"a,b=c.d:e/f"', 'a,b=c.d:e/f'],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"C:\\\\Windows"', 'C:\\Windows'],
    ['"it\'s"', "it's"],
    ['"it\\\'s"', "it's"],
    ['"C:\\Windows"', 'C:\\Windows'],
    ['"20241203153000.000000+060"', '20241203153000.000000+060'],
    ['"/tmp/file"', '/tmp/file'],
    ['"root/cimv2:CIM_Foo.k=1"', 'root/cimv2:CIM_Foo.k=1'],
    ['"/:CIM_Foo"', '/:CIM_Foo'],
    ["'c'", { type: 'char16', value: 'c' }],
    ["'\\''", { type: 'char16', value: "'" }],
    ["'\"'", { type: 'char16', value: '"' }],
    ['TRUE', true],
    ['false', false],
    ['True', true],
    ['0', 0],
    ['42', 42],
    ['-42', -42],
    ['+7', 7],
    ['0x1F', 31],
    ['-0X1f', -31],
    ['101b', 5],
    ['-101B', -5],
    ['017', 15],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', '9007199254740993n'],
    ['18446744073709551615', '18446744073709551615n'],
    ['-9223372036854775808', '-9223372036854775808n'],
    ['0xFFFFFFFFFFFFFFFF', '18446744073709551615n'],
    ['1.5', 1.5],
    ['-.5', -0.5],
    ['1.0E21', 1e21],
    ['2.2250738585072012e-308', 2.2250738585072012e-308],
    ['1e3', 1000],
    ['INF', Infinity],
    ['-INF', -Infinity],
    ['NaN', 'NaN'],
  ])('key value %s', (literal, want) => {
    const name = CIMInstanceName.fromWBEMURI(`/root:CIM_Foo.k=${literal}`);
    expect(describeValue(name.keybindings.get('k')!)).toStrictEqual(want);
  });

  it('key value in strict mode rejects unknown escape', () => {
    const error = catchError(() => CIMInstanceName.fromWBEMURI('/root:CIM_Foo.k="C:\\Windows"', { tolerant: false }));
    expect(error.message).toContain('invalid escape sequence "\\W"');
    expect(error.column).toBe(20);
  });
});

describe('typed key values', () => {
  it.each<[string, string, unknown]>([
    ['datetime', '"20241203153000.000000+060"', { type: 'datetime', value: '20241203153000.000000+060' }],
    ['string', '"/:CIM_Foo.k=1"', '/:CIM_Foo.k=1'],
    ['string', "'x'", 'x'],
    ['char16', '"x"', { type: 'char16', value: 'x' }],
    ['uint8', '255', { type: 'uint8', value: 255 }],
    ['sint8', '-0x80', { type: 'sint8', value: -128 }],
    ['uint16', '017', { type: 'uint16', value: 15 }],
    ['uint32', '4293918720', { type: 'uint32', value: 4293918720 }],
    ['uint64', '5', { type: 'uint64', value: '5n' }],
    ['sint64', '-9223372036854775808', { type: 'sint64', value: '-9223372036854775808n' }],
    ['real32', '0.1', { type: 'real32', value: Math.fround(0.1) }],
    ['real64', '3', { type: 'real64', value: 3 }],
    ['boolean', 'tRUE', true],
    ['reference', '"/:CIM_Bar"', { className: 'CIM_Bar', namespace: null, host: null, kind: 'class' }],
  ])('key of type %s from %s', (type, literal, want) => {
    const name = CIMInstanceName.fromWBEMURI(`/root:CIM_Foo.K=${literal}`, { keyTypes: { k: type as never } });
    expect(describeValue(name.keybindings.get('k')!)).toStrictEqual(want);
  });

  it.each([
    ['uint8', '256', 'is out of range for CIM type uint8'],
    ['uint16', '-1', 'is out of range for CIM type uint16'],
    ['uint32', '"5"', 'is the string "5", which does not fit its CIM type uint32'],
    ['uint32', '1.5', 'is the unquoted 1.5, which does not fit its CIM type uint32'],
    ['boolean', '"TRUE"', 'which does not fit its CIM type boolean'],
    ['string', '5', 'is the unquoted 5, which does not fit its CIM type string'],
    ['char16', "'ab'", "the char16 value 'ab' of key \"k\" must be exactly one character"],
    ['datetime', '20241203153000', 'which does not fit its CIM type datetime'],
    ['reference', '"CIM_Bar.k=="', 'the reference value of key "k" is invalid'],
  ])('key of type %s rejects %s', (type, literal, reason) => {
    const uri = `/root:CIM_Foo.k=${literal}`;
    const error = catchError(() => CIMInstanceName.fromWBEMURI(uri, { keyTypes: { k: type as never } }));
    expect(error.message).toContain(reason);
    expect(error.column).toBe(17);
  });

  it('key type function applies to nested references', () => {
    const uri = '/:A.ref="/:B.when=\\"20241203153000.000000+060\\"",when="20241203153000.000000+060"';
    const name = CIMInstanceName.fromWBEMURI(uri, {
      keyTypes: (className, keyName) => (className === 'B' && keyName === 'when' ? 'datetime' : undefined),
    });
    const nested = name.keybindings.get('ref') as CIMInstanceName;
    expect(nested.keybindings.get('when')).toBeInstanceOf(CIMDateTime);
    expect(name.keybindings.get('when')).toBe('20241203153000.000000+060');
  });
});

describe('round trips object to URI to object', () => {
  const reference = new CIMInstanceName('CIM_RegisteredProfile', { InstanceID: 'acme.1' }, { namespace: 'interop' });
  const cases: Array<[string, KeyBindingValue, string, 'datetime' | 'reference' | undefined]> = [
    ['string', 'plain', '"plain"', undefined],
    ['string with specials', 'a,b=c.d:e"f\\g\'h', '"a,b=c.d:e\\"f\\\\g\'h"', undefined],
    ['string with unicode', 'ümlaut 😀', '"ümlaut 😀"', undefined],
    ['empty string', '', '""', undefined],
    ['boolean', false, 'FALSE', undefined],
    ['number', 42, '42', undefined],
    ['negative number', -7, '-7', undefined],
    ['bigint', 9007199254740993n, '9007199254740993', undefined],
    ['real number', 0.1, '0.1', undefined],
    ['uint8', new Uint8(200), '200', undefined],
    ['sint8', new Sint8(-5), '-5', undefined],
    ['uint16', new Uint16(65535), '65535', undefined],
    ['uint32', new Uint32(4293918720), '4293918720', undefined],
    ['uint64', new Uint64(18446744073709551615n), '18446744073709551615', undefined],
    ['sint64', new Sint64(-9223372036854775808n), '-9223372036854775808', undefined],
    ['real32', new Real32(0.1), '0.10000000149011612', undefined],
    ['real64', new Real64(2), '2.0', undefined],
    ['real64 exponent', new Real64(1e-300), '1.0E-300', undefined],
    ['char16', new Char16("'"), "'\\''", undefined],
    ['datetime', new CIMDateTime('20241203153000.000000+060'), '"20241203153000.000000+060"', 'datetime'],
    ['reference', reference, '"/interop:CIM_RegisteredProfile.InstanceID=\\"acme.1\\""', undefined],
    ['class reference', new CIMClassName('CIM_Foo', { namespace: 'root' }), '"/root:CIM_Foo"', 'reference'],
  ];

  it.each(cases)('key of kind %s', (_kind, value, literal, type) => {
    const original = new CIMInstanceName('CIM_Foo', { Key: value }, { namespace: 'root/cimv2', host: 'cimhost.example:5989' });
    const uri = original.toWBEMURI();
    expect(uri).toBe(`//cimhost.example:5989/root/cimv2:CIM_Foo.Key=${literal}`);

    const parsed = CIMInstanceName.fromWBEMURI(uri, type === undefined ? {} : { keyTypes: { key: type } });
    const want = describeValue(value);
    const got = describeValue(parsed.keybindings.get('Key')!);
    // Untyped integers and reals read back as plain numbers; their values must match.
    if (value instanceof CIMTypedValue && !(value instanceof Char16)) {
      expect(got).toStrictEqual(describeValue(value.value));
    } else {
      expect(got).toStrictEqual(want);
    }
  });

  it('number beyond 2^53 reads back as bigint', () => {
    const uri = new CIMInstanceName('CIM_Foo', { k: 1e21 }).toWBEMURI();
    expect(uri).toBe('/:CIM_Foo.k=1000000000000000000000');
    expect(CIMInstanceName.fromWBEMURI(uri).keybindings.get('k')).toBe(1000000000000000000000n);
  });

  it('typed wrappers kept with key types', () => {
    const original = new CIMInstanceName('CIM_Foo', { a: new Uint8(1), b: new Real32(0.5), c: new Sint64(-1n) });
    const parsed = CIMInstanceName.fromWBEMURI(original.toWBEMURI(), { keyTypes: { a: 'uint8', b: 'real32', c: 'sint64' } });
    expect(describePath(parsed)).toStrictEqual(describePath(original));
  });

  it('several keys keep their order', () => {
    const original = new CIMInstanceName('CIM_Foo', [
      ['Z', 'last'],
      ['a', 1],
      ['M', true],
    ]);
    expect(original.toWBEMURI()).toBe('/:CIM_Foo.Z="last",a=1,M=TRUE');
    expect(describePath(CIMInstanceName.fromWBEMURI(original.toWBEMURI()))).toStrictEqual(describePath(original));
  });
});

describe('nested references', () => {
  const innermost = new CIMInstanceName('CIM_System', { Name: 'sys "1"', Id: 3 }, { namespace: 'root/cimv2' });
  const middle = new CIMInstanceName('CIM_Service', { Name: 'svc\\a', System: innermost }, { namespace: 'root/cimv2' });
  const outer = new CIMInstanceName('CIM_Dependency', { Antecedent: middle, Dependent: 'x' }, { namespace: 'root/cimv2' });
  const uri =
    '/root/cimv2:CIM_Dependency.Antecedent="/root/cimv2:CIM_Service.Name=\\"svc\\\\\\\\a\\",' +
    'System=\\"/root/cimv2:CIM_System.Name=\\\\\\"sys \\\\\\\\\\\\\\"1\\\\\\\\\\\\\\"\\\\\\",Id=3\\"",Dependent="x"';

  it('two levels formatted', () => {
    expect(outer.toWBEMURI()).toBe(uri);
  });

  it('two levels parsed', () => {
    expect(describePath(CIMInstanceName.fromWBEMURI(uri))).toStrictEqual(describePath(outer));
  });

  it('three levels round trip', () => {
    const top = new CIMInstanceName('CIM_Top', { Ref: outer, Other: 'a"b' });
    const text = top.toWBEMURI();
    expect(describePath(CIMInstanceName.fromWBEMURI(text))).toStrictEqual(describePath(top));
    expect(describePath(CIMInstanceName.fromWBEMURI(text, { tolerant: false }))).toStrictEqual(describePath(top));
  });

  it('DSP0207 example parsed', () => {
    const name = CIMInstanceName.fromWBEMURI('/:CIM_SubProfile.Main="/:CIM_RegisteredProfile.InstanceID=\\"acme.1\\""');
    const main = name.keybindings.get('main');
    expect(main).toBeInstanceOf(CIMInstanceName);
    expect((main as CIMInstanceName).keybindings.get('InstanceID')).toBe('acme.1');
  });

  it('reference with host and scheme', () => {
    const name = CIMInstanceName.fromWBEMURI('/:A.R="https://[::1]:5989/root:B.k=1"');
    const nested = name.keybindings.get('R') as CIMInstanceName;
    expect(nested.host).toBe('[::1]:5989');
    expect(nested.keybindings.get('k')).toBe(1);
  });
});

describe('output formats', () => {
  const name = new CIMInstanceName(
    'CIM_Foo',
    [
      ['Zeta', 'Value'],
      ['alpha', 2],
      ['Ref', new CIMInstanceName('CIM_Bar', { B: 1, A: 'x' }, { namespace: 'Root' })],
    ],
    { namespace: 'Root/CIMv2', host: 'CimHost.Example:5989' },
  );

  it.each([
    ['standard', '//CimHost.Example:5989/Root/CIMv2:CIM_Foo.Zeta="Value",alpha=2,Ref="/Root:CIM_Bar.B=1,A=\\"x\\""'],
    ['canonical', '//cimhost.example:5989/root/cimv2:cim_foo.alpha=2,ref="/root:cim_bar.a=\\"x\\",b=1",zeta="Value"'],
    ['cimobject', 'Root/CIMv2:CIM_Foo.Zeta="Value",alpha=2,Ref="/Root:CIM_Bar.B=1,A=\\"x\\""'],
    ['historical', '//CimHost.Example:5989/Root/CIMv2:CIM_Foo.Zeta="Value",alpha=2,Ref="/Root:CIM_Bar.B=1,A=\\"x\\""'],
  ] as const)('instance path as %s', (format, want) => {
    expect(name.toWBEMURI(format)).toBe(want);
  });

  it.each([
    ['standard', 'root', '/root:CIM_Foo.k=1'],
    ['standard', null, '/:CIM_Foo.k=1'],
    ['historical', 'root', 'root:CIM_Foo.k=1'],
    ['historical', null, 'CIM_Foo.k=1'],
    ['cimobject', null, 'CIM_Foo.k=1'],
  ] as const)('local path as %s with namespace %s', (format, namespace, want) => {
    expect(new CIMInstanceName('CIM_Foo', { k: 1 }, { namespace }).toWBEMURI(format)).toBe(want);
  });

  it.each([
    ['standard', '/root/cimv2:CIM_Foo'],
    ['canonical', '/root/cimv2:cim_foo'],
    ['cimobject', 'root/cimv2:CIM_Foo'],
    ['historical', 'root/cimv2:CIM_Foo'],
  ] as const)('class path as %s', (format, want) => {
    expect(new CIMClassName('CIM_Foo', { namespace: 'root/cimv2' }).toWBEMURI(format)).toBe(want);
  });

  it('canonical equal for differently written paths', () => {
    const a = CIMInstanceName.fromWBEMURI('/ROOT/cimv2:cim_foo.B=1,a="x"');
    const b = CIMInstanceName.fromWBEMURI('root/CIMV2:CIM_Foo.A="x",b=0x1');
    expect(a.toWBEMURI('canonical')).toBe(b.toWBEMURI('canonical'));
  });

  it('canonical keeps value case', () => {
    const a = CIMInstanceName.fromWBEMURI('/:CIM_Foo.k="ABC"');
    const b = CIMInstanceName.fromWBEMURI('/:CIM_Foo.k="abc"');
    expect(a.toWBEMURI('canonical')).not.toBe(b.toWBEMURI('canonical'));
  });

  it('toString gives standard URI', () => {
    expect(String(name)).toBe(name.toWBEMURI('standard'));
    expect(`${new CIMClassName('CIM_Foo')}`).toBe('/:CIM_Foo');
  });

  it('odd stored host written as stored', () => {
    const odd = new CIMInstanceName('CIM_Foo', { k: 1 }, { namespace: 'root', host: 'cim host' });
    expect(String(odd)).toBe('//cim host/root:CIM_Foo.k=1');
  });

  it('unknown format rejected', () => {
    expect(() => name.toWBEMURI('mof' as never)).toThrow('Unknown WBEM URI format "mof"');
  });
});

describe('keyless instances', () => {
  it('ClassName=@ parsed in tolerant mode', () => {
    const name = CIMInstanceName.fromWBEMURI('/root:CIM_Singleton=@');
    expect(name.className).toBe('CIM_Singleton');
    expect(name.keybindings.size).toBe(0);
  });

  it('ClassName=@ rejected in strict mode', () => {
    const error = catchError(() => CIMInstanceName.fromWBEMURI('/root:CIM_Singleton=@', { tolerant: false }));
    expect(error.message).toContain('ClassName=@ is not part of DSP0207');
  });

  it.each([
    ['standard', '/root:CIM_Singleton=@'],
    ['canonical', '/root:cim_singleton=@'],
    ['historical', 'root:CIM_Singleton=@'],
    ['cimobject', 'root:CIM_Singleton'],
  ] as const)('keyless formatted as %s', (format, want) => {
    expect(new CIMInstanceName('CIM_Singleton', null, { namespace: 'root' }).toWBEMURI(format)).toBe(want);
  });

  it('class path rejected as instance path', () => {
    const error = catchError(() => CIMInstanceName.fromWBEMURI('/root:CIM_Foo'));
    expect(error.message).toContain('expected keybindings');
    expect(error.message).toContain('CIMClassName.fromWBEMURI');
    expect(error.column).toBe(14);
  });
});

describe('errors', () => {
  it.each([
    ['/root:CIM_Foo.k=', 17, 'expected a value for key "k"'],
    ['/root:CIM_Foo.k="abc', 17, 'the quoted value of key "k" has no closing "'],
    ["/root:CIM_Foo.k='ab", 17, "the quoted value of key \"k\" has no closing '"],
    ['/root:CIM_Foo.k=abc', 17, 'invalid value abc for key "k"'],
    ['/root:CIM_Foo.k=08', 17, 'a leading 0 makes it octal'],
    ['/root:CIM_Foo.k=0b101', 17, 'invalid value 0b101'],
    ['/root:CIM_Foo.k=1,', 19, 'expected a key name'],
    ['/root:CIM_Foo.k=1,K=2', 19, 'the key "K" appears twice'],
    ['/root:CIM_Foo.k', 16, 'expected "=" after the key name "k"'],
    ['/root:CIM_Foo.k="a"b', 20, 'expected "," or the end of the URI after a key value'],
    ['/root:CIM_Foo k=1', 14, 'expected "." and keybindings'],
    ['/root:1Foo', 7, 'expected a class name'],
    ['/root:', 7, 'expected a class name'],
    ['ftp://cimhost.example/root:CIM_Foo', 1, 'unknown scheme "ftp"'],
    ['///root:CIM_Foo', 3, 'expected a host after "//"'],
    ['//cimhost.example', 18, 'expected "/" and a namespace after the host'],
    ['//cimhost.example:99999/root:CIM_Foo', 3, 'invalid host: the port "99999"'],
    ['/root//cimv2:CIM_Foo', 2, 'has an empty segment'],
    ['/root/cimv2/CIM_Foo.k=1', 20, 'expected ":" between the namespace and the class name'],
    ['/:A.r="/:B.k=\\"x\\"', 7, 'the quoted value of key "r" has no closing'],
  ])('error for %s', (uri, column, reason) => {
    const error = catchError(() => parseWBEMURI(uri));
    expect(error.code).toBe('ERR_WBEM_URI');
    expect(error.column).toBe(column);
    expect(error.uri).toBe(uri);
    expect(error.message).toContain(`Invalid WBEM URI ${JSON.stringify(uri)} at column ${column}: `);
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`\n  ${uri}\n  ${' '.repeat(column - 1)}^`);
  });

  it.each([
    ['root:CIM_Foo.k=1', 1, 'expected "/" at the start of a local WBEM URI'],
    ['/CIM_Foo.k=1', 9, 'expected ":" between the namespace and the class name'],
    ['/:CIM_Foo.k="a\\b"', 15, 'invalid escape sequence "\\b"'],
  ])('strict error for %s', (uri, column, reason) => {
    const error = catchError(() => parseWBEMURI(uri, { tolerant: false }));
    expect(error.column).toBe(column);
    expect(error.message).toContain(reason);
  });

  it('instance path rejected as class path', () => {
    const error = catchError(() => CIMClassName.fromWBEMURI('/root:CIM_Foo.k=1'));
    expect(error.column).toBe(14);
    expect(error.message).toContain('use CIMInstanceName.fromWBEMURI');
  });

  it('non-string URI rejected', () => {
    expect(() => CIMInstanceName.fromWBEMURI(42 as never)).toThrow(TypeError);
  });

  it('malformed nested reference stays a string when untyped', () => {
    const name = CIMInstanceName.fromWBEMURI('/:A.r="/:B.k=="');
    expect(name.keybindings.get('r')).toBe('/:B.k==');
  });
});

describe('CIMObject headers in captured traffic', () => {
  const trafficDir = path.join(referenceDir, 'cim-xml', 'traffic');
  const headers = new Set<string>();
  for (const file of readdirSync(trafficDir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(xml|yaml|http|txt)$/.test(file)) continue;
    const text = readFileSync(path.join(trafficDir, file), 'latin1');
    // Header lines as captured: plain, with an M-POST "NN-" prefix, or after curl's "> " marker.
    for (const match of text.matchAll(/^\s*(?:>\s*)?(?:\d\d-)?CIMObject:\s*(\S+)\s*$/gm)) {
      const value = match[1]!;
      // A truncated percent escape makes the header invalid on purpose; the server rejects it.
      if (/%[0-9A-Fa-f]?$/.test(value)) continue;
      const decoded = decodeURIComponent(value);
      if (decoded.includes(':')) headers.add(decoded);
    }
  }

  it('traffic holds object headers', () => {
    expect(headers.size).toBeGreaterThanOrEqual(4);
  });

  it.each([...headers])('header %s', (header) => {
    const parsed = parseWBEMURI(header);
    const object =
      parsed.keybindings === null ? CIMClassName.fromWBEMURI(header) : CIMInstanceName.fromWBEMURI(header);
    expect(object.toWBEMURI('cimobject')).toBe(header);
  });
});
