import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CIMClass } from '../../cim/class.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import { MOFCompiler, nodeFileReader, type MOFFileReader } from '../../mof/compiler.js';
import type { MOFWarning } from '../../mof/errors.js';
import type { MOFTarget } from '../../mof/target.js';
import { MockRepository, type MockRepositoryOptions } from '../repository.js';
import { restoreSnapshot, takeSnapshot, type NamespaceSnapshot } from './repository-snapshot.js';

/** Version of the cache file layout; a file of another version is ignored and rewritten. */
export const CACHE_FORMAT_VERSION = 2;

/** Options of `loadModel`. */
export interface LoadModelOptions {
  /** MOF files to compile, in order; `#pragma include` files are followed. */
  mofFiles: readonly string[];
  /** Namespace each file starts in, until a `#pragma namespace` changes it. Default `root/cimv2`. */
  namespace?: string;
  /** Folder of the cache files; null disables the cache. Default `defaultCacheDirectory()`. */
  cacheDirectory?: string | null;
  /** Options of the repository the files compile into; they are part of the cache file name. Default: those of `new MockRepository()`. */
  repositoryOptions?: MockRepositoryOptions;
}

/** Source of the model: a valid cache file (`hit`), a compile (`miss`), or a compile with the cache off (`disabled`). */
export type CacheStatus = 'hit' | 'miss' | 'disabled';

/** Result of `loadModel`: the repository and where it came from. */
export interface LoadedModel {
  /** Repository with the compiled (or restored) qualifier declarations, classes and instances. */
  repository: MockRepository;
  /** Whether the repository was restored from the cache, compiled, or compiled with the cache off. */
  cacheStatus: CacheStatus;
  /** The cache file read or written; null when the cache is off. */
  cacheFile: string | null;
  /** Error that stopped writing the cache file; null when it was written or not needed. */
  cacheWriteError: Error | null;
  /** Every MOF file read, includes too, as absolute paths. */
  files: string[];
  /** Compiler warnings; empty on a cache hit. */
  warnings: MOFWarning[];
}

interface CacheFile {
  format: number;
  /** SHA-256 of the content of each MOF file read, in reading order. */
  files: Array<{ path: string; sha256: string }>;
  snapshot: NamespaceSnapshot[];
}

/** Returns `$XDG_CACHE_HOME/wbemshell` when XDG_CACHE_HOME is set, else `wbemshell-cache` in the OS temp folder. */
export function defaultCacheDirectory(): string {
  const xdg = process.env['XDG_CACHE_HOME'];
  return xdg ? join(xdg, 'wbemshell') : join(tmpdir(), 'wbemshell-cache');
}

/**
 * Builds a repository from MOF files, through a cache on disk. A cache file is named
 * after the list of MOF files and the start namespace, and is used only when every MOF
 * file it lists (includes too) still has the same SHA-256, so any change to any file
 * read causes a fresh compile. Raises MOFCompileError when a file does not compile.
 */
export function loadModel(options: LoadModelOptions): LoadedModel {
  const mofFiles = options.mofFiles.map((file) => resolve(file));
  const namespace = options.namespace ?? 'root/cimv2';
  const directory = options.cacheDirectory === undefined ? defaultCacheDirectory() : options.cacheDirectory;

  if (directory === null) {
    const compiled = compileModel(mofFiles, namespace, options.repositoryOptions);
    return { ...compiled, cacheStatus: 'disabled', cacheFile: null, cacheWriteError: null };
  }

  const cacheFile = join(directory, `${cacheName(mofFiles, namespace, options.repositoryOptions)}.v8`);
  const cached = readValidCache(cacheFile);
  if (cached !== null) {
    const repository = new MockRepository(options.repositoryOptions);
    restoreSnapshot(repository, cached.snapshot);
    const files = cached.files.map((file) => file.path);
    return { repository, cacheStatus: 'hit', cacheFile, cacheWriteError: null, files, warnings: [] };
  }

  const compiled = compileModel(mofFiles, namespace, options.repositoryOptions);
  const content: CacheFile = { format: CACHE_FORMAT_VERSION, files: compiled.hashes, snapshot: takeSnapshot(compiled.repository) };
  const cacheWriteError = writeAtomically(directory, cacheFile, serialize(content));
  return { ...compiled, cacheStatus: 'miss', cacheFile, cacheWriteError };
}

function cacheName(mofFiles: readonly string[], namespace: string, repositoryOptions: MockRepositoryOptions | undefined): string {
  const key = JSON.stringify({ format: CACHE_FORMAT_VERSION, mofFiles, namespace, repositoryOptions: repositoryOptions ?? {} });
  return `model-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** Returns the cache content when the file exists, has this format and every MOF file it lists is unchanged. */
function readValidCache(cacheFile: string): CacheFile | null {
  let content: CacheFile;
  try {
    content = deserialize(readFileSync(cacheFile)) as CacheFile;
  } catch {
    // A missing, truncated or foreign file is a cache miss.
    return null;
  }
  if (content?.format !== CACHE_FORMAT_VERSION || !Array.isArray(content.files)) return null;

  for (const file of content.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch {
      return null;
    }
    if (sha256(bytes) !== file.sha256) return null;
  }
  return content;
}

/** Writes a temporary file in the same folder and renames it over `file`, so a failure leaves the old file. */
function writeAtomically(directory: string, file: string, bytes: Buffer): Error | null {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    return error as Error;
  }
}

interface CompiledModel {
  repository: MockRepository;
  files: string[];
  hashes: Array<{ path: string; sha256: string }>;
  warnings: MOFWarning[];
}

function compileModel(mofFiles: readonly string[], namespace: string, repositoryOptions: MockRepositoryOptions | undefined): CompiledModel {
  const repository = new MockRepository(repositoryOptions);
  const hashes: Array<{ path: string; sha256: string }> = [];
  const fileReader: MOFFileReader = {
    readFile(path) {
      const bytes = readFileSync(path);
      hashes.push({ path: resolve(path), sha256: sha256(bytes) });
      return bytes.toString('utf8');
    },
    resolveInclude: nodeFileReader.resolveInclude,
  };

  const compiler = new MOFCompiler({ target: namespaceCreatingTarget(repository), namespace, fileReader });
  const warnings: MOFWarning[] = [];
  for (const file of mofFiles) warnings.push(...compiler.compileFile(file).warnings);
  return { repository, files: hashes.map((entry) => entry.path), hashes, warnings };
}

/** Wraps the repository in a MOFTarget that creates a namespace when a declaration first goes into it. */
function namespaceCreatingTarget(repository: MockRepository): MOFTarget {
  const ensure = (namespace: string): void => {
    if (!repository.hasNamespace(namespace)) repository.addNamespace(namespace);
  };
  return {
    getQualifierDeclaration: (namespace: string, name: string): CIMQualifierDeclaration | undefined =>
      repository.hasNamespace(namespace) ? repository.getQualifierDeclaration(namespace, name) : undefined,
    setQualifierDeclaration: (namespace: string, declaration: CIMQualifierDeclaration): void => {
      ensure(namespace);
      repository.setQualifierDeclaration(namespace, declaration);
    },
    getClass: (namespace: string, className: string): CIMClass | undefined =>
      repository.hasNamespace(namespace) ? repository.namespace(namespace).classes.get(className) : undefined,
    createClass: (namespace: string, resolvedClass: CIMClass): void => {
      ensure(namespace);
      repository.createClass(namespace, resolvedClass);
    },
    createInstance: (namespace: string, instance: CIMInstance): CIMInstanceName => {
      ensure(namespace);
      return repository.createInstance(namespace, instance);
    },
  };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
