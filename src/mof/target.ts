import type { CIMClass } from '../cim/class.js';
import type { CIMInstance } from '../cim/instance.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';

/** Store that the MOF compiler reads classes and qualifier declarations from and writes declarations to, such as the mock repository. */
export interface MOFTarget {
  /** Returns the qualifier declaration `name` (case-insensitive) of a namespace, or undefined. */
  getQualifierDeclaration(namespace: string, name: string): CIMQualifierDeclaration | undefined;
  /** Creates or replaces a qualifier declaration in a namespace. */
  setQualifierDeclaration(namespace: string, declaration: CIMQualifierDeclaration): void;
  /** Returns a class of a namespace as stored (resolved against its superclasses), or undefined. */
  getClass(namespace: string, className: string): CIMClass | undefined;
  /** Stores a resolved class; raises CIMError CIM_ERR_ALREADY_EXISTS when the namespace has a class of that name. */
  createClass(namespace: string, resolvedClass: CIMClass): void;
  /** Stores an instance and returns its path; raises CIMError CIM_ERR_ALREADY_EXISTS when the path is taken. */
  createInstance(namespace: string, instance: CIMInstance): CIMInstanceName;
}
