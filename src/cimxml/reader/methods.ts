import { CIMMethod } from '../../cim/method.js';
import { CIMParameter } from '../../cim/parameter.js';
import type { CIMType } from '../../cim/cim-type.js';
import type { EmbeddedObjectKind } from '../../cim/property.js';
import type { CIMQualifier } from '../../cim/qualifier.js';
import type { XmlElement } from '../xml/element.js';
import {
  arraySizeAttribute,
  booleanAttribute,
  checkAttributes,
  matchSequence,
  matchUnordered,
  any,
  optionalAttribute,
  requireAttribute,
} from './checks.js';
import type { ReadContext } from './context.js';
import { readQualifier } from './qualifiers.js';
import { cimTypeAttribute } from './values.js';

const PARAMETER_ELEMENTS = ['PARAMETER', 'PARAMETER.REFERENCE', 'PARAMETER.ARRAY', 'PARAMETER.REFARRAY'];

/**
 * ```
 * <!ELEMENT METHOD (QUALIFIER*, (PARAMETER | PARAMETER.REFERENCE | PARAMETER.ARRAY |
 *     PARAMETER.REFARRAY)*)>
 * <!ATTLIST METHOD %CIMName; %CIMType; #IMPLIED %ClassOrigin; %Propagated;>
 * ```
 * TYPE is required here although the DTD marks it implied: DSP0004 has no void methods.
 * Qualifiers after parameters are tolerated.
 */
export function readMethod(element: XmlElement, ctx: ReadContext): CIMMethod {
  checkAttributes(element, ctx, ['NAME', 'TYPE', 'CLASSORIGIN', 'PROPAGATED']);
  const name = requireAttribute(element, ctx, 'NAME');
  const returnType = cimTypeAttribute(element, ctx);
  matchUnordered(element, ctx, Object.fromEntries([['QUALIFIER', Infinity], ...PARAMETER_ELEMENTS.map((n) => [n, Infinity])]));

  const qualifiers = element.children
    .filter((child) => child.name === 'QUALIFIER')
    .map((child) => readQualifier(child, ctx.child(child, element.children)));
  const parameters = element.children
    .filter((child) => child.name !== 'QUALIFIER')
    .map((child) => readParameterDeclaration(child, ctx.child(child, element.children)));

  return new CIMMethod(name, returnType, {
    parameters,
    qualifiers,
    classOrigin: optionalAttribute(element, 'CLASSORIGIN'),
    propagated: booleanAttribute(element, ctx, 'PROPAGATED', false),
  });
}

interface ParameterShape {
  attributes: readonly string[];
  isArray: boolean;
  isReference: boolean;
}

const PARAMETER_SHAPES: Readonly<Record<string, ParameterShape>> = {
  // <!ELEMENT PARAMETER (QUALIFIER*)> <!ATTLIST PARAMETER %CIMName; %CIMType; #REQUIRED>
  PARAMETER: { attributes: ['NAME', 'TYPE'], isArray: false, isReference: false },
  // <!ELEMENT PARAMETER.REFERENCE (QUALIFIER*)> <!ATTLIST PARAMETER.REFERENCE %CIMName; %ReferenceClass;>
  'PARAMETER.REFERENCE': { attributes: ['NAME', 'REFERENCECLASS'], isArray: false, isReference: true },
  // <!ELEMENT PARAMETER.ARRAY (QUALIFIER*)> <!ATTLIST PARAMETER.ARRAY %CIMName; %CIMType; #REQUIRED %ArraySize;>
  'PARAMETER.ARRAY': { attributes: ['NAME', 'TYPE', 'ARRAYSIZE'], isArray: true, isReference: false },
  // <!ELEMENT PARAMETER.REFARRAY (QUALIFIER*)> <!ATTLIST PARAMETER.REFARRAY %CIMName; %ReferenceClass; %ArraySize;>
  'PARAMETER.REFARRAY': {
    attributes: ['NAME', 'REFERENCECLASS', 'ARRAYSIZE'],
    isArray: true,
    isReference: true,
  },
};

/** Reads one of the four parameter declaration elements (see `PARAMETER_SHAPES`). */
export function readParameterDeclaration(element: XmlElement, ctx: ReadContext): CIMParameter {
  const shape = PARAMETER_SHAPES[element.name];
  if (shape === undefined) throw ctx.error(element, `element ${element.name} is not a parameter declaration.`);

  checkAttributes(element, ctx, shape.attributes);
  const name = requireAttribute(element, ctx, 'NAME');
  const [qualifierElements = []] = matchSequence(element, ctx, [any('QUALIFIER')]);
  const type: CIMType = shape.isReference ? 'reference' : cimTypeAttribute(element, ctx);
  const qualifiers = qualifierElements.map((child) => readQualifier(child, ctx.child(child, element.children)));

  return new CIMParameter(name, {
    type,
    isArray: shape.isArray,
    arraySize: shape.isArray ? arraySizeAttribute(element, ctx) : null,
    referenceClass: shape.isReference ? optionalAttribute(element, 'REFERENCECLASS') : null,
    embeddedObject: type === 'string' ? embeddedObjectFromQualifiers(qualifiers) : null,
    qualifiers,
  });
}

/**
 * Parameter declarations have no EmbeddedObject attribute in the DTD, so the kind comes
 * from the qualifiers as in MOF: `instance` for EmbeddedInstance, `object` for
 * EmbeddedObject(TRUE).
 */
function embeddedObjectFromQualifiers(qualifiers: readonly CIMQualifier[]): EmbeddedObjectKind | null {
  for (const qualifier of qualifiers) {
    const lower = qualifier.name.toLowerCase();
    if (lower === 'embeddedinstance' && qualifier.value !== null) return 'instance';
    if (lower === 'embeddedobject' && qualifier.value === true) return 'object';
  }
  return null;
}
