import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Reads the marked blocks of docs/tutorial.md and runs its commands the way a reader types
// them, with `--mock` replaced by the URL of a running mock server.
//
// Block kinds, by the words after the opening fence:
//   shell-session          `$ wbemshell ...` lines, each followed by its output (stdout, then stderr)
//   xml request OP         the request of the next recorded operation OP of the last command above
//   xml response OP        the response of that operation
//   xml file=NAME          a file the reader saves before running the commands below it
//   http file=NAME exchange=OP   one exchange of an HTTP transcript that the last command wrote
//   yaml file=NAME         a file that the last command wrote

/** One command line of a shell-session block and the output printed below it. */
export interface SessionCommand {
  /** The line after `$ `. */
  line: string;
  expectedOutput: string;
}

export type TutorialBlock =
  | { kind: 'session'; heading: string; commands: SessionCommand[] }
  | { kind: 'message'; heading: string; part: 'request' | 'response'; operation: string; text: string }
  | { kind: 'input'; heading: string; file: string; text: string }
  | { kind: 'transcript'; heading: string; file: string; exchange: string; text: string }
  | { kind: 'written'; heading: string; file: string; text: string };

const FENCE = /^```([\w-]*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

/** Extracts the marked blocks of a markdown text in order; unmarked fences are skipped. */
export function extractTutorialBlocks(markdown: string): TutorialBlock[] {
  const blocks: TutorialBlock[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const [, language, info, body] = match as unknown as [string, string, string, string];
    const words = info.trim().split(/\s+/).filter((word) => word !== '');
    const options = Object.fromEntries(words.filter((word) => word.includes('=')).map((word) => word.split('=', 2) as [string, string]));
    const headings = [...markdown.slice(0, match.index).matchAll(/^##+ (.+)$/gm)];
    const heading = headings.at(-1)?.[1] ?? '(top)';

    if (language === 'shell-session') blocks.push({ kind: 'session', heading, commands: sessionCommands(body) });
    else if (language === 'xml' && (words[0] === 'request' || words[0] === 'response') && words[1] !== undefined) {
      blocks.push({ kind: 'message', heading, part: words[0], operation: words[1], text: body });
    } else if (language === 'xml' && options['file'] !== undefined) blocks.push({ kind: 'input', heading, file: options['file'], text: body });
    else if (language === 'http' && options['file'] !== undefined && options['exchange'] !== undefined) {
      blocks.push({ kind: 'transcript', heading, file: options['file'], exchange: options['exchange'], text: body });
    } else if (language === 'yaml' && options['file'] !== undefined) blocks.push({ kind: 'written', heading, file: options['file'], text: body });
  }
  return blocks;
}

function sessionCommands(body: string): SessionCommand[] {
  const commands: SessionCommand[] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) commands.push({ line: line.slice(2), expectedOutput: '' });
    else if (commands.length === 0) throw new Error(`A shell-session block starts with ${JSON.stringify(line)}; it must start with a "$ " line.`);
    else commands.at(-1)!.expectedOutput += `${line}\n`;
  }
  return commands;
}

/**
 * Splits a command line as a POSIX shell does for the forms the tutorial uses: words
 * separated by spaces, 'single quotes' taken literally, "double quotes" with backslash
 * escapes of `"`, `\`, `$` and backquote.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (char === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'") {
      const end = line.indexOf("'", index + 1);
      if (end < 0) throw new Error(`Unclosed ' in ${line}`);
      word = (word ?? '') + line.slice(index + 1, end);
      index = end;
    } else if (char === '"') {
      word ??= '';
      for (index += 1; index < line.length && line[index] !== '"'; index += 1) {
        if (line[index] === '\\' && '"\\$`'.includes(line[index + 1] ?? '')) index += 1;
        word += line[index];
      }
      if (index >= line.length) throw new Error(`Unclosed " in ${line}`);
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Returns the arguments after `wbemshell` with `--mock` replaced by the server URL. */
export function commandArguments(line: string, url: string): string[] {
  const [program, ...args] = splitShellWords(line);
  if (program !== 'wbemshell') throw new Error(`A tutorial command must start with wbemshell: ${line}`);
  if (!args.includes('--mock')) throw new Error(`A tutorial command must use the built-in mock server (--mock): ${line}`);
  return args.map((arg) => (arg === '--mock' ? url : arg));
}

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs `node bin/wbemshell.js` in `cwd`, with its settings and cache in a fresh folder; output is stdout followed by stderr. */
export function runWbemshell(repoRoot: string, args: readonly string[], cwd: string): Promise<RunResult> {
  const home = mkdtempSync(path.join(tmpdir(), 'wbemshell-tutorial-home-'));
  const env = { ...process.env, HOME: home, WBEMSHELL_CONFIG_DIR: home, XDG_CACHE_HOME: home, COLUMNS: '100', NO_COLOR: '1' };
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'wbemshell.js'), ...args], { cwd, env, stdio: 'pipe' });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(home, { recursive: true, force: true });
      resolve({ code, output: stdout + stderr });
    });
  });
}

