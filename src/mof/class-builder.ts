import { CIMClass } from '../cim/class.js';
import { CIMMethod } from '../cim/method.js';
import { CIMParameter } from '../cim/parameter.js';
import { CIMProperty } from '../cim/property.js';
import type { CIMType } from '../cim/cim-type.js';
import type { MOFClassDeclaration, MOFMethodDeclaration, MOFParameterDeclaration, MOFPropertyDeclaration } from './ast.js';
import type { CompileContext } from './compile-context.js';
import { embeddedObjectKind } from './class-resolver.js';
import { buildQualifiers, dataTypeOf } from './qualifier-builder.js';
import { convertValue } from './value-converter.js';

/**
 * Builds a class as declared in MOF, before inheritance: its own qualifiers, properties
 * and methods, with every value typed. A property declared twice is warned about and
 * the later declaration is kept.
 */
export function buildDeclaredClass(ast: MOFClassDeclaration, context: CompileContext): CIMClass {
  const qualifiers = buildQualifiers(ast.qualifiers, `class ${ast.name}`, context);
  const declared = new CIMClass(ast.name, { superclass: ast.superclass, qualifiers });

  for (const propertyAst of ast.properties) {
    const property = buildProperty(propertyAst, ast.name, context);
    if (declared.properties.has(property.name)) {
      context.warn(`property ${ast.name}.${property.name} is declared twice; the later declaration is used`, propertyAst.position);
      declared.properties.delete(property.name);
    }
    declared.properties.set(property.name, property);
  }

  for (const methodAst of ast.methods) {
    if (declared.methods.has(methodAst.name)) {
      throw context.error(`method ${ast.name}.${methodAst.name} is declared twice; remove one declaration`, 'ERR_MOF_INVALID', methodAst.position);
    }
    declared.methods.set(methodAst.name, buildMethod(methodAst, ast.name, context));
  }
  return declared;
}

function buildProperty(ast: MOFPropertyDeclaration, className: string, context: CompileContext): CIMProperty {
  const where = `property ${className}.${ast.name}`;
  const qualifiers = buildQualifiers(ast.qualifiers, where, context);
  const type: CIMType = ast.isReference ? 'reference' : dataTypeOf(ast.typeName, context, ast.typePosition);
  const embeddedObject = embeddedObjectKind(qualifiers);
  const target = { type, isArray: ast.isArray, embeddedObject, where };
  const value = ast.defaultValue === null ? null : convertValue(ast.defaultValue, target, context);

  return new CIMProperty(ast.name, value, {
    type,
    isArray: ast.isArray,
    arraySize: ast.arraySize,
    referenceClass: ast.isReference ? ast.typeName : null,
    embeddedObject,
    classOrigin: className,
    propagated: false,
    qualifiers,
  });
}

function buildMethod(ast: MOFMethodDeclaration, className: string, context: CompileContext): CIMMethod {
  const where = `method ${className}.${ast.name}`;
  const qualifiers = buildQualifiers(ast.qualifiers, where, context);
  const returnType: CIMType = ast.isReference ? 'reference' : dataTypeOf(ast.returnTypeName, context, ast.typePosition);

  const parameters: CIMParameter[] = [];
  const seen = new Set<string>();
  for (const parameterAst of ast.parameters) {
    const lower = parameterAst.name.toLowerCase();
    if (seen.has(lower)) {
      throw context.error(`parameter ${parameterAst.name} of ${where} is declared twice; rename or remove one`, 'ERR_MOF_INVALID', parameterAst.position);
    }
    seen.add(lower);
    parameters.push(buildParameter(parameterAst, where, context));
  }

  return new CIMMethod(ast.name, returnType, { parameters, qualifiers, classOrigin: className, propagated: false });
}

function buildParameter(ast: MOFParameterDeclaration, methodWhere: string, context: CompileContext): CIMParameter {
  const qualifiers = buildQualifiers(ast.qualifiers, `parameter ${ast.name} of ${methodWhere}`, context);
  const type: CIMType = ast.isReference ? 'reference' : dataTypeOf(ast.typeName, context, ast.typePosition);
  return new CIMParameter(ast.name, {
    type,
    isArray: ast.isArray,
    arraySize: ast.arraySize,
    referenceClass: ast.isReference ? ast.typeName : null,
    embeddedObject: embeddedObjectKind(qualifiers),
    qualifiers,
  });
}
