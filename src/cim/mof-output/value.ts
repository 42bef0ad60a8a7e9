import { isRealType, type CIMType } from '../cim-type.js';
import { CIMDateTime } from '../datetime.js';
import { formatReal } from '../real-format.js';
import { CIMTypedValue } from '../typed-value.js';
import { mofCharLiteral, mofStringLiteral, wrapStringLiteral } from './string-literal.js';

/** Layout of a value: its start column, continuation indent and maximum line length. */
export interface MOFLayout {
  /** Spaces before each continuation line. */
  indent: number;
  /** Column (0-based) at which the first character of the value is written. */
  column: number;
  /** Maximum line length the writer aims for; a single long token can exceed it. */
  width: number;
}

/** An object with MOF output of its own: embedded instances and classes in string values. */
interface MOFWritable {
  toMOF(): string;
}

/**
 * Formats one non-array value on a single line: `NULL`, `true`/`false`, integers in decimal
 * (bigint digits exactly), reals with `formatReal`, char16 in single quotes, and strings,
 * datetimes, references (their WBEM URI) and embedded objects (their MOF) as string literals.
 */
export function formatScalar(value: unknown, type: CIMType): string {
  const plain = value instanceof CIMTypedValue ? value.value : value;

  if (plain === null || plain === undefined) return 'NULL';
  if (typeof plain === 'boolean') return plain ? 'true' : 'false';
  if (typeof plain === 'bigint') return plain.toString();
  if (typeof plain === 'number') return formatNumber(plain, type);
  if (typeof plain === 'string') return type === 'char16' ? mofCharLiteral(plain) : mofStringLiteral(plain);
  return mofStringLiteral(scalarText(plain));
}

/**
 * Formats a value (scalar or array) starting at `layout.column`. Long strings become
 * adjacent literals and long arrays continue on new lines, indented by `layout.indent`.
 */
export function formatValue(value: unknown, type: CIMType, layout: MOFLayout): string {
  if (Array.isArray(value)) return formatArray(value, type, layout);
  return formatWrappedScalar(value, type, layout);
}

function formatWrappedScalar(value: unknown, type: CIMType, layout: MOFLayout): string {
  const single = formatScalar(value, type);
  if (!single.startsWith('"') || layout.column + single.length <= layout.width) return single;

  const literals = wrapStringLiteral(stringContent(value), layout.width - layout.column, layout.width - layout.indent);
  return literals.join(`\n${' '.repeat(layout.indent)}`);
}

function formatArray(values: readonly unknown[], type: CIMType, layout: MOFLayout): string {
  if (values.length === 0) return '{}';

  let text = '{';
  let column = layout.column + 1;

  values.forEach((element, index) => {
    const suffix = index === values.length - 1 ? '}' : ',';
    const separator = index === 0 ? '' : ' ';
    const single = formatScalar(element, type);

    if (index > 0 && column + separator.length + single.length + suffix.length > layout.width) {
      text += `\n${' '.repeat(layout.indent)}`;
      column = layout.indent;
    } else {
      text += separator;
      column += separator.length;
    }

    const formatted = formatWrappedScalar(element, type, { ...layout, column });
    text += formatted + suffix;
    const lastLine = formatted.slice(formatted.lastIndexOf('\n') + 1);
    column = (formatted.includes('\n') ? lastLine.length : column + formatted.length) + suffix.length;
  });
  return text;
}

function formatNumber(value: number, type: CIMType): string {
  // MOF (DSP0004) has no literal for INF, -INF or NaN, so they are written with the CIM-XML
  // spelling, which this project's MOF compiler reads back; other compilers may reject it.
  if (isRealType(type)) return formatReal(value, type);
  if (Number.isInteger(value)) return String(value);
  return formatReal(value, 'real64');
}

// The text that a non-primitive scalar stands for inside a MOF string literal.
function scalarText(value: unknown): string {
  if (value instanceof CIMDateTime) return value.text;
  if (isMOFWritable(value)) return value.toMOF().replace(/\n$/, '');
  return String(value);
}

function stringContent(value: unknown): string {
  const plain = value instanceof CIMTypedValue ? value.value : value;
  return typeof plain === 'string' ? plain : scalarText(plain);
}

function isMOFWritable(value: unknown): value is MOFWritable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<MOFWritable>).toMOF === 'function';
}

/** Formats a value (scalar or array) on one line, for `toString()` summaries. */
export function formatValueInline(value: unknown, type: CIMType): string {
  return formatValue(value, type, { indent: 0, column: 0, width: Infinity });
}

/** Returns `Kind(Name: type[] = value)`, the one-line summary of a property or parameter. */
export function formatTypedSummary(
  kind: string,
  element: { name: string; type: CIMType; isArray: boolean; arraySize: number | null; value: unknown },
): string {
  const arraySuffix = element.isArray ? `[${element.arraySize ?? ''}]` : '';
  return `${kind}(${element.name}: ${element.type}${arraySuffix} = ${formatValueInline(element.value, element.type)})`;
}
