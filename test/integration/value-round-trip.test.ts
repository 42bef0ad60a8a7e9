import { beforeAll, describe, expect, it } from 'vitest';
import { CIMDateTime, CIMInstance, CIMInstanceName, CIMProperty, type CIMInputValue, type CIMType, type CIMValue } from '../../src/index.js';
import { modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const UINT64_MAX = 2n ** 64n - 1n;
const SINT64_MIN = -(2n ** 63n);
const SINT64_MAX = 2n ** 63n - 1n;
const BEYOND_DOUBLE = 2n ** 53n + 1n;
const FLOAT32_MAX = 3.4028234663852886e38;

/** One property of PyWBEM_AllTypes: its type, the value sent and the value expected back. */
interface ValueCase {
  property: string;
  type: CIMType;
  value: CIMInputValue;
  expected?: CIMValue;
}

const CASES: ValueCase[] = [
  { property: 'scalBool', type: 'boolean', value: false },
  { property: 'scalUint8', type: 'uint8', value: 255 },
  { property: 'scalSint8', type: 'sint8', value: -128 },
  { property: 'scalUint16', type: 'uint16', value: 65535 },
  { property: 'scalSint16', type: 'sint16', value: -32768 },
  { property: 'scalUint32', type: 'uint32', value: 4294967295 },
  { property: 'scalSint32', type: 'sint32', value: -2147483648 },
  { property: 'scalUint64', type: 'uint64', value: UINT64_MAX },
  { property: 'scalSint64', type: 'sint64', value: SINT64_MIN },
  { property: 'defaultUint64', type: 'uint64', value: BEYOND_DOUBLE },
  { property: 'defaultSint64', type: 'sint64', value: SINT64_MAX },
  { property: 'scalReal32', type: 'real32', value: FLOAT32_MAX },
  { property: 'defaultReal32', type: 'real32', value: Math.fround(0.1) },
  { property: 'scalReal64', type: 'real64', value: 0.1 + 0.2 },
  { property: 'defaultReal64', type: 'real64', value: 5e-324 },
  { property: 'scalString', type: 'string', value: ' <a href="x">&amp;</a> "quoted" \'single\' ü € 😀\ttab ' },
  { property: 'defaultString', type: 'string', value: '' },
  { property: 'scalDateTime', type: 'datetime', value: new CIMDateTime('20241231235959.123456-300') },
  { property: 'scalTimeDelta', type: 'datetime', value: new CIMDateTime('99999999235959.999999:000') },
  { property: 'defaultDateTime', type: 'datetime', value: new CIMDateTime('20241231******.******+000') },
  { property: 'defaultBool', type: 'boolean', value: null },
  { property: 'arrayBool', type: 'boolean', value: [true, null, false] },
  { property: 'arrayUint8', type: 'uint8', value: [0, 255] },
  { property: 'arraySint8', type: 'sint8', value: [-128, 127] },
  { property: 'arrayUint16', type: 'uint16', value: [] },
  { property: 'arraySint16', type: 'sint16', value: [-32768, 32767] },
  { property: 'arrayUint32', type: 'uint32', value: [4294967295, 0] },
  { property: 'arraySint32', type: 'sint32', value: [-2147483648, 2147483647] },
  { property: 'arrayUint64', type: 'uint64', value: [0n, BEYOND_DOUBLE, UINT64_MAX] },
  { property: 'arraySint64', type: 'sint64', value: [SINT64_MIN, -1n, null, SINT64_MAX] },
  { property: 'arrayReal32', type: 'real32', value: [Math.fround(1.9), -FLOAT32_MAX] },
  { property: 'arrayReal64', type: 'real64', value: [1.7976931348623157e308, -0.000001, 123456789.123456789] },
  { property: 'arrayString', type: 'string', value: ['', 'a,b', '{x}', null, 'line\nbreak'] },
  {
    property: 'arrayDateTime',
    type: 'datetime',
    value: [new CIMDateTime('19700101000000.000000+000'), new CIMDateTime('00000001020304.050607:000')],
  },
];

function allTypesInstance(id: string): CIMInstance {
  const properties = [new CIMProperty('InstanceId', id)];
  for (const entry of CASES) properties.push(new CIMProperty(entry.property, entry.value, { type: entry.type, isArray: Array.isArray(entry.value) }));
  return new CIMInstance('PyWBEM_AllTypes', { properties });
}

/** Values as JSON-comparable data: bigints and datetimes become tagged strings, so 64-bit values compare exactly. */
function comparable(value: CIMValue | undefined): unknown {
  if (Array.isArray(value)) return value.map((element) => comparable(element));
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (value instanceof CIMDateTime) return `datetime:${value.text}`;
  return value;
}

describe('value round trip', () => {
  const handle = useServer(modelRepository);
  let created: CIMInstanceName;
  let read: CIMInstance;

  beforeAll(async () => {
    created = await handle.conn.createInstance(allTypesInstance('round-trip'));
    read = await handle.conn.getInstance(created);
  });

  it('createInstance returns path', () => {
    expect(created).toEqual(pathOf('PyWBEM_AllTypes', { InstanceId: 'round-trip' }));
    expect(read.path).toEqual(created);
  });

  it.each(CASES)('$property as $type', (entry) => {
    const property = read.properties.get(entry.property)!;
    expect(property.type).toBe(entry.type);
    expect(property.isArray).toBe(Array.isArray(entry.value));
    expect(comparable(property.value)).toEqual(comparable(entry.expected ?? (entry.value as CIMValue)));
  });

  it('64-bit values stay bigint', () => {
    expect(read.get('scalUint64')).toBe(UINT64_MAX);
    expect(read.get('scalSint64')).toBe(SINT64_MIN);
    expect(read.get('defaultUint64')).toBe(BEYOND_DOUBLE);
    expect(read.get('arrayUint64')).toEqual([0n, BEYOND_DOUBLE, UINT64_MAX]);
  });

  it('modifyInstance round trip', async () => {
    const path = pathOf('PyWBEM_AllTypes', { InstanceId: 'test_instance' });
    const modified = allTypesInstance('test_instance');
    modified.path = path;
    await handle.conn.modifyInstance(modified);

    const after = await handle.conn.getInstance(path);
    for (const entry of CASES) expect(comparable(after.get(entry.property)), entry.property).toEqual(comparable(entry.value as CIMValue));
  });

  it('enumerateInstances returns both', async () => {
    const instances = await handle.conn.enumerateInstances('PyWBEM_AllTypes', { namespace: NAMESPACE });
    expect(instances.map((instance) => instance.get('InstanceId')).sort()).toEqual(['round-trip', 'test_instance']);
    for (const instance of instances) expect(instance.get('scalUint64')).toBe(UINT64_MAX);
  });
});

describe('hard values', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it.each([
    ['quotes and backslash', 'say "hi" \\ back'],
    ['markup characters', '<a>&amp;</a>'],
    ['non-ASCII', 'Grüße € 😀'],
    ['spaces around', '  padded  '],
    ['comma and equals', 'a=1,b=2'],
  ])('string key with %s', async (_name, id) => {
    const path = await conn().createInstance(new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', id)] }));
    expect(path.keybindings.get('InstanceID')).toBe(id);

    const read = await conn().getInstance(path);
    expect(read.get('InstanceID')).toBe(id);
    await conn().deleteInstance(path);
  });

  it.each([
    ['carriage return', 'a\r\nb\rc'],
    ['tab and newline', '\tx\ny\t'],
    ['XML end of CDATA', ']]>'],
  ])('string value with %s', async (_name, text) => {
    const allTypes = pathOf('PyWBEM_AllTypes', { InstanceId: 'test_instance' });
    await conn().setProperty(allTypes, 'scalString', text);
    expect((await conn().getInstance(allTypes)).get('scalString')).toBe(text);
  });

  it.each([
    ['INF', Number.POSITIVE_INFINITY],
    ['-INF', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
    ['negative zero', -0],
  ])('real64 %s', async (_name, value) => {
    const path = pathOf('PyWBEM_AllTypes', { InstanceId: 'test_instance' });
    const modified = new CIMInstance('PyWBEM_AllTypes', { properties: [new CIMProperty('scalReal64', value, { type: 'real64' })], path });
    await conn().modifyInstance(modified);
    expect((await conn().getInstance(path)).get('scalReal64')).toBe(value);
  });

  it('embedded instance property', async () => {
    const embedded = new CIMInstance('CIM_FooEmb3');
    const created = new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', 'embedding'), new CIMProperty('cimfoo_emb3', embedded)] });
    const path = await conn().createInstance(created);

    const value = (await conn().getInstance(path)).get('cimfoo_emb3');
    expect(value).toBeInstanceOf(CIMInstance);
    expect((value as CIMInstance).className).toBe('CIM_FooEmb3');
  });

  it('reference keys address instance', async () => {
    const paths = await conn().enumerateInstanceNames('TST_MemberOfFamilyCollection');
    const member = paths.find((path) => (path.keybindings.get('member') as CIMInstanceName).keybindings.get('name') === 'Mike')!;
    const instance = await conn().getInstance(member);
    expect((instance.get('family') as CIMInstanceName).keybindings.get('name')).toBe('Family2');

    const rebuilt = new CIMInstanceName('TST_MemberOfFamilyCollection', {
      family: pathOf('TST_FamilyCollection', { name: 'Family2' }),
      member: pathOf('TST_Person', { name: 'Mike' }),
    });
    expect((await conn().getInstance(rebuilt)).path?.keybindings.get('family')).toEqual(pathOf('TST_FamilyCollection', { name: 'Family2' }));
  });
});
