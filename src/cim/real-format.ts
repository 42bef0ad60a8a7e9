import type { CIMRealType } from './cim-type.js';

/**
 * Formats a real for CIM-XML and MOF: `INF`, `-INF` and `NaN` as DSP0201 spells them,
 * otherwise 17 significant digits for real64 and 11 for real32 (DSP0201 minimums), an
 * upper-case `E`, and always a `.digit` part as DSP0004's realValue rule requires.
 */
export function formatReal(value: number, type: CIMRealType): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';

  // toPrecision drops the sign of negative zero, which IEEE 754 and DSP0004 reals keep.
  const digits = type === 'real32' ? 11 : 17;
  const sign = Object.is(value, -0) ? '-' : '';
  const text = sign + value.toPrecision(digits).replace('e', 'E');
  if (text.includes('.')) return text;

  const exponentAt = text.indexOf('E');
  return exponentAt < 0 ? `${text}.0` : `${text.slice(0, exponentAt)}.0${text.slice(exponentAt)}`;
}
