import type { CIMType } from '../../cim/cim-type.js';
import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMMethod } from '../../cim/method.js';
import { CIMParameter } from '../../cim/parameter.js';
import { CIMProperty, type EmbeddedObjectKind } from '../../cim/property.js';
import { CIMQualifier } from '../../cim/qualifier.js';
import { CIMQualifierDeclaration, type QualifierScopes } from '../../cim/qualifier-declaration.js';
import { inheritedMethod, inheritedProperty } from './inherited-elements.js';
import { Char16, CIMTypedValue, INTEGER_CLASSES, Real32, Real64 } from '../../cim/typed-value.js';
import type { CIMScalar, CIMValue, KeyBindingValue } from '../../cim/value.js';

// Plain data forms of the CIM objects, for `v8.serialize`: only primitives (bigint
// included), arrays and plain objects. Values that are objects are tagged by a one-letter
// field. Decoding trusts the data (it was encoded from checked objects), so it sets
// values directly instead of converting them again.

type PlainScalar = boolean | string | number | bigint | PlainTagged;
type PlainValue = PlainScalar | null | Array<PlainScalar | null>;

interface PlainTagged {
  /** d: datetime, r: instance path, c: class path, i: instance, k: class, t: typed wrapper. */
  tag: 'd' | 'r' | 'c' | 'i' | 'k' | 't';
  data: unknown;
}

export interface PlainQualifier {
  n: string;
  t: CIMType;
  v: PlainValue;
  f: [boolean | null, boolean | null, boolean | null, boolean | null, boolean | null];
}

export interface PlainProperty {
  n: string;
  t: CIMType;
  a: boolean;
  v: PlainValue;
  s: number | null;
  r: string | null;
  e: EmbeddedObjectKind | null;
  o: string | null;
  p: boolean | null;
  q: PlainQualifier[];
}

export interface PlainParameter {
  n: string;
  t: CIMType;
  a: boolean;
  s: number | null;
  r: string | null;
  e: EmbeddedObjectKind | null;
  q: PlainQualifier[];
}

export interface PlainMethod {
  n: string;
  t: CIMType | null;
  o: string | null;
  p: boolean | null;
  params: PlainParameter[];
  q: PlainQualifier[];
}

/**
 * An inherited element written by reference to the superclass: `same` when the element
 * is the superclass's element unchanged, `inherited` when it is the superclass's element
 * as the class resolver propagates it (marked propagated, with propagated qualifiers).
 */
export type PlainInheritance = ['same' | 'inherited', string];

export interface PlainClass {
  n: string;
  s: string | null;
  props: Array<PlainProperty | PlainInheritance>;
  methods: Array<PlainMethod | PlainInheritance>;
  q: PlainQualifier[];
}

export interface PlainInstance {
  n: string;
  props: PlainProperty[];
  q: PlainQualifier[];
  path: PlainInstanceName | null;
}

export interface PlainInstanceName {
  n: string;
  ns: string | null;
  h: string | null;
  k: Array<[string, PlainScalar]>;
}

export interface PlainQualifierDeclaration {
  n: string;
  t: CIMType;
  a: boolean;
  s: number | null;
  v: PlainValue;
  scopes: QualifierScopes;
  f: [boolean | null, boolean | null, boolean | null, boolean | null];
}

// Encoding

function encodeScalar(value: CIMScalar | KeyBindingValue): PlainScalar {
  if (typeof value !== 'object') return value;
  if (value instanceof CIMDateTime) return { tag: 'd', data: value.text };
  if (value instanceof CIMInstanceName) return { tag: 'r', data: encodeInstanceName(value) };
  if (value instanceof CIMClassName) return { tag: 'c', data: [value.className, value.namespace, value.host] };
  if (value instanceof CIMInstance) return { tag: 'i', data: encodeInstance(value) };
  if (value instanceof CIMClass) return { tag: 'k', data: encodeClass(value) };
  if (value instanceof CIMTypedValue) return { tag: 't', data: [value.cimType, value.value] };
  throw new TypeError(`Cannot store a value of type ${(value as object).constructor.name} in the repository cache.`);
}

function encodeValue(value: CIMValue): PlainValue {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((element) => (element === null ? null : encodeScalar(element)));
  return encodeScalar(value);
}

function encodeQualifiers(qualifiers: Iterable<CIMQualifier>): PlainQualifier[] {
  const result: PlainQualifier[] = [];
  for (const q of qualifiers) {
    result.push({ n: q.name, t: q.type, v: encodeValue(q.value), f: [q.propagated, q.overridable, q.toSubclass, q.toInstance, q.translatable] });
  }
  return result;
}

