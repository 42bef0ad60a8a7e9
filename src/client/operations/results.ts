import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMXMLParseError } from '../../cim/errors.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { CIMValue } from '../../cim/value.js';
import type { IReturnItem, OperationResponse, ParamValue } from '../../cimxml/index.js';
import { findParameter } from '../../cimxml/index.js';

const RETURN_PATH = 'CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/IRETURNVALUE';

/**
 * Returns the IRETURNVALUE items of a response, checking that their element is one the
 * operation returns (`allowed`). A response without IRETURNVALUE has no items.
 */
export function returnedItems(response: OperationResponse, allowed: readonly string[]): IReturnItem[] {
  const value = response.intrinsicReturnValue;
  if (value === null || value.elementName === null) return [];

  if (!allowed.includes(value.elementName)) {
    throw new CIMXMLParseError(
      `Invalid CIM-XML response to ${response.name}: IRETURNVALUE contains ${value.elementName} elements, ` +
        `but this operation returns ${allowed.join(' or ')}.`,
      { elementPath: RETURN_PATH },
    );
  }
  return value.items;
}

/** Returns the one IRETURNVALUE item of a response; raises CIMXMLParseError when there is none or more. */
export function returnedItem(response: OperationResponse, allowed: readonly string[]): IReturnItem {
  const items = returnedItems(response, allowed);
  if (items.length !== 1) {
    throw new CIMXMLParseError(
      `Invalid CIM-XML response to ${response.name}: IRETURNVALUE must contain one ${allowed.join(' or ')} element, ` +
        `but contains ${items.length}.`,
      { elementPath: RETURN_PATH },
    );
  }
  return items[0]!;
}

/** Sets the namespace of a returned path that has none to the target namespace; the host stays as returned. */
export function withNamespace<P extends CIMInstanceName | CIMClassName>(path: P, namespace: string): P {
  if (path.namespace === null || path.namespace === '') path.namespace = namespace;
  return path;
}

/** Fills in the namespace of the path of a returned instance or class, if it has a path. */
export function objectWithNamespace<O extends CIMInstance | CIMClass>(object: O, namespace: string): O {
  if (object.path !== null) withNamespace(object.path, namespace);
  return object;
}

/** Checks that every item is an instance or a class and fills in the namespaces of their paths. */
export function objectItems(
  response: OperationResponse,
  items: readonly IReturnItem[],
  namespace: string,
): Array<CIMInstance | CIMClass> {
  return items.map((item) => {
    if (item instanceof CIMInstance || item instanceof CIMClass) return objectWithNamespace(item, namespace);
    throw unexpectedItem(response, item, 'an instance or class');
  });
}

/** Checks that every item is an instance and fills in path namespaces. */
export function instanceItems(response: OperationResponse, items: readonly IReturnItem[], namespace: string): CIMInstance[] {
  return items.map((item) => {
    if (item instanceof CIMInstance) return objectWithNamespace(item, namespace);
    throw unexpectedItem(response, item, 'an instance');
  });
}

/** Checks that every item is an instance path and fills in namespaces. */
export function instancePathItems(
  response: OperationResponse,
  items: readonly IReturnItem[],
  namespace: string,
): CIMInstanceName[] {
  return items.map((item) => {
    if (item instanceof CIMInstanceName) return withNamespace(item, namespace);
    throw unexpectedItem(response, item, 'an instance path');
  });
}

/** Checks that every item is an instance or class path and fills in namespaces. */
export function objectPathItems(
  response: OperationResponse,
  items: readonly IReturnItem[],
  namespace: string,
): Array<CIMInstanceName | CIMClassName> {
  return items.map((item) => {
    if (item instanceof CIMInstanceName || item instanceof CIMClassName) return withNamespace(item, namespace);
    throw unexpectedItem(response, item, 'an object path');
  });
}

/** Checks that every item is a class. */
export function classItems(response: OperationResponse, items: readonly IReturnItem[]): CIMClass[] {
  return items.map((item) => {
    if (item instanceof CIMClass) return item;
    throw unexpectedItem(response, item, 'a class');
  });
}

/** Checks that every item is a qualifier declaration. */
export function qualifierItems(response: OperationResponse, items: readonly IReturnItem[]): CIMQualifierDeclaration[] {
  return items.map((item) => {
    if (item instanceof CIMQualifierDeclaration) return item;
    throw unexpectedItem(response, item, 'a qualifier declaration');
  });
}

/** Returns the value of an output PARAMVALUE, compared by name case-insensitively; undefined when absent. */
export function outputParameter(response: OperationResponse, name: string): ParamValue | undefined {
  return findParameter(response.outputParameters, name);
}

/** Returns a returned value as it is; used where IRETURNVALUE holds a plain CIM value. */
export function plainValue(item: IReturnItem | undefined): CIMValue {
  if (item === undefined) return null;
  if (item instanceof CIMQualifierDeclaration) {
    throw new CIMXMLParseError('Invalid CIM-XML response: a qualifier declaration was returned where a value was expected.', {
      elementPath: RETURN_PATH,
    });
  }
  return item;
}

function unexpectedItem(response: OperationResponse, item: unknown, expected: string): CIMXMLParseError {
  const found = typeof item === 'object' && item !== null ? item.constructor.name : typeof item;
  return new CIMXMLParseError(
    `Invalid CIM-XML response to ${response.name}: IRETURNVALUE contains a ${found} where ${expected} was expected.`,
    { elementPath: RETURN_PATH },
  );
}
