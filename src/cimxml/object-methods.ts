import { CIMClass } from '../cim/class.js';
import { CIMClassName } from '../cim/class-name.js';
import { CIMInstance } from '../cim/instance.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMMethod } from '../cim/method.js';
import { CIMParameter } from '../cim/parameter.js';
import { CIMProperty } from '../cim/property.js';
import { CIMQualifier } from '../cim/qualifier.js';
import { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { XmlElement } from './xml/element.js';
import { toCIMXML, toCIMXMLString, type ToCIMXMLOptions } from './writer/to-cimxml.js';

/*
 * Adds `toCIMXML()` and `toCIMXMLString()` to the CIM object classes. The classes live in
 * `cim`, which must not import `cimxml`, so the methods are declared here by module
 * augmentation and assigned to the prototypes when this module is imported.
 */

interface CIMXMLMethods {
  /** Returns the CIM-XML element of this object; see `toCIMXML`. */
  toCIMXML(options?: ToCIMXMLOptions): XmlElement;
  /** Returns the CIM-XML text of this object; see `toCIMXMLString`. */
  toCIMXMLString(options?: ToCIMXMLOptions): string;
}

declare module '../cim/instance.js' {
  interface CIMInstance extends CIMXMLMethods {}
}
declare module '../cim/class.js' {
  interface CIMClass extends CIMXMLMethods {}
}
declare module '../cim/instance-name.js' {
  interface CIMInstanceName extends CIMXMLMethods {}
}
declare module '../cim/class-name.js' {
  interface CIMClassName extends CIMXMLMethods {}
}
declare module '../cim/property.js' {
  interface CIMProperty extends CIMXMLMethods {}
}
declare module '../cim/method.js' {
  interface CIMMethod extends CIMXMLMethods {}
}
declare module '../cim/parameter.js' {
  interface CIMParameter extends CIMXMLMethods {}
}
declare module '../cim/qualifier.js' {
  interface CIMQualifier extends CIMXMLMethods {}
}
declare module '../cim/qualifier-declaration.js' {
  interface CIMQualifierDeclaration extends CIMXMLMethods {}
}

const CLASSES = [
  CIMInstance,
  CIMClass,
  CIMInstanceName,
  CIMClassName,
  CIMProperty,
  CIMMethod,
  CIMParameter,
  CIMQualifier,
  CIMQualifierDeclaration,
];

for (const cimClass of CLASSES) {
  Object.defineProperty(cimClass.prototype, 'toCIMXML', {
    value: function toCIMXMLMethod(this: CIMInstance, options?: ToCIMXMLOptions): XmlElement {
      return toCIMXML(this, options);
    },
    writable: true,
    configurable: true,
  });
  Object.defineProperty(cimClass.prototype, 'toCIMXMLString', {
    value: function toCIMXMLStringMethod(this: CIMInstance, options?: ToCIMXMLOptions): string {
      return toCIMXMLString(this, options);
    },
    writable: true,
    configurable: true,
  });
}
