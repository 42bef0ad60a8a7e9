import { CIMClass } from '../../cim/class.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMProperty, TYPED_VALUE } from '../../cim/property.js';
import type { CIMQualifier } from '../../cim/qualifier.js';
import type { CIMType } from '../../cim/cim-type.js';
import type { CIMValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import {
  arraySizeAttribute,
  booleanAttribute,
  checkAttributes,
  checkUnordered,
  firstChild,
  matchUnordered,
  optionalAttribute,
  requireAttribute,
} from './checks.js';
import type { ReadContext } from './context.js';
import { decodeEmbeddedObject, readEmbeddedObjectAttribute } from './embedded.js';
import { readMethod } from './methods.js';
import { readValueReference } from './paths.js';
import { readOptionalValue, readQualifier, resolveType } from './qualifiers.js';

const EMBEDDED_ATTRIBUTES = ['EmbeddedObject', 'EMBEDDEDOBJECT'];
const PROPERTY_ATTRIBUTES = ['NAME', 'TYPE', 'CLASSORIGIN', 'PROPAGATED', ...EMBEDDED_ATTRIBUTES, 'xml:lang'];
const PROPERTY_ARRAY_ATTRIBUTES = ['NAME', 'TYPE', 'ARRAYSIZE', 'CLASSORIGIN', 'PROPAGATED', ...EMBEDDED_ATTRIBUTES, 'xml:lang'];
const PROPERTY_REFERENCE_ATTRIBUTES = ['NAME', 'REFERENCECLASS', 'CLASSORIGIN', 'PROPAGATED'];
const INSTANCE_ATTRIBUTES = ['CLASSNAME', 'xml:lang'];

const PROPERTY_CHILDREN = { QUALIFIER: Infinity, VALUE: 1 };
const PROPERTY_ARRAY_CHILDREN = { QUALIFIER: Infinity, 'VALUE.ARRAY': 1 };
const PROPERTY_REFERENCE_CHILDREN = { QUALIFIER: Infinity, 'VALUE.REFERENCE': 1 };
const INSTANCE_CHILDREN = { QUALIFIER: Infinity, PROPERTY: Infinity, 'PROPERTY.ARRAY': Infinity, 'PROPERTY.REFERENCE': Infinity };
const CLASS_CHILDREN = { ...INSTANCE_CHILDREN, METHOD: Infinity };

/** Qualifiers of every element without QUALIFIER children; frozen, because the array is shared. */
const NO_QUALIFIERS: readonly CIMQualifier[] = Object.freeze([]);

/**
 * Reads the QUALIFIER children of an element, in document order. Most elements of instances
 * have none, and they share one empty array.
 */
export function readQualifiers(element: XmlElement, ctx: ReadContext): readonly CIMQualifier[] {
  const children = element.children;
  let qualifiers: CIMQualifier[] | null = null;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.name !== 'QUALIFIER') continue;
    qualifiers ??= [];
    qualifiers.push(readQualifier(child, ctx.child(child, children)));
  }
  return qualifiers ?? NO_QUALIFIERS;
}

/**
 * ```
 * <!ELEMENT PROPERTY (QUALIFIER*, VALUE?)>
 * <!ATTLIST PROPERTY %CIMName; %CIMType; #REQUIRED %ClassOrigin; %Propagated;
 *     %EmbeddedObject; xml:lang NMTOKEN #IMPLIED>
 * ```
 * Children are accepted in any order.
 */
export function readProperty(element: XmlElement, ctx: ReadContext): CIMProperty {
  checkAttributes(element, ctx, PROPERTY_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_CHILDREN);
  const valueChild = firstChild(element, 'VALUE');
  return buildProperty(element, ctx, name, valueChild, false);
}

/**
 * ```
 * <!ELEMENT PROPERTY.ARRAY (QUALIFIER*, VALUE.ARRAY?)>
 * <!ATTLIST PROPERTY.ARRAY %CIMName; %CIMType; #REQUIRED %ArraySize; %ClassOrigin;
 *     %Propagated; %EmbeddedObject; xml:lang NMTOKEN #IMPLIED>
 * ```
 * An absent VALUE.ARRAY is a NULL array; an empty one is `[]`.
 */
export function readPropertyArray(element: XmlElement, ctx: ReadContext): CIMProperty {
  checkAttributes(element, ctx, PROPERTY_ARRAY_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_ARRAY_CHILDREN);
  const valueChild = firstChild(element, 'VALUE.ARRAY');
  return buildProperty(element, ctx, name, valueChild, true);
}

