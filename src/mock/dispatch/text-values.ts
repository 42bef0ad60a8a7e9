import type { CIMType } from '../../cim/cim-type.js';
import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_TYPE_MISMATCH } from '../../cim/status-codes.js';
import type { CIMInputValue, CIMValue } from '../../cim/value.js';
import { convertScalar } from '../../cimxml/reader/scalars.js';

/**
 * Converts a value that CIM-XML carried as untyped text (SetProperty's NewValue, a
 * PARAMVALUE without PARAMTYPE) to the declared type. Values that are not text, and text
 * for string and char16, pass through unchanged. Raises CIM_ERR_TYPE_MISMATCH for text
 * that does not fit the type, as for a typed value of the wrong type.
 */
export function convertTextValue(value: CIMValue | undefined, type: CIMType, where: string): CIMInputValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((element) => convertTextScalar(element, type, where)) as CIMInputValue;
  return convertTextScalar(value, type, where) as CIMInputValue;
}

function convertTextScalar<T>(value: T, type: CIMType, where: string): T | CIMInputValue {
  if (typeof value === 'boolean' && type !== 'boolean') return convertTextScalar(value ? 'TRUE' : 'FALSE', type, where);
  if (typeof value !== 'string' || type === 'string' || type === 'reference') return value;

  const result = convertScalar(value, type);
  if (!result.ok) {
    throw new CIMError(CIM_ERR_TYPE_MISMATCH, `Value ${JSON.stringify(value)} of ${where} is not a valid ${type}: ${result.reason}.`);
  }
  return result.value as CIMInputValue;
}
