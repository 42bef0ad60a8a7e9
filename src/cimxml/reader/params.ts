import { isCIMType, type CIMType } from '../../cim/cim-type.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import { any, checkAttributes, matchSequence, one, optional, requireAttribute } from './checks.js';
import type { ReadContext } from './context.js';
import { readEmbeddedObjectAttribute } from './embedded.js';
import type { Correlator, IParamValue, IReturnItem, IReturnValue, ParamType, ParamValue, ReturnValue } from './message-types.js';
import { decodeEmbeddedValue, readClass, readInstance } from './objects.js';
import {
  readClassName,
  readInstanceName,
  readInstancePath,
  readObjectPath,
  readValueRefArray,
  readValueReference,
} from './paths.js';
import { readQualifierDeclaration } from './qualifiers.js';
import { readTypedValue, readTypedValueArray, readValue, readValueArray, valueTypeAttribute, cimTypeAttribute } from './values.js';
import {
  readValueInstanceWithPath,
  readValueNamedInstance,
  readValueObject,
  readValueObjectWithLocalPath,
  readValueObjectWithPath,
} from './value-objects.js';

type Reader<T> = (element: XmlElement, ctx: ReadContext) => T;

const PARAM_TYPES: ReadonlySet<string> = new Set(['object', 'instance']);

function paramTypeAttribute(element: XmlElement, ctx: ReadContext): ParamType | null {
  let value = element.attributes.PARAMTYPE;
  if (value === undefined && element.attributes.TYPE !== undefined) {
    value = element.attributes.TYPE;
    ctx.warn(
      'PARAMVALUE_TYPE_ATTRIBUTE',
      element,
      `Element ${element.name} has TYPE="${value}" instead of PARAMTYPE; it is used as PARAMTYPE.`,
    );
  }
  if (value === undefined) return null;
  if (isCIMType(value) || PARAM_TYPES.has(value)) return value as ParamType;
  throw ctx.error(element, `attribute PARAMTYPE="${value}" of element ${element.name} is not a CIM type, "object" or "instance".`);
}

const OBJECT_CONTENT: Readonly<Record<string, Reader<CIMValue>>> = {
  'VALUE.REFERENCE': readValueReference,
  'VALUE.REFARRAY': readValueRefArray,
  CLASSNAME: readClassName,
  INSTANCENAME: readInstanceName,
  CLASS: readClass,
  INSTANCE: readInstance,
  'VALUE.NAMEDINSTANCE': readValueNamedInstance,
};

/**
 * Reads the value child of a PARAMVALUE or RETURNVALUE: VALUE and VALUE.ARRAY are
 * converted to the CIM type when one is known (or decoded as embedded objects), and stay
 * text otherwise; every other child is read as the object it describes.
 */
function readParamContent(
  element: XmlElement,
  child: XmlElement | undefined,
  paramType: ParamType | null,
  embeddedObject: ParamValue['embeddedObject'],
  ctx: ReadContext,
): CIMValue {
  if (child === undefined) return null;
  const childCtx = ctx.child(child);
  const objectReader = OBJECT_CONTENT[child.name];
  if (objectReader !== undefined) return objectReader(child, childCtx);

  const isEmbedded = embeddedObject !== null || paramType === 'object' || paramType === 'instance';
  const type = dataType(paramType) ?? (isEmbedded ? 'string' : valueTypeAttribute(child, childCtx));
  if (type === null) return child.name === 'VALUE' ? readValue(child, childCtx) : readValueArray(child, childCtx);

  const value =
    child.name === 'VALUE' ? readTypedValue(child, type, childCtx) : readTypedValueArray(child, type, childCtx);
  return isEmbedded ? decodeEmbeddedValue(value, type, element, ctx, child) : value;
}

function dataType(paramType: ParamType | null): CIMType | null {
  if (paramType === null || paramType === 'object' || paramType === 'instance' || paramType === 'reference') return null;
  return paramType;
}

/**
 * ```
 * <!ELEMENT PARAMVALUE (VALUE | VALUE.REFERENCE | VALUE.ARRAY | VALUE.REFARRAY | CLASSNAME |
 *     INSTANCENAME | CLASS | INSTANCE | VALUE.NAMEDINSTANCE)?>
 * <!ATTLIST PARAMVALUE %CIMName; %ParamType; #IMPLIED %EmbeddedObject;>
 * ```
 * `TYPE` in place of `PARAMTYPE` (sent by some servers in pull responses) is used with a
 * warning; PARAMTYPE wins when both are present.
 */
