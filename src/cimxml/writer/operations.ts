import type { CIMClass } from '../../cim/class.js';
import type { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { CIMInputValue } from '../../cim/value.js';

/**
 * Input type of each parameter encoding, that is, of the element an intrinsic parameter
 * becomes inside `IPARAMVALUE`:
 * - `boolean`, `string`, `uint32`, `enumerationContext`: `VALUE`;
 * - `className`: `CLASSNAME` from a class name string or CIMClassName;
 * - `instanceName`: `INSTANCENAME` (namespace and host of the path are not sent);
 * - `objectName`: `CLASSNAME` or `INSTANCENAME`;
 * - `propertyList`: `VALUE.ARRAY` of property names;
 * - `instance`: `INSTANCE` (path not sent); `namedInstance`: `VALUE.NAMEDINSTANCE`;
 * - `class`: `CLASS`; `qualifierDeclaration`: `QUALIFIER.DECLARATION`;
 * - `propertyValue`: `VALUE`, `VALUE.ARRAY` or `VALUE.REFERENCE`.
 */
export interface ParameterEncodingInputs {
  boolean: boolean;
  string: string;
  uint32: number;
  enumerationContext: string;
  className: string | CIMClassName;
  instanceName: CIMInstanceName;
  objectName: string | CIMClassName | CIMInstanceName;
  propertyList: readonly string[];
  instance: CIMInstance;
  namedInstance: CIMInstance;
  class: CIMClass;
  qualifierDeclaration: CIMQualifierDeclaration;
  propertyValue: CIMInputValue;
}

export type ParameterEncoding = keyof ParameterEncodingInputs;

/**
 * One IPARAMVALUE of an operation. `required` parameters must be given. `nullable`
 * parameters have NULL as their DSP0200 default, so a `null` argument is sent as an
 * empty IPARAMVALUE; for any other parameter `null` is rejected. A parameter left out
 * (undefined) is not sent and the server applies its DSP0200 default.
 */
export interface ParameterSpec {
  readonly name: string;
  readonly encoding: ParameterEncoding;
  readonly required?: true;
  readonly nullable?: true;
}

function required<N extends string, E extends ParameterEncoding>(name: N, encoding: E) {
  return { name, encoding, required: true } as const;
}

function optional<N extends string, E extends ParameterEncoding>(name: N, encoding: E) {
  return { name, encoding } as const;
}

function nullable<N extends string, E extends ParameterEncoding>(name: N, encoding: E) {
  return { name, encoding, nullable: true } as const;
}

// DSP0200 defaults: LocalOnly is true, and deprecated for instances, where clients send false.
// DeepInheritance is false for classes and true for instances. IncludeQualifiers is true
// for classes and false for instances. IncludeClassOrigin is false. PropertyList NULL
// means all properties.
const PROPERTY_LIST = nullable('PropertyList', 'propertyList');

const ASSOCIATION_FILTERS = [
  nullable('AssocClass', 'className'),
  nullable('ResultClass', 'className'),
  nullable('Role', 'string'),
  nullable('ResultRole', 'string'),
] as const;

const REFERENCE_FILTERS = [nullable('ResultClass', 'className'), nullable('Role', 'string')] as const;

// Pull defaults: no filter query, server-chosen OperationTimeout (seconds),
// ContinueOnError false, MaxObjectCount 0 (open without returning objects).
const OPEN_OPTIONS = [
  nullable('FilterQueryLanguage', 'string'),
  nullable('FilterQuery', 'string'),
  nullable('OperationTimeout', 'uint32'),
  optional('ContinueOnError', 'boolean'),
  optional('MaxObjectCount', 'uint32'),
] as const;

const PULL = [required('EnumerationContext', 'enumerationContext'), required('MaxObjectCount', 'uint32')] as const;

/** The IPARAMVALUEs of every intrinsic operation of DSP0200, with their DSP0200 names. */
export const INTRINSIC_OPERATIONS = {
  GetClass: [
    required('ClassName', 'className'),
    optional('LocalOnly', 'boolean'),
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
  ],
  EnumerateClasses: [
    nullable('ClassName', 'className'),
    optional('DeepInheritance', 'boolean'),
    optional('LocalOnly', 'boolean'),
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
  ],
  EnumerateClassNames: [nullable('ClassName', 'className'), optional('DeepInheritance', 'boolean')],
  CreateClass: [required('NewClass', 'class')],
  ModifyClass: [required('ModifiedClass', 'class')],
  DeleteClass: [required('ClassName', 'className')],
  GetInstance: [
    required('InstanceName', 'instanceName'),
    optional('LocalOnly', 'boolean'),
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
  ],
  EnumerateInstances: [
    required('ClassName', 'className'),
    optional('LocalOnly', 'boolean'),
    optional('DeepInheritance', 'boolean'),
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
  ],
  EnumerateInstanceNames: [required('ClassName', 'className')],
  CreateInstance: [required('NewInstance', 'instance')],
  ModifyInstance: [
    required('ModifiedInstance', 'namedInstance'),
    optional('IncludeQualifiers', 'boolean'),
    PROPERTY_LIST,
  ],
  DeleteInstance: [required('InstanceName', 'instanceName')],
  Associators: [
    required('ObjectName', 'objectName'),
    ...ASSOCIATION_FILTERS,
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
  ],
  AssociatorNames: [required('ObjectName', 'objectName'), ...ASSOCIATION_FILTERS],
  References: [
    required('ObjectName', 'objectName'),
    ...REFERENCE_FILTERS,
    optional('IncludeQualifiers', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
  ],
  ReferenceNames: [required('ObjectName', 'objectName'), ...REFERENCE_FILTERS],
  GetProperty: [required('InstanceName', 'instanceName'), required('PropertyName', 'string')],
  SetProperty: [
    required('InstanceName', 'instanceName'),
    required('PropertyName', 'string'),
    nullable('NewValue', 'propertyValue'),
  ],
  GetQualifier: [required('QualifierName', 'string')],
  SetQualifier: [required('QualifierDeclaration', 'qualifierDeclaration')],
  DeleteQualifier: [required('QualifierName', 'string')],
  EnumerateQualifiers: [],
  ExecQuery: [required('QueryLanguage', 'string'), required('Query', 'string')],
  OpenEnumerateInstances: [
    required('ClassName', 'className'),
    optional('DeepInheritance', 'boolean'),
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
    ...OPEN_OPTIONS,
  ],
  OpenEnumerateInstancePaths: [required('ClassName', 'className'), ...OPEN_OPTIONS],
  OpenAssociatorInstances: [
    required('InstanceName', 'instanceName'),
    ...ASSOCIATION_FILTERS,
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
    ...OPEN_OPTIONS,
  ],
  OpenAssociatorInstancePaths: [required('InstanceName', 'instanceName'), ...ASSOCIATION_FILTERS, ...OPEN_OPTIONS],
  OpenReferenceInstances: [
    required('InstanceName', 'instanceName'),
    ...REFERENCE_FILTERS,
    optional('IncludeClassOrigin', 'boolean'),
    PROPERTY_LIST,
    ...OPEN_OPTIONS,
  ],
  OpenReferenceInstancePaths: [required('InstanceName', 'instanceName'), ...REFERENCE_FILTERS, ...OPEN_OPTIONS],
  OpenQueryInstances: [
    required('FilterQueryLanguage', 'string'),
    required('FilterQuery', 'string'),
    optional('ReturnQueryResultClass', 'boolean'),
    nullable('OperationTimeout', 'uint32'),
    optional('ContinueOnError', 'boolean'),
    optional('MaxObjectCount', 'uint32'),
  ],
  PullInstancesWithPath: PULL,
  PullInstancePaths: PULL,
  PullInstances: PULL,
  CloseEnumeration: [required('EnumerationContext', 'enumerationContext')],
  EnumerationCount: [required('EnumerationContext', 'enumerationContext')],
} as const satisfies Record<string, readonly ParameterSpec[]>;

export type IntrinsicOperation = keyof typeof INTRINSIC_OPERATIONS;

type SpecInput<S extends ParameterSpec> =
  | ParameterEncodingInputs[S['encoding']]
  | (S extends { nullable: true } ? null : never);

type ParametersOf<T extends readonly ParameterSpec[]> = {
  [S in T[number] as S extends { required: true } ? S['name'] : never]: SpecInput<S>;
} & {
  [S in T[number] as S extends { required: true } ? never : S['name']]?: SpecInput<S>;
};

/** The arguments of an intrinsic operation, keyed by DSP0200 parameter name. */
export type IntrinsicParameters<Op extends IntrinsicOperation> = ParametersOf<(typeof INTRINSIC_OPERATIONS)[Op]>;

export function isIntrinsicOperation(name: string): name is IntrinsicOperation {
  return Object.prototype.hasOwnProperty.call(INTRINSIC_OPERATIONS, name);
}
