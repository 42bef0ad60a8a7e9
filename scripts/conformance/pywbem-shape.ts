import { CIMClass } from '../../src/cim/class.js';
import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMMethod } from '../../src/cim/method.js';
import type { NocaseMap } from '../../src/cim/nocase-map.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import { Char16, CIMTypedValue } from '../../src/cim/typed-value.js';
import type { CIMType } from '../../src/cim/cim-type.js';
import type {
  CIMDocument,
  CIMMessage,
  DeclarationGroup,
  ExportRequest,
  IReturnValue,
  MessageOperation,
  OperationRequest,
  OperationResponse,
  ParamValue,
  ReturnValue,
} from '../../src/cimxml/index.js';

/**
 * Marks a place whose expected content is an echo of the XML attributes (pywbem's tuple
 * form); it matches any expected value.
 */
export const ANY = Symbol('any');

type Shape = unknown;

const NUMERIC_OR_DATETIME = new Set([
  'uint8', 'sint8', 'uint16', 'sint16', 'uint32', 'sint32', 'uint64', 'sint64', 'real32', 'real64', 'datetime',
]);

/** Converts a value of the CIM model to pywbem's tagged JSON, with its CIM type where the value is plain. */
export function shapeValue(value: unknown, type: CIMType | null = null): Shape {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => shapeValue(item, type));
  if (value instanceof Char16) return value.value;
  if (value instanceof CIMTypedValue) return { _cim: value.cimType, value: value.value };
  if (value instanceof CIMDateTime) return { _cim: 'datetime', value: value.text };
  if ((typeof value === 'number' || typeof value === 'bigint') && type !== null && NUMERIC_OR_DATETIME.has(type)) {
    return { _cim: type, value };
  }
  if (typeof value === 'object') return shapeObject(value);
  return value;
}

function shapeMap<V>(map: NocaseMap<V>, shape: (value: V) => Shape): Shape {
  return { _dict: [...map.entries()].map(([name, value]) => [name, shape(value)]) };
}

function shapeObject(value: object): Shape {
  if (value instanceof CIMInstanceName) {
    return {
      _type: 'CIMInstanceName',
      classname: value.className,
      namespace: value.namespace,
      host: value.host,
      keybindings: { _dict: [...value.keybindings.entries()].map(([name, key]) => [name === '' ? null : name, shapeValue(key)]) },
    };
  }
  if (value instanceof CIMClassName) {
    return { _type: 'CIMClassName', classname: value.className, namespace: value.namespace, host: value.host };
  }
  if (value instanceof CIMInstance) {
    return {
      _type: 'CIMInstance',
      classname: value.className,
      path: shapeValue(value.path),
      properties: shapeMap(value.properties, shapeObject),
      qualifiers: shapeMap(value.qualifiers, shapeObject),
    };
  }
  if (value instanceof CIMClass) {
    return {
      _type: 'CIMClass',
      classname: value.className,
      superclass: value.superclass,
      path: shapeValue(value.path),
      properties: shapeMap(value.properties, shapeObject),
      methods: shapeMap(value.methods, shapeObject),
      qualifiers: shapeMap(value.qualifiers, shapeObject),
    };
  }
  if (value instanceof CIMProperty) {
    return {
      _type: 'CIMProperty',
      name: value.name,
      type: value.type,
      value: shapeValue(value.value, value.type),
      reference_class: value.referenceClass,
      embedded_object: value.embeddedObject,
      is_array: value.isArray,
      array_size: value.arraySize,
      class_origin: value.classOrigin,
      propagated: value.propagated,
      qualifiers: shapeMap(value.qualifiers, shapeObject),
    };
  }
  if (value instanceof CIMQualifier) {
    return {
      _type: 'CIMQualifier',
      name: value.name,
      type: value.type,
      value: shapeValue(value.value, value.type),
      propagated: value.propagated,
      overridable: value.overridable,
      tosubclass: value.toSubclass,
      toinstance: value.toInstance,
      translatable: value.translatable,
    };
  }
  if (value instanceof CIMQualifierDeclaration) {
    return {
      _type: 'CIMQualifierDeclaration',
      name: value.name,
      type: value.type,
      value: shapeValue(value.value, value.type),
      is_array: value.isArray,
      array_size: value.arraySize,
      scopes: { _dict: Object.entries(value.scopes).map(([scope, flag]) => [scope.toUpperCase(), flag]) },
      overridable: value.overridable,
      tosubclass: value.toSubclass,
      toinstance: value.toInstance,
      translatable: value.translatable,
    };
  }
  if (value instanceof CIMMethod) {
    return {
      _type: 'CIMMethod',
      name: value.name,
      return_type: value.returnType,
      parameters: shapeMap(value.parameters, shapeObject),
      class_origin: value.classOrigin,
      propagated: value.propagated,
      qualifiers: shapeMap(value.qualifiers, shapeObject),
    };
  }
  if (value instanceof CIMParameter) {
    return {
      _type: 'CIMParameter',
      name: value.name,
      type: value.type,
      reference_class: value.referenceClass,
      is_array: value.isArray,
      array_size: value.arraySize,
      qualifiers: shapeMap(value.qualifiers, shapeObject),
      value: shapeValue(value.value, value.type),
      embedded_object: value.embeddedObject,
    };
  }
  return value;
}

