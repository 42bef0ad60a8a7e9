import { WBEMConnection } from '../../../src/client/connection.js';
import { MemoryRecorder } from '../../../src/client/recorders/memory-recorder.js';
import { startMockServer, type MockServer } from '../../../src/mock/server.js';
import { buildRepository } from '../../mock/model.js';

/** A mock server on 127.0.0.1 with the test model, and a connection to it that records into memory. */
export interface MockFixture {
  server: MockServer;
  connection: WBEMConnection;
  recorder: MemoryRecorder;
  close(): Promise<void>;
}

/** Starts the mock server with the shared test model (namespace `root/test`). */
export async function startMockFixture(): Promise<MockFixture> {
  const server = await startMockServer({ repository: buildRepository() });
  const recorder = new MemoryRecorder();
  const connection = new WBEMConnection(server.url, { defaultNamespace: 'root/test', recorders: [recorder] });
  return {
    server,
    connection,
    recorder,
    close: async () => {
      await connection.close();
      await server.close();
    },
  };
}
