import type {
  CIMClass,
  CIMClassName,
  CIMInstance,
  CIMInstanceName,
  CIMQualifierDeclaration,
  CIMValue,
  NocaseMap,
} from '../../index.js';

/** A node of a tree display: a label and its children. */
export interface TreeNode {
  readonly label: string;
  readonly children: readonly TreeNode[];
}

/** Return value and output parameters of a method call. */
export interface MethodOutput {
  readonly methodName: string;
  readonly returnValue: CIMValue;
  readonly outParameters: NocaseMap<CIMValue>;
}

/** A command result that the output formats know how to show. */
export type Displayable =
  | { readonly kind: 'classes'; readonly items: readonly CIMClass[] }
  | { readonly kind: 'classNames'; readonly items: readonly string[] }
  | { readonly kind: 'classPaths'; readonly items: readonly CIMClassName[] }
  | { readonly kind: 'instances'; readonly items: readonly CIMInstance[] }
  | { readonly kind: 'instanceNames'; readonly items: readonly CIMInstanceName[] }
  | { readonly kind: 'qualifierDeclarations'; readonly items: readonly CIMQualifierDeclaration[] }
  | { readonly kind: 'method'; readonly output: MethodOutput }
  | { readonly kind: 'rows'; readonly columns: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'tree'; readonly roots: readonly TreeNode[] };
