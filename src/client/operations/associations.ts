import type { CIMClass } from '../../cim/class.js';
import type { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { CallOptions, IntrinsicSpec } from './call.js';
import { objectItems, objectPathItems, returnedItems } from './results.js';

/**
 * Source object of an association operation: an instance path for instance-level
 * results, or a class path or class name for class-level results (classes and class paths).
 */
export type ObjectNameInput = CIMInstanceName | CIMClassName | string;

/** Filters of `referenceNames`. */
export interface ReferenceNamesOptions extends CallOptions {
  /** Return only associations of this class or its subclasses; left out, or null, the server applies no filter. */
  resultClass?: string | CIMClassName | null;
  /** Return only associations in which the source object plays this role (reference property name); left out, or null, no filter. */
  role?: string | null;
}

/** Filters of `associatorNames`. */
export interface AssociatorNamesOptions extends ReferenceNamesOptions {
  /** Follow only associations of this class or its subclasses; left out, or null, the server applies no filter. */
  assocClass?: string | CIMClassName | null;
  /** Return only objects that play this role in the association; left out, or null, no filter. */
  resultRole?: string | null;
}

/** Options that shape the objects of `associators` and `references`. */
interface AssociatedObjectOptions {
  /** Return qualifiers; left out, the server applies false (deprecated for instances). */
  includeQualifiers?: boolean;
  /** Return CLASSORIGIN attributes; left out, the server applies false. */
  includeClassOrigin?: boolean;
  /** Names of the properties to return; left out, or null, the server returns all of them. */
  propertyList?: readonly string[] | null;
}

/** Options of `associators`. */
export interface AssociatorsOptions extends AssociatorNamesOptions, AssociatedObjectOptions {}

/** Options of `references`. */
export interface ReferencesOptions extends ReferenceNamesOptions, AssociatedObjectOptions {}

const objects = (operation: 'Associators' | 'References'): IntrinsicSpec<Array<CIMInstance | CIMClass>> => ({
  operation,
  decode: (response, namespace) => objectItems(response, returnedItems(response, ['VALUE.OBJECTWITHPATH']), namespace),
});

const paths = (
  operation: 'AssociatorNames' | 'ReferenceNames',
): IntrinsicSpec<Array<CIMInstanceName | CIMClassName>> => ({
  operation,
  decode: (response, namespace) => objectPathItems(response, returnedItems(response, ['OBJECTPATH']), namespace),
});

/** DSP0200 Associators and References: `VALUE.OBJECTWITHPATH*` (instances or classes with their paths). */
export const ASSOCIATORS = objects('Associators');
export const REFERENCES = objects('References');

/** DSP0200 AssociatorNames and ReferenceNames: `OBJECTPATH*`. */
export const ASSOCIATOR_NAMES = paths('AssociatorNames');
export const REFERENCE_NAMES = paths('ReferenceNames');
