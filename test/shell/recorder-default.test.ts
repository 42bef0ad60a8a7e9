import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import { openSession, startTestServer } from './mock-fixture.js';

let server: MockServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('recorder default', () => {
  it.each([
    ['interactive shell', true, ['GetClass']],
    ['-c mode', false, []],
  ])('%s', async (_mode, interactive, expected) => {
    const session = await openSession(server.url, { interactive });
    const records: string[] = [];
    session.onRecord((record) => records.push(record.operation));

    expect(session.state.recorder).toBe(interactive);
    expect((await session.execute('class get CIM_Foo')).ok).toBe(true);
    expect(records).toEqual(expected);
    await session.close();
  });
});
