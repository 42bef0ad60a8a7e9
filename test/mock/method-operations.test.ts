import { describe, expect, it } from 'vitest';
import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMError } from '../../src/cim/errors.js';
import type { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import type { MethodCall } from '../../src/mock/method-providers.js';
import { invokeMethod } from '../../src/mock/operations/method-operations.js';
import { getInstance } from '../../src/mock/operations/instance-operations.js';
import { basePath, buildRepository, NS } from './model.js';
import { statusOfAsync } from './status-of.js';

function repositoryWithAdd() {
  const repository = buildRepository();
  const calls: MethodCall[] = [];
  repository.registerMethodProvider(NS, 'TST_Base', 'add', (call) => {
    calls.push(call);
    const a = call.parameters.get('A')?.value as number;
    const b = call.parameters.get('B')?.value as number;
    return { returnValue: 0, outputParameters: { Sum: a + b } };
  });
  return { repository, calls };
}

describe('invokeMethod', () => {
  it('calls the provider with typed input parameters', async () => {
    const { repository, calls } = repositoryWithAdd();
    const result = await invokeMethod(repository, NS, basePath('TST_Base', 'b1'), 'ADD', { a: 2, B: new Uint32(3) });

    expect(result.returnValue).toBe(0);
    expect(result.returnType).toBe('uint32');
    expect(result.outputParameters.get('sum')).toMatchObject({ name: 'Sum', type: 'uint32', value: 5 });
    expect(calls[0]?.methodName).toBe('Add');
    expect(calls[0]?.parameters.get('A')).toMatchObject({ name: 'A', type: 'uint32', value: 2 });
    expect(calls[0]?.repository).toBe(repository);
  });

  it('accepts parameters as CIMParameter objects', async () => {
    const { repository } = repositoryWithAdd();
    const parameters = [new CIMParameter('A', { value: new Uint32(4) }), new CIMParameter('B', { value: new Uint32(1) })];
    const result = await invokeMethod(repository, NS, basePath('TST_Base', 'b1'), 'Add', parameters);
    expect(result.outputParameters.get('Sum')?.value).toBe(5);
  });

  it('serves subclasses with a superclass provider', async () => {
    const { repository, calls } = repositoryWithAdd();
    await invokeMethod(repository, NS, basePath('TST_SubSub', 'ss1'), 'Add', { A: 1, B: 1 });
    expect(calls[0]?.objectName.className).toBe('TST_SubSub');
  });

  it('prefers a named provider over the wildcard', async () => {
    const repository = buildRepository();
    repository.registerMethodProvider(NS, 'TST_Base', '*', () => ({ returnValue: 'any' }));
    repository.registerMethodProvider(NS, 'TST_Sub', 'Echo', (call) => ({
      returnValue: (call.parameters.get('Text')?.value as string[]).join(' '),
    }));
    const echoed = await invokeMethod(repository, NS, basePath('TST_Sub', 's1'), 'echo', { Text: ['a', 'b'] });
    const wildcard = await invokeMethod(repository, NS, basePath('TST_Base', 'b1'), 'echo', { Text: ['a'] });
    expect(echoed.returnValue).toBe('a b');
    expect(wildcard.returnValue).toBe('any');
  });

  it('invokes a method on a class path', async () => {
    const repository = buildRepository();
    repository.registerMethodProvider(NS, 'TST_Base', 'Echo', async (call) => ({
      returnValue: call.objectName instanceof CIMClassName ? 'static' : 'instance',
    }));
    const result = await invokeMethod(repository, NS, new CIMClassName('TST_Base'), 'Echo');
    expect(result.returnValue).toBe('static');
  });

  it('lets a provider change the repository', async () => {
    const repository = buildRepository();
    repository.registerMethodProvider(NS, 'TST_Base', 'Echo', (call) => {
      call.repository.deleteInstance(call.namespace, call.objectName as CIMInstanceName);
      return { returnValue: 'deleted' };
    });
    await invokeMethod(repository, NS, basePath('TST_Base', 'b1'), 'Echo');
    expect(await statusOfAsync(async () => getInstance(repository, NS, basePath('TST_Base', 'b1')))).toBe(6);
  });

  it.each([
    ['unknown method', 'Nope', { A: 1 }, 17],
    ['unknown parameter', 'Add', { C: 1 }, 4],
    ['output-only parameter', 'Add', { Sum: 1 }, 4],
    ['wrong parameter type', 'Add', { A: 'one' }, 13],
    ['array for scalar', 'Add', { A: [1] }, 13],
    ['out of range', 'Add', { A: -1 }, 13],
  ])('%s', async (_name, methodName, parameters, code) => {
    const { repository } = repositoryWithAdd();
    expect(await statusOfAsync(() => invokeMethod(repository, NS, basePath('TST_Base', 'b1'), methodName, parameters))).toBe(code);
  });

  it.each([
    ['no provider', 'TST_Other', () => ({ returnValue: 0 }), 16],
    ['provider raises CIMError', 'TST_Base', () => { throw new CIMError(2, 'denied'); }, 2],
    ['provider fails', 'TST_Base', () => { throw new Error('boom'); }, 1],
    ['bad return value', 'TST_Base', () => ({ returnValue: 'zero' }), 1],
    ['undeclared output', 'TST_Base', () => ({ returnValue: 0, outputParameters: { Extra: 1 } }), 1],
  ])('%s', async (_name, providerClass, provider, code) => {
    const repository = buildRepository();
    repository.registerMethodProvider(NS, providerClass, 'Add', provider);
    expect(await statusOfAsync(() => invokeMethod(repository, NS, basePath('TST_Base', 'b1'), 'Add', { A: 1 }))).toBe(code);
  });

  it.each([
    ['missing instance', basePath('TST_Base', 'zz'), 6],
    ['unknown class', new CIMClassName('Nope'), 5],
  ])('%s', async (_name, target, code) => {
    const { repository } = repositoryWithAdd();
    expect(await statusOfAsync(() => invokeMethod(repository, NS, target, 'Add'))).toBe(code);
  });
});
