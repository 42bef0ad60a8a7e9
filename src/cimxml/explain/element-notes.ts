import type { XmlElement } from '../xml/element.js';

type ElementNote = (element: XmlElement) => string;

const attribute = (element: XmlElement, name: string): string => element.attributes[name] ?? '?';

/** Meaning of each CIM-XML element of a request (DSP0201); elements not listed get no note. */
export const ELEMENT_NOTES: Readonly<Record<string, ElementNote>> = {
  CIM: (element) => `CIM-XML document, CIM version ${attribute(element, 'CIMVERSION')}, DTD version ${attribute(element, 'DTDVERSION')}`,
  MESSAGE: (element) =>
    `message ${attribute(element, 'ID')}; the response carries the same ID; protocol version ${attribute(element, 'PROTOCOLVERSION')}`,
  SIMPLEREQ: () => 'one operation request',
  MULTIREQ: () => 'a batch of operation requests; most servers answer 501 multiple-requests-unsupported',
  SIMPLEEXPREQ: () => 'one export request (indication delivery to a listener)',
  CORRELATOR: (element) => `correlator ${attribute(element, 'NAME')}, returned unchanged by the server (DSP0201 2.4)`,
  LOCALNAMESPACEPATH: (element) => `target namespace ${namespaceText(element)}`,
  NAMESPACE: (element) => `namespace component ${attribute(element, 'NAME')}`,
  LOCALCLASSPATH: () => 'target class: the method is static',
  LOCALINSTANCEPATH: () => 'target instance of the method',
  CLASSNAME: (element) => `class name ${attribute(element, 'NAME')}`,
  INSTANCENAME: (element) => `instance path of class ${attribute(element, 'CLASSNAME')}`,
  KEYBINDING: (element) => `key property ${attribute(element, 'NAME')}`,
  KEYVALUE: (element) =>
    `key value ${JSON.stringify(element.text.trim())}, value type ${element.attributes['VALUETYPE'] ?? 'string (default)'}` +
    (element.attributes['TYPE'] === undefined ? '' : `, CIM type ${element.attributes['TYPE']}`),
  VALUE: (element) => `value ${JSON.stringify(element.text.trim())}`,
  'VALUE.ARRAY': (element) => `array of ${element.children.length} values`,
  'VALUE.NULL': () => 'NULL array element',
  'VALUE.REFERENCE': () => 'reference value',
  'VALUE.REFARRAY': (element) => `array of ${element.children.length} references`,
  'VALUE.NAMEDINSTANCE': () => 'instance with its path',
  INSTANCE: (element) => `instance of class ${attribute(element, 'CLASSNAME')}`,
  CLASS: (element) =>
    `class ${attribute(element, 'NAME')}` + (element.attributes['SUPERCLASS'] === undefined ? '' : `, subclass of ${element.attributes['SUPERCLASS']}`),
  PROPERTY: (element) => `property ${attribute(element, 'NAME')} of type ${attribute(element, 'TYPE')}`,
  'PROPERTY.ARRAY': (element) => `array property ${attribute(element, 'NAME')} of type ${attribute(element, 'TYPE')}`,
  'PROPERTY.REFERENCE': (element) => `reference property ${attribute(element, 'NAME')} to ${element.attributes['REFERENCECLASS'] ?? 'any class'}`,
  QUALIFIER: (element) => `qualifier ${attribute(element, 'NAME')} of type ${attribute(element, 'TYPE')}`,
  'QUALIFIER.DECLARATION': (element) => `qualifier declaration ${attribute(element, 'NAME')} of type ${attribute(element, 'TYPE')}`,
  SCOPE: () => 'the elements the qualifier may be applied to',
  METHOD: (element) => `method ${attribute(element, 'NAME')} returning ${attribute(element, 'TYPE')}`,
  PARAMETER: (element) => `method parameter ${attribute(element, 'NAME')} of type ${attribute(element, 'TYPE')}`,
};

/** Joins the NAMESPACE children of a LOCALNAMESPACEPATH with `/`. */
export function namespaceText(element: XmlElement): string {
  return element.children
    .filter((child) => child.name === 'NAMESPACE')
    .map((child) => child.attributes['NAME'] ?? '')
    .join('/');
}
