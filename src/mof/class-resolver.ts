import { CIMClass } from '../cim/class.js';
import { CIMError } from '../cim/errors.js';
import { CIMMethod } from '../cim/method.js';
import { NocaseMap } from '../cim/nocase-map.js';
import { CIMParameter } from '../cim/parameter.js';
import { CIMProperty, type EmbeddedObjectKind } from '../cim/property.js';
import { CIMQualifier } from '../cim/qualifier.js';
import type { CIMQualifierDeclaration, QualifierScopes } from '../cim/qualifier-declaration.js';
import { normalizeValue } from '../cim/value-normalize.js';
import { valuesEqual } from '../cim/value-equality.js';

/** Returns the qualifier declaration of a name (case-insensitive), or undefined. */
export type QualifierLookup = (name: string) => CIMQualifierDeclaration | undefined;

/** The element of a class that an error or warning is about; empty for the class itself. */
export interface ClassElementLocation {
  property?: string;
  method?: string;
  parameter?: string;
  qualifier?: string;
}

/**
 * A class that cannot be resolved against its superclass and the qualifier declarations.
 * `statusCode` is CIM_ERR_INVALID_SUPERCLASS for a missing superclass and
 * CIM_ERR_INVALID_PARAMETER otherwise, as a CreateClass operation returns them.
 */
export class ClassResolutionError extends CIMError {
  /** `superclass` (missing superclass), `qualifier` (undeclared qualifier) or `invalid`. */
  readonly reason: 'superclass' | 'qualifier' | 'invalid';
  readonly location: ClassElementLocation;

  constructor(description: string, reason: ClassResolutionError['reason'], location: ClassElementLocation = {}) {
    super(reason === 'superclass' ? 10 : 4, description);
    this.reason = reason;
    this.location = location;
  }
}

/** A tolerated deviation found while resolving a class. */
export interface ClassResolutionWarning {
  message: string;
  location: ClassElementLocation;
}

export interface ResolveClassOptions {
  /** Receives tolerated deviations, such as `Override` in a class without superclass. Default: ignored. */
  onWarning?: (warning: ClassResolutionWarning) => void;
}

type Scope = keyof QualifierScopes;

/**
 * Resolves a declared class against its superclass (DSP0004 inheritance rules):
 * - the superclass named by `declared.superclass` must be given;
 * - every qualifier must be declared and used within its scope. Its type and unset
 *   flavors come from the declaration, or from the DSP0004 defaults where that has none;
 * - qualifiers with ToSubclass are propagated from the superclass and its elements,
 *   Restricted ones are not, and a DisableOverride qualifier cannot change its value;
 * - inherited properties and methods are added with `propagated: true` and their
 *   `classOrigin`; a property or method of the same name overrides the inherited one,
 *   keeps its type, and takes the inherited default value when it declares none.
 * Qualifiers of the declared elements are completed in place; the returned class shares
 * the declared elements and holds copies of the inherited ones.
 */
export function resolveClass(
  declared: CIMClass,
  superclass: CIMClass | undefined,
  qualifierLookup: QualifierLookup,
  options: ResolveClassOptions = {},
): CIMClass {
  if (declared.superclass !== null && superclass === undefined) {
    throw new ClassResolutionError(
      `The superclass ${declared.superclass} of class ${declared.className} does not exist; create the superclass first.`,
      'superclass',
    );
  }
  const parent = declared.superclass === null ? undefined : superclass;
  const resolver = new ClassResolver(declared, parent, qualifierLookup, options.onWarning);
  return resolver.resolve();
}

class ClassResolver {
  constructor(
    readonly declared: CIMClass,
    readonly parent: CIMClass | undefined,
    readonly lookup: QualifierLookup,
    readonly onWarning: ResolveClassOptions['onWarning'],
  ) {}

