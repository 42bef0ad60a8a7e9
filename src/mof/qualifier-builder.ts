import { isCIMType, type CIMType } from '../cim/cim-type.js';
import { CIMQualifierDeclaration, type QualifierScopes } from '../cim/qualifier-declaration.js';
import { CIMQualifier, type QualifierFlavors } from '../cim/qualifier.js';
import type { MOFFlavor, MOFQualifierDeclaration, MOFQualifierValue } from './ast.js';
import type { CompileContext } from './compile-context.js';
import type { MOFPosition } from './errors.js';
import { convertValue } from './value-converter.js';

/** Flavor keywords of DSP0004 and the flavor each one sets. */
const FLAVORS: ReadonlyMap<string, QualifierFlavors> = new Map([
  ['enableoverride', { overridable: true }],
  ['disableoverride', { overridable: false }],
  ['tosubclass', { toSubclass: true }],
  ['restricted', { toSubclass: false }],
  ['translatable', { translatable: true }],
  ['toinstance', { toInstance: true }],
]);

const SCOPES: ReadonlyMap<string, keyof QualifierScopes> = new Map([
  ['class', 'class'],
  ['association', 'association'],
  ['indication', 'indication'],
  ['property', 'property'],
  ['reference', 'reference'],
  ['method', 'method'],
  ['parameter', 'parameter'],
  ['any', 'any'],
]);

/** Returns the CIM data type for a MOF type name (case-insensitive); `reference` is not a data type name. */
export function dataTypeOf(typeName: string, context: CompileContext, position: MOFPosition): CIMType {
  const lower = typeName.toLowerCase();
  if (lower !== 'reference' && isCIMType(lower)) return lower;
  throw context.error(
    `unknown data type ${JSON.stringify(typeName)}; use boolean, string, char16, datetime, uint8 to sint64, real32 or real64, or "ClassName REF name" for a reference`,
    'ERR_MOF_SYNTAX',
    position,
  );
}

/** Builds a qualifier declaration, with its default value typed and scopes and flavors checked. */
export function buildQualifierDeclaration(ast: MOFQualifierDeclaration, context: CompileContext): CIMQualifierDeclaration {
  const type = dataTypeOf(ast.typeName, context, ast.typePosition);
  const where = `the default value of qualifier ${ast.name}`;
  const value = ast.defaultValue === null ? null : convertValue(ast.defaultValue, { type, isArray: ast.isArray, where }, context);

  const scopes: QualifierScopes = {};
  for (const scope of ast.scopes) {
    const key = SCOPES.get(scope.name.toLowerCase());
    if (key === undefined) {
      throw context.error(
        `unknown scope ${JSON.stringify(scope.name)} in qualifier declaration ${ast.name}; use class, association, indication, property, reference, method, parameter or any`,
        'ERR_MOF_SYNTAX',
        scope.position,
      );
    }
    scopes[key] = true;
  }

  return new CIMQualifierDeclaration(ast.name, type, {
    value,
    isArray: ast.isArray,
    arraySize: ast.arraySize,
    scopes,
    ...collectFlavors(ast.flavors, ast.name, context),
  });
}

/**
 * Builds the qualifiers of one element. Values are typed by their declarations; a
 * boolean qualifier given by name alone is TRUE, any other takes the declared default.
 */
export function buildQualifiers(asts: readonly MOFQualifierValue[], owner: string, context: CompileContext): CIMQualifier[] {
  const qualifiers: CIMQualifier[] = [];
  const seen = new Set<string>();

  for (const ast of asts) {
    const lower = ast.name.toLowerCase();
    if (seen.has(lower)) {
      throw context.error(`qualifier ${ast.name} is given twice on ${owner}; keep one`, 'ERR_MOF_INVALID', ast.position);
    }
    seen.add(lower);
    qualifiers.push(buildQualifier(ast, owner, context));
  }
  return qualifiers;
}

function buildQualifier(ast: MOFQualifierValue, owner: string, context: CompileContext): CIMQualifier {
  const declaration = context.qualifierDeclaration(ast.name, ast.position);
  const where = `qualifier ${declaration.name} on ${owner}`;
  const target = { type: declaration.type, isArray: declaration.isArray, where, wrapScalar: true };

  let value;
  if (ast.value !== null) value = convertValue(ast.value, target, context);
  else if (declaration.type === 'boolean' && !declaration.isArray) value = true;
  else value = declaration.value;

  return new CIMQualifier(ast.name, value, { type: declaration.type, ...collectFlavors(ast.flavors, ast.name, context) });
}

function collectFlavors(flavors: readonly MOFFlavor[], owner: string, context: CompileContext): QualifierFlavors {
  const result: QualifierFlavors = {};
  for (const flavor of flavors) {
    const effect = FLAVORS.get(flavor.name.toLowerCase());
    if (effect === undefined) {
      throw context.error(
        `unknown flavor ${JSON.stringify(flavor.name)} for qualifier ${owner}; use EnableOverride, DisableOverride, ToSubclass, Restricted or Translatable`,
        'ERR_MOF_SYNTAX',
        flavor.position,
      );
    }
    Object.assign(result, effect);
  }
  return result;
}
