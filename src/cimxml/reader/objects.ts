import { CIMClass } from '../../cim/class.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMProperty, TYPED_VALUE } from '../../cim/property.js';
import { PropertyLayoutBuilder, type PropertyDescription } from '../../cim/property-layout.js';
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

/** The attributes and the converted value of one property element, before its qualifiers are read. */
interface PropertyContent extends PropertyDescription {
  readonly value: CIMValue;
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
  return createProperty(readPropertyContent(element, ctx), element, ctx);
}

function readPropertyContent(element: XmlElement, ctx: ReadContext): PropertyContent {
  checkAttributes(element, ctx, PROPERTY_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_CHILDREN);
  const valueChild = firstChild(element, 'VALUE');
  return readValueContent(element, ctx, name, valueChild, false);
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
  return createProperty(readPropertyArrayContent(element, ctx), element, ctx);
}

function readPropertyArrayContent(element: XmlElement, ctx: ReadContext): PropertyContent {
  checkAttributes(element, ctx, PROPERTY_ARRAY_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_ARRAY_CHILDREN);
  const valueChild = firstChild(element, 'VALUE.ARRAY');
  return readValueContent(element, ctx, name, valueChild, true);
}

/** Reads the type, value and attributes of a PROPERTY or PROPERTY.ARRAY. */
function readValueContent(
  element: XmlElement,
  ctx: ReadContext,
  name: string,
  valueChild: XmlElement | undefined,
  isArray: boolean,
): PropertyContent {
  const type = resolveType(element, valueChild, ctx);
  const embeddedObject = readEmbeddedObjectAttribute(element, ctx);
  const plain = readOptionalValue(valueChild, type, ctx);
  const value = embeddedObject === null ? plain : decodeEmbeddedValue(plain, type, element, ctx, valueChild);

  return {
    name,
    type,
    isArray,
    arraySize: isArray ? arraySizeAttribute(element, ctx) : null,
    referenceClass: null,
    embeddedObject,
    classOrigin: optionalAttribute(element, 'CLASSORIGIN'),
    propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
    value,
  };
}

/** Creates the property of `content` with the QUALIFIER children of its element. */
function createProperty(content: PropertyContent, element: XmlElement, ctx: ReadContext): CIMProperty {
  return new CIMProperty(content.name, content.value, {
    type: content.type,
    isArray: content.isArray,
    arraySize: content.arraySize,
    referenceClass: content.referenceClass,
    embeddedObject: content.embeddedObject,
    classOrigin: content.classOrigin,
    propagated: content.propagated,
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
  return createProperty(readPropertyReferenceContent(element, ctx), element, ctx);
}

function readPropertyReferenceContent(element: XmlElement, ctx: ReadContext): PropertyContent {
  checkAttributes(element, ctx, PROPERTY_REFERENCE_ATTRIBUTES);
  const name = requireAttribute(element, ctx, 'NAME');
  checkUnordered(element, ctx, PROPERTY_REFERENCE_CHILDREN);
  const valueChild = firstChild(element, 'VALUE.REFERENCE');
  const value = valueChild === undefined ? null : readValueReference(valueChild, ctx.child(valueChild));

  return {
    name,
    type: 'reference',
    isArray: false,
    arraySize: null,
    referenceClass: optionalAttribute(element, 'REFERENCECLASS'),
    embeddedObject: null,
    classOrigin: optionalAttribute(element, 'CLASSORIGIN'),
    propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
    value,
  };
}

const PROPERTY_CONTENT_READERS: Readonly<Record<string, (element: XmlElement, ctx: ReadContext) => PropertyContent>> = {
  PROPERTY: readPropertyContent,
  'PROPERTY.ARRAY': readPropertyArrayContent,
  'PROPERTY.REFERENCE': readPropertyReferenceContent,
};

/** Returns the content reader of a PROPERTY, PROPERTY.ARRAY or PROPERTY.REFERENCE element, or undefined for other elements. */
function propertyContentReader(name: string): ((element: XmlElement, ctx: ReadContext) => PropertyContent) | undefined {
  return Object.hasOwn(PROPERTY_CONTENT_READERS, name) ? PROPERTY_CONTENT_READERS[name] : undefined;
}

function readProperties(element: XmlElement, ctx: ReadContext): CIMProperty[] {
  const children = element.children;
  const properties: CIMProperty[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const read = propertyContentReader(child.name);
    if (read === undefined) continue;

    const childCtx = ctx.child(child, children);
    properties.push(createProperty(read(child, childCtx), child, childCtx));
  }
  return properties;
}

/**
 * ```
 * <!ELEMENT INSTANCE (QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*)>
 * <!ATTLIST INSTANCE %ClassName; xml:lang NMTOKEN #IMPLIED>
 * ```
 * An instance whose properties have no qualifiers keeps a layout shared with the instances
 * of the same class and an array of values, and creates its `CIMProperty` objects when code
 * first reads one.
 */
export function readInstance(element: XmlElement, ctx: ReadContext): CIMInstance {
  checkAttributes(element, ctx, INSTANCE_ATTRIBUTES);
  const className = requireAttribute(element, ctx, 'CLASSNAME');
  checkUnordered(element, ctx, INSTANCE_CHILDREN);

  const count = countPropertiesWithoutQualifiers(element);
  if (count >= 0) return readInstanceByLayout(element, ctx, className, count);
  return new CIMInstance(className, {
    properties: readProperties(element, ctx),
    qualifiers: readQualifiers(element, ctx),
  });
}

/** Reads the `count` properties of an INSTANCE into a shared layout and an array of values. */
function readInstanceByLayout(element: XmlElement, ctx: ReadContext, className: string, count: number): CIMInstance {
  const children = element.children;
  const layout = new PropertyLayoutBuilder();
  // Allocated at its final size, because the instance keeps the array.
  const values = new Array<CIMValue>(count);
  let position = 0;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const read = propertyContentReader(child.name);
    if (read === undefined) continue;

    const content = read(child, ctx.child(child, children));
    layout.add(content);
    values[position] = content.value;
    position++;
  }

  return CIMInstance.fromLayout(className, layout.build(), values, readQualifiers(element, ctx));
}

/**
 * Returns the number of property children of `element`, or -1 when one of them has a
 * QUALIFIER child.
 */
function countPropertiesWithoutQualifiers(element: XmlElement): number {
  let count = 0;
  for (const child of element.children) {
    if (propertyContentReader(child.name) === undefined) continue;
    for (const grandchild of child.children) {
      if (grandchild.name === 'QUALIFIER') return -1;
    }
    count++;
  }
  return count;
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
