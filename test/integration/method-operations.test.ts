import { describe, expect, it } from 'vitest';
import {
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_METHOD_NOT_AVAILABLE,
  CIM_ERR_METHOD_NOT_FOUND,
  CIM_ERR_NOT_FOUND,
  CIM_ERR_TYPE_MISMATCH,
  CIMClassName,
  CIMDateTime,
  CIMInstance,
  CIMInstanceName,
  CIMParameter,
  Real32,
  Sint32,
  Uint16,
  Uint32,
} from '../../src/index.js';
import { builtinRepository, cimError, modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const fooPath = (id: string, className = 'CIM_Foo') => pathOf(className, { InstanceID: id });

describe('built-in method providers', () => {
  const handle = useServer(builtinRepository);
  const conn = () => handle.conn;
  const firstOf = async (className: string) => (await conn().enumerateInstanceNames(className))[0]!;

  it('RequestStateChange sets EnabledState', async () => {
    const port = await firstOf('WBEMShell_NetworkPort');
    const result = await conn().invokeMethod('RequestStateChange', port, { RequestedState: new Uint16(3) });
    expect(result.returnValue).toBe(0);

    const after = await conn().getInstance(port);
    expect(after.get('EnabledState')).toBe(3);
    expect(after.get('RequestedState')).toBe(3);
    expect(after.get('TimeOfLastStateChange')).toBeInstanceOf(CIMDateTime);
  });

  it('RequestStateChange rejects state', async () => {
    const process = await firstOf('WBEMShell_Process');
    const before = await conn().getInstance(process);
    const result = await conn().invokeMethod('RequestStateChange', process, { RequestedState: new Uint16(7) });
    expect(result.returnValue).toBe(5);
    expect((await conn().getInstance(process)).get('EnabledState')).toBe(before.get('EnabledState'));
  });

  it('Reboot sets LastBootUpTime', async () => {
    const os = await firstOf('WBEMShell_OperatingSystem');
    const before = (await conn().getInstance(os)).get('LastBootUpTime') as CIMDateTime;
    const result = await conn().invokeMethod('Reboot', os);
    expect(result.returnValue).toBe(0);
    expect(result.outParameters.size).toBe(0);

    const after = (await conn().getInstance(os)).get('LastBootUpTime') as CIMDateTime;
    expect(after.toDate().getTime()).toBeGreaterThan(before.toDate().getTime());
  });

  it('static Create adds process', async () => {
    const before = await conn().enumerateInstanceNames('WBEMShell_Process');
    const result = await conn().invokeMethod('Create', new CIMClassName('WBEMShell_Process', { namespace: NAMESPACE }), {
      CommandLine: '/usr/bin/top -b -n 1',
    });
    expect(result.returnValue).toBe(0);

    const created = result.outParameters.get('process') as CIMInstanceName;
    expect(created).toBeInstanceOf(CIMInstanceName);
    const process = await conn().getInstance(created);
    expect(process.get('Name')).toBe('/usr/bin/top');
    expect(process.get('CommandLine')).toBe('/usr/bin/top -b -n 1');
    expect(await conn().enumerateInstanceNames('WBEMShell_Process')).toHaveLength(before.length + 1);

    const os = await firstOf('WBEMShell_OperatingSystem');
    const processes = await conn().associatorNames(os, { assocClass: 'WBEMShell_OSProcess' });
    expect(processes.some((path) => path.keybindings.get('Handle') === created.keybindings.get('Handle'))).toBe(true);
  });

  it('static Create rejects empty command', async () => {
    const result = await conn().invokeMethod('Create', 'WBEMShell_Process', { CommandLine: '  ' });
    expect(result.returnValue).toBe(5);
    expect(result.outParameters.has('Process')).toBe(false);
  });
});

describe('typed method parameters', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;
  const fooRef = pathOf('CIM_FooRef1', { InstanceID: 'CIM_FooRef11' });

  it('in and out parameters', async () => {
    const result = await conn().invokeMethod('Fuzzy', fooPath('CIM_Foo1'), {
      TestInOutParameter: 'hello <&>',
      TestRef: fooRef,
      OutputRtnValue: new Uint32(4294967295),
    });
    expect(result.returnValue).toBe(4294967295);
    expect(result.outParameters.get('TestInOutParameter')).toBe('hello <&>');
    expect(result.outParameters.get('OutputParam')).toBe('Fuzzy');
    const ref = result.outParameters.get('TestRef') as CIMInstanceName;
    expect(ref).toBeInstanceOf(CIMInstanceName);
    expect(ref.className).toBe('CIM_FooRef1');
    expect(ref.keybindings.get('InstanceID')).toBe('CIM_FooRef11');
  });

  it('parameters as CIMParameter objects', async () => {
    const result = await conn().invokeMethod('Fuzzy', fooPath('CIM_Foo_sub1', 'CIM_Foo_sub'), [
      new CIMParameter('TestInOutParameter', { type: 'string', value: null }),
      new CIMParameter('OutputRtnValue', { type: 'uint32', value: 3 }),
    ]);
    expect(result.returnValue).toBe(3);
    expect(result.outParameters.get('TestInOutParameter')).toBe('null');
    expect(result.outParameters.get('TestRef')).toBeNull();
  });

  it('static method with embedded instance', async () => {
    const embedded = new CIMInstance('CIM_FooEmb1');
    const result = await conn().invokeMethod('FuzzyStatic', 'CIM_Foo', { TestInOutParameter: 'static', cimfoo_emb1: embedded });
    expect(result.returnValue).toBe(0);
    expect(result.outParameters.get('TestInOutParameter')).toBe('static with CIM_FooEmb1');
    expect(result.outParameters.get('OutputParam')).toBe('FuzzyStatic');
  });

  it('embedded instance return value', async () => {
    const result = await conn().invokeMethod('DeleteNothing', fooPath('CIM_Foo2'));
    expect(result.returnValue).toBeInstanceOf(CIMInstance);
    expect((result.returnValue as CIMInstance).className).toBe('CIM_FooEmb2');
  });

  it('every parameter type echoed', async () => {
    const self = pathOf('PyWBEM_AllTypes', { InstanceId: 'test_instance' });
    const stamp = new CIMDateTime('20250102030405.678901+060');
    const interval = new CIMDateTime('00000010000000.000000:000');
    const inputs = {
      scalBool: false,
      scalUint32: new Uint32(4000000000),
      scalSint32: new Sint32(-2147483648),
      scalReal32: [new Real32(Math.fround(2.5)), new Real32(-0.25)],
      scalString: ['a', '', 'ü'],
      scalDatetime: [stamp, interval],
      scalRef: self,
      arrBool: [true, false, true],
      arrUint32: [new Uint32(0), new Uint32(4294967295)],
      arrSint32: [new Uint32(7)],
      arrReal32: [new Real32(1.5)],
      arrString: ['x', 'y'],
      arrDatetime: [stamp],
      arrRef: [self, fooPath('CIM_Foo1')],
    };
    const result = await conn().invokeMethod('AllTypesMethod', self, inputs);
    expect(result.returnValue).toBe(14);

    const out = result.outParameters;
    expect(out.size).toBe(14);
    expect(out.get('scalBool')).toBe(false);
    expect(out.get('scalUint32')).toBe(4000000000);
    expect(out.get('scalSint32')).toBe(-2147483648);
    expect(out.get('scalReal32')).toEqual([2.5, -0.25]);
    expect(out.get('scalString')).toEqual(['a', '', 'ü']);
    expect((out.get('scalDatetime') as CIMDateTime[]).map((value) => value.text)).toEqual([stamp.text, interval.text]);
    expect((out.get('scalRef') as CIMInstanceName).keybindings.get('InstanceId')).toBe('test_instance');
    expect(out.get('arrBool')).toEqual([true, false, true]);
    expect(out.get('arrUint32')).toEqual([0, 4294967295]);
    expect(out.get('arrSint32')).toEqual([7]);
    expect(out.get('arrReal32')).toEqual([1.5]);
    expect(out.get('arrString')).toEqual(['x', 'y']);
    expect((out.get('arrRef') as CIMInstanceName[]).map((path) => path.className)).toEqual(['PyWBEM_AllTypes', 'CIM_Foo']);
  });
});

