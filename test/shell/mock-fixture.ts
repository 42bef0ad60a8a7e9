import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { MOFCompiler } from '../../src/mof/compiler.js';
import { Interop } from '../../src/mock/interop.js';
import { MockRepository } from '../../src/mock/repository.js';
import type { MethodCall } from '../../src/mock/method-providers.js';
import { CIMInstance } from '../../src/index.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { DEFAULT_TARGET } from '../../src/shell/connection-target.js';
import { Session } from '../../src/shell/session.js';
import type { ProfileStore } from '../../src/shell/settings/profile-store.js';
import type { CommandResult } from '../../src/shell/session-types.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const modelsDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'mock-models');
export const goldenDir = path.join(import.meta.dirname, 'golden');
export const NAMESPACE = 'root/cimv2';

/** The mock models the shell tests load into root/cimv2, in this order. */
export const MODEL_FILES = ['simple_mock_model.mof', 'simple_assoc_mock_model.mof', 'all_types.mof'].map((file) => path.join(modelsDir, file));

/** Builds the test repository: the models, an interop namespace and method providers for CIM_Foo. */
export function buildRepository(): MockRepository {
  const repository = new MockRepository({ checkReferenceClasses: false });
  repository.addNamespace(NAMESPACE);
  const compiler = new MOFCompiler({ target: repository, namespace: NAMESPACE });
  for (const file of MODEL_FILES) compiler.compileFile(file);
  new Interop(repository).registerProfile({ organization: 2, name: 'Profile Registration', version: '1.0.0' });

  // Fuzzy echoes its input so the tests see the typed parameters arrive.
  const fuzzy = (call: MethodCall) => {
    const text = call.parameters.get('TestInOutParameter')?.value;
    const embedded = call.parameters.get('cimfoo_emb1')?.value;
    const embeddedText = embedded instanceof CIMInstance ? ` with ${embedded.className}` : '';
    return {
      returnValue: Number(call.parameters.get('OutputRtnValue')?.value ?? 0),
      outputParameters: { TestInOutParameter: `${String(text)}${embeddedText}`, OutputParam: call.methodName },
    };
  };
  repository.registerMethodProvider(NAMESPACE, 'CIM_Foo', 'Fuzzy', fuzzy);
  repository.registerMethodProvider(NAMESPACE, 'CIM_Foo', 'FuzzyStatic', fuzzy);
  return repository;
}

/** Starts the mock server on 127.0.0.1, port 0, with the test repository. */
export function startTestServer(): Promise<MockServer> {
  return startMockServer({ repository: buildRepository(), host: '127.0.0.1', port: 0 });
}

/** Opens a non-interactive session on a server, as `-c` mode does. */
export function openSession(url: string, options: { interactive?: boolean; width?: number; profiles?: ProfileStore } = {}): Promise<Session> {
  return Session.open({ target: { ...DEFAULT_TARGET, url }, interactive: options.interactive ?? false, width: options.width ?? 100, profiles: options.profiles ?? null });
}

/** Joins the output blocks of a result: text blocks as they are, errors and warnings prefixed with their kind. */
export function resultText(result: CommandResult): string {
  return result.output.map((block) => (block.kind === 'text' ? block.text : `${block.kind}: ${block.text}`)).join('\n');
}

/** Replaces the port of the server in a text, so outputs compare across runs. */
export function withoutPort(text: string, url: string): string {
  return text.split(new URL(url).host).join('127.0.0.1:PORT');
}

/**
 * Compares a text with a golden file. With UPDATE_GOLDEN=1 the file is written instead;
 * the written files are reviewed by hand before they are committed.
 */
export function expectGolden(name: string, text: string): void {
  const file = path.join(goldenDir, `${name}.txt`);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`The golden file ${file} is missing; run the tests with UPDATE_GOLDEN=1 and review the file.`);
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, `${text}\n`);
    return;
  }
  expect(text).toBe(readFileSync(file, 'utf8').replace(/\n$/, ''));
}

/** Creates an empty temporary folder, for the settings stores and files of a test. */
export function tempConfigDirectory(): string {
  return mkdtempSync(path.join(tmpdir(), 'wbemshell-test-'));
}
