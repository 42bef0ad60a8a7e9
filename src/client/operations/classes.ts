import type { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMXMLParseError } from '../../cim/errors.js';
import type { CallOptions, IntrinsicSpec } from './call.js';
import { classItems, returnedItem, returnedItems } from './results.js';

/** Options of `getClass`. */
export interface GetClassOptions extends CallOptions {
  /** Return only properties, methods and qualifiers defined or overridden in the class itself; left out, the server applies true. */
  localOnly?: boolean;
  /** Return qualifiers; left out, the server applies true. */
  includeQualifiers?: boolean;
  /** Return the CLASSORIGIN of each property and method; left out, the server applies false. */
  includeClassOrigin?: boolean;
  /** Names of the properties to return; left out, or null, the server returns all of them. */
  propertyList?: readonly string[] | null;
}

/** Options of `enumerateClasses`. */
export interface EnumerateClassesOptions extends CallOptions {
  /** Return all subclasses, not only the direct ones; left out, the server applies false. */
  deepInheritance?: boolean;
  /** Return only elements defined or overridden in each class; left out, the server applies true. */
  localOnly?: boolean;
  /** Return qualifiers; left out, the server applies true. */
  includeQualifiers?: boolean;
  /** Return CLASSORIGIN attributes; left out, the server applies false. */
  includeClassOrigin?: boolean;
}

/** Options of `enumerateClassNames`. */
export interface EnumerateClassNamesOptions extends CallOptions {
  /** Return the names of all subclasses, not only the direct ones; left out, the server applies false. */
  deepInheritance?: boolean;
}

/**
 * Sets the path of a returned class: the server sends none, so it is the class name in
 * the target namespace on the connection's host, as pywbem sets it.
 */
function withClassPath(cimClass: CIMClass, namespace: string, host: string): CIMClass {
  cimClass.path = new CIMClassName(cimClass.className, { namespace, host });
  return cimClass;
}

/** DSP0200 GetClass: `CLASS`. */
export const GET_CLASS: IntrinsicSpec<CIMClass> = {
  operation: 'GetClass',
  decode: (response, namespace, host) => withClassPath(classItems(response, [returnedItem(response, ['CLASS'])])[0]!, namespace, host),
};

/** DSP0200 EnumerateClasses: `CLASS*`. */
export const ENUMERATE_CLASSES: IntrinsicSpec<CIMClass[]> = {
  operation: 'EnumerateClasses',
  decode: (response, namespace, host) =>
    classItems(response, returnedItems(response, ['CLASS'])).map((cimClass) => withClassPath(cimClass, namespace, host)),
};

/** DSP0200 EnumerateClassNames: `CLASSNAME*`, returned as class name strings. */
export const ENUMERATE_CLASS_NAMES: IntrinsicSpec<string[]> = {
  operation: 'EnumerateClassNames',
  decode: (response) =>
    returnedItems(response, ['CLASSNAME']).map((item) => {
      if (item instanceof CIMClassName) return item.className;
      throw new CIMXMLParseError(`Invalid CIM-XML response to ${response.name}: IRETURNVALUE contains a value that is not a class name.`);
    }),
};

/** DSP0200 CreateClass, ModifyClass and DeleteClass: no result. */
export const CREATE_CLASS: IntrinsicSpec<void> = { operation: 'CreateClass', decode: () => undefined };
export const MODIFY_CLASS: IntrinsicSpec<void> = { operation: 'ModifyClass', decode: () => undefined };
export const DELETE_CLASS: IntrinsicSpec<void> = { operation: 'DeleteClass', decode: () => undefined };
