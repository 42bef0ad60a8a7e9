import { fileURLToPath } from 'node:url';
import { Interop, INTEROP_NAMESPACE } from '../interop.js';
import { loadModel, type LoadedModel } from '../cache/model-cache.js';
import type { MockRepository } from '../repository.js';
import { requestStateChange } from './enabled-state.js';
import { reboot } from './operating-system.js';
import { createProcess } from './process-create.js';

/** Namespace of the built-in sample model. */
export const BUILTIN_NAMESPACE = 'root/cimv2';

const MODELS = new URL('../../../models/', import.meta.url);

/**
 * MOF files of the built-in model, in compile order: the DMTF CIM Schema 2.49.0 and
 * the wbemshell sample model in root/cimv2, then the DMTF classes of the interop namespace.
 */
export const BUILTIN_MOF_FILES: readonly string[] = [
  fileURLToPath(new URL('dmtf-cim-schema-2.49.0/cim_schema_2.49.0.mof', MODELS)),
  fileURLToPath(new URL('wbemshell/wbemshell.mof', MODELS)),
  fileURLToPath(new URL('wbemshell/interop.mof', MODELS)),
];

/** Profiles the built-in model advertises as CIM_RegisteredProfile instances (organization 2 is DMTF). */
const BUILTIN_PROFILES = [
  { organization: 2, name: 'Profile Registration', version: '1.0.0' },
  { organization: 2, name: 'Computer System', version: '1.0.0' },
  { organization: 2, name: 'Software Inventory', version: '1.0.1' },
] as const;

/** Options of `loadBuiltinModel`. */
export interface BuiltinModelOptions {
  /** MOF files compiled after the built-in ones, starting in `namespace`. */
  extraMofFiles?: readonly string[];
  /** Namespace the extra MOF files start in. Default root/cimv2. */
  namespace?: string;
  /** Cache folder; null disables the cache. Default: see `defaultCacheDirectory`. */
  cacheDirectory?: string | null;
}

/** The built-in model: the loaded repository with its method providers and interop namespace. */
export interface BuiltinModel extends LoadedModel {
  /** Interop namespace with the object manager, namespace and registered profile instances. */
  interop: Interop;
}

/**
 * Loads the built-in model (through the cache), registers its method providers and sets
 * up the interop namespace with CIM_ObjectManager, CIM_Namespace and CIM_RegisteredProfile
 * instances.
 */
export function loadBuiltinModel(options: BuiltinModelOptions = {}): BuiltinModel {
  const loaded = loadModel({
    mofFiles: [...BUILTIN_MOF_FILES, ...(options.extraMofFiles ?? [])],
    namespace: options.namespace ?? BUILTIN_NAMESPACE,
    cacheDirectory: options.cacheDirectory,
  });
  registerBuiltinProviders(loaded.repository);

  const interop = new Interop(loaded.repository);
  for (const profile of BUILTIN_PROFILES) interop.registerProfile(profile);
  return { ...loaded, interop };
}

/** Registers the JavaScript method providers of the sample classes. */
export function registerBuiltinProviders(repository: MockRepository): void {
  repository.registerMethodProvider(BUILTIN_NAMESPACE, 'WBEMShell_Process', 'RequestStateChange', requestStateChange);
  repository.registerMethodProvider(BUILTIN_NAMESPACE, 'WBEMShell_NetworkPort', 'RequestStateChange', requestStateChange);
  repository.registerMethodProvider(BUILTIN_NAMESPACE, 'WBEMShell_OperatingSystem', 'Reboot', reboot);
  repository.registerMethodProvider(BUILTIN_NAMESPACE, 'WBEMShell_Process', 'Create', createProcess);
}

export { INTEROP_NAMESPACE };
