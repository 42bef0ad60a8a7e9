import type { CIMClass } from '../../cim/class.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { XmlElement } from '../xml/element.js';
import { any, checkAttributes, matchSequence, one, optional, requireAttribute } from './checks.js';
import type { ReadContext } from './context.js';
import type { CIMDeclaration, CIMDocument, DeclarationGroup } from './message-types.js';
import { readMessage } from './messages.js';
import { readLocalNamespacePath, readNamespacePath } from './paths.js';
import { readQualifierDeclaration } from './qualifiers.js';
import {
  readValueNamedObject,
  readValueObject,
  readValueObjectWithLocalPath,
  readValueObjectWithPath,
} from './value-objects.js';

type ObjectReader = (element: XmlElement, ctx: ReadContext) => CIMClass | CIMInstance;

/**
 * ```
 * <!ELEMENT CIM (MESSAGE | DECLARATION)>
 * <!ATTLIST CIM CIMVERSION CDATA #REQUIRED DTDVERSION CDATA #REQUIRED>
 * ```
 * Only the major versions are checked: CIMVERSION and DTDVERSION must be 2.x.
 */
export function readCim(element: XmlElement, ctx: ReadContext): CIMDocument {
  checkAttributes(element, ctx, ['CIMVERSION', 'DTDVERSION']);
  const cimVersion = requireAttribute(element, ctx, 'CIMVERSION');
  const dtdVersion = requireAttribute(element, ctx, 'DTDVERSION');
  checkMajorVersion(element, ctx, 'CIMVERSION', cimVersion);
  checkMajorVersion(element, ctx, 'DTDVERSION', dtdVersion);

  const [[child]] = matchSequence(element, ctx, [one('MESSAGE', 'DECLARATION')]) as [[XmlElement]];
  const childCtx = ctx.child(child);
  return {
    cimVersion,
    dtdVersion,
    message: child.name === 'MESSAGE' ? readMessage(child, childCtx) : null,
    declaration: child.name === 'DECLARATION' ? readDeclaration(child, childCtx) : null,
  };
}

function checkMajorVersion(
  element: XmlElement,
  ctx: ReadContext,
  attribute: 'CIMVERSION' | 'DTDVERSION',
  version: string,
): void {
  if (/^2(\.\d+)*$/.test(version.trim())) return;
  throw ctx.versionError(element, attribute, `${attribute}="${version}" is not supported; only version 2.x is.`);
}

const GROUP_READERS: Readonly<Record<string, (element: XmlElement, ctx: ReadContext) => DeclarationGroup>> = {
  DECLGROUP: (element, ctx) => readNamedGroup(element, ctx, 'VALUE.OBJECT', readValueObject),
  'DECLGROUP.WITHNAME': (element, ctx) => readNamedGroup(element, ctx, 'VALUE.NAMEDOBJECT', readValueNamedObject),
  'DECLGROUP.WITHPATH': readDeclGroupWithPath,
};

/** `<!ELEMENT DECLARATION (DECLGROUP | DECLGROUP.WITHNAME | DECLGROUP.WITHPATH)+>` */
export function readDeclaration(element: XmlElement, ctx: ReadContext): CIMDeclaration {
  checkAttributes(element, ctx, []);
  const [groups = []] = matchSequence(element, ctx, [{ names: Object.keys(GROUP_READERS), min: 1, max: Infinity }]);
  return { groups: groups.map((group) => GROUP_READERS[group.name]!(group, ctx.child(group, groups))) };
}

/**
 * `<!ELEMENT DECLGROUP ((LOCALNAMESPACEPATH | NAMESPACEPATH)?, QUALIFIER.DECLARATION*, VALUE.OBJECT*)>`
 * and
 * `<!ELEMENT DECLGROUP.WITHNAME ((LOCALNAMESPACEPATH | NAMESPACEPATH)?, QUALIFIER.DECLARATION*, VALUE.NAMEDOBJECT*)>`
 */
export function readNamedGroup(
  element: XmlElement,
  ctx: ReadContext,
  objectElement: string,
  readObject: ObjectReader,
): DeclarationGroup {
  checkAttributes(element, ctx, []);
  const [[pathElement], declarations = [], objects = []] = matchSequence(element, ctx, [
    optional('LOCALNAMESPACEPATH', 'NAMESPACEPATH'),
    any('QUALIFIER.DECLARATION'),
    any(objectElement),
  ]) as [[XmlElement?], XmlElement[], XmlElement[]];

  let namespace: string | null = null;
  let host: string | null = null;
  if (pathElement?.name === 'LOCALNAMESPACEPATH') {
    namespace = readLocalNamespacePath(pathElement, ctx.child(pathElement));
  } else if (pathElement !== undefined) {
    ({ namespace, host } = readNamespacePath(pathElement, ctx.child(pathElement)));
  }

  return {
    elementName: element.name,
    namespace,
    host,
    qualifierDeclarations: declarations.map((child) => readQualifierDeclaration(child, ctx.child(child, declarations))),
    objects: objects.map((child) => readObject(child, ctx.child(child, objects))),
  };
}

/** `<!ELEMENT DECLGROUP.WITHPATH (VALUE.OBJECTWITHPATH | VALUE.OBJECTWITHLOCALPATH)*>` */
export function readDeclGroupWithPath(element: XmlElement, ctx: ReadContext): DeclarationGroup {
  checkAttributes(element, ctx, []);
  const [objects = []] = matchSequence(element, ctx, [any('VALUE.OBJECTWITHPATH', 'VALUE.OBJECTWITHLOCALPATH')]);
  return {
    elementName: element.name,
    namespace: null,
    host: null,
    qualifierDeclarations: [],
    objects: objects.map((child) => {
      const childCtx = ctx.child(child, objects);
      return child.name === 'VALUE.OBJECTWITHPATH'
        ? readValueObjectWithPath(child, childCtx)
        : readValueObjectWithLocalPath(child, childCtx);
    }),
  };
}
