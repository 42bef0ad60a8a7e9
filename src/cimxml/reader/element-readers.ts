import type { XmlElement } from '../xml/element.js';
import type { ReadContext } from './context.js';
import { readCim, readDeclaration, readDeclGroupWithPath, readNamedGroup } from './declarations.js';
import {
  readExpMethodCall,
  readExpMethodResponse,
  readIMethodCall,
  readIMethodResponse,
  readMessage,
  readMethodCall,
  readMethodResponse,
  readMultiBody,
  readSimpleExpReq,
  readSimpleExpRsp,
  readSimpleReq,
  readSimpleRsp,
} from './messages.js';
import { readMethod, readParameterDeclaration } from './methods.js';
import { readClass, readInstance, readProperty, readPropertyArray, readPropertyReference } from './objects.js';
import {
  readCorrelator,
  readError,
  readExpParamValue,
  readIParamValue,
  readIReturnValue,
  readParamValue,
  readReturnValue,
} from './params.js';
import {
  readClassName,
  readClassPath,
  readHost,
  readInstanceName,
  readInstancePath,
  readKeyBinding,
  readLocalClassPath,
  readLocalInstancePath,
  readLocalNamespacePath,
  readNamespace,
  readNamespacePath,
  readObjectPath,
  readValueRefArray,
  readValueReference,
} from './paths.js';
import { readQualifier, readQualifierDeclaration, readScope } from './qualifiers.js';
import { readKeyValue, readValue, readValueArray, readValueNull } from './values.js';
import {
  readValueInstanceWithPath,
  readValueNamedInstance,
  readValueNamedObject,
  readValueObject,
  readValueObjectWithLocalPath,
  readValueObjectWithPath,
} from './value-objects.js';

/** One read function per element of the CIM-XML DTD (DSP0203 2.4.0). */
export const ELEMENT_READERS = {
  CIM: readCim,
  DECLARATION: readDeclaration,
  DECLGROUP: (element: XmlElement, ctx: ReadContext) => readNamedGroup(element, ctx, 'VALUE.OBJECT', readValueObject),
  'DECLGROUP.WITHNAME': (element: XmlElement, ctx: ReadContext) =>
    readNamedGroup(element, ctx, 'VALUE.NAMEDOBJECT', readValueNamedObject),
  'DECLGROUP.WITHPATH': readDeclGroupWithPath,
  'QUALIFIER.DECLARATION': readQualifierDeclaration,
  SCOPE: readScope,

  VALUE: readValue,
  'VALUE.ARRAY': readValueArray,
  'VALUE.REFERENCE': readValueReference,
  'VALUE.REFARRAY': readValueRefArray,
  'VALUE.OBJECT': readValueObject,
  'VALUE.NAMEDINSTANCE': readValueNamedInstance,
  'VALUE.NAMEDOBJECT': readValueNamedObject,
  'VALUE.OBJECTWITHPATH': readValueObjectWithPath,
  'VALUE.OBJECTWITHLOCALPATH': readValueObjectWithLocalPath,
  'VALUE.NULL': readValueNull,
  'VALUE.INSTANCEWITHPATH': readValueInstanceWithPath,

  NAMESPACEPATH: readNamespacePath,
  LOCALNAMESPACEPATH: readLocalNamespacePath,
  HOST: readHost,
  NAMESPACE: readNamespace,
  CLASSPATH: readClassPath,
  LOCALCLASSPATH: readLocalClassPath,
  CLASSNAME: readClassName,
  INSTANCEPATH: readInstancePath,
  LOCALINSTANCEPATH: readLocalInstancePath,
  INSTANCENAME: readInstanceName,
  OBJECTPATH: readObjectPath,
  KEYBINDING: readKeyBinding,
  KEYVALUE: readKeyValue,

  CLASS: readClass,
  INSTANCE: readInstance,
  QUALIFIER: readQualifier,
  PROPERTY: readProperty,
  'PROPERTY.ARRAY': readPropertyArray,
  'PROPERTY.REFERENCE': readPropertyReference,
  METHOD: readMethod,
  PARAMETER: readParameterDeclaration,
  'PARAMETER.REFERENCE': readParameterDeclaration,
  'PARAMETER.ARRAY': readParameterDeclaration,
  'PARAMETER.REFARRAY': readParameterDeclaration,

  MESSAGE: readMessage,
  MULTIREQ: readMultiBody,
  SIMPLEREQ: readSimpleReq,
  METHODCALL: readMethodCall,
  PARAMVALUE: readParamValue,
  IMETHODCALL: readIMethodCall,
  IPARAMVALUE: readIParamValue,
  MULTIRSP: readMultiBody,
  SIMPLERSP: readSimpleRsp,
  METHODRESPONSE: readMethodResponse,
  IMETHODRESPONSE: readIMethodResponse,
  ERROR: readError,
  RETURNVALUE: readReturnValue,
  IRETURNVALUE: readIReturnValue,
  MULTIEXPREQ: readMultiBody,
  SIMPLEEXPREQ: readSimpleExpReq,
  EXPMETHODCALL: readExpMethodCall,
  MULTIEXPRSP: readMultiBody,
  SIMPLEEXPRSP: readSimpleExpRsp,
  EXPMETHODRESPONSE: readExpMethodResponse,
  EXPPARAMVALUE: readExpParamValue,
  CORRELATOR: readCorrelator,
} as const;

/** Name of a CIM-XML element that `toCIMObject` can read, such as `INSTANCE` or `VALUE.NAMEDINSTANCE`. */
export type CIMXMLElementName = keyof typeof ELEMENT_READERS;

/** What reading any one CIM-XML element can return. */
export type CIMXMLElementValue = ReturnType<(typeof ELEMENT_READERS)[CIMXMLElementName]>;

export function isCIMXMLElementName(name: string): name is CIMXMLElementName {
  return Object.hasOwn(ELEMENT_READERS, name);
}

/** Reads any CIM-XML element with the reader of its name. */
export function readElement(element: XmlElement, ctx: ReadContext): CIMXMLElementValue {
  if (!isCIMXMLElementName(element.name)) {
    throw ctx.error(element, `element ${element.name} is not a CIM-XML element (DSP0201).`);
  }
  return ELEMENT_READERS[element.name](element, ctx);
}
