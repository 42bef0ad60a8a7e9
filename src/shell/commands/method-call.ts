import type { CIMInstanceName } from '../../index.js';
import { callOptions, type CommandContext } from './command-context.js';
import { requireMethod, typedParameters } from './typed-input.js';

/** A method call as the `invoke` commands describe it. */
export interface MethodCall {
  readonly className: string;
  /** Instance path, or class name for a static method. */
  readonly target: CIMInstanceName | string;
  readonly methodName: string;
  readonly namespace: string;
  /** `name=value` words of the input parameters. */
  readonly parameterWords: readonly string[];
}

/** Types the input parameters from the method declaration, calls the method and shows its output. */
export async function invokeMethod(context: CommandContext, call: MethodCall): Promise<void> {
  const cimClass = await context.session.classes.getClass(call.namespace, call.className);
  const method = requireMethod(cimClass, call.methodName);
  const parameters = await typedParameters(context, cimClass, method, call.parameterWords, call.namespace);

  const result = await context.session.connection.invokeMethod(method.name, call.target, parameters, callOptions(context, call.namespace));
  context.show({ kind: 'method', output: { methodName: method.name, returnValue: result.returnValue, outParameters: result.outParameters } });
}
