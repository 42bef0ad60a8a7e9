import type { CIMInstance } from '../instance.js';
import type { CIMProperty } from '../property.js';
import { DEFAULT_MAX_LINE_LENGTH, type MOFOptions } from './class.js';
import { formatQualifierList } from './qualifiers.js';
import { formatValue } from './value.js';

const STEP = 3;

/**
 * Formats an instance declaration `instance of Class { Prop = value; };`. The instance
 * path has no place in MOF and is left out. Embedded instances in string properties
 * become string literals holding their own MOF, as DSP0004 MOF has no nested values.
 */
export function formatInstance(instance: CIMInstance, options: MOFOptions = {}): string {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);
  const qualifiers = formatQualifierList(instance.qualifiers, indent, width);

  const lines = [`${qualifiers ? `${pad}${qualifiers}\n` : ''}${pad}instance of ${instance.className} {`];
  for (const property of instance.properties.values()) {
    lines.push(formatPropertyValue(property, { indent: indent + STEP, maxLineLength: width }));
  }
  lines.push(`${pad}};`, '');
  return lines.join('\n');
}

/** Formats a property as an instance initializer: `[qualifiers] Name = value;`. */
export function formatPropertyValue(property: CIMProperty, options: MOFOptions = {}): string {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);
  const qualifiers = formatQualifierList(property.qualifiers, indent, width);

  const head = `${pad}${property.name} = `;
  const value = formatValue(property.value, property.type, { indent: indent + STEP, column: head.length, width });
  return `${qualifiers ? `${pad}${qualifiers}\n` : ''}${head}${value};`;
}
