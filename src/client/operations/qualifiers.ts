import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { IntrinsicSpec } from './call.js';
import { qualifierItems, returnedItem, returnedItems } from './results.js';

/** DSP0200 GetQualifier: `QUALIFIER.DECLARATION`. */
export const GET_QUALIFIER: IntrinsicSpec<CIMQualifierDeclaration> = {
  operation: 'GetQualifier',
  decode: (response) => qualifierItems(response, [returnedItem(response, ['QUALIFIER.DECLARATION'])])[0]!,
};

/** DSP0200 EnumerateQualifiers: `QUALIFIER.DECLARATION*`. */
export const ENUMERATE_QUALIFIERS: IntrinsicSpec<CIMQualifierDeclaration[]> = {
  operation: 'EnumerateQualifiers',
  decode: (response) => qualifierItems(response, returnedItems(response, ['QUALIFIER.DECLARATION'])),
};

/** DSP0200 SetQualifier and DeleteQualifier: no result. */
export const SET_QUALIFIER: IntrinsicSpec<void> = { operation: 'SetQualifier', decode: () => undefined };
export const DELETE_QUALIFIER: IntrinsicSpec<void> = { operation: 'DeleteQualifier', decode: () => undefined };
