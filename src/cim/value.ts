import type { CIMDateTime } from './datetime.js';
import type { CIMClassName } from './class-name.js';
import type { CIMInstanceName } from './instance-name.js';
import type { CIMInstance } from './instance.js';
import type { CIMClass } from './class.js';
import type { CIMTypedScalar } from './typed-value.js';

/**
 * A non-NULL scalar as stored in properties, qualifiers and parameters. The CIM type
 * is kept beside the value, so:
 * - boolean is `boolean`; string and char16 are `string`;
 * - uint8 to sint32 and real32/real64 are `number`; uint64 and sint64 are `bigint`;
 * - datetime is `CIMDateTime`; reference is `CIMInstanceName` (or `CIMClassName` for
 *   class-level references);
 * - a string marked as embedded object or embedded instance holds a `CIMInstance` or
 *   `CIMClass`.
 */
export type CIMScalar =
  | boolean
  | string
  | number
  | bigint
  | CIMDateTime
  | CIMInstanceName
  | CIMClassName
  | CIMInstance
  | CIMClass;

/** A property, qualifier or parameter value: NULL, a scalar, or an array that may contain NULLs. */
export type CIMValue = CIMScalar | null | Array<CIMScalar | null>;

/** A value as callers may pass it: plain, or wrapped with its type (`new Uint32(5)`). */
export type CIMInputScalar = CIMScalar | CIMTypedScalar;
/** A value as callers may pass it: NULL, a plain or typed scalar, or an array of them that may contain NULLs. */
export type CIMInputValue = CIMInputScalar | null | Array<CIMInputScalar | null>;

/**
 * A keybinding value. Strings, booleans, numbers (`bigint` beyond 2^53), datetimes,
 * references (instance paths, or class paths as some servers send) and typed wrappers
 * when the server stated the type.
 */
export type KeyBindingValue =
  | string
  | boolean
  | number
  | bigint
  | CIMDateTime
  | CIMInstanceName
  | CIMClassName
  | CIMTypedScalar;
