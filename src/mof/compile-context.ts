import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { MOFCompileError, MOFErrorCode, MOFPosition, MOFSource } from './errors.js';
import type { MOFTarget } from './target.js';
import type { ValueContext } from './value-converter.js';

/** Compiler services for one source, used by the builders of qualifiers, classes and instances. */
export interface CompileContext extends ValueContext {
  readonly source: MOFSource;
  /** Namespace that declarations go into. */
  readonly namespace: string;
  readonly target: MOFTarget;
  error(reason: string, code: MOFErrorCode, position: MOFPosition, cause?: unknown): MOFCompileError;
  warn(message: string, position: MOFPosition): void;
  /** Returns the declaration of qualifier `name`; raises a dependency error when it is missing. */
  qualifierDeclaration(name: string, position: MOFPosition): CIMQualifierDeclaration;
}
