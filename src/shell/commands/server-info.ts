import { CIMError, type CIMInstance, type WBEMConnection } from '../../index.js';

/** Namespaces where servers keep the interop classes, in the order they are tried. */
export const INTEROP_CANDIDATES = ['interop', 'root/interop', 'root/PG_Interop', 'root/pg_interop', 'root/cimv2'];

/** Server data read from the interop namespace; a part the server lacks is null, with a note. */
export interface ServerInfo {
  readonly interopNamespace: string | null;
  readonly brand: string | null;
  readonly version: string | null;
  readonly namespaces: readonly string[] | null;
  readonly profiles: ReadonlyArray<{ organization: string; name: string; version: string }> | null;
  /** Reasons for the missing parts, one line each. */
  readonly notes: readonly string[];
}

/** Names of the RegisteredOrganization values of CIM_RegisteredProfile (DMTF CIM schema ValueMap). */
const ORGANIZATIONS: Readonly<Record<number, string>> = { 2: 'DMTF', 3: 'CompTIA', 4: 'Consortium for Service Innovation', 5: 'FAST', 6: 'GGF', 7: 'INTAP', 8: 'itSMF', 9: 'NAC', 10: 'Northwest Energy Efficiency Alliance', 11: 'SNIA', 12: 'TM Forum', 13: 'The Open Group', 14: 'ANSI', 15: 'IEEE', 16: 'IETF', 17: 'INCITS', 18: 'ISO', 19: 'W3C', 20: 'OGF', 21: 'The Green Grid', 22: 'OASIS', 23: 'JEDEC' };

type Options = { signal?: AbortSignal; timeout?: number };

/**
 * Reads brand, version, namespaces and registered profiles from the interop namespace:
 * CIM_ObjectManager (ElementName, Description), CIM_Namespace (Name) and
 * CIM_RegisteredProfile. Servers that lack a class or the namespace get a note, not an error.
 */
export async function readServerInfo(connection: WBEMConnection, options: Options): Promise<ServerInfo> {
  const notes: string[] = [];
  const found = await findInterop(connection, options);
  if (found === null) {
    notes.push(`No interop namespace found (tried ${INTEROP_CANDIDATES.join(', ')}).`);
    return { interopNamespace: null, brand: null, version: null, namespaces: null, profiles: null, notes };
  }

  const { namespace, objectManager } = found;
  const namespaces = await tolerant(notes, 'CIM_Namespace', async () => {
    const instances = await connection.enumerateInstances('CIM_Namespace', { ...options, namespace });
    return instances.map((instance) => String(instance.get('Name') ?? '')).filter((name) => name !== '').sort();
  });
  const profiles = await tolerant(notes, 'CIM_RegisteredProfile', async () => {
    const instances = await connection.enumerateInstances('CIM_RegisteredProfile', { ...options, namespace });
    return instances.map(profileOf).sort((a, b) => `${a.organization} ${a.name}`.localeCompare(`${b.organization} ${b.name}`));
  });

  return {
    interopNamespace: namespace,
    brand: stringValue(objectManager?.get('ElementName')),
    version: stringValue(objectManager?.get('Description')),
    namespaces,
    profiles,
    notes,
  };
}

async function findInterop(connection: WBEMConnection, options: Options): Promise<{ namespace: string; objectManager: CIMInstance | null } | null> {
  for (const namespace of INTEROP_CANDIDATES) {
    try {
      const managers = await connection.enumerateInstances('CIM_ObjectManager', { ...options, namespace });
      return { namespace, objectManager: managers[0] ?? null };
    } catch (error) {
      if (!(error instanceof CIMError)) throw error;
    }
  }
  return null;
}

async function tolerant<T>(notes: string[], className: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof CIMError)) throw error;
    notes.push(`${className} is not available: ${error.message}`);
    return null;
  }
}

function profileOf(instance: CIMInstance): { organization: string; name: string; version: string } {
  const code = Number(instance.get('RegisteredOrganization'));
  const other = stringValue(instance.get('OtherRegisteredOrganization'));
  const organization = code === 1 && other !== null ? other : (ORGANIZATIONS[code] ?? `organization ${code}`);
  return { organization, name: stringValue(instance.get('RegisteredName')) ?? '', version: stringValue(instance.get('RegisteredVersion')) ?? '' };
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