const tuple = (...items: Shape[]): Shape => ({ _tuple: items });

function shapeParamValue(param: ParamValue): Shape {
  return tuple(param.name, param.paramType, shapeValue(param.value, dataTypeOf(param.paramType)));
}

function dataTypeOf(paramType: string | null): CIMType | null {
  return paramType === null || paramType === 'object' || paramType === 'instance' ? null : (paramType as CIMType);
}

function shapeError(error: CIMError): Shape {
  return tuple('ERROR', ANY, error.instances.map((instance) => shapeValue(instance)));
}

/** IRETURNVALUE items: pywbem wraps OBJECTPATH, VALUE.OBJECT and the path/class pairs in tuples. */
function shapeIReturnItem(item: unknown, elementName: string | null): Shape {
  if (elementName === 'OBJECTPATH' || elementName === 'VALUE.OBJECT') return tuple(elementName, ANY, shapeValue(item));
  if (elementName === 'VALUE.OBJECTWITHPATH' || elementName === 'VALUE.OBJECTWITHLOCALPATH') {
    return shapeObjectWithPath(item, elementName);
  }
  return shapeValue(item);
}

function shapeIReturnValue(value: IReturnValue): Shape {
  return tuple('IRETURNVALUE', ANY, value.items.map((item) => shapeIReturnItem(item, value.elementName)));
}

function shapeReturnValue(value: ReturnValue): Shape {
  return tuple('RETURNVALUE', ANY, shapeValue(value.value, dataTypeOf(value.paramType)));
}

function shapeResponse(response: OperationResponse): Shape {
  const children: Shape[] = [];
  if (response.error !== null) children.push(shapeError(response.error));
  if (response.intrinsicReturnValue !== null) children.push(shapeIReturnValue(response.intrinsicReturnValue));
  if (response.returnValue !== null) children.push(shapeReturnValue(response.returnValue));
  children.push(...response.outputParameters.map(shapeParamValue));
  return tuple(response.intrinsic ? 'IMETHODRESPONSE' : 'METHODRESPONSE', ANY, children);
}

function shapeRequest(request: OperationRequest): Shape {
  if (request.intrinsic) {
    const params = request.intrinsicParameters.map((param) => tuple(param.name, shapeValue(param.value)));
    return tuple('IMETHODCALL', ANY, request.namespace, params);
  }
  return tuple('METHODCALL', ANY, shapeValue(request.target), request.parameters.map(shapeParamValue));
}

function shapeExportRequest(request: ExportRequest): Shape {
  const params = request.parameters.map((param) => tuple(param.name, shapeValue(param.value)));
  return tuple('EXPMETHODCALL', ANY, params);
}

function shapeOperation(operation: MessageOperation): Shape {
  switch (operation.kind) {
    case 'request':
      return shapeRequest(operation);
    case 'response':
      return shapeResponse(operation);
    case 'exportRequest':
      return shapeExportRequest(operation);
    default:
      return tuple('EXPMETHODRESPONSE', ANY, operation.error === null ? [] : [shapeError(operation.error)]);
  }
}

