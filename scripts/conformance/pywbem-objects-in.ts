import type { CIMType } from '../../src/cim/cim-type.js';
import { CIMClass } from '../../src/cim/class.js';
import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMMethod } from '../../src/cim/method.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIMQualifierDeclaration, type QualifierScopes } from '../../src/cim/qualifier-declaration.js';
import * as typed from '../../src/cim/typed-value.js';

type Mapping = Record<string, unknown>;
type Builder = (spec: Mapping) => unknown;

/** pywbem typed wrapper classes by their pywbem name. */
const WRAPPERS: Readonly<Record<string, new (value: never) => unknown>> = {
  Uint8: typed.Uint8,
  Sint8: typed.Sint8,
  Uint16: typed.Uint16,
  Sint16: typed.Sint16,
  Uint32: typed.Uint32,
  Sint32: typed.Sint32,
  Uint64: typed.Uint64,
  Sint64: typed.Sint64,
  Real32: typed.Real32,
  Real64: typed.Real64,
  Char16: typed.Char16,
};

/**
 * One builder per pywbem class, using pywbem's argument names. Attributes left out take
 * pywbem's defaults, which are also ours: types and array flags inferred from the value,
 * no qualifiers, no class origin.
 */
const BUILDERS: Readonly<Record<string, Builder>> = {
  CIMInstanceName: (spec) =>
    new CIMInstanceName(text(spec.classname), mappingEntries(spec.keybindings) as Array<[string, never]>, {
      namespace: optionalText(spec.namespace),
      host: optionalText(spec.host),
    }),
  CIMClassName: (spec) =>
    new CIMClassName(text(spec.classname), { namespace: optionalText(spec.namespace), host: optionalText(spec.host) }),
  CIMDateTime: (spec) => new CIMDateTime(text(spec.dtarg)),
  CIMInstance: (spec) =>
    new CIMInstance(text(spec.classname), {
      properties: members(spec.properties, 'CIMProperty', (name, value) => new CIMProperty(name, value as never)),
      qualifiers: members(spec.qualifiers, 'CIMQualifier', (name, value) => new CIMQualifier(name, value as never)),
      path: (fromPywbem(spec.path) as CIMInstanceName | null) ?? null,
    }),
  CIMClass: (spec) =>
    new CIMClass(text(spec.classname), {
      superclass: optionalText(spec.superclass),
      properties: members(spec.properties, 'CIMProperty', (name, value) => new CIMProperty(name, value as never)),
      methods: members(spec.methods, 'CIMMethod', (name) => new CIMMethod(name, null)),
      qualifiers: members(spec.qualifiers, 'CIMQualifier', (name, value) => new CIMQualifier(name, value as never)),
      path: (fromPywbem(spec.path) as CIMClassName | null) ?? null,
    }),
  CIMProperty: (spec) =>
    new CIMProperty(text(spec.name), fromPywbem(spec.value) as never, {
      ...typeOption(spec.type),
      ...arrayOption(spec.is_array),
      arraySize: (spec.array_size as number | undefined) ?? null,
      referenceClass: optionalText(spec.reference_class),
      ...embeddedOption(spec.embedded_object),
      classOrigin: optionalText(spec.class_origin),
      propagated: (spec.propagated as boolean | undefined) ?? null,
      qualifiers: members(spec.qualifiers, 'CIMQualifier', (name, value) => new CIMQualifier(name, value as never)),
    }),
  CIMMethod: (spec) =>
    new CIMMethod(text(spec.name), (spec.return_type as CIMType | undefined) ?? null, {
      parameters: members(spec.parameters, 'CIMParameter', (name) => new CIMParameter(name, { type: 'string' })),
      qualifiers: members(spec.qualifiers, 'CIMQualifier', (name, value) => new CIMQualifier(name, value as never)),
      classOrigin: optionalText(spec.class_origin),
      propagated: (spec.propagated as boolean | undefined) ?? null,
    }),
  CIMParameter: (spec) =>
    new CIMParameter(text(spec.name), {
      ...typeOption(spec.type),
      ...arrayOption(spec.is_array),
      arraySize: (spec.array_size as number | undefined) ?? null,
      referenceClass: optionalText(spec.reference_class),
      ...embeddedOption(spec.embedded_object),
      qualifiers: members(spec.qualifiers, 'CIMQualifier', (name, value) => new CIMQualifier(name, value as never)),
      value: fromPywbem(spec.value) as never,
    }),
  CIMQualifier: (spec) =>
    new CIMQualifier(text(spec.name), fromPywbem(spec.value) as never, {
      ...typeOption(spec.type),
      propagated: (spec.propagated as boolean | undefined) ?? null,
      overridable: (spec.overridable as boolean | undefined) ?? null,
      toSubclass: (spec.tosubclass as boolean | undefined) ?? null,
      toInstance: (spec.toinstance as boolean | undefined) ?? null,
      translatable: (spec.translatable as boolean | undefined) ?? null,
    }),
  CIMQualifierDeclaration: (spec) =>
    new CIMQualifierDeclaration(text(spec.name), spec.type as CIMType, {
      value: fromPywbem(spec.value) as never,
      ...arrayOption(spec.is_array),
      arraySize: (spec.array_size as number | undefined) ?? null,
      scopes: (spec.scopes as QualifierScopes | undefined) ?? {},
      overridable: (spec.overridable as boolean | undefined) ?? null,
      toSubclass: (spec.tosubclass as boolean | undefined) ?? null,
      toInstance: (spec.toinstance as boolean | undefined) ?? null,
      translatable: (spec.translatable as boolean | undefined) ?? null,
    }),
};

