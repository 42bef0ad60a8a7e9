import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { WBEMError } from '../cim/errors.js';
import { loadBuiltinModel } from './builtin/builtin-model.js';
import { loadModel } from './cache/model-cache.js';
import { Interop } from './interop.js';
import { startMockServer, type MockServer } from './server.js';

/** Streams and stop signal of the command; the defaults are the process's own. */
export interface CommandIO {
  /** Stream the password is read from with `--password-stdin`. */
  stdin: Readable;
  /** Stream for the server URL and the usage text. */
  stdout: Writable;
  /** Stream for error messages. */
  stderr: Writable;
  /** Stops the server when aborted. Default: SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

/** Usage text of `wbemshell mock-server`, printed for `--help` and after an invalid argument. */
export const MOCK_SERVER_USAGE = `Usage: wbemshell mock-server [options]

Runs a mock WBEM server in the foreground and prints its URL on one line.
CIM-XML requests go to <URL>/cimom. Stop it with Ctrl-C.

Options:
  --port N            TCP port to listen on (default 0: a free port)
  --host ADDRESS      address to listen on (default 127.0.0.1)
  --mof FILE          serve the classes and instances of this MOF file instead of the
                      built-in model; repeat for several files, compiled in order
  --namespace NS      namespace the --mof files start in (default root/cimv2)
  --user USER         require HTTP Basic authentication as USER
  --password-stdin    read the password for --user from standard input
  --cache-dir DIR     folder of the compiled-model cache (default: $XDG_CACHE_HOME/wbemshell,
                      or wbemshell-cache in the temp folder)
  --no-cache          compile the MOF files on every start
  --help              show this text
`;

/**
 * Runs `wbemshell mock-server`: starts the server, prints its URL and keeps it running
 * until the signal aborts. Returns the exit code: 0 after a normal stop, 2 for bad
 * arguments, 1 when the model or the server cannot be started.
 */
export async function runMockServerCommand(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.stderr.write(`wbemshell mock-server: ${(error as Error).message}\n\n${MOCK_SERVER_USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(MOCK_SERVER_USAGE);
    return 0;
  }

  let server: MockServer;
  try {
    const auth = options.user === undefined ? undefined : { user: options.user, password: await readPassword(io.stdin) };
    const repository = loadRepository(options);
    server = await startMockServer({ repository, host: options.host, port: options.port, auth });
  } catch (error) {
    io.stderr.write(`wbemshell mock-server: ${errorText(error)}\n`);
    return 1;
  }

  io.stdout.write(`${server.url}\n`);
  const signal = io.signal ?? terminationSignal();
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  await server.close();
  return 0;
}

interface CommandOptions {
  help: boolean;
  port: number;
  host: string;
  mofFiles: string[];
  namespace: string;
  user: string | undefined;
  cacheDirectory: string | null | undefined;
}

function parseOptions(argv: readonly string[]): CommandOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      mof: { type: 'string', multiple: true },
      namespace: { type: 'string' },
      user: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}.`);

  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${JSON.stringify(values.port)} is not a port number (0 to 65535).`);
  if (values.user !== undefined && !values['password-stdin']) throw new Error('--user needs --password-stdin, so the password is not visible in the process list.');
  if (values['password-stdin'] && values.user === undefined) throw new Error('--password-stdin needs --user.');

  return {
    help: values.help ?? false,
    port,
    host: values.host ?? '127.0.0.1',
    mofFiles: values.mof ?? [],
    namespace: values.namespace ?? 'root/cimv2',
    user: values.user,
    cacheDirectory: values['no-cache'] ? null : values['cache-dir'],
  };
}

function loadRepository(options: CommandOptions) {
  if (options.mofFiles.length === 0) return loadBuiltinModel({ cacheDirectory: options.cacheDirectory }).repository;

  // Published sample models sometimes point references at classes of another branch, so
  // user models are loaded without that check.
  const loaded = loadModel({
    mofFiles: options.mofFiles,
    namespace: options.namespace,
    cacheDirectory: options.cacheDirectory,
    repositoryOptions: { checkReferenceClasses: false },
  });
  new Interop(loaded.repository);
  return loaded.repository;
}

/** Reads standard input to its end and returns it without the final line break. */
async function readPassword(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function errorText(error: unknown): string {
  if (error instanceof WBEMError || error instanceof Error) return error.message;
  return String(error);
}

function processIO(): CommandIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

function terminationSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
