import {
  CIMDateTime,
  CIMInstance,
  CIMInstanceName,
  INTEGER_RANGES,
  isIntegerType,
  type CIMInputScalar,
  type CIMInputValue,
  type CIMType,
} from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import { unquoteWord } from './command-line.js';
import { uriProblem } from './uri-problem.js';

/** The declared type of the element a value is for: a property, parameter or key. */
export interface ValueDeclaration {
  /** Element name for messages, such as `property IntegerProp of CIM_Foo`. */
  readonly label: string;
  readonly type: CIMType;
  readonly isArray: boolean;
  /** Set for a string that carries an embedded instance or object. */
  readonly embedded: boolean;
  /** Namespace given to references that name none; default none. */
  readonly namespace?: string;
}

/** Compiles the MOF of an embedded instance, such as `instance of CIM_FooEmb1 { Id = "a"; };`. */
export type EmbeddedCompiler = (mof: string, declaration: ValueDeclaration) => Promise<CIMInstance>;

const REAL32_MAX = 3.4028234663852886e38;
const INTEGER = /^[+-]?(?:0x[0-9a-f]+|\d+)$/i;
const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Converts the text a user typed into a value of the declared type. Unquoted `null`
 * is NULL. Arrays are written `1,2,3` or `[1,2,3]`, elements separated by commas outside
 * quotes. Integers are range-checked (64-bit ones become bigint), reals accept `NaN`,
 * `INF` and `-INF`, datetimes are checked against DSP0004, references are WBEM URIs and
 * embedded instances are MOF. Raises ShellInputError naming the element and the type.
 */
export async function parseValue(text: string, declaration: ValueDeclaration, compileEmbedded: EmbeddedCompiler | null): Promise<CIMInputValue> {
  if (/^null$/i.test(text.trim())) return null;
  if (!declaration.isArray) return parseScalar(text.trim(), declaration, compileEmbedded);

  const elements = splitArray(text.trim());
  const values: Array<CIMInputScalar | null> = [];
  for (const element of elements) {
    values.push(/^null$/i.test(element) ? null : await parseScalar(element, declaration, compileEmbedded));
  }
  return values;
}

/** Converts one scalar; see `parseValue`. */
export async function parseScalar(text: string, declaration: ValueDeclaration, compileEmbedded: EmbeddedCompiler | null): Promise<CIMInputScalar> {
  if (declaration.embedded && compileEmbedded !== null) return compileEmbedded(unquoteWord(text), declaration);
  return parseSimpleScalar(text, declaration);
}

/** Converts a scalar of a type that needs no server lookup (not an embedded instance). */
export function parseSimpleScalar(text: string, declaration: ValueDeclaration): CIMInputScalar {
  const { type } = declaration;
  if (isIntegerType(type)) return parseInteger(text, declaration);

  switch (type) {
    case 'boolean':
      return parseBoolean(text, declaration);
    case 'real32':
    case 'real64':
      return parseReal(text, declaration);
    case 'datetime':
      return parseDateTime(unquoteWord(text), declaration);
    case 'reference':
      return parseReference(unquoteWord(text), declaration);
    case 'char16':
      return parseChar16(unquoteWord(text), declaration);
    default:
      return unquoteWord(text);
  }
}

function parseInteger(text: string, declaration: ValueDeclaration): number | bigint {
  const type = declaration.type as keyof typeof INTEGER_RANGES;
  if (!INTEGER.test(text)) throw invalid(text, declaration, 'an integer such as 42 or 0x2A');

  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  const magnitude = BigInt(digits);
  const value = negative ? -magnitude : magnitude;

  const [min, max] = INTEGER_RANGES[type];
  if (value < min || value > max) {
    throw new ShellInputError(`The value ${text} is out of range for ${declaration.label} (${typeName(declaration)}: ${min} to ${max}); give a value in that range.`);
  }
  return type === 'uint64' || type === 'sint64' ? value : Number(value);
}

function parseBoolean(text: string, declaration: ValueDeclaration): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalid(text, declaration, 'true or false');
}

function parseReal(text: string, declaration: ValueDeclaration): number {
  let value: number;
  if (/^nan$/i.test(text)) value = NaN;
  else if (/^\+?inf$/i.test(text)) value = Infinity;
  else if (/^-inf$/i.test(text)) value = -Infinity;
  else if (REAL.test(text)) value = Number(text);
  else throw invalid(text, declaration, 'a number such as 1.5, 2e-3, NaN or INF');

  if (declaration.type === 'real32' && Number.isFinite(value) && Math.abs(value) > REAL32_MAX) {
    throw new ShellInputError(`The value ${text} is out of range for ${declaration.label} (${typeName(declaration)}: up to ±${REAL32_MAX}); give a smaller value.`);
  }
  return value;
}

function parseDateTime(text: string, declaration: ValueDeclaration): CIMDateTime {
  try {
    return new CIMDateTime(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ShellInputError(`The value ${JSON.stringify(text)} is not valid for ${declaration.label} (${typeName(declaration)}): ${reason}`, { cause: error });
  }
}

function parseReference(text: string, declaration: ValueDeclaration): CIMInstanceName {
  try {
    const path = CIMInstanceName.fromWBEMURI(text);
    if (path.namespace === null && declaration.namespace !== undefined) path.namespace = declaration.namespace;
    return path;
  } catch (error) {
    const problem = uriProblem(error);
    const advice = `write a WBEM URI such as 'CIM_Foo.InstanceID="a"'`;
    const message =
      problem.frame === ''
        ? `The value ${text} is not an instance path for ${declaration.label} (${typeName(declaration)}): ${problem.summary}; ${advice}.`
        : `The value for ${declaration.label} (${typeName(declaration)}) is not a valid instance path ${problem.summary}; ${advice}.\n${problem.frame}`;
    throw new ShellInputError(message, { cause: error });
  }
}

function parseChar16(text: string, declaration: ValueDeclaration): string {
  if (text.length !== 1) throw invalid(text, declaration, 'exactly one UCS-2 character');
  return text;
}

function invalid(text: string, declaration: ValueDeclaration, expected: string): ShellInputError {
  return new ShellInputError(`The value ${JSON.stringify(text)} is not valid for ${declaration.label} (${typeName(declaration)}); give ${expected}.`);
}

/** Returns the declared type as MOF writes it, such as `uint16[]` for an array. */
function typeName(declaration: ValueDeclaration): string {
  return declaration.isArray ? `${declaration.type}[]` : declaration.type;
}

/** Splits array text at commas outside quotes and brackets; `[]` and empty text give no elements. */
export function splitArray(text: string): string[] {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (inner.trim() === '') return [];

  const elements: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < inner.length; index += 1) {
    const char = inner[index]!;
    if (quote === null && (char === '"' || char === "'")) quote = char;
    else if (quote !== null && char === quote) quote = null;
    else if (quote === '"' && char === '\\') index += 1;
    else if (quote === null && char === ',') {
      elements.push(inner.slice(start, index).trim());
      start = index + 1;
    }
  }
  elements.push(inner.slice(start).trim());
  return elements;
}

/** Splits `name=value` at the first `=`; `element` (such as `a property`) names it in the error when there is none. */
export function splitAssignment(word: string, element: string): [string, string] {
  const index = word.indexOf('=');
  if (index <= 0) {
    throw new ShellInputError(`Expected ${element} as name=value, not ${JSON.stringify(word)}; write for example IntegerProp=5.`);
  }
  return [word.slice(0, index), word.slice(index + 1)];
}
