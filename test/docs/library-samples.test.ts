import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { createTestPKI, pem, type TestPKI } from '../client/tls/certificates.js';
import { extractSamples, runSample, typeCheckSamples, type SampleContext } from './markdown-samples.js';

// Runs every ```ts block of docs/library.md, in order, against the mock server with its
// built-in model, and compares what a block prints with the ```text block after it. Blocks
// tagged `https` get an HTTPS server that requires a client certificate.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const entryPoint = path.join(repoRoot, 'src', 'index.ts');
const samples = extractSamples(readFileSync(path.join(repoRoot, 'docs', 'library.md'), 'utf8'));

let pki: TestPKI;
let httpServer: MockServer;
let httpsServer: MockServer;

beforeAll(async () => {
  pki = createTestPKI();
  httpServer = await startMockServer({});
  httpsServer = await startMockServer({
    repository: httpServer.repository,
    tls: { cert: pem(pki.server.cert), key: pem(pki.server.key), ca: pem(pki.ca), requestCert: true },
  });
});

afterAll(async () => {
  await httpsServer?.close();
  await httpServer?.close();
  pki?.remove();
});

function contextFor(tags: readonly string[]): SampleContext {
  if (!tags.includes('https')) return { url: httpServer.url };
  return { url: httpsServer.url, caFile: pki.ca, certFile: pki.client.cert, keyFile: pki.client.key };
}

describe('docs/library.md', () => {
  it('has samples for each task', () => {
    expect(samples.map((sample) => sample.heading)).toEqual([
      'Connect',
      'Enumerate instances with an async iterator',
      'Get and modify an instance',
      'Invoke a method',
      'Handle errors',
      'Record operations as YAML test cases',
      'HTTPS with a client certificate',
    ]);
  });

  it('samples type-check', () => {
    expect(typeCheckSamples(samples, repoRoot)).toEqual([]);
  }, 120_000);

  it.each(samples.map((sample) => [sample.heading, sample] as const))('sample runs: %s', async (_heading, sample) => {
    const output = await runSample(sample, entryPoint, contextFor(sample.tags));

    expect(sample.expectedOutput).not.toBeNull();
    expect(output).toBe(sample.expectedOutput);
  });
});
