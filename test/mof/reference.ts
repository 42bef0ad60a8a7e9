import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folder of the shared reference data (DMTF schema, mock models, hard cases). */
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');
export const schemaDir = path.join(referenceDir, 'cim-schema');
export const modelsDir = path.join(referenceDir, 'mock-models');
