import { WBEMError } from '../../cim/errors.js';

/**
 * A CIM object or request that cannot be written as CIM-XML: a value that does not fit
 * its CIM type, a character that XML 1.0 cannot carry, or a missing or unknown
 * operation parameter. `where` names the property, parameter or element concerned.
 */
export class CIMXMLWriteError extends WBEMError {
  /** The property, parameter or element concerned, such as `property Name`; null when not known. */
  readonly where: string | null;

  constructor(message: string, where: string | null = null, options?: { cause?: unknown }) {
    super(message, 'ERR_CIMXML_WRITE', options);
    this.where = where;
  }
}
