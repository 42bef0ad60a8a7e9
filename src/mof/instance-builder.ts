import { CIMClass } from '../cim/class.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMInstance } from '../cim/instance.js';
import { CIMProperty } from '../cim/property.js';
import type { CIMValue, KeyBindingValue } from '../cim/value.js';
import type { MOFInstanceDeclaration, MOFPropertyAssignment } from './ast.js';
import type { CompileContext } from './compile-context.js';
import { buildQualifiers } from './qualifier-builder.js';
import { convertValue } from './value-converter.js';

/**
 * Builds an instance of a resolved class from its MOF declaration. Every property of the
 * class is present: with the assigned value, else with the class default, else NULL.
 * With `withPath`, the path is built from the key properties, which must all have values.
 */
export function buildInstance(
  ast: MOFInstanceDeclaration,
  cimClass: CIMClass,
  context: CompileContext,
  withPath: boolean,
): CIMInstance {
  const assigned = assignedValues(ast, cimClass, context);

  const properties: CIMProperty[] = [];
  for (const classProperty of cimClass.properties.values()) {
    const value = assigned.has(classProperty.name.toLowerCase())
      ? (assigned.get(classProperty.name.toLowerCase()) ?? null)
      : classProperty.value;
    properties.push(
      new CIMProperty(classProperty.name, value, {
        type: classProperty.type,
        isArray: classProperty.isArray,
        arraySize: classProperty.arraySize,
        referenceClass: classProperty.referenceClass,
        embeddedObject: classProperty.embeddedObject,
      }),
    );
  }

  const qualifiers = buildQualifiers(ast.qualifiers, `the instance of ${cimClass.className}`, context);
  const instance = new CIMInstance(cimClass.className, { properties, qualifiers });
  if (withPath) instance.path = buildPath(instance, ast, cimClass, context);
  return instance;
}

/** Converts the assigned values, keyed by lower-cased property name. */
function assignedValues(ast: MOFInstanceDeclaration, cimClass: CIMClass, context: CompileContext): Map<string, CIMValue> {
  const values = new Map<string, CIMValue>();

  for (const assignment of ast.properties) {
    const lower = assignment.name.toLowerCase();
    if (values.has(lower)) {
      throw context.error(`property ${assignment.name} is set twice in this instance of ${cimClass.className}; keep one value`, 'ERR_MOF_INVALID', assignment.position);
    }
    values.set(lower, assignedValue(assignment, cimClass, context));
  }
  return values;
}

function assignedValue(assignment: MOFPropertyAssignment, cimClass: CIMClass, context: CompileContext): CIMValue {
  const classProperty = cimClass.properties.get(assignment.name);
  if (classProperty === undefined) {
    throw context.error(
      `class ${cimClass.className} has no property ${assignment.name}; check the spelling or declare the property in the class`,
      'ERR_MOF_INVALID',
      assignment.position,
    );
  }

  const where = `property ${cimClass.className}.${classProperty.name}`;
  const target = { type: classProperty.type, isArray: classProperty.isArray, embeddedObject: classProperty.embeddedObject, where };
  const value = convertValue(assignment.value, target, context);
  if (classProperty.referenceClass !== null) checkReferenceClasses(value, classProperty.referenceClass, where, assignment, context);
  return value;
}

/** Warns when a reference points to an instance of a class that is not the declared class or a subclass. */
function checkReferenceClasses(
  value: CIMValue,
  referenceClass: string,
  where: string,
  assignment: MOFPropertyAssignment,
  context: CompileContext,
): void {
  const paths = Array.isArray(value) ? value : [value];
  for (const path of paths) {
    if (!(path instanceof CIMInstanceName) || isSubclassOf(path.className, referenceClass, context)) continue;
    context.warn(
      `${where} is declared as ${referenceClass} REF, but the value refers to an instance of ${path.className}`,
      assignment.value.position,
    );
  }
}

function isSubclassOf(className: string, ancestor: string, context: CompileContext): boolean {
  const expected = ancestor.toLowerCase();
  let current: string | null = className;
  for (let depth = 0; current !== null && depth < 100; depth++) {
    if (current.toLowerCase() === expected) return true;
    current = context.target.getClass(context.namespace, current)?.superclass ?? null;
  }
  return false;
}

function buildPath(instance: CIMInstance, ast: MOFInstanceDeclaration, cimClass: CIMClass, context: CompileContext): CIMInstanceName {
  const keybindings: Array<[string, KeyBindingValue]> = [];

  for (const classProperty of cimClass.properties.values()) {
    if (classProperty.qualifiers.get('Key')?.value !== true) continue;
    const value = instance.properties.get(classProperty.name)?.value ?? null;
    if (value instanceof CIMInstance) {
      throw context.error(`key property ${classProperty.name} of ${cimClass.className} has an embedded instance as its value, which is invalid for a key property; use a scalar key`, 'ERR_MOF_INVALID', ast.position);
    }
    if (value === null || Array.isArray(value) || !isKeyBindingValue(value)) {
      throw context.error(
        `key property ${classProperty.name} of this instance of ${cimClass.className} has no value; every key property needs one`,
        'ERR_MOF_INVALID',
        ast.position,
      );
    }
    keybindings.push([classProperty.name, value]);
  }
  return new CIMInstanceName(cimClass.className, keybindings, { namespace: context.namespace });
}

function isKeyBindingValue(value: CIMValue): value is Extract<CIMValue, KeyBindingValue> {
  return value !== null && !Array.isArray(value) && !(value instanceof CIMInstance) && !(value instanceof CIMClass);
}
