import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { toPywbemObject } from './pywbem-objects.js';

/** How much of an API call or HTTP message a log line shows, as in pywbem's LogOperationRecorder. */
export type DetailLevel = 'all' | 'paths' | 'summary' | number;

/**
 * Formats an operation argument or result for a log line. Level `all` shows everything,
 * and `paths` shows instances and classes by their path (or class name). Level `summary`
 * shows only the kind and number of objects. A number shows everything, cut to that
 * many characters.
 */
export function formatValue(value: unknown, level: DetailLevel): string {
  if (level === 'summary') return summarize(value);
  const shown = level === 'paths' ? toPaths(value) : value;
  const text = JSON.stringify(toPywbemObject(shown), jsonReplacer) ?? 'undefined';
  return typeof level === 'number' ? truncate(text, level) : text;
}

/** Cuts text to `max` characters and marks the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

function summarize(value: unknown): string {
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((element) => kindOf(element)));
    return `list of ${value.length} ${[...kinds].join('/') || 'items'}`;
  }
  return kindOf(value);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return value.constructor.name;
  return typeof value;
}

function toPaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((element) => toPaths(element));
  if (value instanceof CIMInstance) return value.path ?? new CIMInstanceName(value.className);
  if (value instanceof CIMClass) return value.path ?? new CIMClassName(value.className);
  return value;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
