import { CIMClassName } from '../../cim/class-name.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMParameter } from '../../cim/parameter.js';
import { CIM_ERR_INVALID_PARAMETER, CIM_ERR_METHOD_NOT_FOUND } from '../../cim/status-codes.js';
import type { CIMInputValue } from '../../cim/value.js';
import type { MethodResult, ParamValue } from '../../cimxml/index.js';
import { invokeMethod } from '../operations/method-operations.js';
import type { MockRepository } from '../repository.js';
import { convertTextValue } from './text-values.js';

/**
 * Runs an extrinsic method call (METHODCALL) and returns what `methodResponse` writes.
 * Parameters sent as untyped text are converted to the declared parameter types first.
 */
export async function runMethod(
  repository: MockRepository,
  namespace: string,
  target: CIMInstanceName | CIMClassName,
  methodName: string,
  parameters: readonly ParamValue[],
): Promise<MethodResult> {
  const cimClass = repository.storedClass(namespace, target.className);
  const method = cimClass.methods.get(methodName);
  if (!method) {
    const known = [...cimClass.methods.keys()].join(', ') || '(none)';
    throw new CIMError(CIM_ERR_METHOD_NOT_FOUND, `Class ${cimClass.className} has no method ${methodName}; methods are: ${known}.`);
  }

  const inputs: Record<string, CIMInputValue> = {};
  for (const parameter of parameters) {
    const declared = method.parameters.get(parameter.name);
    if (!declared) {
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `Method ${cimClass.className}.${method.name} has no parameter ${parameter.name}; parameters are: ${[...method.parameters.keys()].join(', ') || '(none)'}.`,
      );
    }
    inputs[declared.name] = convertTextValue(parameter.value, declared.type, `parameter ${declared.name} of ${cimClass.className}.${method.name}`);
  }

  const objectName = target instanceof CIMClassName ? new CIMClassName(target.className, { namespace }) : target;
  const result = await invokeMethod(repository, namespace, objectName, method.name, inputs);

  const returnValue = result.returnType === null ? null : { value: result.returnValue, type: result.returnType };
  const outParameters = [...result.outputParameters.values()].map(
    (parameter) =>
      new CIMParameter(parameter.name, {
        type: parameter.type,
        isArray: parameter.isArray,
        referenceClass: parameter.referenceClass,
        embeddedObject: parameter.embeddedObject,
        value: parameter.value,
      }),
  );
  return { returnValue, outParameters };
}
