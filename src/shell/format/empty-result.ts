import type { Displayable } from './displayable.js';

/** True when a result holds no object, name, row or tree node; method output is never empty. */
export function isEmptyResult(result: Displayable): boolean {
  switch (result.kind) {
    case 'method':
      return false;
    case 'rows':
      return result.rows.length === 0;
    case 'tree':
      return result.roots.length === 0;
    default:
      return result.items.length === 0;
  }
}

/** The line printed in place of an empty result when the command gives no more specific one. */
export function emptyResultText(result: Displayable): string {
  switch (result.kind) {
    case 'classes':
    case 'classNames':
    case 'classPaths':
    case 'tree':
      return 'No classes.';
    case 'instances':
      return 'No instances.';
    case 'instanceNames':
      return 'No instance paths.';
    case 'qualifierDeclarations':
      return 'No qualifier declarations.';
    case 'method':
    case 'rows':
      return 'Nothing to show.';
  }
}
