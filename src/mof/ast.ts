import type { MOFPosition } from './errors.js';

/** A literal or compound value as written in MOF, before it is typed by a declaration. */
export type MOFValue =
  | { kind: 'integer'; value: bigint; position: MOFPosition }
  | { kind: 'real'; value: number; position: MOFPosition }
  | { kind: 'string'; value: string; position: MOFPosition }
  | { kind: 'char16'; value: string; position: MOFPosition }
  | { kind: 'boolean'; value: boolean; position: MOFPosition }
  | { kind: 'null'; position: MOFPosition }
  /** `$name`: the path of an instance declared earlier with `as $name`. */
  | { kind: 'alias'; name: string; position: MOFPosition }
  /** `{ v1, v2 }` */
  | { kind: 'array'; elements: MOFValue[]; position: MOFPosition }
  /** `instance of X { ... }` written as a value. */
  | { kind: 'instance'; declaration: MOFInstanceDeclaration; position: MOFPosition };

/** `Name`, `Name (value)` or `Name {values}` in a qualifier list, with optional `: flavor ...`. */
export interface MOFQualifierValue {
  name: string;
  /** The value, or null when only the name is given (a boolean qualifier then means TRUE). */
  value: MOFValue | null;
  flavors: MOFFlavor[];
  position: MOFPosition;
}

export interface MOFFlavor {
  name: string;
  position: MOFPosition;
}

/** `#pragma name (value)` */
export interface MOFPragma {
  kind: 'pragma';
  name: string;
  /** The string argument, or null when the pragma has none. */
  value: string | null;
  position: MOFPosition;
}

/** `Qualifier Name : type [= default], Scope(...) [, Flavor(...)];` */
export interface MOFQualifierDeclaration {
  kind: 'qualifierDeclaration';
  name: string;
  typeName: string;
  isArray: boolean;
  arraySize: number | null;
  defaultValue: MOFValue | null;
  scopes: MOFFlavor[];
  flavors: MOFFlavor[];
  position: MOFPosition;
  typePosition: MOFPosition;
}

/** A property or reference declaration in a class. */
export interface MOFPropertyDeclaration {
  qualifiers: MOFQualifierValue[];
  /** A CIM data type name, or for references the referenced class name. */
  typeName: string;
  isReference: boolean;
  name: string;
  isArray: boolean;
  arraySize: number | null;
  defaultValue: MOFValue | null;
  position: MOFPosition;
  typePosition: MOFPosition;
}

export type MOFParameterDeclaration = Omit<MOFPropertyDeclaration, 'defaultValue'>;

export interface MOFMethodDeclaration {
  qualifiers: MOFQualifierValue[];
  /** Return type name, or the referenced class name when `isReference` is set. */
  returnTypeName: string;
  isReference: boolean;
  name: string;
  parameters: MOFParameterDeclaration[];
  position: MOFPosition;
  typePosition: MOFPosition;
}

/** `[qualifiers] class Name [: Superclass] { features };` */
export interface MOFClassDeclaration {
  kind: 'class';
  qualifiers: MOFQualifierValue[];
  name: string;
  superclass: string | null;
  superclassPosition: MOFPosition | null;
  properties: MOFPropertyDeclaration[];
  methods: MOFMethodDeclaration[];
  position: MOFPosition;
}

export interface MOFPropertyAssignment {
  name: string;
  value: MOFValue;
  position: MOFPosition;
}

/** `[qualifiers] instance of Class [as $alias] { Prop = value; ... };` */
export interface MOFInstanceDeclaration {
  kind: 'instance';
  qualifiers: MOFQualifierValue[];
  className: string;
  classPosition: MOFPosition;
  alias: string | null;
  properties: MOFPropertyAssignment[];
  position: MOFPosition;
}

/** One top-level production of a MOF file, in source order. */
export type MOFProduction = MOFPragma | MOFQualifierDeclaration | MOFClassDeclaration | MOFInstanceDeclaration;
