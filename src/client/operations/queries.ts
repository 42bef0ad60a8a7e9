import type { CIMInstance } from '../../cim/instance.js';
import type { IntrinsicSpec } from './call.js';
import { instanceItems, returnedItems } from './results.js';

/**
 * DSP0200 ExecQuery: `VALUE.OBJECTWITHPATH*`. `VALUE.OBJECT*` and bare `INSTANCE*`, which
 * some servers (SFCB) send, are accepted too; those instances have no path.
 */
export const EXEC_QUERY: IntrinsicSpec<CIMInstance[]> = {
  operation: 'ExecQuery',
  decode: (response, namespace) =>
    instanceItems(response, returnedItems(response, ['VALUE.OBJECTWITHPATH', 'VALUE.OBJECT', 'INSTANCE']), namespace),
};