function buildProperty(
  element: XmlElement,
  ctx: ReadContext,
  name: string,
  valueChild: XmlElement | undefined,
  isArray: boolean,
): CIMProperty {
  const type = resolveType(element, valueChild, ctx);
  const embeddedObject = readEmbeddedObjectAttribute(element, ctx);
  const plain = readOptionalValue(valueChild, type, ctx);
  const value = embeddedObject === null ? plain : decodeEmbeddedValue(plain, type, element, ctx, valueChild);

  return new CIMProperty(name, value, {
    type,
    isArray,
    arraySize: isArray ? arraySizeAttribute(element, ctx) : null,
    embeddedObject,
    classOrigin: optionalAttribute(element, 'CLASSORIGIN'),
    propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
    qualifiers: readQualifiers(element, ctx),
    [TYPED_VALUE]: true,
  });
}

/** Replaces the string values of an element marked with `EmbeddedObject` by the objects they carry. */
export function decodeEmbeddedValue(
  value: CIMValue,
  type: CIMType,
  element: XmlElement,
  ctx: ReadContext,
  valueChild: XmlElement | undefined,
): CIMValue {
  if (value === null) return null;
  if (type !== 'string') {
    throw ctx.error(element, `EmbeddedObject is only allowed on string values, but ${element.name} has type ${type}.`);
  }

  const valueCtx = valueChild === undefined ? ctx : ctx.child(valueChild);
  if (!Array.isArray(value)) return decodeEmbeddedObject(value as string, element, valueCtx);
  return value.map((item, index) =>
    item === null ? null : decodeEmbeddedObject(item as string, element, valueCtx.nested(`VALUE[${index + 1}]`)),
  );
}

/**
 * ```
 * <!ELEMENT PROPERTY.REFERENCE (QUALIFIER*, VALUE.REFERENCE?)>
 * <!ATTLIST PROPERTY.REFERENCE %CIMName; %ReferenceClass; %ClassOrigin; %Propagated;>
 * ```
 * Children are accepted in any order.
 */
export function readPropertyReference(element: XmlElement, ctx: ReadContext): CIMProperty {
  checkAttributes(element, ctx, PROPERTY_REFERENCE_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_REFERENCE_CHILDREN);
  const valueChild = firstChild(element, 'VALUE.REFERENCE');

  return new CIMProperty(
    name,
    valueChild === undefined ? null : readValueReference(valueChild, ctx.child(valueChild)),
    {
      type: 'reference',
      isArray: false,
      referenceClass: optionalAttribute(element, 'REFERENCECLASS'),
      classOrigin: optionalAttribute(element, 'CLASSORIGIN'),
      propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
      qualifiers: readQualifiers(element, ctx),
      [TYPED_VALUE]: true,
    },
  );
}

const PROPERTY_READERS: Readonly<Record<string, (element: XmlElement, ctx: ReadContext) => CIMProperty>> = {
  PROPERTY: readProperty,
  'PROPERTY.ARRAY': readPropertyArray,
  'PROPERTY.REFERENCE': readPropertyReference,
};

function readProperties(element: XmlElement, ctx: ReadContext): CIMProperty[] {
  const children = element.children;
  const properties: CIMProperty[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const read = Object.hasOwn(PROPERTY_READERS, child.name) ? PROPERTY_READERS[child.name] : undefined;
    if (read !== undefined) properties.push(read(child, ctx.child(child, children)));
  }
  return properties;
}

/**
 * ```
 * <!ELEMENT INSTANCE (QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*)>
 * <!ATTLIST INSTANCE %ClassName; xml:lang NMTOKEN #IMPLIED>
 * ```
 */
export function readInstance(element: XmlElement, ctx: ReadContext): CIMInstance {
  checkAttributes(element, ctx, INSTANCE_ATTRIBUTES);
  const className = requireAttribute(element, ctx, 'CLASSNAME');
  checkUnordered(element, ctx, INSTANCE_CHILDREN);

  return new CIMInstance(className, {
    properties: readProperties(element, ctx),
    qualifiers: readQualifiers(element, ctx),
  });
}

/**
 * ```
 * <!ELEMENT CLASS (QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*, METHOD*)>
 * <!ATTLIST CLASS %CIMName; %SuperClass;>
 * ```
 */
export function readClass(element: XmlElement, ctx: ReadContext): CIMClass {
  checkAttributes(element, ctx, ['NAME', 'SUPERCLASS']);
  const className = requireAttribute(element, ctx, 'NAME');
  const groups = matchUnordered(element, ctx, CLASS_CHILDREN);
  const methods = (groups.get('METHOD') ?? []).map((method) => readMethod(method, ctx.child(method, element.children)));

  return new CIMClass(className, {
    superclass: optionalAttribute(element, 'SUPERCLASS'),
    properties: readProperties(element, ctx),
    methods,
    qualifiers: readQualifiers(element, ctx),
  });
}
