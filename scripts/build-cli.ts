/**
 * Bundles the `wbemshell` command into `dist/wbemshell.mjs` with esbuild, so that the command
 * starts without tsx and without resolving the hundreds of files of Ink, React and our sources
 * one by one.
 *
 *   npm run build:cli
 *
 * Dynamic imports become chunks beside the entry (`dist/wbemshell-*.mjs`), loaded when first
 * needed. libxmljs2 stays external, because it is a native module.
 *
 * NOTE: the whole library (client, mock server, MOF compiler, libxmljs2) still loads before
 * the shell's first frame. Shell modules on that path (shell-errors.ts, error-text.ts,
 * tui/recorder/record-view.ts) import error classes from src/index.ts, and esbuild keeps
 * every module that the index re-exports in one chunk. `bin/wbemshell.js` runs the bundle
 * only while it is newer than every file under `src/`.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(REPO_ROOT, 'dist');
const ENTRY = path.join(REPO_ROOT, 'src', 'shell', 'main.ts');
/** Every output file starts with this name, so a rebuild can remove the previous ones. */
const OUTPUT_PREFIX = 'wbemshell';

/**
 * Sources find files of the package (package.json, models/) relative to their own
 * `import.meta.url`. In the bundle that URL is the output file's, so each use is replaced by
 * the URL the source file would have, computed from the output directory.
 */
const sourceUrlPlugin: Plugin = {
  name: 'source-url',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;

      const relative = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      const sourceUrl = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', sourceUrl), loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

function removePreviousOutput(): void {
  let names: string[];
  try {
    names = readdirSync(OUT_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${OUTPUT_PREFIX}.`) || name.startsWith(`${OUTPUT_PREFIX}-`)) rmSync(path.join(OUT_DIR, name));
  }
}

removePreviousOutput();
const result = await build({
  entryPoints: { [OUTPUT_PREFIX]: ENTRY },
  outdir: OUT_DIR,
  entryNames: '[name]',
  chunkNames: `${OUTPUT_PREFIX}-[hash]`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  jsx: 'automatic',
  external: ['libxmljs2', 'react-devtools-core'],
  // Bundled CommonJS packages (React) call require() for Node.js built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [sourceUrlPlugin],
  logLevel: 'warning',
  metafile: process.argv.includes('--metafile'),
});

if (result.metafile !== undefined) writeFileSync(path.join(OUT_DIR, `${OUTPUT_PREFIX}.meta.json`), JSON.stringify(result.metafile));
