import type { CIMClass } from '../../cim/class.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { XmlElement } from '../xml/element.js';
import { checkAttributes, matchSequence, one } from './checks.js';
import type { ReadContext } from './context.js';
import { readClass, readInstance } from './objects.js';
import {
  readClassPath,
  readInstanceName,
  readInstancePath,
  readLocalClassPath,
  readLocalInstancePath,
} from './paths.js';

/** `<!ELEMENT VALUE.OBJECT (CLASS | INSTANCE)>` */
export function readValueObject(element: XmlElement, ctx: ReadContext): CIMClass | CIMInstance {
  checkAttributes(element, ctx, []);
  const [[child]] = matchSequence(element, ctx, [one('CLASS', 'INSTANCE')]) as [[XmlElement]];
  const childCtx = ctx.child(child);
  return child.name === 'CLASS' ? readClass(child, childCtx) : readInstance(child, childCtx);
}

/** `<!ELEMENT VALUE.NAMEDINSTANCE (INSTANCENAME, INSTANCE)>` — the instance with its path set. */
export function readValueNamedInstance(element: XmlElement, ctx: ReadContext): CIMInstance {
  checkAttributes(element, ctx, []);
  const [[name], [instance]] = matchSequence(element, ctx, [one('INSTANCENAME'), one('INSTANCE')]) as [
    [XmlElement],
    [XmlElement],
  ];
  return withInstancePath(readInstanceName(name, ctx.child(name)), instance, ctx);
}

/** `<!ELEMENT VALUE.NAMEDOBJECT (CLASS | (INSTANCENAME, INSTANCE))>` */
export function readValueNamedObject(element: XmlElement, ctx: ReadContext): CIMClass | CIMInstance {
  checkAttributes(element, ctx, []);
  if (element.children[0]?.name === 'CLASS') {
    const [[classElement]] = matchSequence(element, ctx, [one('CLASS')]) as [[XmlElement]];
    return readClass(classElement, ctx.child(classElement));
  }
  return readValueNamedInstance(element, ctx);
}

/** `<!ELEMENT VALUE.OBJECTWITHPATH ((CLASSPATH, CLASS) | (INSTANCEPATH, INSTANCE))>` */
export function readValueObjectWithPath(element: XmlElement, ctx: ReadContext): CIMClass | CIMInstance {
  checkAttributes(element, ctx, []);
  if (element.children[0]?.name === 'CLASSPATH') {
    const [[path], [classElement]] = matchSequence(element, ctx, [one('CLASSPATH'), one('CLASS')]) as [
      [XmlElement],
      [XmlElement],
    ];
    const cimClass = readClass(classElement, ctx.child(classElement));
    cimClass.path = readClassPath(path, ctx.child(path));
    return cimClass;
  }

  const [[path], [instance]] = matchSequence(element, ctx, [one('INSTANCEPATH'), one('INSTANCE')]) as [
    [XmlElement],
    [XmlElement],
  ];
  return withInstancePath(readInstancePath(path, ctx.child(path)), instance, ctx);
}

/** `<!ELEMENT VALUE.OBJECTWITHLOCALPATH ((LOCALCLASSPATH, CLASS) | (LOCALINSTANCEPATH, INSTANCE))>` */
export function readValueObjectWithLocalPath(element: XmlElement, ctx: ReadContext): CIMClass | CIMInstance {
  checkAttributes(element, ctx, []);
  if (element.children[0]?.name === 'LOCALCLASSPATH') {
    const [[path], [classElement]] = matchSequence(element, ctx, [one('LOCALCLASSPATH'), one('CLASS')]) as [
      [XmlElement],
      [XmlElement],
    ];
    const cimClass = readClass(classElement, ctx.child(classElement));
    cimClass.path = readLocalClassPath(path, ctx.child(path));
    return cimClass;
  }

  const [[path], [instance]] = matchSequence(element, ctx, [one('LOCALINSTANCEPATH'), one('INSTANCE')]) as [
    [XmlElement],
    [XmlElement],
  ];
  return withInstancePath(readLocalInstancePath(path, ctx.child(path)), instance, ctx);
}

/** `<!ELEMENT VALUE.INSTANCEWITHPATH (INSTANCEPATH, INSTANCE)>` */
export function readValueInstanceWithPath(element: XmlElement, ctx: ReadContext): CIMInstance {
  checkAttributes(element, ctx, []);
  const [[path], [instance]] = matchSequence(element, ctx, [one('INSTANCEPATH'), one('INSTANCE')]) as [
    [XmlElement],
    [XmlElement],
  ];
  return withInstancePath(readInstancePath(path, ctx.child(path)), instance, ctx);
}

function withInstancePath(
  path: CIMInstance['path'],
  instanceElement: XmlElement,
  ctx: ReadContext,
): CIMInstance {
  const instance = readInstance(instanceElement, ctx.child(instanceElement));
  instance.path = path;
  return instance;
}
