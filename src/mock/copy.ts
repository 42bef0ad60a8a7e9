import { CIMClass } from '../cim/class.js';
import { CIMClassName } from '../cim/class-name.js';
import { CIMInstance } from '../cim/instance.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMMethod } from '../cim/method.js';
import { CIMParameter } from '../cim/parameter.js';
import { CIMProperty } from '../cim/property.js';
import { CIMQualifier } from '../cim/qualifier.js';
import { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { CIMScalar, CIMValue, KeyBindingValue } from '../cim/value.js';

// Deep copies, so objects handed to callers never share mutable state with the repository.

export function copyValue(value: CIMValue): CIMValue {
  if (Array.isArray(value)) return value.map((element) => (element === null ? null : copyScalar(element)));
  return value === null ? null : copyScalar(value);
}

function copyScalar(value: CIMScalar): CIMScalar {
  if (value instanceof CIMInstanceName) return copyInstanceName(value);
  if (value instanceof CIMClassName) return copyClassName(value);
  if (value instanceof CIMInstance) return copyInstance(value);
  if (value instanceof CIMClass) return copyClass(value);
  return value;
}

export function copyInstanceName(path: CIMInstanceName): CIMInstanceName {
  const keybindings = [...path.keybindings].map(
    ([name, value]): [string, KeyBindingValue] => [name, value instanceof CIMInstanceName ? copyInstanceName(value) : value],
  );
  return new CIMInstanceName(path.className, keybindings, { namespace: path.namespace, host: path.host });
}

export function copyClassName(path: CIMClassName): CIMClassName {
  return new CIMClassName(path.className, { namespace: path.namespace, host: path.host });
}

export function copyQualifier(qualifier: CIMQualifier): CIMQualifier {
  return new CIMQualifier(qualifier.name, copyValue(qualifier.value), {
    type: qualifier.type,
    propagated: qualifier.propagated,
    overridable: qualifier.overridable,
    toSubclass: qualifier.toSubclass,
    toInstance: qualifier.toInstance,
    translatable: qualifier.translatable,
  });
}

export function copyProperty(property: CIMProperty, value: CIMValue = property.value): CIMProperty {
  return new CIMProperty(property.name, copyValue(value), {
    type: property.type,
    isArray: property.isArray,
    arraySize: property.arraySize,
    referenceClass: property.referenceClass,
    embeddedObject: property.embeddedObject,
    classOrigin: property.classOrigin,
    propagated: property.propagated,
    qualifiers: [...property.qualifiers.values()].map(copyQualifier),
  });
}

export function copyParameter(parameter: CIMParameter): CIMParameter {
  return new CIMParameter(parameter.name, {
    type: parameter.type,
    isArray: parameter.isArray,
    arraySize: parameter.arraySize,
    referenceClass: parameter.referenceClass,
    embeddedObject: parameter.embeddedObject,
    qualifiers: [...parameter.qualifiers.values()].map(copyQualifier),
    value: copyValue(parameter.value),
  });
}

export function copyMethod(method: CIMMethod): CIMMethod {
  return new CIMMethod(method.name, method.returnType, {
    parameters: [...method.parameters.values()].map(copyParameter),
    qualifiers: [...method.qualifiers.values()].map(copyQualifier),
    classOrigin: method.classOrigin,
    propagated: method.propagated,
  });
}

export function copyClass(cimClass: CIMClass): CIMClass {
  return new CIMClass(cimClass.className, {
    superclass: cimClass.superclass,
    properties: [...cimClass.properties.values()].map((property) => copyProperty(property)),
    methods: [...cimClass.methods.values()].map(copyMethod),
    qualifiers: [...cimClass.qualifiers.values()].map(copyQualifier),
    path: cimClass.path ? copyClassName(cimClass.path) : null,
  });
}

export function copyInstance(instance: CIMInstance): CIMInstance {
  return new CIMInstance(instance.className, {
    properties: [...instance.properties.values()].map((property) => copyProperty(property)),
    qualifiers: [...instance.qualifiers.values()].map(copyQualifier),
    path: instance.path ? copyInstanceName(instance.path) : null,
  });
}

export function copyQualifierDeclaration(declaration: CIMQualifierDeclaration): CIMQualifierDeclaration {
  return new CIMQualifierDeclaration(declaration.name, declaration.type, {
    value: copyValue(declaration.value),
    isArray: declaration.isArray,
    arraySize: declaration.arraySize,
    scopes: { ...declaration.scopes },
    overridable: declaration.overridable,
    toSubclass: declaration.toSubclass,
    toInstance: declaration.toInstance,
    translatable: declaration.translatable,
  });
}
