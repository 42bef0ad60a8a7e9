import { INTEGER_RANGES, is64BitType, isIntegerType, type CIMType } from '../cim/cim-type.js';
import { CIMDateTime } from '../cim/datetime.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMInstance } from '../cim/instance.js';
import type { EmbeddedObjectKind } from '../cim/property.js';
import type { CIMScalar, CIMValue } from '../cim/value.js';
import type { MOFValue } from './ast.js';
import type { MOFPosition } from './errors.js';

/** Declared type that a MOF value is converted to, from a property, qualifier or default. */
export interface ValueTarget {
  type: CIMType;
  isArray: boolean;
  /** Set for string elements that carry embedded instances or objects. */
  embeddedObject?: EmbeddedObjectKind | null;
  /** Names the element in messages, such as `property CIM_Foo.Name`. */
  where: string;
  /** A scalar given for an array becomes a one-element array (qualifier values allow it). */
  wrapScalar?: boolean;
}

/** The compiler services that values depend on, and how it reports errors. */
export interface ValueContext {
  /** Returns the instance path registered under `$name`. */
  resolveAlias(name: string, position: MOFPosition): CIMInstanceName;
  /** Parses an object path string (a WBEM URI) for a reference. */
  parseObjectPath(text: string, position: MOFPosition): CIMInstanceName;
  /** Builds an embedded instance from a nested declaration or from MOF text in a string. */
  embeddedInstance(value: MOFValue & { kind: 'instance' | 'string' }, kind: EmbeddedObjectKind): CIMInstance;
  /** Returns the error to raise for an invalid value at `position`. */
  invalid(reason: string, position: MOFPosition): Error;
}

/** Converts a MOF value to the CIM value of `target`, checking type and range. */
export function convertValue(value: MOFValue, target: ValueTarget, context: ValueContext): CIMValue {
  if (value.kind === 'null') return null;

  if (target.isArray) {
    if (value.kind !== 'array') {
      if (target.wrapScalar) return [convertScalar(value, target, context)];
      throw context.invalid(`${target.where} is an array of ${target.type}; write the value in braces, such as {${sampleLiteral(target.type)}}`, value.position);
    }
    return value.elements.map((element) => (element.kind === 'null' ? null : convertScalar(element, target, context)));
  }

  if (value.kind === 'array') {
    throw context.invalid(`${target.where} is a scalar ${target.type}, but an array value was given; drop the braces`, value.position);
  }
  return convertScalar(value, target, context);
}

function convertScalar(value: MOFValue, target: ValueTarget, context: ValueContext): CIMScalar {
  const { type } = target;
  const mismatch = (): Error =>
    context.invalid(`${describeValue(value)} does not fit ${target.where} of type ${type}`, value.position);

  if (isIntegerType(type)) {
    if (value.kind !== 'integer') throw mismatch();
    const [min, max] = INTEGER_RANGES[type];
    if (value.value < min || value.value > max) {
      throw context.invalid(`value ${value.value} is out of range for ${target.where} of type ${type} (${min} to ${max})`, value.position);
    }
    return is64BitType(type) ? value.value : Number(value.value);
  }

  switch (type) {
    case 'real32':
    case 'real64': {
      if (value.kind !== 'real' && value.kind !== 'integer') throw mismatch();
      const number = Number(value.value);
      return type === 'real32' ? Math.fround(number) : number;
    }
    case 'boolean':
      if (value.kind !== 'boolean') throw mismatch();
      return value.value;
    case 'char16':
      if (value.kind === 'char16') return value.value;
      if (value.kind === 'string' && value.value.length === 1) return value.value;
      throw mismatch();
    case 'string':
      return convertString(value, target, context, mismatch);
    case 'datetime':
      if (value.kind !== 'string') throw mismatch();
      return parseDateTime(value.value, target, value.position, context);
    case 'reference':
      if (value.kind === 'alias') return context.resolveAlias(value.name, value.position);
      if (value.kind === 'string') return context.parseObjectPath(value.value, value.position);
      throw mismatch();
    default:
      throw mismatch();
  }
}

function convertString(value: MOFValue, target: ValueTarget, context: ValueContext, mismatch: () => Error): CIMScalar {
  const embedded = target.embeddedObject ?? null;
  if (value.kind === 'instance') {
    if (embedded === null) {
      throw context.invalid(`${target.where} is a plain string; an instance value needs the EmbeddedInstance or EmbeddedObject qualifier on it`, value.position);
    }
    return context.embeddedInstance(value, embedded);
  }
  if (value.kind !== 'string') throw mismatch();
  if (embedded !== null && value.value.trim() !== '') return context.embeddedInstance(value, embedded);
  return value.value;
}

function parseDateTime(text: string, target: ValueTarget, position: MOFPosition, context: ValueContext): CIMDateTime {
  try {
    return new CIMDateTime(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw context.invalid(`invalid datetime ${JSON.stringify(text)} for ${target.where}: ${reason}`, position);
  }
}

function describeValue(value: MOFValue): string {
  switch (value.kind) {
    case 'integer':
      return `integer ${value.value}`;
    case 'real':
      return `real ${value.value}`;
    case 'string':
      return `string ${JSON.stringify(value.value.length > 60 ? `${value.value.slice(0, 60)}...` : value.value)}`;
    case 'char16':
      return `char16 ${JSON.stringify(value.value)}`;
    case 'boolean':
      return `boolean ${value.value ? 'TRUE' : 'FALSE'}`;
    case 'alias':
      return `alias $${value.name}`;
    case 'instance':
      return `instance of ${value.declaration.className}`;
    default:
      return value.kind;
  }
}

function sampleLiteral(type: CIMType): string {
  if (isIntegerType(type)) return '1, 2';
  if (type === 'boolean') return 'TRUE, FALSE';
  if (type === 'real32' || type === 'real64') return '1.5, 2.0';
  if (type === 'char16') return "'a', 'b'";
  return '"a", "b"';
}