function encodeProperty(property: CIMProperty): PlainProperty {
  return {
    n: property.name,
    t: property.type,
    a: property.isArray,
    v: encodeValue(property.value),
    s: property.arraySize,
    r: property.referenceClass,
    e: property.embeddedObject,
    o: property.classOrigin,
    p: property.propagated,
    q: encodeQualifiers(property.qualifiers.values()),
  };
}

function encodeMethod(method: CIMMethod): PlainMethod {
  const params: PlainParameter[] = [];
  for (const parameter of method.parameters.values()) {
    params.push({
      n: parameter.name,
      t: parameter.type,
      a: parameter.isArray,
      s: parameter.arraySize,
      r: parameter.referenceClass,
      e: parameter.embeddedObject,
      q: encodeQualifiers(parameter.qualifiers.values()),
    });
  }
  return { n: method.name, t: method.returnType, o: method.classOrigin, p: method.propagated, params, q: encodeQualifiers(method.qualifiers.values()) };
}

/**
 * Encodes a class. With its superclass given, inherited properties and methods that the
 * superclass determines are written by reference (see PlainInheritance), which keeps the
 * full DMTF schema small and lets decoding share their objects.
 */
export function encodeClass(cimClass: CIMClass, superclass?: CIMClass): PlainClass {
  return {
    n: cimClass.className,
    s: cimClass.superclass,
    props: [...cimClass.properties.values()].map((property) => {
      const parent = superclass?.properties.get(property.name);
      return (parent && inheritanceOf(property, parent, inheritedProperty)) ?? encodeProperty(property);
    }),
    methods: [...cimClass.methods.values()].map((method) => {
      const parent = superclass?.methods.get(method.name);
      return (parent && inheritanceOf(method, parent, inheritedMethod)) ?? encodeMethod(method);
    }),
    q: encodeQualifiers(cimClass.qualifiers.values()),
  };
}

function inheritanceOf<T extends CIMProperty | CIMMethod>(element: T, parent: T, inherit: (parent: T) => T): PlainInheritance | null {
  if (element.propagated !== true) return null;
  if (element.equals(parent)) return ['same', parent.name];
  if (element.equals(inherit(parent))) return ['inherited', parent.name];
  return null;
}

export function encodeInstanceName(path: CIMInstanceName): PlainInstanceName {
  return {
    n: path.className,
    ns: path.namespace,
    h: path.host,
    k: [...path.keybindings].map(([name, value]): [string, PlainScalar] => [name, encodeScalar(value)]),
  };
}

export function encodeInstance(instance: CIMInstance): PlainInstance {
  return {
    n: instance.className,
    props: [...instance.properties.values()].map(encodeProperty),
    q: encodeQualifiers(instance.qualifiers.values()),
    path: instance.path === null ? null : encodeInstanceName(instance.path),
  };
}

export function encodeQualifierDeclaration(declaration: CIMQualifierDeclaration): PlainQualifierDeclaration {
  return {
    n: declaration.name,
    t: declaration.type,
    a: declaration.isArray,
    s: declaration.arraySize,
    v: encodeValue(declaration.value),
    scopes: { ...declaration.scopes },
    f: [declaration.overridable, declaration.toSubclass, declaration.toInstance, declaration.translatable],
  };
}

// Decoding

function decodeTyped(cimType: string, value: number | bigint | string): KeyBindingValue {
  if (cimType === 'char16') return new Char16(value as string);
  if (cimType === 'real32') return new Real32(value as number);
  if (cimType === 'real64') return new Real64(value as number);
  const IntegerClass = INTEGER_CLASSES[cimType as keyof typeof INTEGER_CLASSES];
  return new IntegerClass(value);
}

function decodeScalar(value: PlainScalar): CIMScalar {
  if (typeof value !== 'object') return value;
  switch (value.tag) {
    case 'd':
      return new CIMDateTime(value.data as string);
    case 'r':
      return decodeInstanceName(value.data as PlainInstanceName);
    case 'c': {
      const [className, namespace, host] = value.data as [string, string | null, string | null];
      return new CIMClassName(className, { namespace, host });
    }
    case 'i':
      return decodeInstance(value.data as PlainInstance);
    case 'k':
      return decodeClass(value.data as PlainClass);
    case 't':
      // The value model keeps typed wrappers in keybindings only, and decodeKeyValue reads those.
      throw new TypeError('The repository cache has a typed value outside a keybinding; delete the cache file.');
  }
}