  resolve(): CIMClass {
    const { declared, parent } = this;
    const qualifiers = this.resolveQualifiers(declared.qualifiers, parent?.qualifiers, this.classScope(), {});

    const properties = new NocaseMap<CIMProperty>();
    for (const inherited of parent?.properties.values() ?? []) {
      const own = declared.properties.get(inherited.name);
      properties.set(inherited.name, own ? this.overrideProperty(own, inherited) : inheritProperty(inherited, parent));
    }
    for (const own of declared.properties.values()) {
      if (!properties.has(own.name)) properties.set(own.name, this.ownProperty(own, undefined));
    }

    const methods = new NocaseMap<CIMMethod>();
    for (const inherited of parent?.methods.values() ?? []) {
      const own = declared.methods.get(inherited.name);
      methods.set(inherited.name, own ? this.overrideMethod(own, inherited) : inheritMethod(inherited, parent));
    }
    for (const own of declared.methods.values()) {
      if (!methods.has(own.name)) methods.set(own.name, this.ownMethod(own, undefined));
    }

    const resolved = new CIMClass(declared.className, { superclass: parent?.className ?? null, path: declared.path });
    resolved.qualifiers = qualifiers;
    resolved.properties = properties;
    resolved.methods = methods;
    return resolved;
  }

  /** Returns `association` or `indication` when the class or its superclass has that qualifier, else `class`. */
  classScope(): Scope {
    const flag = (name: string): boolean =>
      (this.declared.qualifiers.get(name)?.value ?? this.parent?.qualifiers.get(name)?.value) === true;
    if (flag('Association')) return 'association';
    if (flag('Indication')) return 'indication';
    return 'class';
  }

  ownProperty(own: CIMProperty, inherited: CIMProperty | undefined): CIMProperty {
    const location = { property: own.name };
    this.checkOverrideQualifier(own.qualifiers, own.name, location, (name) => this.parent?.properties.has(name) ?? false);
    const scope: Scope = own.type === 'reference' ? 'reference' : 'property';
    own.qualifiers = this.resolveQualifiers(own.qualifiers, inherited?.qualifiers, scope, location);
    if (own.value === null && inherited !== undefined) own.value = inherited.value;
    own.classOrigin = this.declared.className;
    own.propagated = false;
    own.embeddedObject ??= embeddedObjectKind(own.qualifiers.values());
    return own;
  }

  overrideProperty(own: CIMProperty, inherited: CIMProperty): CIMProperty {
    if (own.type !== inherited.type || own.isArray !== inherited.isArray) {
      throw new ClassResolutionError(
        `Property ${this.declared.className}.${own.name} has type ${typeText(own.type, own.isArray)}, but the inherited property of ${this.parent?.className} has type ${typeText(inherited.type, inherited.isArray)}; an overriding property must keep the type.`,
        'invalid',
        { property: own.name },
      );
    }
    return this.ownProperty(own, inherited);
  }

  overrideMethod(own: CIMMethod, inherited: CIMMethod): CIMMethod {
    if (own.returnType !== inherited.returnType) {
      throw new ClassResolutionError(
        `Method ${this.declared.className}.${own.name} returns ${own.returnType}, but the inherited method of ${this.parent?.className} returns ${inherited.returnType}; an overriding method must keep the return type.`,
        'invalid',
        { method: own.name },
      );
    }
    return this.ownMethod(own, inherited);
  }

  ownMethod(own: CIMMethod, inherited: CIMMethod | undefined): CIMMethod {
    const location = { method: own.name };
    this.checkOverrideQualifier(own.qualifiers, own.name, location, (name) => this.parent?.methods.has(name) ?? false);
    own.qualifiers = this.resolveQualifiers(own.qualifiers, inherited?.qualifiers, 'method', location);

    for (const parameter of own.parameters.values()) {
      const inheritedQualifiers = inherited?.parameters.get(parameter.name)?.qualifiers;
      parameter.qualifiers = this.resolveQualifiers(parameter.qualifiers, inheritedQualifiers, 'parameter', {
        method: own.name,
        parameter: parameter.name,
      });
      parameter.embeddedObject ??= embeddedObjectKind(parameter.qualifiers.values());
    }
    own.classOrigin = this.declared.className;
    own.propagated = false;
    return own;
  }

