import type { NocaseMap } from '../nocase-map.js';
import type { CIMQualifier, QualifierFlavors } from '../qualifier.js';
import { formatValue, type MOFLayout } from './value.js';

/**
 * Formats one qualifier as it appears in a qualifier list: `Key` for a boolean `true`
 * scalar, otherwise `Name (value)` or `Name {v1, v2}` for arrays, then the flavors that
 * differ from the DSP0004 defaults after a colon (`Abstract : Restricted`).
 */
export function formatQualifier(qualifier: CIMQualifier, layout: MOFLayout): string {
  const flavors = nonDefaultFlavors(qualifier);
  const flavorText = flavors.length > 0 ? ` : ${flavors.join(' ')}` : '';

  if (qualifier.value === true) return `${qualifier.name}${flavorText}`;

  const opening = Array.isArray(qualifier.value) ? `${qualifier.name} ` : `${qualifier.name} (`;
  const closing = Array.isArray(qualifier.value) ? '' : ')';
  const valueLayout = { ...layout, column: layout.column + opening.length };
  const value = formatValue(qualifier.value, qualifier.type, valueLayout);
  return `${opening}${value}${closing}${flavorText}`;
}

/**
 * Flavors worth writing in a qualifier list. EnableOverride, ToSubclass and the absence of
 * Translatable and ToInstance are the defaults, so writing them would change nothing.
 */
export function nonDefaultFlavors(flavors: QualifierFlavors): string[] {
  const names: string[] = [];
  if (flavors.overridable === false) names.push('DisableOverride');
  if (flavors.toSubclass === false) names.push('Restricted');
  if (flavors.toInstance === true) names.push('ToInstance');
  if (flavors.translatable === true) names.push('Translatable');
  return names;
}

/**
 * Formats a qualifier list `[Q1, Q2 (v)]` starting at `indent`, on one line when it fits
 * and otherwise with one or more qualifiers per line aligned after the bracket. Returns
 * an empty string for an empty map.
 */
export function formatQualifierList(qualifiers: NocaseMap<CIMQualifier>, indent: number, width: number): string {
  if (qualifiers.size === 0) return '';

  const itemIndent = indent + 1;
  let text = '[';
  let column = itemIndent;
  let first = true;

  for (const qualifier of qualifiers.values()) {
    const separator = first ? '' : ' ';
    const layout = { indent: itemIndent + 3, column: column + separator.length, width };
    let formatted = formatQualifier(qualifier, layout);

    if (!first && (formatted.includes('\n') || layout.column + formatted.length + 2 > width)) {
      text += `\n${' '.repeat(itemIndent)}`;
      column = itemIndent;
      formatted = formatQualifier(qualifier, { ...layout, column });
    } else {
      text += separator;
      column += separator.length;
    }

    text += formatted + ',';
    column = lastLineLength(formatted, column) + 1;
    first = false;
  }
  return `${text.slice(0, -1)}]`;
}

export function lastLineLength(text: string, startColumn: number): number {
  const newline = text.lastIndexOf('\n');
  return newline < 0 ? startColumn + text.length : text.length - newline - 1;
}
