import type { MOFClassDeclaration, MOFQualifierValue } from './ast.js';
import type { ClassElementLocation } from './class-resolver.js';
import type { MOFPosition } from './errors.js';

/** Finds the MOF position of a class element named by a resolver error or warning. */
export function elementPosition(ast: MOFClassDeclaration, location: ClassElementLocation): MOFPosition {
  const lower = (name: string | undefined): string | undefined => name?.toLowerCase();
  let qualifiers: MOFQualifierValue[] = ast.qualifiers;
  let position = ast.position;

  if (location.property !== undefined) {
    const property = ast.properties.find((candidate) => candidate.name.toLowerCase() === lower(location.property));
    if (property !== undefined) {
      qualifiers = property.qualifiers;
      position = property.position;
    }
  } else if (location.method !== undefined) {
    const method = ast.methods.find((candidate) => candidate.name.toLowerCase() === lower(location.method));
    const parameter = method?.parameters.find((candidate) => candidate.name.toLowerCase() === lower(location.parameter));
    if (parameter !== undefined) {
      qualifiers = parameter.qualifiers;
      position = parameter.position;
    } else if (method !== undefined) {
      qualifiers = method.qualifiers;
      position = method.position;
    }
  }

  if (location.qualifier === undefined) return position;
  return qualifiers.find((qualifier) => qualifier.name.toLowerCase() === lower(location.qualifier))?.position ?? position;
}
