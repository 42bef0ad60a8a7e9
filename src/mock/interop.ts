import { readFileSync } from 'node:fs';
import { CIMClass } from '../cim/class.js';
import { CIMError } from '../cim/errors.js';
import { CIMInstance } from '../cim/instance.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import { CIMProperty } from '../cim/property.js';
import { CIMQualifier } from '../cim/qualifier.js';
import { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import { CIM_ERR_ALREADY_EXISTS, CIM_ERR_NOT_FOUND } from '../cim/status-codes.js';
import type { CIMInputValue } from '../cim/value.js';
import { Uint16 } from '../cim/typed-value.js';
import type { MockRepository } from './repository.js';

/** Name of the interop namespace, which holds the CIM_Namespace, CIM_ObjectManager and CIM_RegisteredProfile instances. */
export const INTEROP_NAMESPACE = 'interop';

/** Options of `new Interop(repository, options)`. */
export interface InteropOptions {
  /** `SystemName` key of the CIM_ObjectManager and CIM_Namespace instances; default "localhost". */
  systemName?: string;
  /** `Name` key of the CIM_ObjectManager instance; default "wbemshell-mock". */
  objectManagerName?: string;
}

/** A registered profile, as a CIM_RegisteredProfile instance advertises it. */
export interface RegisteredProfile {
  /** `RegisteredOrganization` value: 2 is DMTF, 11 SNIA, 1 Other (then set `otherOrganization`). */
  organization: number;
  /** `OtherRegisteredOrganization` value, the organization's name when `organization` is 1. Default: not set. */
  otherOrganization?: string;
  /** `RegisteredName`, such as "Profile Registration". */
  name: string;
  /** `RegisteredVersion`, such as "1.0.0". */
  version: string;
}

const SYSTEM_CLASS = 'CIM_ComputerSystem';
const OBJECT_MANAGER_CLASS = 'CIM_ObjectManager';
const NAMESPACE_CLASS = 'CIM_Namespace';
const PROFILE_CLASS = 'CIM_RegisteredProfile';

/**
 * The interop namespace of the mock server: one CIM_ObjectManager instance (brand
 * "wbemshell mock", version from package.json), a CIM_Namespace instance per namespace kept
 * in sync as namespaces are added and removed, and CIM_RegisteredProfile instances.
 * Classes that the namespace lacks are created in a minimal form. To use the full DMTF
 * classes instead, load the schema into the namespace before creating this object.
 */
export class Interop {
  readonly #repository: MockRepository;
  readonly #systemName: string;
  readonly #objectManagerName: string;
  readonly #namespacePaths = new Map<string, CIMInstanceName>();
  readonly #stopListening: () => void;

  constructor(repository: MockRepository, options: InteropOptions = {}) {
    this.#repository = repository;
    this.#systemName = options.systemName ?? 'localhost';
    this.#objectManagerName = options.objectManagerName ?? 'wbemshell-mock';

    if (!repository.hasNamespace(INTEROP_NAMESPACE)) repository.addNamespace(INTEROP_NAMESPACE);
    defineMinimalModel(repository);
    this.#createObjectManager();
    for (const namespace of repository.namespaceNames()) this.#addNamespaceInstance(namespace);

    this.#stopListening = repository.onNamespaceChange((change) => {
      if (change.kind === 'added') this.#addNamespaceInstance(change.namespace);
      else this.#removeNamespaceInstance(change.namespace);
    });
  }

  /** Stops keeping the CIM_Namespace instances in sync. */
  dispose(): void {
    this.#stopListening();
  }

  /** Adds a CIM_RegisteredProfile instance and returns its path. */
  registerProfile(profile: RegisteredProfile): CIMInstanceName {
    const organization = profile.otherOrganization ?? String(profile.organization);
    const instanceId = `wbemshell-mock:${organization}:${profile.name}:${profile.version}`;
    return this.#create(PROFILE_CLASS, {
      InstanceID: instanceId,
      RegisteredOrganization: new Uint16(profile.organization),
      OtherRegisteredOrganization: profile.otherOrganization ?? null,
      RegisteredName: profile.name,
      RegisteredVersion: profile.version,
      AdvertiseTypes: [new Uint16(2)],
    });
  }

  #createObjectManager(): void {
    this.#create(OBJECT_MANAGER_CLASS, {
      SystemCreationClassName: SYSTEM_CLASS,
      SystemName: this.#systemName,
      CreationClassName: OBJECT_MANAGER_CLASS,
      Name: this.#objectManagerName,
      ElementName: 'wbemshell mock',
      Description: `wbemshell mock WBEM server ${packageVersion()}`,
    });
  }

  #addNamespaceInstance(namespace: string): void {
    const path = this.#create(NAMESPACE_CLASS, {
      SystemCreationClassName: SYSTEM_CLASS,
      SystemName: this.#systemName,
      ObjectManagerCreationClassName: OBJECT_MANAGER_CLASS,
      ObjectManagerName: this.#objectManagerName,
      CreationClassName: NAMESPACE_CLASS,
      Name: namespace,
      ClassInfo: new Uint16(0),
    });
    this.#namespacePaths.set(namespace.toLowerCase(), path);
  }

  #removeNamespaceInstance(namespace: string): void {
    const path = this.#namespacePaths.get(namespace.toLowerCase());
    if (!path) return;
    this.#namespacePaths.delete(namespace.toLowerCase());
    try {
      this.#repository.deleteInstance(INTEROP_NAMESPACE, path);
    } catch (error) {
      if (!(error instanceof CIMError && error.statusCode === CIM_ERR_NOT_FOUND)) throw error;
    }
  }

  /** Creates an instance with the values the class declares (others are left out); an existing one is kept. */
  #create(className: string, values: Record<string, CIMInputValue>): CIMInstanceName {
    const cimClass = this.#repository.storedClass(INTEROP_NAMESPACE, className);
    const instance = new CIMInstance(cimClass.className);
    for (const [name, value] of Object.entries(values)) {
      const declared = cimClass.properties.get(name);
      if (declared) instance.properties.set(name, new CIMProperty(declared.name, value, { type: declared.type, isArray: declared.isArray }));
    }

    try {
      return this.#repository.createInstance(INTEROP_NAMESPACE, instance);
    } catch (error) {
      if (!(error instanceof CIMError && error.statusCode === CIM_ERR_ALREADY_EXISTS)) throw error;
      return pathOfExisting(this.#repository, instance);
    }
  }
}

