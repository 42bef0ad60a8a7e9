/**
 * Command-line handling shared by the bench scripts: reading option values, reporting an
 * invalid argument or input file on one line, and printing the usage for `--help`.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';

/**
 * An invalid argument or input file. `runCommand` prints its message as `error: <message>`
 * on stderr, without a stack trace, and sets exit code 1.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Decimal digits only, so that `1e3` and `0x10` are rejected. */
const DECIMAL_INTEGER = /^[0-9]+$/;
const DECIMAL_NUMBER = /^[0-9]+(?:\.[0-9]+)?$/;

/** Messages for the file errors that come from a wrong path, by Node.js error code. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
};

/**
 * Reads `text` as a positive integer in decimal digits. `option` names the option or operand
 * in the message, such as `--runs`, and `example` shows a valid use, such as `--runs 3`.
 */
export function parsePositiveInteger(option: string, text: string | undefined, example: string): number {
  if (text === undefined) throw new InputError(`${option} needs a value, such as ${example}`);

  const value = Number(text);
  if (!DECIMAL_INTEGER.test(text) || value < 1) {
    throw new InputError(`${option} ${JSON.stringify(text)} is not a positive integer; write decimal digits, such as ${example}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new InputError(`${option} ${JSON.stringify(text)} is too large; the maximum is ${Number.MAX_SAFE_INTEGER}`);
  }
  return value;
}

/** Reads `text` as a comma-separated list of positive integers in decimal digits, such as `1000,10000`. */
export function parsePositiveIntegerList(option: string, text: string | undefined, example: string): number[] {
  if (text === undefined) throw new InputError(`${option} needs a value, such as ${example}`);

  const entries = text.split(',');
  return entries.map((entry) => {
    const value = Number(entry);
    if (DECIMAL_INTEGER.test(entry) && value >= 1 && Number.isSafeInteger(value)) return value;

    const found = entries.length === 1 ? JSON.stringify(text) : `${JSON.stringify(text)} contains ${JSON.stringify(entry)}, which`;
    throw new InputError(
      `${option} ${found} is not a positive integer; write decimal digits separated by commas, such as ${example}`,
    );
  });
}

/** Reads `text` as a positive decimal number such as `64` or `0.5`; exponents and hex are rejected. */
export function parsePositiveNumber(option: string, text: string | undefined, example: string): number {
  if (text === undefined) throw new InputError(`${option} needs a value, such as ${example}`);

  const value = Number(text);
  if (!DECIMAL_NUMBER.test(text) || !(value > 0) || !Number.isFinite(value)) {
    throw new InputError(`${option} ${JSON.stringify(text)} is not a positive number; write decimal digits, such as ${example}`);
  }
  return value;
}

/** Returns the error for an argument that no option of the script accepts. */
/** Parses the arguments of a script whose only option is `--json`. */
export function parseJsonOption(argv: readonly string[]): { json: boolean } {
  let json = false;
  for (const argument of argv) {
    if (argument === '--json') json = true;
    else throw unknownArgument(argument, '--json or --help');
  }
  return { json };
}

export function unknownArgument(argument: string, accepted: string): InputError {
  return new InputError(`unknown argument ${JSON.stringify(argument)}; use ${accepted}`);
}

/**
 * Raises an InputError naming `file` when it cannot be opened for reading or is a directory,
 * such as `cannot read /tmp/x.xml: no such file`. Other errors are raised unchanged.
 */
export function checkReadableFile(file: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw fileError(file, error);
  }

  try {
    if (fstatSync(descriptor).isDirectory()) throw new InputError(`cannot read ${file}: ${FILE_ERRORS['EISDIR']}`);
  } finally {
    closeSync(descriptor);
  }
}

function fileError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === undefined ? undefined : FILE_ERRORS[code];
  return reason === undefined ? error : new InputError(`cannot read ${file}: ${reason}`, { cause: error });
}

/**
 * Runs `main` with the command-line arguments. `--help` or `-h` prints `usage` to stdout
 * instead. An InputError prints one line `error: <message>` to stderr and sets exit code 1.
 * Any other error is raised unchanged, so that its stack trace is printed.
 */
export async function runCommand(usage: string, main: (argv: string[]) => Promise<void> | void): Promise<void> {
  // A reader that stops early, such as `| head`, closes the pipe; the rest of the output is not wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });

  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    return;
  }

  try {
    await main(argv);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Some messages quote input text with its line ends; escaping them keeps the error on one line.
    process.stderr.write(`error: ${error.message.replace(/\r?\n/g, '\\n')}\n`);
    process.exitCode = 1;
  }
}
