import { Interop, loadBuiltinModel, loadModel, startMockServer, type MockRepository } from '../index.js';

/** The built-in mock server started by the shell, on 127.0.0.1 and a free port. */
export interface EmbeddedMock {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the mock server. Without MOF files it serves the built-in model: the DMTF schema,
 * the wbemshell sample model and its method providers. With files it serves a model
 * compiled from those files alone, plus an interop namespace. Both go through the
 * on-disk model cache.
 */
export async function startEmbeddedMock(mofFiles: readonly string[]): Promise<EmbeddedMock> {
  const server = await startMockServer({ repository: loadRepository(mofFiles), host: '127.0.0.1', port: 0 });
  return { url: server.url, close: () => server.close() };
}

function loadRepository(mofFiles: readonly string[]): MockRepository {
  if (mofFiles.length === 0) return loadBuiltinModel().repository;

  const model = loadModel({ mofFiles, repositoryOptions: { checkReferenceClasses: false } });
  new Interop(model.repository);
  return model.repository;
}
