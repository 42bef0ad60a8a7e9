import type { CIMClass } from '../cim/class.js';
import { CIMError } from '../cim/errors.js';
import { CIMInstance } from '../cim/instance.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMProperty } from '../cim/property.js';
import {
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_NO_SUCH_PROPERTY,
  CIM_ERR_TYPE_MISMATCH,
} from '../cim/status-codes.js';
import type { CIMInputValue, CIMValue, KeyBindingValue } from '../cim/value.js';
import { normalizeValue } from '../cim/value-normalize.js';
import { copyValue } from '../cim/value-copy.js';
import type { NamespaceStore } from './namespace-store.js';
import { isKeyProperty } from './names.js';

export interface InstanceCheckOptions {
  /** Check that reference values point to the declared class or a subclass of it. */
  checkReferenceClasses: boolean;
}

/**
 * Returns the property of `declared` with `value` converted to the declared type, or
 * raises CIM_ERR_TYPE_MISMATCH. Reference targets must be instances of the declared
 * reference class or of a subclass when `checkReferenceClasses` is set.
 */
export function typedPropertyValue(
  store: NamespaceStore,
  declared: CIMProperty,
  value: CIMValue,
  where: string,
  options: InstanceCheckOptions,
): CIMValue {
  if (value !== null && Array.isArray(value) !== declared.isArray) {
    const expected = declared.isArray ? 'an array' : 'a scalar';
    throw new CIMError(CIM_ERR_TYPE_MISMATCH, `Property ${declared.name} of ${where} must be ${expected} of ${declared.type}.`);
  }

  let converted: CIMValue;
  try {
    converted = normalizeValue(value as CIMInputValue, declared.type, `property ${declared.name} of ${where}`).value;
  } catch (error) {
    throw new CIMError(CIM_ERR_TYPE_MISMATCH, (error as Error).message, { cause: error });
  }

  if (declared.type === 'reference' && options.checkReferenceClasses) {
    checkReferenceTargets(store, declared, converted, where);
  }
  return converted;
}

function checkReferenceTargets(store: NamespaceStore, declared: CIMProperty, value: CIMValue, where: string): void {
  const targets = Array.isArray(value) ? value : [value];
  const referenceClass = declared.referenceClass;
  if (referenceClass === null) return;

  for (const target of targets) {
    if (!(target instanceof CIMInstanceName)) continue;
    if (target.namespace !== null && target.namespace.toLowerCase() !== store.name.toLowerCase()) continue;
    if (store.isSubclassOf(target.className, referenceClass)) continue;
    throw new CIMError(
      CIM_ERR_TYPE_MISMATCH,
      `Reference ${declared.name} of ${where} points to class ${target.className}, which is not ${referenceClass} or a subclass of it.`,
    );
  }
}

/**
 * Builds the instance the repository stores: every property of the class, values of the
 * given instance converted to the declared types, class defaults for the rest, and the
 * path from the key properties. Raises CIM_ERR_NO_SUCH_PROPERTY for a property the class
 * lacks and CIM_ERR_INVALID_PARAMETER for a NULL key.
 */
export function buildStoredInstance(
  store: NamespaceStore,
  cimClass: CIMClass,
  instance: CIMInstance,
  options: InstanceCheckOptions,
): CIMInstance {
  const where = `instance of ${cimClass.className}`;
  for (const name of instance.properties.keys()) {
    if (!cimClass.properties.has(name)) {
      throw new CIMError(CIM_ERR_NO_SUCH_PROPERTY, `Property ${name} of ${where} is not declared in class ${cimClass.className}.`);
    }
  }

  const properties: CIMProperty[] = [];
  for (const declared of cimClass.properties.values()) {
    const given = instance.properties.get(declared.name);
    const value = given ? typedPropertyValue(store, declared, given.value, where, options) : copyValue(declared.value);
    properties.push(instanceProperty(declared, value));
  }

  const stored = new CIMInstance(cimClass.className, {
    properties,
    qualifiers: [...instance.qualifiers.values()].map((qualifier) => qualifier.copy()),
  });
  stored.path = instancePathOf(cimClass, stored, store.name);
  return stored;
}

/** Returns an instance property with the declaration's type and no qualifiers. */
export function instanceProperty(declared: CIMProperty, value: CIMValue): CIMProperty {
  return new CIMProperty(declared.name, value, {
    type: declared.type,
    isArray: declared.isArray,
    arraySize: declared.arraySize,
    referenceClass: declared.referenceClass,
    embeddedObject: declared.embeddedObject,
  });
}

/** Builds the instance path from the key properties; raises CIM_ERR_INVALID_PARAMETER for a NULL key. */
export function instancePathOf(cimClass: CIMClass, instance: CIMInstance, namespace: string): CIMInstanceName {
  const keybindings: Array<[string, KeyBindingValue]> = [];
  for (const declared of cimClass.properties.values()) {
    if (!isKeyProperty(declared.qualifiers)) continue;

    const value = instance.properties.get(declared.name)?.value ?? null;
    if (value === null || Array.isArray(value)) {
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `Key property ${declared.name} of instance of ${cimClass.className} is NULL; set a value for every key property.`,
      );
    }
    keybindings.push([declared.name, value as KeyBindingValue]);
  }
  return new CIMInstanceName(cimClass.className, keybindings, { namespace });
}

/**
 * Checks the keybindings of a requested path against the class: each key property must
 * be bound and no other name may be. Raises CIM_ERR_INVALID_PARAMETER otherwise.
 */
export function checkPathKeys(cimClass: CIMClass, path: CIMInstanceName): void {
  const keyNames = [...cimClass.properties.values()]
    .filter((property) => isKeyProperty(property.qualifiers))
    .map((property) => property.name);

  for (const name of path.keybindings.keys()) {
    if (!keyNames.some((keyName) => keyName.toLowerCase() === name.toLowerCase())) {
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `Keybinding ${name} of the path of class ${cimClass.className} is not a key property; keys are: ${keyNames.join(', ') || '(none)'}.`,
      );
    }
  }
  for (const name of keyNames) {
    if (!path.keybindings.has(name)) {
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `The path of class ${cimClass.className} lacks the keybinding ${name}; keys are: ${keyNames.join(', ')}.`,
      );
    }
  }
}