describe('method errors', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it.each([
    ['unknown method', () => conn().invokeMethod('Nope', fooPath('CIM_Foo1')), CIM_ERR_METHOD_NOT_FOUND],
    ['method without provider', () => conn().invokeMethod('Method1', fooPath('CIM_Foo_sub_sub1', 'CIM_Foo_sub_sub')), CIM_ERR_METHOD_NOT_AVAILABLE],
    ['missing instance', () => conn().invokeMethod('Fuzzy', fooPath('missing')), CIM_ERR_NOT_FOUND],
    ['unknown class', () => conn().invokeMethod('Fuzzy', 'TST_Nothing'), CIM_ERR_INVALID_CLASS],
    ['unknown namespace', () => conn().invokeMethod('Fuzzy', fooPath('CIM_Foo1'), null, { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['undeclared parameter', () => conn().invokeMethod('Fuzzy', fooPath('CIM_Foo1'), { Nope: 'x' }), CIM_ERR_INVALID_PARAMETER],
    ['output-only parameter', () => conn().invokeMethod('Fuzzy', fooPath('CIM_Foo1'), { OutputParam: 'x' }), CIM_ERR_INVALID_PARAMETER],
    ['wrong parameter type', () => conn().invokeMethod('Fuzzy', fooPath('CIM_Foo1'), { OutputRtnValue: 'many' }), CIM_ERR_TYPE_MISMATCH],
  ] as const)('%s', async (_name, operation, statusCode) => {
    expect((await cimError(operation())).statusCode).toBe(statusCode);
  });
});