  /** Warns about an `Override` qualifier that names nothing this element can override. */
  checkOverrideQualifier(
    qualifiers: NocaseMap<CIMQualifier>,
    elementName: string,
    location: ClassElementLocation,
    parentHas: (name: string) => boolean,
  ): void {
    const override = qualifiers.get('Override');
    if (override === undefined || typeof override.value !== 'string') return;

    const className = this.declared.className;
    const where = `Override("${override.value}") on ${className}.${elementName}`;
    const warn = (message: string): void => this.onWarning?.({ message, location: { ...location, qualifier: override.name } });
    if (this.parent === undefined) {
      warn(`${where} has no effect because class ${className} has no superclass`);
    } else if (override.value.toLowerCase() !== elementName.toLowerCase()) {
      warn(`${where} names a different element; an overriding element must have the name of the one it overrides`);
    } else if (!parentHas(override.value)) {
      warn(`${where} has no effect because superclass ${this.parent.className} has no element ${override.value}`);
    }
  }

  /**
   * Checks and completes the qualifiers of one element, then adds the inherited
   * qualifiers with ToSubclass that the element does not set itself.
   */
  resolveQualifiers(
    own: NocaseMap<CIMQualifier>,
    inherited: NocaseMap<CIMQualifier> | undefined,
    scope: Scope,
    location: ClassElementLocation,
  ): NocaseMap<CIMQualifier> {
    const result = new NocaseMap<CIMQualifier>();

    for (const qualifier of own.values()) {
      const declaration = this.declaration(qualifier, scope, location);
      completeQualifier(qualifier, declaration, this.describe(location), location);
      const parentQualifier = inherited?.get(qualifier.name);
      if (parentQualifier?.overridable === false && !valuesEqual(parentQualifier.value, qualifier.value)) {
        throw new ClassResolutionError(
          `Qualifier ${qualifier.name} on ${this.describe(location)} changes the inherited value, but its flavor is DisableOverride; remove it or give the inherited value.`,
          'invalid',
          { ...location, qualifier: qualifier.name },
        );
      }
      result.set(qualifier.name, qualifier);
    }

    for (const parentQualifier of inherited?.values() ?? []) {
      if (parentQualifier.toSubclass === false || result.has(parentQualifier.name)) continue;
      result.set(parentQualifier.name, propagatedQualifier(parentQualifier));
    }
    return result;
  }

  declaration(qualifier: CIMQualifier, scope: Scope, location: ClassElementLocation): CIMQualifierDeclaration {
    const declaration = this.lookup(qualifier.name);
    const where = { ...location, qualifier: qualifier.name };
    if (declaration === undefined) {
      throw new ClassResolutionError(
        `Qualifier ${qualifier.name} on ${this.describe(location)} is not declared; declare it (Qualifier ${qualifier.name} : type, Scope(...)) before the class.`,
        'qualifier',
        where,
      );
    }

    const scopes = declaration.scopes;
    if (scopes.any !== true && scopes[scope] !== true) {
      const allowed = Object.keys(scopes).filter((name) => scopes[name as Scope] === true).join(', ');
      throw new ClassResolutionError(
        `Qualifier ${qualifier.name} cannot be used on ${this.describe(location)}: its scope is (${allowed}), not ${scope}.`,
        'invalid',
        where,
      );
    }
    return declaration;
  }

  describe(location: ClassElementLocation): string {
    const className = this.declared.className;
    if (location.parameter !== undefined) return `parameter ${location.parameter} of method ${className}.${location.method}`;
    if (location.method !== undefined) return `method ${className}.${location.method}`;
    if (location.property !== undefined) return `property ${className}.${location.property}`;
    return `class ${className}`;
  }
}

