import type { CIMType } from '../../cim/cim-type.js';
import { CIMClass } from '../../cim/class.js';
import type { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { CIMMethod } from '../../cim/method.js';
import type { NocaseMap } from '../../cim/nocase-map.js';
import type { CIMParameter } from '../../cim/parameter.js';
import type { CIMProperty } from '../../cim/property.js';
import type { CIMQualifier, QualifierFlavors } from '../../cim/qualifier.js';
import type { CIMQualifierDeclaration, QualifierScopes } from '../../cim/qualifier-declaration.js';
import {
  writeClassPath,
  writeInstanceName,
  writeInstancePath,
  writeLocalClassPath,
  writeLocalInstancePath,
} from './path-writer.js';
import { writeValueContent } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import type { XmlSink } from './xml-sink.js';

/** `<!ELEMENT INSTANCE (QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*)>`; the path is not written. */
export function writeInstance(sink: XmlSink, instance: CIMInstance): void {
  sink.start('INSTANCE');
  sink.attribute('CLASSNAME', instance.className, `instance of class ${instance.className}`);
  writeQualifiers(sink, instance.qualifiers);
  for (const property of instance.properties.values()) writeProperty(sink, property);
  sink.end('INSTANCE');
}

/** `<!ELEMENT CLASS (QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*, METHOD*)>` */
export function writeClass(sink: XmlSink, cimClass: CIMClass): void {
  const where = `class ${cimClass.className}`;
  sink.start('CLASS');
  sink.attribute('NAME', cimClass.className, where);
  if (cimClass.superclass !== null) sink.attribute('SUPERCLASS', cimClass.superclass, where);
  writeQualifiers(sink, cimClass.qualifiers);
  for (const property of cimClass.properties.values()) writeProperty(sink, property);
  for (const method of cimClass.methods.values()) writeMethod(sink, method);
  sink.end('CLASS');
}

/**
 * Writes PROPERTY, PROPERTY.ARRAY or PROPERTY.REFERENCE, by type and array-ness.
 * Embedded objects keep TYPE `string` and get the `EmbeddedObject` attribute.
 */
export function writeProperty(sink: XmlSink, property: CIMProperty): void {
  const where = `property ${property.name}`;

  if (property.type === 'reference') {
    if (property.isArray) {
      throw new CIMXMLWriteError(
        `The ${where} is a reference array, which CIM-XML cannot represent as a property; use a scalar reference.`,
        where,
      );
    }
    sink.start('PROPERTY.REFERENCE');
    sink.attribute('NAME', property.name, where);
    optionalAttribute(sink, 'REFERENCECLASS', property.referenceClass, where);
    optionalAttribute(sink, 'CLASSORIGIN', property.classOrigin, where);
    booleanAttribute(sink, 'PROPAGATED', property.propagated);
    writeQualifiers(sink, property.qualifiers);
    writeValueContent(sink, property.value, 'reference', false, where);
    sink.end('PROPERTY.REFERENCE');
    return;
  }

  const name = property.isArray ? 'PROPERTY.ARRAY' : 'PROPERTY';
  sink.start(name);
  sink.attribute('NAME', property.name, where);
  sink.attribute('TYPE', property.type, where);
  if (property.isArray && property.arraySize !== null) sink.attribute('ARRAYSIZE', String(property.arraySize), where);
  optionalAttribute(sink, 'CLASSORIGIN', property.classOrigin, where);
  booleanAttribute(sink, 'PROPAGATED', property.propagated);
  optionalAttribute(sink, 'EmbeddedObject', property.embeddedObject, where);
  writeQualifiers(sink, property.qualifiers);
  writeValueContent(sink, property.value, property.type, property.isArray, where);
  sink.end(name);
}

/** `<!ELEMENT METHOD (QUALIFIER*, (PARAMETER | PARAMETER.REFERENCE | PARAMETER.ARRAY | PARAMETER.REFARRAY)*)>` */
export function writeMethod(sink: XmlSink, method: CIMMethod): void {
  const where = `method ${method.name}`;
  sink.start('METHOD');
  sink.attribute('NAME', method.name, where);
  if (method.returnType !== null) sink.attribute('TYPE', nonReferenceType(method.returnType, where), where);
  optionalAttribute(sink, 'CLASSORIGIN', method.classOrigin, where);
  booleanAttribute(sink, 'PROPAGATED', method.propagated);
  writeQualifiers(sink, method.qualifiers);
  for (const parameter of method.parameters.values()) writeParameter(sink, parameter);
  sink.end('METHOD');
}

/** Writes a parameter declaration as PARAMETER, PARAMETER.ARRAY, PARAMETER.REFERENCE or PARAMETER.REFARRAY. */
export function writeParameter(sink: XmlSink, parameter: CIMParameter): void {
  const where = `parameter ${parameter.name}`;
  const isReference = parameter.type === 'reference';
  const name = isReference
    ? parameter.isArray ? 'PARAMETER.REFARRAY' : 'PARAMETER.REFERENCE'
    : parameter.isArray ? 'PARAMETER.ARRAY' : 'PARAMETER';

  sink.start(name);
  sink.attribute('NAME', parameter.name, where);
  if (isReference) optionalAttribute(sink, 'REFERENCECLASS', parameter.referenceClass, where);
  else sink.attribute('TYPE', parameter.type, where);
  if (parameter.isArray && parameter.arraySize !== null) sink.attribute('ARRAYSIZE', String(parameter.arraySize), where);
  writeQualifiers(sink, parameter.qualifiers);
  sink.end(name);
}

/** `<!ELEMENT QUALIFIER ((VALUE | VALUE.ARRAY)?)>` with PROPAGATED and the flavors that are set. */
export function writeQualifier(sink: XmlSink, qualifier: CIMQualifier): void {
  const where = `qualifier ${qualifier.name}`;
  sink.start('QUALIFIER');
  sink.attribute('NAME', qualifier.name, where);
  sink.attribute('TYPE', nonReferenceType(qualifier.type, where), where);
  booleanAttribute(sink, 'PROPAGATED', qualifier.propagated);
  writeFlavors(sink, qualifier);
  writeValueContent(sink, qualifier.value, qualifier.type, Array.isArray(qualifier.value), where);
  sink.end('QUALIFIER');
}

function writeQualifiers(sink: XmlSink, qualifiers: NocaseMap<CIMQualifier>): void {
  for (const qualifier of qualifiers.values()) writeQualifier(sink, qualifier);
}

/** `<!ELEMENT QUALIFIER.DECLARATION (SCOPE?, (VALUE | VALUE.ARRAY)?)>` */
export function writeQualifierDeclaration(sink: XmlSink, declaration: CIMQualifierDeclaration): void {
  const where = `qualifier declaration ${declaration.name}`;
  sink.start('QUALIFIER.DECLARATION');
  sink.attribute('NAME', declaration.name, where);
  sink.attribute('TYPE', nonReferenceType(declaration.type, where), where);
  sink.attribute('ISARRAY', declaration.isArray ? 'true' : 'false');
  if (declaration.isArray && declaration.arraySize !== null) {
    sink.attribute('ARRAYSIZE', String(declaration.arraySize), where);
  }
  writeFlavors(sink, declaration);
  writeScope(sink, declaration.scopes);
  writeValueContent(sink, declaration.value, declaration.type, declaration.isArray, where);
  sink.end('QUALIFIER.DECLARATION');
}

/** SCOPE attribute per scope name; MOF `Scope(any)` sets every one. */
const SCOPE_ATTRIBUTES: ReadonlyArray<[keyof QualifierScopes, string]> = [
  ['class', 'CLASS'],
  ['association', 'ASSOCIATION'],
  ['reference', 'REFERENCE'],
  ['property', 'PROPERTY'],
  ['method', 'METHOD'],
  ['parameter', 'PARAMETER'],
  ['indication', 'INDICATION'],
];

function writeScope(sink: XmlSink, scopes: QualifierScopes): void {
  const stated = SCOPE_ATTRIBUTES.filter(([key]) => scopes.any === true || scopes[key] !== undefined);
  if (stated.length === 0) return;

  sink.start('SCOPE');
  for (const [key, attribute] of stated) {
    sink.attribute(attribute, scopes.any === true || scopes[key] === true ? 'true' : 'false');
  }
  sink.end('SCOPE');
}

/** Flavor attributes in DTD order; a flavor that is null is left out and takes the DTD default. */
const FLAVOR_ATTRIBUTES: ReadonlyArray<[keyof QualifierFlavors, string]> = [
  ['overridable', 'OVERRIDABLE'],
  ['toSubclass', 'TOSUBCLASS'],
  ['toInstance', 'TOINSTANCE'],
  ['translatable', 'TRANSLATABLE'],
];

function writeFlavors(sink: XmlSink, flavors: QualifierFlavors): void {
  for (const [key, attribute] of FLAVOR_ATTRIBUTES) booleanAttribute(sink, attribute, flavors[key]);
}

/** `<!ELEMENT VALUE.NAMEDINSTANCE (INSTANCENAME, INSTANCE)>`; the path defaults to the instance's own. */
export function writeValueNamedInstance(sink: XmlSink, instance: CIMInstance, path?: CIMInstanceName | null): void {
  sink.start('VALUE.NAMEDINSTANCE');
  writeInstanceName(sink, requirePath(instance, path));
  writeInstance(sink, instance);
  sink.end('VALUE.NAMEDINSTANCE');
}

/** `<!ELEMENT VALUE.INSTANCEWITHPATH (INSTANCEPATH, INSTANCE)>` */
export function writeValueInstanceWithPath(sink: XmlSink, instance: CIMInstance, path?: CIMInstanceName | null): void {
  sink.start('VALUE.INSTANCEWITHPATH');
  writeInstancePath(sink, requirePath(instance, path), `instance of class ${instance.className}`);
  writeInstance(sink, instance);
  sink.end('VALUE.INSTANCEWITHPATH');
}

/** `<!ELEMENT VALUE.OBJECTWITHPATH ((CLASSPATH, CLASS) | (INSTANCEPATH, INSTANCE))>` */
export function writeValueObjectWithPath(sink: XmlSink, object: CIMInstance | CIMClass): void {
  sink.start('VALUE.OBJECTWITHPATH');
  if (object instanceof CIMClass) {
    writeClassPath(sink, requireClassPath(object), `class ${object.className}`);
    writeClass(sink, object);
  } else {
    writeInstancePath(sink, requirePath(object), `instance of class ${object.className}`);
    writeInstance(sink, object);
  }
  sink.end('VALUE.OBJECTWITHPATH');
}

/** `<!ELEMENT VALUE.OBJECTWITHLOCALPATH ((LOCALCLASSPATH, CLASS) | (LOCALINSTANCEPATH, INSTANCE))>` */
export function writeValueObjectWithLocalPath(sink: XmlSink, object: CIMInstance | CIMClass): void {
  sink.start('VALUE.OBJECTWITHLOCALPATH');
  if (object instanceof CIMClass) {
    const path = requireClassPath(object);
    writeLocalClassPath(sink, requireNamespace(path, object.className), object.className, `class ${object.className}`);
    writeClass(sink, object);
  } else {
    const path = requirePath(object);
    writeLocalInstancePath(sink, requireNamespace(path, object.className), path, `instance of class ${object.className}`);
    writeInstance(sink, object);
  }
  sink.end('VALUE.OBJECTWITHLOCALPATH');
}

function requirePath(instance: CIMInstance, path?: CIMInstanceName | null): CIMInstanceName {
  const resolved = path ?? instance.path;
  if (resolved === null) {
    throw new CIMXMLWriteError(
      `The instance of class ${instance.className} has no path, but this element needs one; set instance.path.`,
      `instance of class ${instance.className}`,
    );
  }
  return resolved;
}

function requireClassPath(cimClass: CIMClass): CIMClassName {
  if (cimClass.path === null) {
    throw new CIMXMLWriteError(
      `The class ${cimClass.className} has no path, but this element needs one; set class.path.`,
      `class ${cimClass.className}`,
    );
  }
  return cimClass.path;
}

function requireNamespace(path: CIMInstanceName | CIMClassName, className: string): string {
  if (path.namespace === null) {
    throw new CIMXMLWriteError(
      `The path of ${className} has no namespace, but this element needs one; set path.namespace.`,
      className,
    );
  }
  return path.namespace;
}

function nonReferenceType(type: CIMType, where: string): CIMType {
  if (type === 'reference') {
    throw new CIMXMLWriteError(`The ${where} has type reference, which CIM-XML does not allow here.`, where);
  }
  return type;
}

function optionalAttribute(sink: XmlSink, name: string, value: string | null | undefined, where: string): void {
  if (value !== null && value !== undefined) sink.attribute(name, value, where);
}

function booleanAttribute(sink: XmlSink, name: string, value: boolean | null | undefined): void {
  if (value !== null && value !== undefined) sink.attribute(name, value ? 'true' : 'false');
}
