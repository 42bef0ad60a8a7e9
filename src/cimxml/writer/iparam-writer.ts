import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { CIMInputValue } from '../../cim/value.js';
import { writeClass, writeInstance, writeQualifierDeclaration, writeValueNamedInstance } from './object-writer.js';
import type { ParameterEncoding } from './operations.js';
import { writeClassName, writeInstanceName } from './path-writer.js';
import { writeCIMObject } from './to-cimxml.js';
import { describe, writeValue, writeValueReference } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import type { XmlSink } from './xml-sink.js';

/** Writes the child of one IPARAMVALUE; `where` names the parameter for error messages. */
type ParameterEncoder = (sink: XmlSink, value: unknown, where: string) => void;

/** One encoder per parameter encoding; each checks its input, because JavaScript callers bypass the types. */
export const PARAMETER_ENCODERS: Readonly<Record<ParameterEncoding, ParameterEncoder>> = {
  boolean: (sink, value, where) => writeValue(sink, expect(value, isBoolean, 'a boolean', where), 'boolean', where),
  string: (sink, value, where) => writeValue(sink, expect(value, isString, 'a string', where), 'string', where),
  enumerationContext: (sink, value, where) =>
    writeValue(sink, expect(value, isString, 'an enumeration context string', where), 'string', where),
  uint32: (sink, value, where) => writeValue(sink, expect(value, isUint32, 'an integer from 0 to 4294967295', where), 'uint32', where),
  className: (sink, value, where) => writeClassName(sink, classNameOf(value, where)),
  instanceName: (sink, value, where) =>
    writeInstanceName(sink, expect(value, isInstanceName, 'a CIMInstanceName', where)),
  objectName: (sink, value, where) => {
    if (value instanceof CIMInstanceName) writeInstanceName(sink, value);
    else writeClassName(sink, classNameOf(value, where));
  },
  propertyList: writePropertyList,
  instance: (sink, value, where) => writeInstance(sink, expect(value, isInstance, 'a CIMInstance', where)),
  namedInstance: (sink, value, where) =>
    writeValueNamedInstance(sink, expect(value, isInstance, 'a CIMInstance with a path', where)),
  class: (sink, value, where) => writeClass(sink, expect(value, isClass, 'a CIMClass', where)),
  qualifierDeclaration: (sink, value, where) =>
    writeQualifierDeclaration(
      sink,
      expect(value, isQualifierDeclaration, 'a CIMQualifierDeclaration', where),
    ),
  propertyValue: writePropertyValue,
};

function writePropertyList(sink: XmlSink, value: unknown, where: string): void {
  const names = expect(value, isNameList, 'an array of property names', where);
  sink.start('VALUE.ARRAY');
  for (const name of names) writeValue(sink, name, 'string', where);
  sink.end('VALUE.ARRAY');
}

/** NewValue of SetProperty: VALUE, VALUE.ARRAY or VALUE.REFERENCE, whose text form follows the value's own type. */
function writePropertyValue(sink: XmlSink, value: unknown, where: string): void {
  if (Array.isArray(value) && value.some((element) => element === null)) {
    throw new CIMXMLWriteError(
      `The ${where} array contains NULL, which IPARAMVALUE cannot carry (VALUE.NULL is not allowed in it); remove the NULL elements.`,
      where,
    );
  }
  if (Array.isArray(value) && value.some((element) => element instanceof CIMInstanceName || element instanceof CIMClassName)) {
    throw new CIMXMLWriteError(`The ${where} is a reference array, which IPARAMVALUE cannot carry.`, where);
  }
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) writeValueReference(sink, value, where);
  else writeCIMObject(sink, value as CIMInputValue);
}

function classNameOf(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (value instanceof CIMClassName) return value.className;
  throw invalidArgument(value, 'a class name string or CIMClassName', where);
}

function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4294967295;
}

function expect<T>(value: unknown, isValid: (candidate: unknown) => candidate is T, expected: string, where: string): T {
  if (!isValid(value)) throw invalidArgument(value, expected, where);
  return value;
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isString = (value: unknown): value is string => typeof value === 'string';
const isInstanceName = (value: unknown): value is CIMInstanceName => value instanceof CIMInstanceName;
const isInstance = (value: unknown): value is CIMInstance => value instanceof CIMInstance;
const isClass = (value: unknown): value is CIMClass => value instanceof CIMClass;
const isQualifierDeclaration = (value: unknown): value is CIMQualifierDeclaration =>
  value instanceof CIMQualifierDeclaration;
const isNameList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((name) => typeof name === 'string');

function invalidArgument(value: unknown, expected: string, where: string): CIMXMLWriteError {
  return new CIMXMLWriteError(`The ${where} is ${describe(value)}, but must be ${expected}.`, where);
}
