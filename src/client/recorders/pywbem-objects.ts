import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMMethod } from '../../cim/method.js';
import { NocaseMap } from '../../cim/nocase-map.js';
import { CIMParameter } from '../../cim/parameter.js';
import { CIMProperty } from '../../cim/property.js';
import { CIMQualifier } from '../../cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import { CIMTypedValue } from '../../cim/typed-value.js';

/** pywbem class names of the typed wrappers, by CIM type. */
const PYWBEM_TYPE_NAMES: Readonly<Record<string, string>> = {
  uint8: 'Uint8',
  sint8: 'Sint8',
  uint16: 'Uint16',
  sint16: 'Sint16',
  uint32: 'Uint32',
  sint32: 'Sint32',
  uint64: 'Uint64',
  sint64: 'Sint64',
  real32: 'Real32',
  real64: 'Real64',
  char16: 'Char16',
};

type Converter = (value: never) => unknown;

/** One converter per CIM object class, tried in order; the first matching class wins. */
const CONVERTERS: ReadonlyArray<readonly [abstract new (...args: never[]) => unknown, Converter]> = [
  [CIMTypedValue, (v: CIMTypedValue<number | bigint | string>) => ({ pywbem_object: PYWBEM_TYPE_NAMES[v.cimType], x: v.value })],
  [CIMDateTime, (v: CIMDateTime) => ({ pywbem_object: 'CIMDateTime', dtarg: v.text })],
  [CIMInstanceName, (v: CIMInstanceName) => ({
    pywbem_object: 'CIMInstanceName',
    classname: v.className,
    keybindings: toPywbemObject(v.keybindings),
    namespace: v.namespace,
    host: v.host,
  })],
  [CIMClassName, (v: CIMClassName) => ({ pywbem_object: 'CIMClassName', classname: v.className, namespace: v.namespace, host: v.host })],
  [CIMInstance, (v: CIMInstance) => ({
    pywbem_object: 'CIMInstance',
    classname: v.className,
    properties: toPywbemObject(v.properties),
    ...(v.qualifiers.size > 0 ? { qualifiers: toPywbemObject(v.qualifiers) } : {}),
    path: toPywbemObject(v.path),
  })],
  [CIMClass, (v: CIMClass) => ({
    pywbem_object: 'CIMClass',
    classname: v.className,
    superclass: v.superclass,
    properties: toPywbemObject(v.properties),
    methods: toPywbemObject(v.methods),
    qualifiers: toPywbemObject(v.qualifiers),
    path: toPywbemObject(v.path),
  })],
  [CIMProperty, (v: CIMProperty) => ({
    pywbem_object: 'CIMProperty',
    name: v.name,
    type: v.type,
    value: toPywbemObject(v.value),
    is_array: v.isArray,
    ...(v.arraySize !== null ? { array_size: v.arraySize } : {}),
    ...(v.referenceClass !== null ? { reference_class: v.referenceClass } : {}),
    ...(v.embeddedObject !== null ? { embedded_object: v.embeddedObject } : {}),
    ...(v.classOrigin !== null ? { class_origin: v.classOrigin } : {}),
    propagated: v.propagated,
    ...(v.qualifiers.size > 0 ? { qualifiers: toPywbemObject(v.qualifiers) } : {}),
  })],
  [CIMMethod, (v: CIMMethod) => ({
    pywbem_object: 'CIMMethod',
    name: v.name,
    return_type: v.returnType,
    parameters: toPywbemObject(v.parameters),
    class_origin: v.classOrigin,
    propagated: v.propagated,
    qualifiers: toPywbemObject(v.qualifiers),
  })],
  [CIMParameter, (v: CIMParameter) => ({
    pywbem_object: 'CIMParameter',
    name: v.name,
    type: v.type,
    is_array: v.isArray,
    ...(v.referenceClass !== null ? { reference_class: v.referenceClass } : {}),
    ...(v.embeddedObject !== null ? { embedded_object: v.embeddedObject } : {}),
    value: toPywbemObject(v.value),
    qualifiers: toPywbemObject(v.qualifiers),
  })],
  [CIMQualifier, (v: CIMQualifier) => ({
    pywbem_object: 'CIMQualifier',
    name: v.name,
    type: v.type,
    value: toPywbemObject(v.value),
    propagated: v.propagated,
    overridable: v.overridable,
    tosubclass: v.toSubclass,
    toinstance: v.toInstance,
    translatable: v.translatable,
  })],
  [CIMQualifierDeclaration, (v: CIMQualifierDeclaration) => ({
    pywbem_object: 'CIMQualifierDeclaration',
    name: v.name,
    type: v.type,
    value: toPywbemObject(v.value),
    is_array: v.isArray,
    array_size: v.arraySize,
    scopes: { ...v.scopes },
    overridable: v.overridable,
    tosubclass: v.toSubclass,
    toinstance: v.toInstance,
    translatable: v.translatable,
  })],
];

/**
 * Converts a value into the YAML form of pywbem's test_client files. CIM objects become
 * mappings with a `pywbem_object` key and pywbem's argument names. Values of uint64 and
 * sint64 stay `bigint`, so the YAML output keeps every digit.
 */
export function toPywbemObject(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((element) => toPywbemObject(element));
  if (value instanceof NocaseMap) {
    return Object.fromEntries([...(value as NocaseMap<unknown>)].map(([name, element]) => [name, toPywbemObject(element)]));
  }

  for (const [type, convert] of CONVERTERS) {
    if (value instanceof type) return convert(value as never);
  }
  if (value instanceof Error) return { exception: value.name, message: value.message };
  return Object.fromEntries(Object.entries(value).map(([name, element]) => [name, toPywbemObject(element)]));
}
