import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { MOFClassDeclaration, MOFInstanceDeclaration, MOFPragma, MOFProduction } from './ast.js';
import { buildDeclaredClass } from './class-builder.js';
import { ClassResolutionError, resolveClass } from './class-resolver.js';
import { SourceContext, type CompileRun } from './source-context.js';
import { MOFCompileError, type MOFPosition, type MOFSource, type MOFWarning } from './errors.js';
import { buildInstance } from './instance-builder.js';
import { MOFRepository } from './memory-target.js';
import { parseMOF } from './parser.js';
import { buildQualifierDeclaration } from './qualifier-builder.js';
import type { MOFTarget } from './target.js';
import { elementPosition } from './element-position.js';

/** Reads MOF files; replace it to compile from memory in tests or from another store. */
export interface MOFFileReader {
  /** Returns the text of a file; throws when it cannot be read. */
  readFile(path: string): string;
  /** Returns the path of `includePath` as written in a `#pragma include` of `includingFile`. */
  resolveInclude(includingFile: string, includePath: string): string;
}

/** Reads UTF-8 files from disk and resolves includes relative to the including file's folder. */
export const nodeFileReader: MOFFileReader = {
  readFile: (path) => readFileSync(path, 'utf8'),
  resolveInclude: (includingFile, includePath) => resolve(dirname(includingFile), includePath),
};

/** Options of `new MOFCompiler(options)`. */
export interface MOFCompilerOptions {
  /** Target that receives the declarations. Default: a new MOFRepository, available as `compiler.target`. */
  target?: MOFTarget;
  /** Namespace used until a `#pragma namespace` changes it. Default `root/cimv2`. */
  namespace?: string;
  /** Default: `nodeFileReader`. */
  fileReader?: MOFFileReader;
  /** Receives each tolerated deviation as it is found. Default: warnings are only collected. */
  onWarning?: (warning: MOFWarning) => void;
}

/** Summary of what one compile call added to the target. */
export interface MOFCompileResult {
  /** Files read, the compiled file first, then includes in the order they were read. */
  files: string[];
  /** Names of the qualifier declarations set. */
  qualifierDeclarations: string[];
  /** Names of the classes created. */
  classes: string[];
  /** Paths of the instances created. */
  instances: CIMInstanceName[];
  /** Tolerated deviations from DSP0004, in the order found. */
  warnings: MOFWarning[];
}

export const DEFAULT_NAMESPACE = 'root/cimv2';

/**
 * A DSP0004 MOF compiler: parses MOF files (following `#pragma include`), resolves
 * classes against their superclasses and writes qualifier declarations, classes and
 * instances into a MOFTarget. Raises MOFCompileError at the first error; declarations
 * before it stay in the target.
 */
export class MOFCompiler {
  /** The target that receives the declarations. */
  readonly target: MOFTarget;
  readonly #namespace: string;
  readonly #fileReader: MOFFileReader;
  readonly #onWarning: ((warning: MOFWarning) => void) | undefined;

  constructor(options: MOFCompilerOptions = {}) {
    this.target = options.target ?? new MOFRepository();
    this.#namespace = options.namespace ?? DEFAULT_NAMESPACE;
    this.#fileReader = options.fileReader ?? nodeFileReader;
    this.#onWarning = options.onWarning;
  }

  /** Compiles a MOF file and the files it includes. */
  compileFile(path: string): MOFCompileResult {
    let text: string;
    try {
      text = this.#fileReader.readFile(path);
    } catch (error) {
      throw new MOFCompileError(`cannot read MOF file: ${errorText(error)}`, 'ERR_MOF_DEPENDENCY', {
        source: { file: path, text: '' },
        cause: error,
      });
    }
    return this.#compile({ file: path, text });
  }

  /** Compiles MOF text; `file` names it in messages, and includes resolve relative to it. */
  compileString(text: string, file = '<string>'): MOFCompileResult {
    return this.#compile({ file, text });
  }

