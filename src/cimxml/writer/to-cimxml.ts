import type { CIMType } from '../../cim/cim-type.js';
import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMMethod } from '../../cim/method.js';
import { CIMParameter } from '../../cim/parameter.js';
import { CIMProperty } from '../../cim/property.js';
import { CIMQualifier } from '../../cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import { CIMTypedValue } from '../../cim/typed-value.js';
import type { CIMInputValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import {
  writeClass,
  writeInstance,
  writeMethod,
  writeParameter,
  writeProperty,
  writeQualifier,
  writeQualifierDeclaration,
  writeValueInstanceWithPath,
  writeValueNamedInstance,
  writeValueObjectWithLocalPath,
  writeValueObjectWithPath,
} from './object-writer.js';
import { writeClassPathElement, writeInstancePathElement } from './path-writer.js';
import { describe, writeValue, writeValueContent } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import { ElementSink, TextSink, type XmlSink } from './xml-sink.js';

/** Anything `toCIMXML` accepts: a CIM object, a path, or a value (scalar, typed scalar, array or NULL). */
export type CIMXMLWritable =
  | CIMInstance
  | CIMClass
  | CIMInstanceName
  | CIMClassName
  | CIMProperty
  | CIMMethod
  | CIMParameter
  | CIMQualifier
  | CIMQualifierDeclaration
  | CIMInputValue;

/** Options of `toCIMXML` and `toCIMXMLString`. */
export interface ToCIMXMLOptions {
  /** Writes an instance as plain `INSTANCE` and a class as plain `CLASS` even when they have a path. Default: false. */
  ignorePath?: boolean;
}

/**
 * Converts a CIM object or value to its CIM-XML element. An instance without a path
 * gives INSTANCE. With a path it gives VALUE.NAMEDINSTANCE (no namespace),
 * VALUE.OBJECTWITHLOCALPATH (namespace, no host) or VALUE.INSTANCEWITHPATH. A class
 * gives CLASS, or VALUE.OBJECTWITHLOCALPATH or VALUE.OBJECTWITHPATH when its path has a
 * namespace.
 * Paths give INSTANCENAME, LOCALINSTANCEPATH or INSTANCEPATH (and the CLASS* forms)
 * by namespace and host. NULL gives VALUE.NULL, and arrays VALUE.ARRAY or VALUE.REFARRAY.
 */
export function toCIMXML(value: CIMXMLWritable, options: ToCIMXMLOptions = {}): XmlElement {
  const sink = new ElementSink();
  writeCIMObject(sink, value, options);
  const root = sink.roots[0];
  if (!root) throw new CIMXMLWriteError(`Writing ${describe(value)} produced no element.`);
  return root;
}

/** Converts a CIM object or value to CIM-XML text with no whitespace between elements; see `toCIMXML`. */
export function toCIMXMLString(value: CIMXMLWritable, options: ToCIMXMLOptions = {}): string {
  const sink = new TextSink();
  writeCIMObject(sink, value, options);
  return sink.take();
}

/** Writes a CIM object or value to a sink; see `toCIMXML` for the element chosen. */
export function writeCIMObject(sink: XmlSink, value: CIMXMLWritable, options: ToCIMXMLOptions = {}): void {
  if (value instanceof CIMInstance) writeInstanceObject(sink, value, options);
  else if (value instanceof CIMClass) writeClassObject(sink, value, options);
  else if (value instanceof CIMInstanceName) writeInstancePathElement(sink, value, `path of class ${value.className}`);
  else if (value instanceof CIMClassName) writeClassPathElement(sink, value, `path of class ${value.className}`);
  else if (value instanceof CIMProperty) writeProperty(sink, value);
  else if (value instanceof CIMMethod) writeMethod(sink, value);
  else if (value instanceof CIMParameter) writeParameter(sink, value);
  else if (value instanceof CIMQualifier) writeQualifier(sink, value);
  else if (value instanceof CIMQualifierDeclaration) writeQualifierDeclaration(sink, value);
  else writePlainValue(sink, value);
}

function writeInstanceObject(sink: XmlSink, instance: CIMInstance, options: ToCIMXMLOptions): void {
  const path = options.ignorePath === true ? null : instance.path;
  if (path === null) writeInstance(sink, instance);
  else if (path.namespace === null) writeValueNamedInstance(sink, instance, path);
  else if (path.host === null) writeValueObjectWithLocalPath(sink, instance);
  else writeValueInstanceWithPath(sink, instance, path);
}

/** Picks the element for a class by its path as for instances; a path without a namespace has no element of its own. */
function writeClassObject(sink: XmlSink, cimClass: CIMClass, options: ToCIMXMLOptions): void {
  const path = options.ignorePath === true ? null : cimClass.path;
  if (path === null || path.namespace === null) writeClass(sink, cimClass);
  else if (path.host === null) writeValueObjectWithLocalPath(sink, cimClass);
  else writeValueObjectWithPath(sink, cimClass);
}

function writePlainValue(sink: XmlSink, value: CIMInputValue): void {
  const where = 'value';
  if (value === null) {
    sink.start('VALUE.NULL');
    sink.end('VALUE.NULL');
    return;
  }

  if (Array.isArray(value)) {
    const sample = value.find((element) => element !== null);
    const type = sample === undefined ? 'string' : inferWriteType(sample);
    writeValueContent(sink, value, type, true, where);
    return;
  }

  const type = inferWriteType(value);
  if (type === 'reference') writeValueContent(sink, value, type, false, where);
  else writeValue(sink, value, type, where);
}

/**
 * Picks the CIM type whose text form a plain value takes. A plain number is written
 * as an integer when it is one and as real64 otherwise. VALUE carries no type, so the
 * exact integer type does not matter.
 */
function inferWriteType(value: unknown): CIMType {
  if (value instanceof CIMTypedValue) return value.cimType;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'sint64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'sint64' : 'real64';
  if (value instanceof CIMDateTime) return 'datetime';
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) return 'reference';
  if (value instanceof CIMInstance || value instanceof CIMClass) return 'string';
  throw new CIMXMLWriteError(`The value ${describe(value)} is not a CIM object or value, so it has no CIM-XML form.`);
}