function pathOfExisting(repository: MockRepository, instance: CIMInstance): CIMInstanceName {
  const cimClass = repository.storedClass(INTEROP_NAMESPACE, instance.className);
  const keys = [...cimClass.properties.values()].filter((property) => property.qualifiers.get('Key')?.value === true);
  const match = repository
    .storedInstances(INTEROP_NAMESPACE, cimClass.className, false)
    .find((stored) => keys.every((key) => String(stored.get(key.name)) === String(instance.get(key.name))));
  return match?.path as CIMInstanceName;
}

let cachedVersion: string | undefined;

/** Returns the version of this package from its package.json. */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    cachedVersion = String((JSON.parse(text) as { version?: unknown }).version ?? '0.0.0');
  }
  return cachedVersion;
}

// Minimal classes, used only when the interop namespace lacks them.

function defineMinimalModel(repository: MockRepository): void {
  for (const name of ['Key', 'Description']) {
    if (!repository.getQualifierDeclaration(INTEROP_NAMESPACE, name)) {
      repository.setQualifierDeclaration(INTEROP_NAMESPACE, MINIMAL_QUALIFIERS[name] as CIMQualifierDeclaration);
    }
  }
  for (const build of [objectManagerClass, namespaceClass, profileClass]) {
    const cimClass = build();
    if (!repository.getClass(INTEROP_NAMESPACE, cimClass.className)) repository.createClass(INTEROP_NAMESPACE, cimClass);
  }
}

const MINIMAL_QUALIFIERS: Record<string, CIMQualifierDeclaration> = {
  Key: new CIMQualifierDeclaration('Key', 'boolean', {
    value: false,
    scopes: { property: true, reference: true },
    overridable: false,
    toSubclass: true,
  }),
  Description: new CIMQualifierDeclaration('Description', 'string', {
    scopes: { any: true },
    overridable: true,
    toSubclass: true,
    translatable: true,
  }),
};

function keyProperty(name: string, className: string): CIMProperty {
  return new CIMProperty(name, null, {
    type: 'string',
    classOrigin: className,
    propagated: false,
    qualifiers: [new CIMQualifier('Key', true, { type: 'boolean' })],
  });
}

function plainProperty(name: string, className: string, type: 'string' | 'uint16', isArray = false): CIMProperty {
  return new CIMProperty(name, null, { type, isArray, classOrigin: className, propagated: false });
}

function objectManagerClass(): CIMClass {
  const name = OBJECT_MANAGER_CLASS;
  return new CIMClass(name, {
    properties: [
      keyProperty('SystemCreationClassName', name),
      keyProperty('SystemName', name),
      keyProperty('CreationClassName', name),
      keyProperty('Name', name),
      plainProperty('ElementName', name, 'string'),
      plainProperty('Description', name, 'string'),
    ],
    qualifiers: [new CIMQualifier('Description', 'Minimal CIM_ObjectManager of the wbemshell mock server.', { type: 'string' })],
  });
}

function namespaceClass(): CIMClass {
  const name = NAMESPACE_CLASS;
  return new CIMClass(name, {
    properties: [
      keyProperty('SystemCreationClassName', name),
      keyProperty('SystemName', name),
      keyProperty('ObjectManagerCreationClassName', name),
      keyProperty('ObjectManagerName', name),
      keyProperty('CreationClassName', name),
      keyProperty('Name', name),
      plainProperty('ClassInfo', name, 'uint16'),
    ],
    qualifiers: [new CIMQualifier('Description', 'Minimal CIM_Namespace of the wbemshell mock server.', { type: 'string' })],
  });
}

function profileClass(): CIMClass {
  const name = PROFILE_CLASS;
  return new CIMClass(name, {
    properties: [
      keyProperty('InstanceID', name),
      plainProperty('RegisteredOrganization', name, 'uint16'),
      plainProperty('OtherRegisteredOrganization', name, 'string'),
      plainProperty('RegisteredName', name, 'string'),
      plainProperty('RegisteredVersion', name, 'string'),
      plainProperty('AdvertiseTypes', name, 'uint16', true),
    ],
    qualifiers: [new CIMQualifier('Description', 'Minimal CIM_RegisteredProfile of the wbemshell mock server.', { type: 'string' })],
  });
}