  #compile(source: MOFSource): MOFCompileResult {
    const run: CompileRun = {
      target: this.target,
      namespace: this.#namespace,
      aliases: new Map(),
      includeStack: [],
      result: { files: [], qualifierDeclarations: [], classes: [], instances: [], warnings: [] },
      onWarning: this.#onWarning,
    };
    this.#compileSource(source, run);
    return run.result;
  }

  #compileSource(source: MOFSource, run: CompileRun): void {
    run.result.files.push(source.file);
    run.includeStack.push(source.file);
    const productions = parseMOF(source);
    for (const production of productions) this.#compileProduction(production, source, run);
    run.includeStack.pop();
  }

  #compileProduction(production: MOFProduction, source: MOFSource, run: CompileRun): void {
    const context = new SourceContext(source, run);
    switch (production.kind) {
      case 'pragma':
        this.#compilePragma(production, context, run);
        break;
      case 'qualifierDeclaration': {
        const declaration = buildQualifierDeclaration(production, context);
        this.target.setQualifierDeclaration(run.namespace, declaration);
        run.result.qualifierDeclarations.push(declaration.name);
        break;
      }
      case 'class':
        this.#compileClass(production, context, run);
        break;
      case 'instance':
        this.#compileInstance(production, context, run);
        break;
    }
  }

  #compilePragma(pragma: MOFPragma, context: SourceContext, run: CompileRun): void {
    const name = pragma.name.toLowerCase();
    if (name === 'include') {
      this.#compileInclude(pragma, context, run);
    } else if (name === 'namespace') {
      if (pragma.value === null || pragma.value === '') {
        throw context.error('#pragma namespace needs a namespace name, such as ("root/cimv2")', 'ERR_MOF_SYNTAX', pragma.position);
      }
      run.namespace = pragma.value.replace(/^\/+|\/+$/g, '');
    } else if (name !== 'locale') {
      context.warn(`#pragma ${pragma.name} is not supported and is ignored`, pragma.position);
    }
  }

  #compileInclude(pragma: MOFPragma, context: SourceContext, run: CompileRun): void {
    if (pragma.value === null || pragma.value === '') {
      throw context.error('#pragma include needs a file name, such as ("qualifiers.mof")', 'ERR_MOF_SYNTAX', pragma.position);
    }

    const path = this.#fileReader.resolveInclude(context.source.file, pragma.value);
    if (run.includeStack.includes(path)) {
      throw context.error(`#pragma include ("${pragma.value}") includes ${path} again while it is being compiled; remove the include cycle`, 'ERR_MOF_DEPENDENCY', pragma.position);
    }

    let text: string;
    try {
      text = this.#fileReader.readFile(path);
    } catch (error) {
      throw context.error(`cannot read included file "${pragma.value}" (${path}): ${errorText(error)}`, 'ERR_MOF_DEPENDENCY', pragma.position, error);
    }
    this.#compileSource({ file: path, text }, run);
  }

  #compileClass(ast: MOFClassDeclaration, context: SourceContext, run: CompileRun): void {
    if (this.target.getClass(run.namespace, ast.name) !== undefined) {
      throw context.error(`class ${ast.name} is already defined in namespace ${run.namespace}; remove the second declaration`, 'ERR_MOF_INVALID', ast.position);
    }

    const superclass = ast.superclass === null ? undefined : this.target.getClass(run.namespace, ast.superclass);
    if (ast.superclass !== null && superclass === undefined) {
      throw context.error(
        `superclass ${ast.superclass} of class ${ast.name} is not defined in namespace ${run.namespace}; compile the MOF file that declares ${ast.superclass} first (for example with #pragma include)`,
        'ERR_MOF_DEPENDENCY',
        ast.superclassPosition ?? ast.position,
      );
    }

    const declared = buildDeclaredClass(ast, context);
    let resolved;
    try {
      resolved = resolveClass(declared, superclass, (name) => this.target.getQualifierDeclaration(run.namespace, name), {
        onWarning: (warning) => context.warn(warning.message, elementPosition(ast, warning.location)),
      });
    } catch (error) {
      if (!(error instanceof ClassResolutionError)) throw error;
      const code = error.reason === 'invalid' ? 'ERR_MOF_INVALID' : 'ERR_MOF_DEPENDENCY';
      throw context.error(lowerFirst(error.statusDescription), code, elementPosition(ast, error.location), error);
    }

    this.#store(() => this.target.createClass(run.namespace, resolved), ast.position, context);
    run.result.classes.push(resolved.className);
  }

  #compileInstance(ast: MOFInstanceDeclaration, context: SourceContext, run: CompileRun): void {
    const cimClass = context.classOf(ast);
    if (cimClass.qualifiers.get('Abstract')?.value === true) {
      throw context.error(
        `class ${cimClass.className} is abstract and cannot have instances of its own; declare an instance of a concrete subclass of ${cimClass.className} instead`,
        'ERR_MOF_INVALID',
        ast.classPosition,
      );
    }
    const instance = buildInstance(ast, cimClass, context, true);
    const path = this.#store(() => this.target.createInstance(run.namespace, instance), ast.position, context);
    run.result.instances.push(path);

    if (ast.alias === null) return;
    const key = ast.alias.toLowerCase();
    if (run.aliases.has(key)) context.warn(`alias $${ast.alias} is defined again; it now refers to ${path.toString()}`, ast.position);
    run.aliases.set(key, path);
  }

  /** Runs a target operation and reports its error at `position`. */
  #store<T>(operation: () => T, position: MOFPosition, context: SourceContext): T {
    try {
      return operation();
    } catch (error) {
      if (error instanceof MOFCompileError) throw error;
      throw context.error(errorText(error), 'ERR_MOF_INVALID', position, error);
    }
  }
}

/** Compiles a MOF file, or MOF text when `text` is given, with a new MOFCompiler. */
export function compileMOF(
  input: { file: string; text?: string },
  options: MOFCompilerOptions = {},
): MOFCompileResult & { target: MOFTarget } {
  const compiler = new MOFCompiler(options);
  const result = input.text === undefined ? compiler.compileFile(input.file) : compiler.compileString(input.text, input.file);
  return { ...result, target: compiler.target };
}

function errorText(error: unknown): string {
  if (error instanceof Error && 'statusDescription' in error && typeof error.statusDescription === 'string') {
    return error.statusDescription;
  }
  return error instanceof Error ? error.message : String(error);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
