import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WBEMError } from '../../cim/errors.js';

/** A DSP0203 DTD version that `validateCIMXML` can check against. */
export type DTDVersion = '2.2' | '2.3.1' | '2.4';

/** The shipped DTD versions, oldest first. */
export const DTD_VERSIONS: readonly DTDVersion[] = ['2.2', '2.3.1', '2.4'];

/** The version used when the caller names none: the latest, as DSP0201 2.4 requires. */
export const DEFAULT_DTD_VERSION: DTDVersion = '2.4';

const FILE_NAMES: Readonly<Record<DTDVersion, string>> = {
  '2.2': 'DSP0203_2.2.0.dtd',
  '2.3.1': 'DSP0203_2.3.1.dtd',
  '2.4': 'DSP0203_2.4.0.dtd',
};

// Both src/cimxml/validation and dist/cimxml/validation sit three levels below the package root.
const DTD_FOLDER = new URL('../../../models/dtd/', import.meta.url);

/** The shipped DTD file is missing from the installation. */
export class DTDNotFoundError extends WBEMError {
  /** Absolute path where the DTD was expected. */
  readonly path: string;

  constructor(path: string) {
    super(`The DTD file ${path} is missing; reinstall the package, which ships it in models/dtd.`, 'ERR_DTD_NOT_FOUND');
    this.path = path;
  }
}

/**
 * Parses a DTD version as a user writes it: `2.2`, `2.2.0`, `2.3.1`, `2.4` or `2.4.0`.
 * Raises TypeError for any other text.
 */
export function parseDTDVersion(text: string): DTDVersion {
  const trimmed = text.trim();
  for (const version of DTD_VERSIONS) {
    if (trimmed === version || trimmed === FILE_NAMES[version].slice('DSP0203_'.length, -'.dtd'.length)) return version;
  }
  throw new TypeError(`Unknown DTD version ${JSON.stringify(text)}; use one of ${DTD_VERSIONS.join(', ')}.`);
}

/** Returns the file URL of the shipped DTD of a version; raises DTDNotFoundError when the file is missing. */
export function dtdFileUrl(version: DTDVersion): URL {
  const url = new URL(FILE_NAMES[version], DTD_FOLDER);
  if (!existsSync(url)) throw new DTDNotFoundError(fileURLToPath(url));
  return url;
}

const elementDeclarations = new Map<DTDVersion, ReadonlyMap<string, string>>();

/**
 * Returns the `<!ELEMENT>` declarations of a DTD version: element name to content model,
 * with whitespace collapsed. Read once per version and kept.
 */
export function elementContentModels(version: DTDVersion): ReadonlyMap<string, string> {
  const known = elementDeclarations.get(version);
  if (known !== undefined) return known;

  const text = readFileSync(dtdFileUrl(version), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const models = new Map<string, string>();
  for (const match of text.matchAll(/<!ELEMENT\s+(\S+)\s+([^>]*)>/g)) {
    models.set(match[1] as string, (match[2] as string).replace(/\s+/g, ' ').trim());
  }
  elementDeclarations.set(version, models);
  return models;
}