/**
 * Converts a value of a pywbem test_client file into our objects: mappings with a
 * `pywbem_object` key become CIM objects, other mappings stay plain objects.
 */
export function fromPywbem(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((element) => fromPywbem(element));
  if (typeof value !== 'object') return value;

  const spec = value as Mapping;
  const kind = spec.pywbem_object;
  if (kind === undefined) return Object.fromEntries(Object.entries(spec).map(([name, element]) => [name, fromPywbem(element)]));

  const wrapper = WRAPPERS[String(kind)];
  if (wrapper !== undefined) return new wrapper(spec.x as never);
  const build = BUILDERS[String(kind)];
  if (build === undefined) throw new Error(`The pywbem object type ${JSON.stringify(kind)} is not supported by this runner.`);
  return build(spec);
}

/**
 * Converts a pywbem mapping of named members (properties, qualifiers, methods,
 * parameters) to objects. A member is a pywbem object of class `kind`, or a bare value
 * (which may itself be a CIM object, such as an embedded instance) that `bare` wraps.
 */
function members<T>(spec: unknown, kind: string, bare: (name: string, value: unknown) => T): T[] {
  if (spec === null || spec === undefined) return [];
  return Object.entries(spec as Mapping).map(([name, member]) => {
    const converted = fromPywbem(member);
    const isMember = typeof member === 'object' && member !== null && (member as Mapping).pywbem_object === kind;
    return isMember ? (converted as T) : bare(name, converted);
  });
}

function mappingEntries(spec: unknown): Array<[string, unknown]> {
  if (spec === null || spec === undefined) return [];
  return Object.entries(spec as Mapping).map(([name, value]) => [name, fromPywbem(value)]);
}

function text(value: unknown): string {
  return String(value);
}

function optionalText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function typeOption(type: unknown): { type?: CIMType } {
  return type === null || type === undefined ? {} : { type: type as CIMType };
}

function arrayOption(isArray: unknown): { isArray?: boolean } {
  return typeof isArray === 'boolean' ? { isArray } : {};
}

function embeddedOption(kind: unknown): { embeddedObject?: 'instance' | 'object' } {
  return kind === 'instance' || kind === 'object' ? { embeddedObject: kind } : {};
}