export function readParamValue(element: XmlElement, ctx: ReadContext): ParamValue {
  checkAttributes(element, ctx, ['NAME', 'PARAMTYPE', 'TYPE', 'EmbeddedObject', 'EMBEDDEDOBJECT']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[child]] = matchSequence(element, ctx, [
    optional('VALUE', 'VALUE.ARRAY', ...Object.keys(OBJECT_CONTENT)),
  ]) as [[XmlElement?]];

  const paramType = paramTypeAttribute(element, ctx);
  const embeddedObject = readEmbeddedObjectAttribute(element, ctx);
  const value = readParamContent(element, child, paramType, embeddedObject, ctx);
  return { name, paramType, embeddedObject, value };
}

/**
 * ```
 * <!ELEMENT RETURNVALUE (VALUE | VALUE.REFERENCE)?>
 * <!ATTLIST RETURNVALUE %EmbeddedObject; %ParamType; #IMPLIED>
 * ```
 * A `TYPE` on the VALUE child, sent by some servers, is used when PARAMTYPE is absent.
 */
export function readReturnValue(element: XmlElement, ctx: ReadContext): ReturnValue {
  checkAttributes(element, ctx, ['PARAMTYPE', 'EmbeddedObject', 'EMBEDDEDOBJECT']);
  const [[child]] = matchSequence(element, ctx, [optional('VALUE', 'VALUE.REFERENCE')]) as [[XmlElement?]];
  const paramType = paramTypeAttribute(element, ctx);
  const embeddedObject = readEmbeddedObjectAttribute(element, ctx);
  const value = readParamContent(element, child, paramType, embeddedObject, ctx);
  return { paramType, embeddedObject, value };
}

const IPARAM_CONTENT: Readonly<Record<string, Reader<IParamValue['value']>>> = {
  VALUE: (element, ctx) => booleanOrText(readValue(element, ctx)),
  'VALUE.ARRAY': (element, ctx) => readValueArray(element, ctx).map((item) => (item === null ? null : booleanOrText(item))),
  'VALUE.REFERENCE': readValueReference,
  CLASSNAME: readClassName,
  INSTANCENAME: readInstanceName,
  'QUALIFIER.DECLARATION': readQualifierDeclaration,
  CLASS: readClass,
  INSTANCE: readInstance,
  'VALUE.NAMEDINSTANCE': readValueNamedInstance,
};

// Intrinsic parameters carry no type; the boolean ones (LocalOnly, DeepInheritance, ...)
// are recognised by their text, and the operation converts the rest.
function booleanOrText(text: string): string | boolean {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return text;
}

/**
 * ```
 * <!ELEMENT IPARAMVALUE (VALUE | VALUE.ARRAY | VALUE.REFERENCE | CLASSNAME | INSTANCENAME |
 *     QUALIFIER.DECLARATION | CLASS | INSTANCE | VALUE.NAMEDINSTANCE)?>
 * <!ATTLIST IPARAMVALUE %CIMName;>
 * ```
 * No child means a NULL parameter.
 */
export function readIParamValue(element: XmlElement, ctx: ReadContext): IParamValue {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[child]] = matchSequence(element, ctx, [optional(...Object.keys(IPARAM_CONTENT))]) as [[XmlElement?]];
  const value = child === undefined ? null : IPARAM_CONTENT[child.name]!(child, ctx.child(child));
  return { name, value };
}

const IRETURN_CONTENT: Readonly<Record<string, { read: Reader<IReturnItem>; max: number }>> = {
  CLASSNAME: { read: readClassName, max: Infinity },
  INSTANCENAME: { read: readInstanceName, max: Infinity },
  VALUE: { read: readValue, max: Infinity },
  'VALUE.OBJECTWITHPATH': { read: readValueObjectWithPath, max: Infinity },
  'VALUE.OBJECTWITHLOCALPATH': { read: readValueObjectWithLocalPath, max: Infinity },
  'VALUE.OBJECT': { read: readValueObject, max: Infinity },
  OBJECTPATH: { read: readObjectPath, max: Infinity },
  'QUALIFIER.DECLARATION': { read: readQualifierDeclaration, max: Infinity },
  'VALUE.ARRAY': { read: readValueArray, max: 1 },
  'VALUE.REFERENCE': { read: readValueReference, max: 1 },
  CLASS: { read: readClass, max: Infinity },
  INSTANCE: { read: readInstance, max: Infinity },
  INSTANCEPATH: { read: readInstancePath, max: Infinity },
  'VALUE.NAMEDINSTANCE': { read: readValueNamedInstance, max: Infinity },
  'VALUE.INSTANCEWITHPATH': { read: readValueInstanceWithPath, max: Infinity },
};

