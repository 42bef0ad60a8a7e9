import { CIMClassName } from '../../cim/class-name.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import type { KeyBindingValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import { any, checkAttributes, checkNoText, matchSequence, one, requireAttribute } from './checks.js';
import type { ReadContext } from './context.js';
import { readKeyValue } from './values.js';

/** A namespace path: host text as sent (null when absent) and namespace. */
export interface NamespacePath {
  host: string | null;
  namespace: string;
}

/** A reference value: an instance path, or a class path where DSP0201 allows one. */
export type ReferenceValue = CIMInstanceName | CIMClassName;

/** `<!ELEMENT NAMESPACE EMPTY>` with `%CIMName;` — one segment of a namespace name. */
export function readNamespace(element: XmlElement, ctx: ReadContext): string {
  checkAttributes(element, ctx, ['NAME']);
  matchSequence(element, ctx, []);
  return requireAttribute(element, ctx, 'NAME');
}

/** `<!ELEMENT LOCALNAMESPACEPATH (NAMESPACE+)>` — the segments joined with `/`. */
export function readLocalNamespacePath(element: XmlElement, ctx: ReadContext): string {
  checkAttributes(element, ctx, []);
  const [segments = []] = matchSequence(element, ctx, [{ names: ['NAMESPACE'], min: 1, max: Infinity }]);
  return segments.map((segment) => readNamespace(segment, ctx.child(segment, element.children))).join('/');
}

/**
 * `<!ELEMENT HOST (#PCDATA)>` — the host text as sent: a name, `host:port`, an IPv6
 * literal with or without brackets, or a URL such as `https://[::1]:5999`. It is not
 * split here because bare IPv6 literals make a trailing `:n` ambiguous.
 */
export function readHost(element: XmlElement, ctx: ReadContext): string {
  checkAttributes(element, ctx, []);
  if (element.children.length > 0) {
    throw ctx.error(element, `element HOST must contain only text, but contains ${element.children[0]?.name}.`);
  }
  return element.text.trim();
}

/** `<!ELEMENT NAMESPACEPATH (HOST, LOCALNAMESPACEPATH)>` */
export function readNamespacePath(element: XmlElement, ctx: ReadContext): NamespacePath {
  checkAttributes(element, ctx, []);
  const [[host], [local]] = matchSequence(element, ctx, [one('HOST'), one('LOCALNAMESPACEPATH')]) as [
    [XmlElement],
    [XmlElement],
  ];
  return {
    host: readHost(host, ctx.child(host)),
    namespace: readLocalNamespacePath(local, ctx.child(local)),
  };
}

/** `<!ELEMENT CLASSNAME EMPTY>` with `%CIMName;` */
export function readClassName(element: XmlElement, ctx: ReadContext): CIMClassName {
  checkAttributes(element, ctx, ['NAME']);
  matchSequence(element, ctx, []);
  return new CIMClassName(requireAttribute(element, ctx, 'NAME'));
}

/** `<!ELEMENT CLASSPATH (NAMESPACEPATH, CLASSNAME)>` */
export function readClassPath(element: XmlElement, ctx: ReadContext): CIMClassName {
  checkAttributes(element, ctx, []);
  const [[nsPath], [name]] = matchSequence(element, ctx, [one('NAMESPACEPATH'), one('CLASSNAME')]) as [
    [XmlElement],
    [XmlElement],
  ];
  const { host, namespace } = readNamespacePath(nsPath, ctx.child(nsPath));
  const className = readClassName(name, ctx.child(name));
  return new CIMClassName(className.className, { namespace, host });
}

/** `<!ELEMENT LOCALCLASSPATH (LOCALNAMESPACEPATH, CLASSNAME)>` */
export function readLocalClassPath(element: XmlElement, ctx: ReadContext): CIMClassName {
  checkAttributes(element, ctx, []);
  const [[local], [name]] = matchSequence(element, ctx, [one('LOCALNAMESPACEPATH'), one('CLASSNAME')]) as [
    [XmlElement],
    [XmlElement],
  ];
  const namespace = readLocalNamespacePath(local, ctx.child(local));
  const className = readClassName(name, ctx.child(name));
  return new CIMClassName(className.className, { namespace });
}

/**
 * `<!ELEMENT KEYBINDING (KEYVALUE | VALUE.REFERENCE)>` with `%CIMName;`. DSP0004 lets
 * reference keys point only to instances, so a class path is rejected.
 */
export function readKeyBinding(element: XmlElement, ctx: ReadContext): [string, KeyBindingValue] {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[child]] = matchSequence(element, ctx, [one('KEYVALUE', 'VALUE.REFERENCE')]) as [[XmlElement]];
  return [name, readKey(child, ctx.child(child), name)];
}

function readKey(element: XmlElement, ctx: ReadContext, keyName: string): KeyBindingValue {
  if (element.name === 'VALUE.REFERENCE') {
    const reference = readValueReference(element, ctx);
    if (reference instanceof CIMClassName) {
      throw ctx.error(
        element,
        `key "${keyName}" references the class ${reference.className}, but a reference key must reference an instance (DSP0004).`,
      );
    }
    return reference;
  }

  const value = readKeyValue(element, ctx);
  if (value === null) throw ctx.valueError(element, `key "${keyName}" has an empty value, which cannot be NULL.`);
  return value;
}

