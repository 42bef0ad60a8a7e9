#!/usr/bin/env node
// Starts the wbemshell command. In order of preference:
// - dist/wbemshell.mjs, the esbuild bundle of `npm run build:cli`, unless a file under src/ is
//   newer (a git checkout where the sources changed after the build);
// - dist/shell/main.js, the tsc build, in an installed package (which has no src/);
// - the TypeScript sources through tsx, in a git checkout without a current bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

// Ink draws nothing until the program ends when the CI or CONTINUOUS_INTEGRATION variable is
// set, as it is in CI jobs. On an interactive terminal the shell must draw, so the variables
// are cleared before Ink loads; they were never meant for this program's own children.
if (process.stdin.isTTY && process.stdout.isTTY) {
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
    if (name in process.env) process.env[name] = '0';
  }
}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sources = path.join(root, 'src');
const bundle = path.join(root, 'dist', 'wbemshell.mjs');
const built = path.join(root, 'dist', 'shell', 'main.js');

/** Returns the newest modification time of the files under `folder`, in milliseconds. */
function newestMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

const hasSources = existsSync(sources);
const bundleTime = mtime(bundle);

if (bundleTime !== null && (!hasSources || bundleTime >= newestMtime(sources))) {
  await import(pathToFileURL(bundle).href);
} else if (!hasSources && existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig.json (JSX runtime, module settings), whatever the working directory.
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  await import(pathToFileURL(path.join(sources, 'shell', 'main.ts')).href);
}
