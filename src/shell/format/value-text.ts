import { CIMClass, CIMInstance, formatValueInline, type CIMType, type CIMValue } from '../../index.js';

/**
 * Formats a value for a table cell or a `name=value` line: strings without quotes,
 * NULL as empty text, other scalars and arrays as in MOF on one line.
 */
export function valueText(value: CIMValue | undefined, type: CIMType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof CIMInstance || value instanceof CIMClass) return value.toMOF().replace(/\s+/g, ' ').trim();
  return formatValueInline(value, type);
}

/** Formats a value that carries no declared type, such as a method output parameter. */
export function untypedValueText(value: CIMValue | undefined): string {
  return valueText(value, inferType(value));
}

function inferType(value: CIMValue | undefined): CIMType {
  const sample = Array.isArray(value) ? value.find((element) => element !== null) : value;
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'bigint') return 'sint64';
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'sint64' : 'real64';
  if (typeof sample === 'object' && sample !== null && 'keybindings' in sample) return 'reference';
  return 'string';
}
