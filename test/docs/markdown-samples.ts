import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** A ```ts block of a markdown file, with the text block that shows its output when one follows. */
export interface CodeSample {
  /** Title of the nearest `##` heading above the block. */
  heading: string;
  /** Words after `ts` on the opening fence, such as `https`. */
  tags: string[];
  code: string;
  /** Content of a ```text block directly after the sample; null when none follows. */
  expectedOutput: string | null;
}

/** Variables a sample may use without declaring them. */
export interface SampleContext {
  url: string;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

const FENCE = /^```(\w*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

/** Extracts the ```ts blocks of a markdown text in order. */
export function extractSamples(markdown: string): CodeSample[] {
  const samples: CodeSample[] = [];
  const blocks = [...markdown.matchAll(FENCE)];

  for (const [index, block] of blocks.entries()) {
    if (block[1] !== 'ts') continue;

    const start = block.index;
    const headings = [...markdown.slice(0, start).matchAll(/^## (.+)$/gm)];
    const next = blocks[index + 1];
    const between = next === undefined ? '' : markdown.slice(start + block[0].length, next.index);
    const expectedOutput = next !== undefined && next[1] === 'text' && between.trim() === '' ? next[3]! : null;

    samples.push({
      heading: headings.at(-1)?.[1] ?? '(top)',
      tags: block[2]!.trim().split(/\s+/).filter((tag) => tag !== ''),
      code: block[3]!,
      expectedOutput,
    });
  }
  return samples;
}

/**
 * Runs a sample as a module: its imports stay at the top with `wbemshell` resolved to the
 * sources, and the rest becomes the body of a function that receives the context
 * variables and a `console` whose `log` lines are returned.
 */
export async function runSample(sample: CodeSample, entryPoint: string, context: SampleContext): Promise<string> {
  const { imports, body } = splitImports(sample.code);
  const entryUrl = pathToFileURL(entryPoint).href;
  const moduleText = [
    imports.replaceAll(/from 'wbemshell'/g, `from '${entryUrl}'`),
    'export async function run({ url, caFile, certFile, keyFile, console }) {',
    body,
    '}',
  ].join('\n');

  const directory = mkdtempSync(path.join(tmpdir(), 'wbemshell-sample-'));
  try {
    const file = path.join(directory, 'sample.ts');
    writeFileSync(file, moduleText);
    const module = (await import(pathToFileURL(file).href)) as { run(context: object): Promise<void> };

    const lines: string[] = [];
    const capture = { log: (...values: unknown[]) => lines.push(values.map(String).join(' ')) };
    await module.run({ ...context, console: capture });
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Splits the leading import declarations (which may span lines) from the statements after them. */
function splitImports(code: string): { imports: string; body: string } {
  const match = /^(?:\s*import[\s\S]*?;\s*\n)*/.exec(code);
  const imports = match?.[0] ?? '';
  return { imports, body: code.slice(imports.length) };
}

/**
 * Type-checks samples with the compiler options of tsconfig.json, each as an ES module
 * that declares the context variables. Returns the diagnostics as `heading: message` lines.
 */
export function typeCheckSamples(samples: readonly CodeSample[], repoRoot: string): string[] {
  const entryPoint = path.join(repoRoot, 'src', 'index.js');
  const directory = mkdtempSync(path.join(tmpdir(), 'wbemshell-sample-check-'));
  try {
    const files = samples.map((sample, index) => {
      const file = path.join(directory, `sample-${index}.mts`);
      const declarations = 'declare const url: string, caFile: string, certFile: string, keyFile: string;\n';
      writeFileSync(file, declarations + sample.code.replaceAll(/from 'wbemshell'/g, `from '${entryPoint}'`));
      return file;
    });
    const headings = new Map(files.map((file, index) => [file, samples[index]!.heading]));
    return typeCheckFiles(files, repoRoot).map((line) => {
      const [file, ...message] = line.split(': ');
      return `${headings.get(file!) ?? file}: ${message.join(': ')}`;
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Type-checks files with the compiler options of tsconfig.json; returns `file: message` lines. */
export function typeCheckFiles(files: readonly string[], repoRoot: string): string[] {
  const configFile = ts.readConfigFile(path.join(repoRoot, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, repoRoot);
  const program = ts.createProgram(files, {
    ...options,
    noEmit: true,
    rootDir: undefined,
    typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
  });

  return files.flatMap((file) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => {
      return `${file}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    }),
  );
}
