import { CIMError } from '../../src/cim/errors.js';

/** Returns the CIM status code that `action` raises, the text of another error, or `no error`. */
export function statusOf(action: () => unknown): number | string {
  try {
    action();
  } catch (error) {
    return describeError(error);
  }
  return 'no error';
}

/** Awaits `action` and returns what `statusOf` returns for a synchronous action. */
export async function statusOfAsync(action: () => unknown): Promise<number | string> {
  try {
    await action();
  } catch (error) {
    return describeError(error);
  }
  return 'no error';
}

function describeError(error: unknown): number | string {
  return error instanceof CIMError ? error.statusCode : String(error);
}
