/** CIM integer type names of DSP0004. */
export type CIMIntegerType =
  | 'uint8'
  | 'sint8'
  | 'uint16'
  | 'sint16'
  | 'uint32'
  | 'sint32'
  | 'uint64'
  | 'sint64';

/** CIM real type names of DSP0004. */
export type CIMRealType = 'real32' | 'real64';

/** Every CIM data type name, as written in CIM-XML `TYPE` attributes and in MOF. */
export type CIMType =
  | 'boolean'
  | 'string'
  | 'char16'
  | 'datetime'
  | CIMIntegerType
  | CIMRealType
  | 'reference';

/** Inclusive value ranges of the integer types, as bigint so 64-bit bounds stay exact. */
export const INTEGER_RANGES: Readonly<Record<CIMIntegerType, readonly [bigint, bigint]>> = {
  uint8: [0n, 255n],
  sint8: [-128n, 127n],
  uint16: [0n, 65535n],
  sint16: [-32768n, 32767n],
  uint32: [0n, 4294967295n],
  sint32: [-2147483648n, 2147483647n],
  uint64: [0n, 18446744073709551615n],
  sint64: [-9223372036854775808n, 9223372036854775807n],
};

/** The eight integer type names, from uint8 to sint64. */
export const INTEGER_TYPES: readonly CIMIntegerType[] = Object.keys(INTEGER_RANGES) as CIMIntegerType[];

/** The two real type names. */
export const REAL_TYPES: readonly CIMRealType[] = ['real32', 'real64'];

/** Every CIM data type name. */
export const CIM_TYPES: readonly CIMType[] = [
  'boolean',
  'string',
  'char16',
  'datetime',
  ...INTEGER_TYPES,
  ...REAL_TYPES,
  'reference',
];

const CIM_TYPE_SET: ReadonlySet<string> = new Set(CIM_TYPES);

/** Returns whether `name` is a CIM data type name (lowercase, as DSP0201 writes it). */
export function isCIMType(name: string): name is CIMType {
  return CIM_TYPE_SET.has(name);
}

/** Returns whether `type` is one of the eight integer types. */
export function isIntegerType(type: CIMType): type is CIMIntegerType {
  return type in INTEGER_RANGES;
}

/** Returns whether `type` is real32 or real64. */
export function isRealType(type: CIMType): type is CIMRealType {
  return type === 'real32' || type === 'real64';
}

/** True for the 64-bit integer types, whose values are `bigint`. */
export function is64BitType(type: CIMType): type is 'uint64' | 'sint64' {
  return type === 'uint64' || type === 'sint64';
}
