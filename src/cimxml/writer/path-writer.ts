import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMTypedValue } from '../../cim/typed-value.js';
import type { KeyBindingValue } from '../../cim/value.js';
import { describe, scalarText, writeValueReference } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import type { XmlSink } from './xml-sink.js';

/**
 * Splits a namespace name at `/` into the names of its `NAMESPACE` elements. Leading,
 * trailing and doubled slashes are dropped, so `/interop` gives one `NAMESPACE` and no
 * empty one, which servers reject.
 */
export function namespaceSegments(namespace: string, where: string): string[] {
  const segments = namespace.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) {
    throw new CIMXMLWriteError(
      `The namespace ${JSON.stringify(namespace)} of ${where} has no name between its slashes; pass a namespace such as "root/cimv2".`,
      where,
    );
  }
  return segments;
}

/** Returns the namespace name with stray slashes removed (`/root/vendor/` gives `root/vendor`). */
export function normalizeNamespace(namespace: string, where: string): string {
  return namespaceSegments(namespace, where).join('/');
}

/** `<!ELEMENT LOCALNAMESPACEPATH (NAMESPACE+)>` */
export function writeLocalNamespacePath(sink: XmlSink, namespace: string, where: string): void {
  sink.start('LOCALNAMESPACEPATH');
  for (const segment of namespaceSegments(namespace, where)) {
    sink.start('NAMESPACE');
    sink.attribute('NAME', segment, `namespace of ${where}`);
    sink.end('NAMESPACE');
  }
  sink.end('LOCALNAMESPACEPATH');
}

/** `<!ELEMENT NAMESPACEPATH (HOST, LOCALNAMESPACEPATH)>` */
export function writeNamespacePath(sink: XmlSink, host: string, namespace: string, where: string): void {
  sink.start('NAMESPACEPATH');
  sink.start('HOST');
  sink.text(host, `host of ${where}`);
  sink.end('HOST');
  writeLocalNamespacePath(sink, namespace, where);
  sink.end('NAMESPACEPATH');
}

/** `<!ELEMENT CLASSNAME EMPTY>` with the NAME attribute. */
export function writeClassName(sink: XmlSink, className: string): void {
  sink.start('CLASSNAME');
  sink.attribute('NAME', className, `class name ${JSON.stringify(className)}`);
  sink.end('CLASSNAME');
}

/** `<!ELEMENT INSTANCENAME (KEYBINDING*)>`; a keyless (singleton) instance has no KEYBINDING. */
export function writeInstanceName(sink: XmlSink, path: CIMInstanceName): void {
  const where = `instance path of class ${path.className}`;
  sink.start('INSTANCENAME');
  sink.attribute('CLASSNAME', path.className, where);
  for (const [name, value] of path.keybindings) {
    sink.start('KEYBINDING');
    sink.attribute('NAME', name, where);
    writeKeyValue(sink, value, `keybinding ${name} of ${where}`);
    sink.end('KEYBINDING');
  }
  sink.end('INSTANCENAME');
}

/**
 * Writes a keybinding value as `KEYVALUE` or, for references, `VALUE.REFERENCE`.
 * VALUETYPE is `string`, `boolean` or `numeric`; TYPE is written whenever the CIM type
 * is known: strings, booleans, datetimes and typed wrappers.
 */
function writeKeyValue(sink: XmlSink, value: KeyBindingValue, where: string): void {
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) {
    writeValueReference(sink, value, where);
    return;
  }

  const [valueType, cimType, text] = keyValueParts(value, where);
  sink.start('KEYVALUE');
  sink.attribute('VALUETYPE', valueType, where);
  if (cimType !== null) sink.attribute('TYPE', cimType, where);
  sink.text(text, where);
  sink.end('KEYVALUE');
}

type KeyValueParts = [valueType: 'string' | 'boolean' | 'numeric', cimType: string | null, text: string];

