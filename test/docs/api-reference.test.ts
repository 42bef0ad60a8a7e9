import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Logger, LogLevel, TSConfigReader, TypeDocReader } from 'typedoc';
import { describe, expect, it } from 'vitest';

// Runs the conversion and validation of `npm run docs` (typedoc.json: notExported,
// invalidLink and notDocumented) without writing the HTML, and lists every warning.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Logger that keeps each warning and error instead of printing it. */
class CollectingLogger extends Logger {
  readonly messages: string[] = [];

  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    if (level >= LogLevel.Warn) this.messages.push(message);
  }
}

async function validateApiReference() {
  // Type errors are the type checker's to report; this test checks the documentation only.
  const app = await Application.bootstrapWithPlugins(
    { options: path.join(repoRoot, 'typedoc.json'), skipErrorChecking: true },
    [new TypeDocReader(), new TSConfigReader()],
  );
  const logger = new CollectingLogger();
  app.logger = logger;

  const project = await app.convert();
  if (project !== undefined) app.validate(project);
  return { project, messages: logger.messages };
}

describe('API reference', () => {
  it('validates without warnings', async () => {
    const { project, messages } = await validateApiReference();

    expect(project).toBeDefined();
    expect(project?.getChildByName('WBEMConnection')).toBeDefined();
    expect(project?.getChildByName('startMockServer')).toBeDefined();
    expect(messages).toEqual([]);
  }, 120_000);
});
