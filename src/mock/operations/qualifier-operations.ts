import { CIMError } from '../../cim/errors.js';
import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import { CIM_ERR_NOT_FOUND } from '../../cim/status-codes.js';
import type { MockRepository } from '../repository.js';

/** GetQualifier: the declaration; CIM_ERR_NOT_FOUND if the namespace has none of that name. */
export function getQualifier(repository: MockRepository, namespace: string, qualifierName: string): CIMQualifierDeclaration {
  const declaration = repository.getQualifierDeclaration(namespace, qualifierName);
  if (!declaration) {
    const store = repository.namespace(namespace);
    throw new CIMError(CIM_ERR_NOT_FOUND, `Qualifier declaration ${qualifierName} does not exist in namespace "${store.name}".`);
  }
  return declaration;
}

/** SetQualifier: creates or replaces a declaration. */
export function setQualifier(repository: MockRepository, namespace: string, declaration: CIMQualifierDeclaration): void {
  repository.setQualifierDeclaration(namespace, declaration);
}

/** DeleteQualifier: CIM_ERR_NOT_FOUND if the namespace has no declaration of that name. */
export function deleteQualifier(repository: MockRepository, namespace: string, qualifierName: string): void {
  repository.deleteQualifierDeclaration(namespace, qualifierName);
}

/** EnumerateQualifiers: every declaration of the namespace. */
export function enumerateQualifiers(repository: MockRepository, namespace: string): CIMQualifierDeclaration[] {
  return repository.qualifierDeclarations(namespace);
}
