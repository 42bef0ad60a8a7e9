import path from 'node:path';
import { CIMInstance, CIMProperty, MemoryRecorder, WBEMConnection, type OperationRecord } from '../../../src/index.js';
import { loadModel } from '../../../src/mock/cache/model-cache.js';
import { createInstance } from '../../../src/mock/operations/instance-operations.js';
import { startMockServer, type MockServer } from '../../../src/mock/server.js';
import { MOFCompiler } from '../../../src/mof/compiler.js';
import type { CommandProgress, CommandResult, Completion, SessionState, ShellSession } from '../../../src/shell/session-types.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');

/** Namespaces of the test server: the DMTF schema, a small model with instances, and the small model with many instances. */
export const SCHEMA_NS = 'root/cimv2';
export const MODEL_NS = 'root/test';
export const BIG_NS = 'root/big';

const COMMANDS = ['cd', 'class', 'exit', 'instance', 'sleep'];
const SUBCOMMANDS: Readonly<Record<string, string[]>> = { class: ['get'], instance: ['enumerate'] };

/**
 * A small ShellSession for the TUI tests: a real WBEMConnection to the real mock server
 * over loopback HTTP, with a handful of commands (`cd`, `class get`, `instance
 * enumerate`, `sleep`, `exit`) and completion of command words, class names and namespaces.
 */
class TestSession implements ShellSession {
  state: SessionState;
  readonly #connection: WBEMConnection;
  readonly #server: MockServer;
  readonly #recorder = new MemoryRecorder();
  readonly #listeners = new Set<(state: SessionState) => void>();
  readonly #classNames = new Map<string, string[]>();

  constructor(server: MockServer, options: { noVerify?: boolean }) {
    this.#server = server;
    this.#connection = new WBEMConnection(server.url, { recorders: [this.#recorder], defaultNamespace: SCHEMA_NS });
    this.state = {
      url: server.url,
      mock: true,
      namespace: SCHEMA_NS,
      output: 'mof',
      pull: 'off',
      recorder: true,
      noVerify: options.noVerify ?? false,
      timeout: 30,
      profile: null,
    };
  }

  async execute(line: string, options: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void } = {}): Promise<CommandResult> {
    const words = line.trim().split(/\s+/);
    const namespace = this.state.namespace;
    try {
      if (words[0] === 'exit') return { ok: true, output: [], exit: true };
      if (words[0] === 'cd' && words[1]) {
        await this.#connection.enumerateClassNames(null, { namespace: words[1], signal: options.signal });
        this.#update({ ...this.state, namespace: words[1] });
        return { ok: true, output: [] };
      }
      if (words[0] === 'class' && words[1] === 'get' && words[2]) {
        const found = await this.#connection.getClass(words[2], { namespace, signal: options.signal });
        return { ok: true, output: [{ kind: 'text', text: found.toMOF() }] };
      }
      if (words[0] === 'instance' && words[1] === 'enumerate' && words[2]) {
        options.onProgress?.({ message: 'instances', count: 0 });
        const instances = await this.#connection.enumerateInstances(words[2], { namespace, signal: options.signal });
        options.onProgress?.({ message: 'instances', count: instances.length });
        return { ok: true, output: instances.map((instance) => ({ kind: 'text' as const, text: instance.toMOF() })) };
      }
      if (words[0] === 'sleep') return await sleep(Number(words[1] ?? '60') * 1000, options);
      return { ok: false, output: [{ kind: 'error', text: `Unknown command "${line}".` }] };
    } catch (error) {
      return { ok: false, output: [{ kind: 'error', text: error instanceof Error ? error.message : String(error) }] };
    }
  }

  async complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
    const before = line.slice(0, cursor);
    const start = before.lastIndexOf(' ') + 1;
    const token = before.slice(start).toLowerCase();
    const words = before.slice(0, start).trim().split(/\s+/).filter((word) => word !== '');

    let values: string[];
    if (words.length === 0) values = COMMANDS;
    else if (words.length === 1 && words[0] === 'cd') values = [SCHEMA_NS, MODEL_NS, BIG_NS];
    else if (words.length === 1) values = SUBCOMMANDS[words[0]!] ?? [];
    else values = await this.#classNamesOf(this.state.namespace, signal);

    const candidates = values.filter((value) => value.toLowerCase().startsWith(token)).map((value) => ({ value }));
    return { start, candidates };
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onRecord(listener: (record: OperationRecord) => void): () => void {
    return this.#recorder.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.#connection.close();
    await this.#server.close();
  }

  async #classNamesOf(namespace: string, signal?: AbortSignal): Promise<string[]> {
    const cached = this.#classNames.get(namespace);
    if (cached) return cached;
    const names = (await this.#connection.enumerateClassNames(null, { namespace, deepInheritance: true, signal })).sort();
    this.#classNames.set(namespace, names);
    return names;
  }

  #update(state: SessionState): void {
    this.state = state;
    for (const listener of this.#listeners) listener(state);
  }
}

function sleep(milliseconds: number, options: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const ticker = setInterval(() => options.onProgress?.({ message: 'waiting', count: ++count }), 20);
    const timer = setTimeout(() => {
      clearInterval(ticker);
      resolve({ ok: true, output: [{ kind: 'text', text: 'slept' }] });
    }, milliseconds);
    options.signal?.addEventListener('abort', () => {
      clearInterval(ticker);
      clearTimeout(timer);
      reject(options.signal?.reason);
    });
  });
}

/** Number of CIM_Foo instances created in `BIG_NS`. */
export const BIG_COUNT = 10_000;

/** Starts the mock server on 127.0.0.1 and a free port with the test namespaces, and a session connected to it. */
export async function startTestSession(options: { noVerify?: boolean } = {}): Promise<ShellSession> {
  const schema = path.join(referenceDir, 'cim-schema', 'cim_schema_2.49.0.mof');
  const { repository } = loadModel({ mofFiles: [schema], repositoryOptions: { checkReferenceClasses: false } });

  const model = path.join(referenceDir, 'mock-models', 'simple_mock_model.mof');
  for (const namespace of [MODEL_NS, BIG_NS]) {
    repository.addNamespace(namespace);
    new MOFCompiler({ target: repository, namespace }).compileFile(model);
  }
  for (let index = 0; index < BIG_COUNT; index++) {
    const properties = [new CIMProperty('InstanceID', `big-${index}`, { type: 'string' }), new CIMProperty('IntegerProp', index, { type: 'uint32' })];
    createInstance(repository, BIG_NS, new CIMInstance('CIM_Foo', { properties }));
  }

  const server = await startMockServer({ repository, host: '127.0.0.1', port: 0 });
  return new TestSession(server, options);
}