/** Sets the type from the declaration (converting the value) and fills unset flavors. */
function completeQualifier(
  qualifier: CIMQualifier,
  declaration: CIMQualifierDeclaration,
  owner: string,
  location: ClassElementLocation,
): void {
  if (qualifier.type !== declaration.type && qualifier.value !== null) {
    try {
      qualifier.value = normalizeValue(qualifier.value, declaration.type, `qualifier ${qualifier.name} on ${owner}`).value;
    } catch {
      throw new ClassResolutionError(
        `Qualifier ${qualifier.name} on ${owner} has a ${qualifier.type} value, but it is declared as ${declaration.type}.`,
        'invalid',
        { ...location, qualifier: qualifier.name },
      );
    }
  }
  if (qualifier.value !== null && Array.isArray(qualifier.value) !== declaration.isArray) {
    throw new ClassResolutionError(
      `Qualifier ${qualifier.name} on ${owner} is declared as ${typeText(declaration.type, declaration.isArray)}, but its value is ${Array.isArray(qualifier.value) ? 'an array' : 'a scalar'}.`,
      'invalid',
      { ...location, qualifier: qualifier.name },
    );
  }

  qualifier.type = declaration.type;
  qualifier.propagated = false;
  qualifier.overridable ??= declaration.overridable ?? true;
  qualifier.toSubclass ??= declaration.toSubclass ?? true;
  qualifier.translatable ??= declaration.translatable ?? false;
  qualifier.toInstance ??= declaration.toInstance ?? false;
}

function propagatedQualifier(qualifier: CIMQualifier): CIMQualifier {
  return new CIMQualifier(qualifier.name, qualifier.value, {
    type: qualifier.type,
    propagated: true,
    overridable: qualifier.overridable,
    toSubclass: qualifier.toSubclass,
    translatable: qualifier.translatable,
    toInstance: qualifier.toInstance,
  });
}

function propagatedQualifiers(qualifiers: NocaseMap<CIMQualifier>): CIMQualifier[] {
  const result: CIMQualifier[] = [];
  for (const qualifier of qualifiers.values()) {
    if (qualifier.toSubclass !== false) result.push(propagatedQualifier(qualifier));
  }
  return result;
}

function inheritProperty(property: CIMProperty, parent: CIMClass | undefined): CIMProperty {
  return new CIMProperty(property.name, property.value, {
    type: property.type,
    isArray: property.isArray,
    arraySize: property.arraySize,
    referenceClass: property.referenceClass,
    embeddedObject: property.embeddedObject,
    classOrigin: property.classOrigin ?? parent?.className ?? null,
    propagated: true,
    qualifiers: propagatedQualifiers(property.qualifiers),
  });
}

function inheritMethod(method: CIMMethod, parent: CIMClass | undefined): CIMMethod {
  const parameters = [...method.parameters.values()].map(
    (parameter) =>
      new CIMParameter(parameter.name, {
        type: parameter.type,
        isArray: parameter.isArray,
        arraySize: parameter.arraySize,
        referenceClass: parameter.referenceClass,
        embeddedObject: parameter.embeddedObject,
        qualifiers: propagatedQualifiers(parameter.qualifiers),
      }),
  );
  return new CIMMethod(method.name, method.returnType, {
    parameters,
    qualifiers: propagatedQualifiers(method.qualifiers),
    classOrigin: method.classOrigin ?? parent?.className ?? null,
    propagated: true,
  });
}

/** `instance` for an EmbeddedInstance qualifier, `object` for EmbeddedObject(TRUE), otherwise null. */
export function embeddedObjectKind(qualifiers: Iterable<CIMQualifier>): EmbeddedObjectKind | null {
  for (const qualifier of qualifiers) {
    const lower = qualifier.name.toLowerCase();
    if (lower === 'embeddedinstance' && qualifier.value !== null) return 'instance';
    if (lower === 'embeddedobject' && qualifier.value === true) return 'object';
  }
  return null;
}

function typeText(type: string, isArray: boolean): string {
  return isArray ? `${type}[]` : type;
}
