import type { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import type { CIMType } from '../../cim/cim-type.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { CIMMethod } from '../../cim/method.js';
import { NocaseMap } from '../../cim/nocase-map.js';
import { CIMParameter } from '../../cim/parameter.js';
import {
  CIM_ERR_FAILED,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_METHOD_NOT_AVAILABLE,
  CIM_ERR_METHOD_NOT_FOUND,
  CIM_ERR_TYPE_MISMATCH,
} from '../../cim/status-codes.js';
import type { CIMInputValue, CIMValue } from '../../cim/value.js';
import { normalizeValue } from '../../cim/value-normalize.js';
import type { MethodProvider } from '../method-providers.js';
import { hasTrueQualifier } from '../names.js';
import type { MockRepository } from '../repository.js';

/** Parameters as CIMParameter objects or as a name-to-value record. */
export type MethodParameters = Iterable<CIMParameter> | Record<string, CIMInputValue>;

/** The result of InvokeMethod, typed by the method declaration. */
export interface InvokeMethodResult {
  returnValue: CIMValue;
  /** The method's return type; null for a method declared without one. */
  returnType: CIMType | null;
  outputParameters: NocaseMap<CIMParameter>;
}

/**
 * InvokeMethod: runs the registered provider of an extrinsic method. Raises
 * CIM_ERR_INVALID_CLASS for an unknown class, CIM_ERR_NOT_FOUND for a missing target
 * instance, CIM_ERR_METHOD_NOT_FOUND for a method the class lacks,
 * CIM_ERR_INVALID_PARAMETER for an undeclared or output-only parameter,
 * CIM_ERR_TYPE_MISMATCH for a value of the wrong type and CIM_ERR_METHOD_NOT_AVAILABLE
 * when no provider is registered for the class or a superclass. A provider that throws
 * something other than CIMError yields CIM_ERR_FAILED.
 */
export async function invokeMethod(
  repository: MockRepository,
  namespace: string,
  objectName: CIMInstanceName | CIMClassName,
  methodName: string,
  inputParameters: MethodParameters = [],
): Promise<InvokeMethodResult> {
  const store = repository.namespace(namespace);
  const cimClass = repository.storedClass(namespace, objectName.className);
  const method = cimClass.methods.get(methodName);
  if (!method) {
    const known = [...cimClass.methods.keys()].join(', ') || '(none)';
    throw new CIMError(CIM_ERR_METHOD_NOT_FOUND, `Class ${cimClass.className} has no method ${methodName}; methods are: ${known}.`);
  }
  if (!(objectName instanceof CIMClassName)) repository.storedInstance(namespace, objectName);

  const parameters = typedInputParameters(method, cimClass, inputParameters);
  const provider = findProvider(repository, store.name, cimClass, method.name);
  if (!provider) {
    throw new CIMError(
      CIM_ERR_METHOD_NOT_AVAILABLE,
      `No method provider is registered for ${cimClass.className}.${method.name} in namespace "${store.name}"; register one with registerMethodProvider.`,
    );
  }

  const result = await runProvider(provider, { namespace: store.name, objectName, methodName: method.name, parameters, repository });
  return typedResult(method, cimClass, result.returnValue, result.outputParameters ?? []);
}

async function runProvider(provider: MethodProvider, call: Parameters<MethodProvider>[0]) {
  try {
    return await provider(call);
  } catch (error) {
    if (error instanceof CIMError) throw error;
    throw new CIMError(CIM_ERR_FAILED, `The provider of method ${call.methodName} failed: ${(error as Error).message}`, { cause: error });
  }
}

function findProvider(repository: MockRepository, namespace: string, cimClass: CIMClass, methodName: string): MethodProvider | undefined {
  let current: CIMClass | undefined = cimClass;
  while (current) {
    const provider = repository.methodProviders.find(namespace, current.className, methodName);
    if (provider) return provider;
    current = current.superclass === null ? undefined : repository.namespace(namespace).classes.get(current.superclass);
  }
  return undefined;
}

function parameterEntries(parameters: MethodParameters): Array<[string, CIMInputValue]> {
  if (Symbol.iterator in Object(parameters)) {
    return [...(parameters as Iterable<CIMParameter>)].map((parameter) => [parameter.name, parameter.value]);
  }
  return Object.entries(parameters as Record<string, CIMInputValue>);
}

/** True for a parameter declared output-only: `Out` set and `In` explicitly false. */
function isOutputOnly(parameter: CIMParameter): boolean {
  return parameter.qualifiers.get('In')?.value === false;
}

function typedInputParameters(method: CIMMethod, cimClass: CIMClass, given: MethodParameters): NocaseMap<CIMParameter> {
  const result = new NocaseMap<CIMParameter>();
  for (const [name, value] of parameterEntries(given)) {
    const declared = method.parameters.get(name);
    if (!declared || isOutputOnly(declared)) {
      const inputs = [...method.parameters.values()].filter((parameter) => !isOutputOnly(parameter)).map((p) => p.name);
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `Method ${cimClass.className}.${method.name} has no input parameter ${name}; input parameters are: ${inputs.join(', ') || '(none)'}.`,
      );
    }
    const where = `parameter ${declared.name} of ${cimClass.className}.${method.name}`;
    result.set(declared.name, typedParameter(declared, value, where, CIM_ERR_TYPE_MISMATCH));
  }
  return result;
}

function typedParameter(declared: CIMParameter, value: CIMInputValue, where: string, statusCode: number): CIMParameter {
  if (value !== null && Array.isArray(value) !== declared.isArray) {
    throw new CIMError(statusCode, `Value of ${where} must be ${declared.isArray ? 'an array' : 'a scalar'} of ${declared.type}.`);
  }
  try {
    return new CIMParameter(declared.name, {
      type: declared.type,
      isArray: declared.isArray,
      referenceClass: declared.referenceClass,
      embeddedObject: declared.embeddedObject,
      value: normalizeValue(value, declared.type, where).value,
    });
  } catch (error) {
    throw new CIMError(statusCode, (error as Error).message, { cause: error });
  }
}

function typedResult(
  method: CIMMethod,
  cimClass: CIMClass,
  returnValue: CIMInputValue,
  outputs: Record<string, CIMInputValue> | Iterable<CIMParameter>,
): InvokeMethodResult {
  const where = `${cimClass.className}.${method.name}`;
  let value: CIMValue = null;
  if (method.returnType !== null && returnValue !== null && returnValue !== undefined) {
    try {
      value = normalizeValue(returnValue, method.returnType, `return value of ${where}`).value;
    } catch (error) {
      throw new CIMError(CIM_ERR_FAILED, `The provider of ${where} returned a bad value: ${(error as Error).message}`, { cause: error });
    }
  }

  const outputParameters = new NocaseMap<CIMParameter>();
  for (const [name, outputValue] of parameterEntries(outputs)) {
    const declared = method.parameters.get(name);
    if (!declared || !hasTrueQualifier(declared.qualifiers, 'Out')) {
      throw new CIMError(CIM_ERR_FAILED, `The provider of ${where} returned ${name}, which is not an output parameter of the method.`);
    }
    outputParameters.set(declared.name, typedParameter(declared, outputValue, `output parameter ${declared.name} of ${where}`, CIM_ERR_FAILED));
  }
  return { returnValue: value, returnType: method.returnType, outputParameters };
}
