import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { CIMError, CIMInstance, CIMInstanceName, WBEMConnection, loadBuiltinModel, loadModel, startMockServer } from '../../src/index.js';
import type { MockRepository, MockServer } from '../../src/index.js';
import type { MethodCall } from '../../src/mock/method-providers.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const modelsDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'mock-models');
export const NAMESPACE = 'root/cimv2';

/** Cache folder of the compiled models; entries are checked against the MOF contents. */
const cacheDirectory = path.join(tmpdir(), 'wbemshell-test-model-cache');

/** The reference models compiled into root/cimv2, in this order. */
export const MODEL_FILES = ['simple_mock_model.mof', 'simple_assoc_mock_model.mof', 'all_types.mof'].map((file) => path.join(modelsDir, file));

/**
 * Compiles the reference models into a fresh repository. The family model gives a
 * TST_FamilyCollection to a `TST_Person REF`, so reference classes are not checked.
 */
export function modelRepository(): MockRepository {
  const { repository } = loadModel({
    mofFiles: MODEL_FILES,
    namespace: NAMESPACE,
    cacheDirectory,
    repositoryOptions: { checkReferenceClasses: false },
  });
  registerModelProviders(repository);
  return repository;
}

/** Loads a fresh copy of the built-in model with its method providers. */
export function builtinRepository(): MockRepository {
  return loadBuiltinModel({ cacheDirectory }).repository;
}

/**
 * Registers test providers for the methods of the reference models, which come without
 * any: Fuzzy and FuzzyStatic echo their input, DeleteNothing returns an embedded
 * instance, and AllTypesMethod returns every input parameter as its output parameter.
 */
function registerModelProviders(repository: MockRepository): void {
  const fuzzy = (call: MethodCall) => {
    const embedded = call.parameters.get('cimfoo_emb1')?.value;
    const embeddedText = embedded instanceof CIMInstance ? ` with ${embedded.className}` : '';
    return {
      returnValue: Number(call.parameters.get('OutputRtnValue')?.value ?? 0),
      outputParameters: {
        TestInOutParameter: `${String(call.parameters.get('TestInOutParameter')?.value ?? null)}${embeddedText}`,
        TestRef: call.parameters.get('TestRef')?.value ?? null,
        OutputParam: call.methodName,
      },
    };
  };
  repository.registerMethodProvider(NAMESPACE, 'CIM_Foo', 'Fuzzy', fuzzy);
  repository.registerMethodProvider(NAMESPACE, 'CIM_Foo', 'FuzzyStatic', fuzzy);

  repository.registerMethodProvider(NAMESPACE, 'CIM_Foo', 'DeleteNothing', () => {
    const embedded = new CIMInstance('CIM_FooEmb2');
    return { returnValue: embedded };
  });

  repository.registerMethodProvider(NAMESPACE, 'PyWBEM_AllTypes', 'AllTypesMethod', (call: MethodCall) => ({
    returnValue: call.parameters.size,
    outputParameters: [...call.parameters.values()],
  }));
}

/** A mock server and a connection to it, started before the tests of a describe block and stopped after them. */
export interface ServerHandle {
  server: MockServer;
  conn: WBEMConnection;
}

/**
 * Starts a mock server on 127.0.0.1 (port 0) with the repository that `build` returns,
 * before the tests of the enclosing describe block, and a connection to it whose default
 * namespace is root/cimv2. Both are closed after the block.
 */
export function useServer(build: () => MockRepository): ServerHandle {
  const handle = {} as ServerHandle;
  beforeAll(async () => {
    handle.server = await startMockServer({ repository: build(), host: '127.0.0.1', port: 0 });
    handle.conn = new WBEMConnection(handle.server.url, { defaultNamespace: NAMESPACE, timeout: 10_000 });
  });
  afterAll(async () => {
    await handle.conn?.close();
    await handle.server?.close();
  });
  return handle;
}

/** Runs an operation that must fail and returns its CIMError; fails the test for another outcome. */
export async function cimError(operation: Promise<unknown>): Promise<CIMError> {
  const error = await operation.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CIMError);
  return error as CIMError;
}

/** Returns the value of one key of instances or paths, sorted. */
export function keyValues(objects: ReadonlyArray<CIMInstance | CIMInstanceName>, key: string): string[] {
  return objects
    .map((object) => {
      const path = object instanceof CIMInstanceName ? object : object.path;
      return String(path?.keybindings.get(key));
    })
    .sort();
}

/** Returns a path in root/cimv2 with string keys. */
export function pathOf(className: string, keys: Record<string, string>): CIMInstanceName {
  return new CIMInstanceName(className, keys, { namespace: NAMESPACE });
}

/** Collects the objects of an async iteration. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of iterable) result.push(item);
  return result;
}
