import type { CIMQualifierDeclaration, QualifierScopes } from '../qualifier-declaration.js';
import { DEFAULT_MAX_LINE_LENGTH, type MOFOptions } from './class.js';
import { formatValue } from './value.js';

// Scope names in the order of DSP0004 and the DMTF qualifiers.mof.
const SCOPE_NAMES: ReadonlyArray<keyof QualifierScopes> = [
  'class', 'association', 'indication', 'property', 'reference', 'method', 'parameter',
];

/**
 * Formats a qualifier type declaration as in the DMTF qualifiers.mof:
 * `Qualifier Name : type[[n]] = default,` then `Scope(...)` and, when any flavor is stated,
 * `Flavor(...)` on their own lines.
 */
export function formatQualifierDeclaration(declaration: CIMQualifierDeclaration, options: MOFOptions = {}): string {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);

  const arraySuffix = declaration.isArray ? `[${declaration.arraySize ?? ''}]` : '';
  const head = `${pad}Qualifier ${declaration.name} : ${declaration.type}${arraySuffix}`;
  const layout = { indent: indent + 4, column: head.length + 3, width };
  const value = declaration.value === null ? '' : ` = ${formatValue(declaration.value, declaration.type, layout)}`;

  const parts = [`${head}${value}`, `${pad}    Scope(${scopeNames(declaration.scopes).join(', ')})`];
  const flavors = statedFlavors(declaration);
  if (flavors.length > 0) parts.push(`${pad}    Flavor(${flavors.join(', ')})`);
  return `${parts.join(',\n')};\n`;
}

/** Lists the scopes that are set; `any` replaces the list when it is set or when all are. */
export function scopeNames(scopes: QualifierScopes): string[] {
  const names = SCOPE_NAMES.filter((name) => scopes[name] === true);
  if (scopes.any === true || names.length === SCOPE_NAMES.length) return ['any'];
  return names;
}

// Every flavor the declaration states, defaults included, because a declaration defines them.
function statedFlavors(declaration: CIMQualifierDeclaration): string[] {
  const names: string[] = [];
  if (declaration.overridable !== null) names.push(declaration.overridable ? 'EnableOverride' : 'DisableOverride');
  if (declaration.toSubclass !== null) names.push(declaration.toSubclass ? 'ToSubclass' : 'Restricted');
  if (declaration.translatable === true) names.push('Translatable');
  if (declaration.toInstance === true) names.push('ToInstance');
  return names;
}