/**
 * `<!ELEMENT INSTANCENAME (KEYBINDING* | KEYVALUE? | VALUE.REFERENCE?)>` with `%ClassName;`.
 * A single unnamed KEYVALUE or VALUE.REFERENCE becomes a keybinding named `""`. An
 * instance name without keys is valid for keyless classes but is reported as a warning.
 */
export function readInstanceName(element: XmlElement, ctx: ReadContext): CIMInstanceName {
  checkAttributes(element, ctx, ['CLASSNAME']);
  const className = requireAttribute(element, ctx, 'CLASSNAME');
  checkNoText(element, ctx);

  const keybindings = readInstanceNameKeys(element, ctx);
  if (keybindings.length === 0) {
    ctx.warn('MISSING_KEYBINDINGS', element, `Instance name of class ${className} has no keybindings.`);
  }
  return new CIMInstanceName(className, keybindings);
}

function readInstanceNameKeys(element: XmlElement, ctx: ReadContext): Array<[string, KeyBindingValue]> {
  const first = element.children[0];
  if (first === undefined) return [];

  if (first.name === 'KEYBINDING') {
    const [bindings = []] = matchSequence(element, ctx, [any('KEYBINDING')]);
    return bindings.map((binding) => readKeyBinding(binding, ctx.child(binding, element.children)));
  }

  const [[single]] = matchSequence(element, ctx, [one('KEYVALUE', 'VALUE.REFERENCE')]) as [[XmlElement]];
  return [['', readKey(single, ctx.child(single), '')]];
}

/** `<!ELEMENT INSTANCEPATH (NAMESPACEPATH, INSTANCENAME)>` */
export function readInstancePath(element: XmlElement, ctx: ReadContext): CIMInstanceName {
  checkAttributes(element, ctx, []);
  const [[nsPath], [name]] = matchSequence(element, ctx, [one('NAMESPACEPATH'), one('INSTANCENAME')]) as [
    [XmlElement],
    [XmlElement],
  ];
  const { host, namespace } = readNamespacePath(nsPath, ctx.child(nsPath));
  const path = readInstanceName(name, ctx.child(name));
  path.namespace = namespace;
  path.host = host;
  return path;
}

/** `<!ELEMENT LOCALINSTANCEPATH (LOCALNAMESPACEPATH, INSTANCENAME)>` */
export function readLocalInstancePath(element: XmlElement, ctx: ReadContext): CIMInstanceName {
  checkAttributes(element, ctx, []);
  const [[local], [name]] = matchSequence(element, ctx, [one('LOCALNAMESPACEPATH'), one('INSTANCENAME')]) as [
    [XmlElement],
    [XmlElement],
  ];
  const namespace = readLocalNamespacePath(local, ctx.child(local));
  const path = readInstanceName(name, ctx.child(name));
  path.namespace = namespace;
  return path;
}

/** `<!ELEMENT OBJECTPATH (INSTANCEPATH | CLASSPATH)>` */
export function readObjectPath(element: XmlElement, ctx: ReadContext): ReferenceValue {
  checkAttributes(element, ctx, []);
  const [[child]] = matchSequence(element, ctx, [one('INSTANCEPATH', 'CLASSPATH')]) as [[XmlElement]];
  const childCtx = ctx.child(child);
  return child.name === 'INSTANCEPATH' ? readInstancePath(child, childCtx) : readClassPath(child, childCtx);
}

const REFERENCE_READERS: Readonly<Record<string, (element: XmlElement, ctx: ReadContext) => ReferenceValue>> = {
  CLASSPATH: readClassPath,
  LOCALCLASSPATH: readLocalClassPath,
  CLASSNAME: readClassName,
  INSTANCEPATH: readInstancePath,
  LOCALINSTANCEPATH: readLocalInstancePath,
  INSTANCENAME: readInstanceName,
};

/**
 * `<!ELEMENT VALUE.REFERENCE (CLASSPATH | LOCALCLASSPATH | CLASSNAME | INSTANCEPATH |
 * LOCALINSTANCEPATH | INSTANCENAME)>`
 */
export function readValueReference(element: XmlElement, ctx: ReadContext): ReferenceValue {
  checkAttributes(element, ctx, []);
  const [[child]] = matchSequence(element, ctx, [one(...Object.keys(REFERENCE_READERS))]) as [[XmlElement]];
  return REFERENCE_READERS[child.name]!(child, ctx.child(child));
}

/** `<!ELEMENT VALUE.REFARRAY (VALUE.REFERENCE | VALUE.NULL)*>` */
export function readValueRefArray(element: XmlElement, ctx: ReadContext): Array<ReferenceValue | null> {
  checkAttributes(element, ctx, []);
  const [items = []] = matchSequence(element, ctx, [any('VALUE.REFERENCE', 'VALUE.NULL')]);
  return items.map((item) => {
    const itemCtx = ctx.child(item, element.children);
    if (item.name === 'VALUE.REFERENCE') return readValueReference(item, itemCtx);
    checkAttributes(item, itemCtx, []);
    matchSequence(item, itemCtx, []);
    return null;
  });
}