const SIMPLE_OF: Record<string, string> = {
  request: 'SIMPLEREQ',
  response: 'SIMPLERSP',
  exportRequest: 'SIMPLEEXPREQ',
  exportResponse: 'SIMPLEEXPRSP',
};

function shapeSimple(operation: MessageOperation): Shape {
  return tuple(SIMPLE_OF[operation.kind]!, ANY, shapeOperation(operation));
}

function shapeMessage(message: CIMMessage): Shape {
  const isMulti = message.bodyElement.startsWith('MULTI');
  const body = isMulti
    ? tuple(message.bodyElement, ANY, message.operations.map(shapeSimple))
    : shapeSimple(message.operations[0]!);
  return tuple('MESSAGE', ANY, body);
}

function shapeGroup(group: DeclarationGroup): Shape {
  const items = [...group.qualifierDeclarations, ...group.objects].map((item) => shapeValue(item));
  return tuple(group.elementName, ANY, ...items);
}

function shapeObjectWithPath(value: unknown, elementName: string): Shape {
  if (value instanceof CIMClass) return tuple(elementName, ANY, tuple(shapeValue(value.path), shapeValue(value)));
  return tuple(elementName, ANY, shapeValue(value));
}

/** Converts the result of reading one element to the form pywbem's element parser returns. */
export function shapeElementResult(elementName: string, value: unknown): Shape {
  switch (elementName) {
    case 'CIM': {
      const document = value as CIMDocument;
      const content =
        document.message !== null
          ? shapeMessage(document.message)
          : tuple('DECLARATION', ANY, document.declaration!.groups.map(shapeGroup));
      return tuple('CIM', ANY, content);
    }
    case 'DECLARATION':
      return tuple('DECLARATION', ANY, (value as { groups: DeclarationGroup[] }).groups.map(shapeGroup));
    case 'DECLGROUP':
    case 'DECLGROUP.WITHNAME':
    case 'DECLGROUP.WITHPATH':
      return shapeGroup(value as DeclarationGroup);
    case 'MESSAGE':
      return shapeMessage(value as CIMMessage);
    case 'SIMPLEREQ':
    case 'SIMPLERSP':
    case 'SIMPLEEXPREQ':
    case 'SIMPLEEXPRSP':
      return shapeSimple(value as MessageOperation);
    case 'MULTIREQ':
    case 'MULTIRSP':
    case 'MULTIEXPREQ':
    case 'MULTIEXPRSP':
      return tuple(elementName, ANY, (value as MessageOperation[]).map(shapeSimple));
    case 'METHODCALL':
    case 'IMETHODCALL':
    case 'METHODRESPONSE':
    case 'IMETHODRESPONSE':
    case 'EXPMETHODCALL':
    case 'EXPMETHODRESPONSE':
      return shapeOperation(value as MessageOperation);
    case 'PARAMVALUE':
      return shapeParamValue(value as ParamValue);
    case 'IPARAMVALUE':
    case 'EXPPARAMVALUE': {
      const param = value as { name: string; value: unknown };
      return tuple(param.name, shapeValue(param.value));
    }
    case 'RETURNVALUE':
      return shapeReturnValue(value as ReturnValue);
    case 'IRETURNVALUE':
      return shapeIReturnValue(value as IReturnValue);
    case 'ERROR':
      return shapeError(value as CIMError);
    case 'NAMESPACEPATH': {
      const path = value as { host: string | null; namespace: string };
      return tuple(path.host, path.namespace);
    }
    case 'KEYBINDING': {
      const [name, key] = value as [string, unknown];
      return { _dict: [[name, shapeValue(key)]] };
    }
    case 'SCOPE':
      return { _dict: Object.entries(value as object).map(([scope, flag]) => [scope.toUpperCase(), flag]) };
    case 'OBJECTPATH':
      return shapeValue(value);
    case 'VALUE.NAMEDOBJECT':
      return tuple(elementName, ANY, shapeValue(value));
    case 'VALUE.OBJECTWITHPATH':
    case 'VALUE.OBJECTWITHLOCALPATH':
      return shapeObjectWithPath(value, elementName);
    case 'CORRELATOR': {
      const correlator = value as { name: string; type: CIMType; value: unknown };
      return tuple(correlator.name, correlator.type, shapeValue(correlator.value, correlator.type));
    }
    default:
      return shapeValue(value);
  }
}