function keyValueParts(value: KeyBindingValue, where: string): KeyValueParts {
  if (value instanceof CIMTypedValue) {
    const valueType = value.cimType === 'char16' ? 'string' : 'numeric';
    return [valueType, value.cimType, scalarText(value.value, value.cimType, where)];
  }
  if (typeof value === 'string') return ['string', 'string', value];
  if (typeof value === 'boolean') return ['boolean', 'boolean', value ? 'TRUE' : 'FALSE'];
  if (value instanceof CIMDateTime) return ['string', 'datetime', value.text];

  // NOTE: a plain number or bigint does not say which integer or real type it is, so TYPE
  // is left out. DTD 2.4.0 requires TYPE on KEYVALUE; pass a typed wrapper such as
  // new Uint32(5) to get it.
  if (typeof value === 'bigint') return ['numeric', null, value.toString()];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return ['numeric', null, Number.isInteger(value) ? String(value) : scalarText(value, 'real64', where)];
  }

  throw new CIMXMLWriteError(
    `The value ${describe(value)} of ${where} cannot be a key; use a string, boolean, number, bigint, CIMDateTime, typed value or reference.`,
    where,
  );
}

/**
 * Writes an instance path as INSTANCEPATH (namespace and host set), LOCALINSTANCEPATH
 * (namespace only) or INSTANCENAME (no namespace); a host without a namespace is ignored.
 */
export function writeInstancePathElement(sink: XmlSink, path: CIMInstanceName, where: string): void {
  if (path.namespace === null) {
    writeInstanceName(sink, path);
  } else if (path.host === null) {
    sink.start('LOCALINSTANCEPATH');
    writeLocalNamespacePath(sink, path.namespace, where);
    writeInstanceName(sink, path);
    sink.end('LOCALINSTANCEPATH');
  } else {
    writeInstancePath(sink, path, where);
  }
}

/** Writes a class path as CLASSPATH, LOCALCLASSPATH or CLASSNAME, by the same rule as instance paths. */
export function writeClassPathElement(sink: XmlSink, path: CIMClassName, where: string): void {
  if (path.namespace === null) {
    writeClassName(sink, path.className);
  } else if (path.host === null) {
    writeLocalClassPath(sink, path.namespace, path.className, where);
  } else {
    writeClassPath(sink, path, where);
  }
}

/** Writes the child of VALUE.REFERENCE for an instance or class path. */
export function writeReferenceTarget(sink: XmlSink, path: CIMInstanceName | CIMClassName, where: string): void {
  if (path instanceof CIMInstanceName) writeInstancePathElement(sink, path, where);
  else writeClassPathElement(sink, path, where);
}

/** `<!ELEMENT INSTANCEPATH (NAMESPACEPATH, INSTANCENAME)>`; the path needs a host and a namespace. */
export function writeInstancePath(sink: XmlSink, path: CIMInstanceName, where: string): void {
  const { host, namespace } = requireHostAndNamespace(path, where);
  sink.start('INSTANCEPATH');
  writeNamespacePath(sink, host, namespace, where);
  writeInstanceName(sink, path);
  sink.end('INSTANCEPATH');
}

/** `<!ELEMENT CLASSPATH (NAMESPACEPATH, CLASSNAME)>`; the path needs a host and a namespace. */
export function writeClassPath(sink: XmlSink, path: CIMClassName, where: string): void {
  const { host, namespace } = requireHostAndNamespace(path, where);
  sink.start('CLASSPATH');
  writeNamespacePath(sink, host, namespace, where);
  writeClassName(sink, path.className);
  sink.end('CLASSPATH');
}

/** `<!ELEMENT LOCALCLASSPATH (LOCALNAMESPACEPATH, CLASSNAME)>` */
export function writeLocalClassPath(sink: XmlSink, namespace: string, className: string, where: string): void {
  sink.start('LOCALCLASSPATH');
  writeLocalNamespacePath(sink, namespace, where);
  writeClassName(sink, className);
  sink.end('LOCALCLASSPATH');
}

/** `<!ELEMENT LOCALINSTANCEPATH (LOCALNAMESPACEPATH, INSTANCENAME)>` with the namespace given. */
export function writeLocalInstancePath(sink: XmlSink, namespace: string, path: CIMInstanceName, where: string): void {
  sink.start('LOCALINSTANCEPATH');
  writeLocalNamespacePath(sink, namespace, where);
  writeInstanceName(sink, path);
  sink.end('LOCALINSTANCEPATH');
}

function requireHostAndNamespace(
  path: CIMInstanceName | CIMClassName,
  where: string,
): { host: string; namespace: string } {
  if (path.host === null || path.namespace === null) {
    throw new CIMXMLWriteError(
      `The path of class ${path.className} in ${where} needs a host and a namespace for this element, but has host ${String(path.host)} and namespace ${String(path.namespace)}; set both on the path.`,
      where,
    );
  }
  return { host: path.host, namespace: path.namespace };
}
