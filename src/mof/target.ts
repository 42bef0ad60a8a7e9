// src/mof/target.ts
import type { CIMClass } from '../cim/class.js';
import type { CIMInstance } from '../cim/instance.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';

export interface MOFTarget {
  getQualifierDeclaration(namespace: string, name: string): CIMQualifierDeclaration | undefined;
  setQualifierDeclaration(namespace: string, declaration: CIMQualifierDeclaration): void;
  getClass(namespace: string, className: string): CIMClass | undefined; // as stored (resolved)
  createClass(namespace: string, resolvedClass: CIMClass): void;
  createInstance(namespace: string, instance: CIMInstance): CIMInstanceName;
}
