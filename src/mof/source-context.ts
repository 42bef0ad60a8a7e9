import type { CIMClass } from '../cim/class.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMInstance } from '../cim/instance.js';
import type { EmbeddedObjectKind } from '../cim/property.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { MOFInstanceDeclaration, MOFValue } from './ast.js';
import type { CompileContext } from './compile-context.js';
import type { MOFCompileResult } from './compiler.js';
import { MOFCompileError, makeWarning, type MOFErrorCode, type MOFPosition, type MOFSource, type MOFWarning } from './errors.js';
import { buildInstance } from './instance-builder.js';
import { parseMOF } from './parser.js';
import type { MOFTarget } from './target.js';

/** State shared by all files of one compile call. */
export interface CompileRun {
  readonly target: MOFTarget;
  /** Current namespace; `#pragma namespace` changes it for the rest of the run. */
  namespace: string;
  /** Instance paths by lower-cased alias name. */
  readonly aliases: Map<string, CIMInstanceName>;
  /** Files being compiled, outermost first, to detect include cycles. */
  readonly includeStack: string[];
  readonly result: MOFCompileResult;
  readonly onWarning: ((warning: MOFWarning) => void) | undefined;
}

/** The CompileContext for one MOF source of a compile run. */
export class SourceContext implements CompileContext {
  constructor(
    readonly source: MOFSource,
    readonly run: CompileRun,
  ) {}

  get namespace(): string {
    return this.run.namespace;
  }

  get target(): MOFTarget {
    return this.run.target;
  }

  error(reason: string, code: MOFErrorCode, position: MOFPosition, cause?: unknown): MOFCompileError {
    return MOFCompileError.at(reason, code, this.source, position, cause);
  }

  invalid(reason: string, position: MOFPosition): MOFCompileError {
    return this.error(reason, 'ERR_MOF_INVALID', position);
  }

  warn(message: string, position: MOFPosition): void {
    const warning = makeWarning(message, this.source, position);
    this.run.result.warnings.push(warning);
    this.run.onWarning?.(warning);
  }

  qualifierDeclaration(name: string, position: MOFPosition): CIMQualifierDeclaration {
    const declaration = this.target.getQualifierDeclaration(this.namespace, name);
    if (declaration !== undefined) return declaration;
    throw this.error(
      `qualifier ${name} is not declared in namespace ${this.namespace}; declare it (Qualifier ${name} : type, Scope(...);) or include the file that declares it, such as qualifiers.mof`,
      'ERR_MOF_DEPENDENCY',
      position,
    );
  }

  /** Returns the class of an instance declaration; raises a dependency error when it is missing. */
  classOf(ast: MOFInstanceDeclaration): CIMClass {
    const cimClass = this.target.getClass(this.namespace, ast.className);
    if (cimClass !== undefined) return cimClass;
    throw this.error(
      `class ${ast.className} is not defined in namespace ${this.namespace}; compile the MOF file that declares it before this instance`,
      'ERR_MOF_DEPENDENCY',
      ast.classPosition,
    );
  }

  resolveAlias(name: string, position: MOFPosition): CIMInstanceName {
    const path = this.run.aliases.get(name.toLowerCase());
    if (path !== undefined) return path;
    throw this.error(`alias $${name} is not defined; declare an instance "as $${name}" before it is used`, 'ERR_MOF_DEPENDENCY', position);
  }

  /** Parses a WBEM URI; key types come from the classes in the target where they are known. */
  parseObjectPath(text: string, position: MOFPosition): CIMInstanceName {
    const keyTypes = (className: string, keyName: string) =>
      this.target.getClass(this.namespace, className)?.properties.get(keyName)?.type;
    try {
      return CIMInstanceName.fromWBEMURI(text, { keyTypes });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw this.error(`invalid object path ${JSON.stringify(text)} for a reference: ${reason}`, 'ERR_MOF_INVALID', position, error);
    }
  }

  /**
   * Builds an embedded instance from `instance of ...` written as a value, or from a
   * string that contains the MOF text of exactly one instance.
   * NOTE: MOF text of a class in an EmbeddedObject string is rejected; only instances are built.
   */
  embeddedInstance(value: MOFValue & { kind: 'instance' | 'string' }, kind: EmbeddedObjectKind): CIMInstance {
    if (value.kind === 'instance') {
      return buildInstance(value.declaration, this.classOf(value.declaration), this, false);
    }

    const label = `${this.source.file}:${value.position.line}:${value.position.column} (MOF text in a string)`;
    const embedded = new SourceContext({ file: label, text: value.value }, this.run);
    const productions = parseMOF(embedded.source);
    const [first] = productions;
    if (productions.length !== 1 || first?.kind !== 'instance') {
      const qualifierName = kind === 'instance' ? 'EmbeddedInstance' : 'EmbeddedObject';
      throw this.invalid(`a string for an ${qualifierName} property must contain the MOF text of one instance ("instance of Class { ... };")`, value.position);
    }
    return buildInstance(first, embedded.classOf(first), embedded, false);
  }
}
