import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import type { Session } from '../../src/shell/session.js';
import { openSession, repoRoot, resultText, startTestServer } from './mock-fixture.js';

const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');

let server: MockServer;
let session: Session;
let folder: string;

beforeAll(async () => {
  server = await startTestServer();
  session = await openSession(server.url);
  folder = await mkdtemp(path.join(tmpdir(), 'wbemshell-debug-'));
});

afterAll(async () => {
  await session.close();
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

const run = async (line: string) => {
  const result = await session.execute(line);
  return { ok: result.ok, text: resultText(result) };
};

describe('debug commands', () => {
  it('validate FILE reports a deviation', async () => {
    const file = path.join(traffic, 'openpegasus_AssocDirNames12001rspgood.xml');
    const strict = await run(`validate ${file}`);
    expect(strict.ok).toBe(true);
    expect(strict.text).toMatch(/^DTD 2\.4: the document .* is not valid: 204 violations, 204 of them known deviations/);
    expect(strict.text).toContain('line 20: Element KEYVALUE does not carry attribute TYPE [keyvalue-without-type]');
    expect(strict.text).toContain('keyvalue-without-type (server-deviation): KEYVALUE without TYPE');

    const older = await run(`validate ${file} --dtd 2.3.1`);
    expect(older.text).toMatch(/DTD 2\.3\.1: the document .* is valid\.$/);
  });

  it('validate on checks each response', async () => {
    expect((await run('validate on --dtd 2.2')).text).toBe('Each response is validated against DTD 2.2.');
    const pulled = await run('instance enumerate CIM_Foo --names-only');
    expect(pulled.ok).toBe(true);
    expect(pulled.text).toContain('warning: DTD 2.2: the response to OpenEnumerateInstancePaths is not valid');
    expect(pulled.text).toContain('[content-model-of-other-version]');

    expect((await run('validate 2.4')).text).toBe('Each response is validated against DTD 2.4.');
    const again = await run('instance enumerate CIM_Foo --names-only');
    expect(again.text).not.toContain('warning: DTD');
    expect((await run('validate off')).text).toBe('Validation is off.');
    expect((await run('validate')).text).toBe('Validation is off; the DTD version is 2.4.');
  });

  it('raw sends a request file', async () => {
    const request = await readFile(path.join(traffic, 'openpegasus_EnumerateClassNames20007.xml'), 'utf8');
    const file = path.join(folder, 'request.xml');
    await writeFile(file, request);
    const result = await run(`raw ${file}`);
    expect(result.ok).toBe(true);
    expect(result.text).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(result.text).toContain('<IMETHODRESPONSE NAME="EnumerateClassNames">');
  });

  it('raw shows a rejection', async () => {
    const file = path.join(traffic, 'openpegasus_MissingCIMMethodTag01.xml');
    const result = await run(`raw ${file} --header CIMMethod:Bogus`);
    expect(result.text).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(result.text).toContain('cimerror: header-mismatch');
    expect(result.text).toContain('warning: HTTPError');
  });

  it('recorder save, replay and explain', async () => {
    await run('recorder on');
    await run('class get CIM_Foo');
    const saved = await run(`recorder save ${path.join(folder, 'ops.http')} --format http`);
    expect(saved.text).toMatch(/^Saved \d+ operations to /);

    const replayed = await run(`replay ${path.join(folder, 'ops.http')}`);
    expect(replayed.ok).toBe(true);
    expect(replayed.text).toMatch(/Replayed \d+ requests: \d+ with the same response, 0 different\.$/);

    const explained = await run('explain');
    expect(explained.text).toMatch(/^Operation \d+: RawRequest/);
    const first = await run('explain 1');
    expect(first.text).toContain('intrinsic operation GetClass:');
    expect(first.text).toContain('(PropertyList left out)  -- not sent, so the server applies the default: NULL: all properties');
  });

  it('explain out of range', async () => {
    const result = await run('explain 999');
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/There is no recorded operation 999/);
  });
});