/** How IRETURNVALUE children named `name` are read and how many may occur; undefined for other names. */
export function iReturnContent(name: string): { read: Reader<IReturnItem>; max: number } | undefined {
  return Object.hasOwn(IRETURN_CONTENT, name) ? IRETURN_CONTENT[name] : undefined;
}

/**
 * ```
 * <!ELEMENT IRETURNVALUE (CLASSNAME* | INSTANCENAME* | VALUE* | VALUE.OBJECTWITHPATH* |
 *     VALUE.OBJECTWITHLOCALPATH* | VALUE.OBJECT* | OBJECTPATH* | QUALIFIER.DECLARATION* |
 *     VALUE.ARRAY? | VALUE.REFERENCE? | CLASS* | INSTANCE* | INSTANCEPATH* |
 *     VALUE.NAMEDINSTANCE* | VALUE.INSTANCEWITHPATH*)>
 * ```
 * All children must have one name. Items with a value error are skipped when the
 * context collects value errors.
 */
export function readIReturnValue(element: XmlElement, ctx: ReadContext): IReturnValue {
  checkAttributes(element, ctx, []);
  const elementName = element.children[0]?.name ?? null;
  if (elementName === null) {
    matchSequence(element, ctx, []);
    return { elementName, items: [] };
  }

  const content = iReturnContent(elementName);
  if (content === undefined) {
    throw ctx.error(element, `element IRETURNVALUE has an unexpected child ${elementName}.`);
  }
  const [children = []] = matchSequence(element, ctx, [{ names: [elementName], min: 0, max: content.max }]);

  const items: IReturnItem[] = [];
  for (const child of children) {
    const item = ctx.readItem(() => content.read(child, ctx.child(child, children)));
    if (item !== undefined) items.push(item);
  }
  return { elementName, items };
}

/**
 * ```
 * <!ELEMENT ERROR (INSTANCE*)>
 * <!ATTLIST ERROR CODE CDATA #REQUIRED DESCRIPTION CDATA #IMPLIED>
 * ```
 * Returns a CIMError carrying the CIM_Error instances; it is not thrown here.
 */
export function readError(element: XmlElement, ctx: ReadContext): CIMError {
  checkAttributes(element, ctx, ['CODE', 'DESCRIPTION']);
  const code = requireAttribute(element, ctx, 'CODE');
  if (!/^\s*\d+\s*$/.test(code)) {
    throw ctx.error(element, `attribute CODE="${code}" of element ERROR is not a CIM status code (a non-negative integer).`);
  }

  const [instanceElements = []] = matchSequence(element, ctx, [any('INSTANCE')]);
  const instances: CIMInstance[] = instanceElements.map((instance) =>
    readInstance(instance, ctx.child(instance, instanceElements)),
  );
  return new CIMError(Number(code), element.attributes.DESCRIPTION ?? null, { instances });
}

/**
 * ```
 * <!ELEMENT CORRELATOR (VALUE)>
 * <!ATTLIST CORRELATOR %CIMName; %CIMType; #REQUIRED>
 * ```
 */
export function readCorrelator(element: XmlElement, ctx: ReadContext): Correlator {
  checkAttributes(element, ctx, ['NAME', 'TYPE']);
  const name = requireAttribute(element, ctx, 'NAME');
  const type = cimTypeAttribute(element, ctx);
  const [[value]] = matchSequence(element, ctx, [one('VALUE')]) as [[XmlElement]];
  return { name, type, value: readTypedValue(value, type, ctx.child(value)) };
}

/**
 * `<!ELEMENT EXPPARAMVALUE (INSTANCE?)>` with `%CIMName;` — the indication instance, or
 * null when absent.
 */
export function readExpParamValue(element: XmlElement, ctx: ReadContext): { name: string; value: CIMInstance | null } {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[instance]] = matchSequence(element, ctx, [optional('INSTANCE')]) as [[XmlElement?]];
  return { name, value: instance === undefined ? null : readInstance(instance, ctx.child(instance)) };
}