/** A request or response body that the recorder saved, with the operation it belongs to. */
export interface RecordedMessage {
  operation: string;
  request: string;
  response: string | null;
}

/**
 * Runs a command with the recorder on and returns its output without the two lines that
 * `recorder on` and `recorder save` print, and the recorded messages in order.
 */
export async function runRecorded(repoRoot: string, args: readonly string[], cwd: string): Promise<RunResult & { messages: RecordedMessage[] }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'wbemshell-tutorial-xml-'));
  const result = await runWbemshell(repoRoot, ['-c', 'recorder on', ...args, '-c', `recorder save ${folder} --format xml`], cwd);

  const lines = result.output.split('\n');
  const first = lines.indexOf('The recorder is on.');
  const saved = lines.findIndex((line) => line.startsWith('Saved ') && line.endsWith(` in ${folder}.`));
  if (first !== 0 || saved < 0) throw new Error(`The recorder did not start or save:\n${result.output}`);
  lines.splice(saved, 1);
  lines.splice(first, 1);
  const messages = readMessages(folder);
  rmSync(folder, { recursive: true, force: true });
  return { code: result.code, output: lines.join('\n'), messages };
}

function readMessages(folder: string): RecordedMessage[] {
  const files = readdirSync(folder).sort();
  return files
    .filter((file) => file.endsWith('.request.xml'))
    .map((file) => {
      const response = file.replace(/\.request\.xml$/, '.response.xml');
      return {
        operation: /^\d+-(.+?)\d+\.request\.xml$/.exec(file)?.[1] ?? file,
        request: readFileSync(path.join(folder, file), 'utf8'),
        response: files.includes(response) ? readFileSync(path.join(folder, response), 'utf8') : null,
      };
    });
}

/** Replaces the server's port in a text with PORT, as the tutorial writes it. */
export function withPortPlaceholder(text: string, url: string): string {
  return text.split(new URL(url).host).join('127.0.0.1:PORT');
}

/**
 * Normalizes a CIM-XML document for comparison: whitespace between tags is dropped, empty
 * elements are written as start and end tag, and the MESSAGE ID is replaced, because it
 * counts the operations of a connection.
 */
export function normalizeXml(xml: string): string {
  return xml
    .trim()
    .replace(/>\s+</g, '><')
    .replace(/<([\w.]+)([^<>]*?)\s*\/>/g, '<$1$2></$1>')
    .replace(/(<MESSAGE ID=")[^"]*"/g, '$1*"');
}

/**
 * Normalizes the values that vary from run to run: the Date and WBEMServerResponseTime
 * headers, and UUIDs, which the mock server uses as enumeration contexts.
 */
export function normalizeVolatile(text: string): string {
  return text
    .replace(/^(\s*date|\s*wbemserverresponsetime): .*$/gim, '$1: *')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'UUID');
}

/** Returns the part of an HTTP transcript that starts at the comment line `# NAME` and ends before the next one. */
export function transcriptExchange(transcript: string, name: string): string | null {
  const parts = transcript.split(/^(?=# )/m);
  return parts.find((part) => part.startsWith(`# ${name}\n`)) ?? null;
}
