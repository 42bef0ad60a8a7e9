import type { CIMType } from '../../cim/cim-type.js';
import { CIMQualifier, type QualifierFlavors } from '../../cim/qualifier.js';
import { CIMQualifierDeclaration, type QualifierScopes } from '../../cim/qualifier-declaration.js';
import type { CIMValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import {
  arraySizeAttribute,
  booleanAttribute,
  checkAttributes,
  checkEmpty,
  matchSequence,
  optional,
  requireAttribute,
} from './checks.js';
import type { ReadContext } from './context.js';
import { cimTypeAttribute, FULL_READ, quickValue, readTypedValue, readTypedValueArray, valueTypeAttribute } from './values.js';

const FLAVOR_ATTRIBUTES = ['OVERRIDABLE', 'TOSUBCLASS', 'TOINSTANCE', 'TRANSLATABLE'];

/**
 * `%QualifierFlavor;` — OVERRIDABLE and TOSUBCLASS default to true, TOINSTANCE and
 * TRANSLATABLE to false, as the DTD declares; absent attributes get these defaults.
 */
export function readFlavors(element: XmlElement, ctx: ReadContext): Required<QualifierFlavors> {
  return {
    overridable: booleanAttribute(element, ctx, 'OVERRIDABLE', true),
    toSubclass: booleanAttribute(element, ctx, 'TOSUBCLASS', true),
    toInstance: booleanAttribute(element, ctx, 'TOINSTANCE', false),
    translatable: booleanAttribute(element, ctx, 'TRANSLATABLE', false),
  };
}

/**
 * The type of an element with `%CIMType;`. Some servers leave it out and put `TYPE` on
 * the VALUE or VALUE.ARRAY child instead; that is tolerated with a warning.
 */
export function resolveType(element: XmlElement, valueChild: XmlElement | undefined, ctx: ReadContext): CIMType {
  if (element.attributes.TYPE === undefined && valueChild !== undefined) {
    const fromValue = valueTypeAttribute(valueChild, ctx.child(valueChild));
    if (fromValue !== null) return fromValue;
  }
  return cimTypeAttribute(element, ctx);
}

/** Reads an optional VALUE or VALUE.ARRAY child as the type; NULL when absent. */
export function readOptionalValue(valueChild: XmlElement | undefined, type: CIMType, ctx: ReadContext): CIMValue {
  if (valueChild === undefined) return null;
  if (valueChild.name === 'VALUE') {
    const quick = quickValue(valueChild, type);
    if (quick !== FULL_READ) return quick;
  }

  const childCtx = ctx.child(valueChild);
  return valueChild.name === 'VALUE'
    ? readTypedValue(valueChild, type, childCtx)
    : readTypedValueArray(valueChild, type, childCtx);
}

/**
 * ```
 * <!ELEMENT QUALIFIER ((VALUE | VALUE.ARRAY)?)>
 * <!ATTLIST QUALIFIER %CIMName; %CIMType; #REQUIRED %Propagated; %QualifierFlavor;
 *     xml:lang NMTOKEN #IMPLIED>
 * ```
 */
export function readQualifier(element: XmlElement, ctx: ReadContext): CIMQualifier {
  checkAttributes(element, ctx, ['NAME', 'TYPE', 'PROPAGATED', ...FLAVOR_ATTRIBUTES, 'xml:lang']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[valueChild]] = matchSequence(element, ctx, [optional('VALUE', 'VALUE.ARRAY')]) as [[XmlElement?]];
  const type = resolveType(element, valueChild, ctx);

  return new CIMQualifier(name, readOptionalValue(valueChild, type, ctx), {
    type,
    propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
    ...readFlavors(element, ctx),
  });
}

const SCOPE_ATTRIBUTES: Readonly<Record<string, keyof QualifierScopes>> = {
  CLASS: 'class',
  ASSOCIATION: 'association',
  REFERENCE: 'reference',
  PROPERTY: 'property',
  METHOD: 'method',
  PARAMETER: 'parameter',
  INDICATION: 'indication',
};

/**
 * `<!ELEMENT SCOPE EMPTY>` with CLASS, ASSOCIATION, REFERENCE, PROPERTY, METHOD,
 * PARAMETER and INDICATION, each `(true | false) "false"`. Only the attributes present
 * are set in the result.
 */
export function readScope(element: XmlElement, ctx: ReadContext): QualifierScopes {
  checkAttributes(element, ctx, Object.keys(SCOPE_ATTRIBUTES));
  checkEmpty(element, ctx);

  const scopes: QualifierScopes = {};
  for (const [attribute, key] of Object.entries(SCOPE_ATTRIBUTES)) {
    const value = booleanAttribute(element, ctx, attribute, null);
    if (value !== null) scopes[key] = value;
  }
  return scopes;
}

/**
 * ```
 * <!ELEMENT QUALIFIER.DECLARATION (SCOPE?, (VALUE | VALUE.ARRAY)?)>
 * <!ATTLIST QUALIFIER.DECLARATION %CIMName; %CIMType; #REQUIRED
 *     ISARRAY (true|false) #IMPLIED %ArraySize; %QualifierFlavor;>
 * ```
 * Without ISARRAY the declaration is an array when its default value is a VALUE.ARRAY.
 */
export function readQualifierDeclaration(element: XmlElement, ctx: ReadContext): CIMQualifierDeclaration {
  checkAttributes(element, ctx, ['NAME', 'TYPE', 'ISARRAY', 'ARRAYSIZE', ...FLAVOR_ATTRIBUTES]);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[scope], [valueChild]] = matchSequence(element, ctx, [
    optional('SCOPE'),
    optional('VALUE', 'VALUE.ARRAY'),
  ]) as [[XmlElement?], [XmlElement?]];
  const type = resolveType(element, valueChild, ctx);

  const isArray = booleanAttribute(element, ctx, 'ISARRAY', null) ?? valueChild?.name === 'VALUE.ARRAY';
  if (valueChild !== undefined && isArray !== (valueChild.name === 'VALUE.ARRAY')) {
    throw ctx.error(
      element,
      `qualifier declaration ${name} has ISARRAY="${isArray}" but its default value is a ${valueChild.name}.`,
    );
  }

  return new CIMQualifierDeclaration(name, type, {
    value: readOptionalValue(valueChild, type, ctx),
    isArray,
    arraySize: arraySizeAttribute(element, ctx),
    scopes: scope === undefined ? {} : readScope(scope, ctx.child(scope)),
    ...readFlavors(element, ctx),
  });
}