function decodeValue(value: PlainValue): CIMValue {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((element) => (element === null ? null : decodeScalar(element)));
  return decodeScalar(value);
}

function decodeQualifiers(plain: PlainQualifier[]): CIMQualifier[] {
  return plain.map((q) => {
    const [propagated, overridable, toSubclass, toInstance, translatable] = q.f;
    const qualifier = new CIMQualifier(q.n, null, { type: q.t, propagated, overridable, toSubclass, toInstance, translatable });
    qualifier.value = decodeValue(q.v);
    return qualifier;
  });
}

function decodeProperty(p: PlainProperty): CIMProperty {
  const property = new CIMProperty(p.n, null, {
    type: p.t,
    isArray: p.a,
    arraySize: p.s,
    referenceClass: p.r,
    embeddedObject: p.e,
    classOrigin: p.o,
    propagated: p.p,
    qualifiers: decodeQualifiers(p.q),
  });
  property.value = decodeValue(p.v);
  return property;
}

function decodeMethod(m: PlainMethod): CIMMethod {
  const parameters = m.params.map(
    (p) =>
      new CIMParameter(p.n, {
        type: p.t,
        isArray: p.a,
        arraySize: p.s,
        referenceClass: p.r,
        embeddedObject: p.e,
        qualifiers: decodeQualifiers(p.q),
      }),
  );
  return new CIMMethod(m.n, m.t, { parameters, qualifiers: decodeQualifiers(m.q), classOrigin: m.o, propagated: m.p });
}

/**
 * Decodes a class; `superclass` must be the decoded superclass when the class was encoded
 * with one. Elements written by reference share objects with the superclass, so the
 * result must be treated as read-only, as the repository treats its stored classes.
 */
export function decodeClass(plain: PlainClass, superclass?: CIMClass): CIMClass {
  return new CIMClass(plain.n, {
    superclass: plain.s,
    properties: plain.props.map((p) => (Array.isArray(p) ? decodeInherited(p, superclass, 'properties', inheritedProperty) : decodeProperty(p))),
    methods: plain.methods.map((m) => (Array.isArray(m) ? decodeInherited(m, superclass, 'methods', inheritedMethod) : decodeMethod(m))),
    qualifiers: decodeQualifiers(plain.q),
  });
}

function decodeInherited<K extends 'properties' | 'methods'>(
  [kind, name]: PlainInheritance,
  superclass: CIMClass | undefined,
  members: K,
  inherit: (parent: NonNullable<ReturnType<CIMClass[K]['get']>>) => NonNullable<ReturnType<CIMClass[K]['get']>>,
): NonNullable<ReturnType<CIMClass[K]['get']>> {
  const parent = superclass?.[members].get(name) as NonNullable<ReturnType<CIMClass[K]['get']>> | undefined;
  if (parent === undefined) {
    throw new TypeError(`The repository cache refers to ${members} ${name} of a superclass that is not loaded.`);
  }
  return kind === 'same' ? parent : inherit(parent);
}

export function decodeInstanceName(plain: PlainInstanceName): CIMInstanceName {
  const keybindings = plain.k.map(([name, value]): [string, KeyBindingValue] => [name, decodeKeyValue(value)]);
  return new CIMInstanceName(plain.n, keybindings, { namespace: plain.ns, host: plain.h });
}

function decodeKeyValue(value: PlainScalar): KeyBindingValue {
  if (typeof value === 'object' && value.tag === 't') {
    const [cimType, typed] = value.data as [string, number | bigint | string];
    return decodeTyped(cimType, typed);
  }
  return decodeScalar(value) as KeyBindingValue;
}

export function decodeInstance(plain: PlainInstance): CIMInstance {
  return new CIMInstance(plain.n, {
    properties: plain.props.map(decodeProperty),
    qualifiers: decodeQualifiers(plain.q),
    path: plain.path === null ? null : decodeInstanceName(plain.path),
  });
}

export function decodeQualifierDeclaration(plain: PlainQualifierDeclaration): CIMQualifierDeclaration {
  const [overridable, toSubclass, toInstance, translatable] = plain.f;
  const declaration = new CIMQualifierDeclaration(plain.n, plain.t, {
    isArray: plain.a,
    arraySize: plain.s,
    scopes: plain.scopes,
    overridable,
    toSubclass,
    toInstance,
    translatable,
  });
  declaration.value = decodeValue(plain.v);
  return declaration;
}
