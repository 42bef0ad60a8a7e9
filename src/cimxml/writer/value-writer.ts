import type { CIMType } from '../../cim/cim-type.js';
import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { formatReal } from '../../cim/real-format.js';
import { CIMTypedValue } from '../../cim/typed-value.js';
import type { CIMInputValue } from '../../cim/value.js';
import { writeClass, writeInstance } from './object-writer.js';
import { writeReferenceTarget } from './path-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import { TextSink, type XmlSink } from './xml-sink.js';

/** Formats one non-NULL scalar as the text of a `VALUE`; returns undefined when it does not fit. */
type ScalarFormatter = (value: unknown, type: CIMType) => string | undefined;

const formatBoolean: ScalarFormatter = (value) => {
  if (typeof value !== 'boolean') return undefined;
  return value ? 'TRUE' : 'FALSE';
};

const formatInteger: ScalarFormatter = (value) => {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
};

const formatRealValue: ScalarFormatter = (value, type) =>
  typeof value === 'number' ? formatReal(value, type === 'real32' ? 'real32' : 'real64') : undefined;

const formatString: ScalarFormatter = (value) => {
  if (typeof value === 'string') return value;
  if (value instanceof CIMInstance || value instanceof CIMClass) return embeddedObjectText(value);
  return undefined;
};

/** One formatter per CIM type; references are written as `VALUE.REFERENCE`, not as text. */
const SCALAR_FORMATTERS: Readonly<Record<CIMType, ScalarFormatter>> = {
  boolean: formatBoolean,
  string: formatString,
  char16: formatString,
  datetime: (value) => (value instanceof CIMDateTime ? value.text : undefined),
  uint8: formatInteger,
  sint8: formatInteger,
  uint16: formatInteger,
  sint16: formatInteger,
  uint32: formatInteger,
  sint32: formatInteger,
  uint64: formatInteger,
  sint64: formatInteger,
  real32: formatRealValue,
  real64: formatRealValue,
  reference: () => undefined,
};

/**
 * Formats a non-NULL scalar as CIM-XML value text: booleans `TRUE`/`FALSE`, integers
 * in decimal (64-bit values exactly, from `bigint`), reals as DSP0201 requires,
 * datetimes as their 25 characters, and embedded objects as the CIM-XML text of their
 * `INSTANCE` or `CLASS` element.
 */
export function scalarText(value: unknown, type: CIMType, where: string): string {
  const plain = value instanceof CIMTypedValue ? value.value : value;
  const text = SCALAR_FORMATTERS[type](plain, type);
  if (text === undefined) {
    throw new CIMXMLWriteError(
      `The value ${describe(plain)} of ${where} does not fit CIM type ${type}; store a value of that type or change the type.`,
      where,
    );
  }
  return text;
}

/**
 * Returns the CIM-XML text of an embedded object. An embedded instance is written as
 * `INSTANCE` without its path, because `VALUE.NAMEDINSTANCE` or a path element inside
 * an embedded string is not what servers expect.
 */
export function embeddedObjectText(object: CIMInstance | CIMClass): string {
  const sink = new TextSink();
  if (object instanceof CIMInstance) writeInstance(sink, object);
  else writeClass(sink, object);
  return sink.take();
}

/** Writes `<VALUE>text</VALUE>`. */
export function writeValue(sink: XmlSink, value: unknown, type: CIMType, where: string): void {
  sink.start('VALUE');
  sink.text(scalarText(value, type, where), where);
  sink.end('VALUE');
}

/**
 * Writes the value part of a property, qualifier, parameter or return value:
 * nothing for NULL, `VALUE`, `VALUE.ARRAY`, `VALUE.REFERENCE` or `VALUE.REFARRAY`.
 * NULL array elements become `VALUE.NULL`, which the DTD allows only inside arrays.
 */
export function writeValueContent(
  sink: XmlSink,
  value: CIMInputValue | undefined,
  type: CIMType,
  isArray: boolean,
  where: string,
): void {
  if (value === null || value === undefined) return;

  if (isArray !== Array.isArray(value)) {
    const expected = isArray ? 'an array' : 'a scalar';
    throw new CIMXMLWriteError(
      `The value of ${where} is ${Array.isArray(value) ? 'an array' : 'a scalar'} but ${where} is declared as ${expected}; make the value and the declaration agree.`,
      where,
    );
  }

  if (Array.isArray(value)) {
    writeArray(sink, value, type, where);
  } else if (type === 'reference') {
    writeValueReference(sink, value, where);
  } else {
    writeValue(sink, value, type, where);
  }
}

function writeArray(sink: XmlSink, values: readonly unknown[], type: CIMType, where: string): void {
  const isReference = type === 'reference';
  const arrayName = isReference ? 'VALUE.REFARRAY' : 'VALUE.ARRAY';

  sink.start(arrayName);
  for (const element of values) {
    if (element === null || element === undefined) {
      sink.start('VALUE.NULL');
      sink.end('VALUE.NULL');
    } else if (isReference) {
      writeValueReference(sink, element, where);
    } else {
      writeValue(sink, element, type, where);
    }
  }
  sink.end(arrayName);
}

/** Writes `VALUE.REFERENCE` around the path element that the path's namespace and host call for. */
export function writeValueReference(sink: XmlSink, value: unknown, where: string): void {
  if (!(value instanceof CIMInstanceName) && !(value instanceof CIMClassName)) {
    throw new CIMXMLWriteError(
      `The value ${describe(value)} of ${where} is not a reference; pass a CIMInstanceName or CIMClassName.`,
      where,
    );
  }
  sink.start('VALUE.REFERENCE');
  writeReferenceTarget(sink, value, where);
  sink.end('VALUE.REFERENCE');
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value !== null && typeof value === 'object') return `${value.constructor.name} object`;
  return String(value);
}
