import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { runMockServerCommand } from '../../src/mock/cli.js';
import { intrinsicBody, intrinsicHeaders, testCacheDirectory } from './server-helpers.js';
import path from 'node:path';
import { referenceDir } from './server-helpers.js';

function captureIO(stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const controller = new AbortController();
  return {
    io: { stdin: Readable.from([stdinText]), stdout, stderr, signal: controller.signal },
    stop: () => controller.abort(),
    output: () => out,
    errors: () => err,
  };
}

async function firstLine(read: () => string): Promise<string> {
  for (let attempt = 0; attempt < 600 && !read().includes('\n'); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  return read().split('\n')[0]!;
}

describe('mock-server command', () => {
  it('prints the URL and serves until stopped', async () => {
    const capture = captureIO('secret\n');
    const mof = path.join(referenceDir, 'mock-models', 'simple_mock_model.mof');
    const done = runMockServerCommand(['--mof', mof, '--cache-dir', testCacheDirectory, '--user', 'u', '--password-stdin'], capture.io);

    const url = await firstLine(capture.output);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const body = intrinsicBody('EnumerateClassNames', 'root/cimv2');
    const authorization = `Basic ${Buffer.from('u:secret').toString('base64')}`;
    const response = await request(`${url}/cimom`, { method: 'POST', body, headers: { ...intrinsicHeaders('EnumerateClassNames', 'root/cimv2'), authorization } });
    await response.body.text();
    expect(response.statusCode).toBe(200);

    capture.stop();
    expect(await done).toBe(0);
  });

  it.each([
    ['unknown option', ['--frobnicate']],
    ['bad port', ['--port', 'abc']],
    ['user without password-stdin', ['--user', 'u']],
  ])('rejects %s', async (_name, argv) => {
    const capture = captureIO();
    expect(await runMockServerCommand(argv, capture.io)).toBe(2);
    expect(capture.errors()).toContain('Usage: wbemshell mock-server');
  });

  it('reports a MOF error', async () => {
    const capture = captureIO();
    expect(await runMockServerCommand(['--mof', '/nonexistent/model.mof', '--no-cache'], capture.io)).toBe(1);
    expect(capture.errors()).toContain('/nonexistent/model.mof');
  });
});
