import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMESPACE, CIMInstanceName, INTEROP_NAMESPACE } from '../../src/index.js';
import { builtinRepository, repoRoot, useServer } from './fixture.js';

/** Number of `instance of` statements per class in the MOF file of the sample instances. */
function mofInstanceCounts(): Array<[string, number]> {
  const text = readFileSync(path.join(repoRoot, 'models', 'wbemshell', 'instances.mof'), 'utf8');
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^instance of (\w+)/gm)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  return [...counts];
}

describe('built-in model', () => {
  const handle = useServer(builtinRepository);
  const conn = () => handle.conn;

  it('sample instances counted', () => {
    expect(mofInstanceCounts().length).toBeGreaterThanOrEqual(10);
  });

  it.each(mofInstanceCounts())('enumerateInstanceNames %s has %i', async (className, count) => {
    const paths = await conn().enumerateInstanceNames(className);
    expect(paths).toHaveLength(count);
    for (const instancePath of paths) expect(instancePath.namespace).toBe(BUILTIN_NAMESPACE);
  });

  it('DMTF superclass enumerates sample instances', async () => {
    const processes = await conn().enumerateInstances('CIM_Process', { propertyList: ['Handle', 'Name'] });
    expect(processes.length).toBeGreaterThan(0);
    for (const process of processes) {
      expect(process.className).toBe('WBEMShell_Process');
      expect(typeof process.get('Handle')).toBe('string');
    }
  });

  it('getClass of schema class', async () => {
    const cimClass = await conn().getClass('WBEMShell_OperatingSystem', { localOnly: false, includeQualifiers: false });
    expect(cimClass.superclass).toBe('CIM_OperatingSystem');
    expect(cimClass.properties.get('LastBootUpTime')!.type).toBe('datetime');
    expect(cimClass.properties.get('TotalVisibleMemorySize')!.type).toBe('uint64');
    expect(cimClass.methods.has('Reboot')).toBe(true);
  });

  it('uint64 values of schema properties', async () => {
    const [os] = await conn().enumerateInstances('WBEMShell_OperatingSystem');
    expect(os!.get('TotalVisibleMemorySize')).toBe(16318464n);
    expect(os!.get('MaxNumberOfProcesses')).toBe(4194304);
  });

  it('computer system associators', async () => {
    const [system] = await conn().enumerateInstanceNames('WBEMShell_ComputerSystem');
    const related = await conn().associatorNames(system!, { assocClass: 'CIM_SystemDevice', resultClass: 'CIM_LogicalDevice' });
    expect(new Set(related.map((relatedPath) => relatedPath.className))).toEqual(new Set(['WBEMShell_Processor', 'WBEMShell_DiskDrive', 'WBEMShell_NetworkPort']));
  });

  it('interop namespace lists profiles', async () => {
    const profiles = await conn().enumerateInstances('CIM_RegisteredProfile', { namespace: INTEROP_NAMESPACE });
    expect(profiles.map((profile) => profile.get('RegisteredName')).sort()).toEqual(['Computer System', 'Profile Registration', 'Software Inventory']);
    for (const profile of profiles) expect(profile.path?.namespace).toBe(INTEROP_NAMESPACE);
  });

  it('interop namespace lists namespaces', async () => {
    const namespaces = await conn().enumerateInstances('CIM_Namespace', { namespace: INTEROP_NAMESPACE });
    const names = namespaces.map((namespace) => namespace.get('Name'));
    expect(names).toContain(BUILTIN_NAMESPACE);
    expect(names).toContain(INTEROP_NAMESPACE);
  });

  it('object manager path', async () => {
    const [manager] = await conn().enumerateInstanceNames('CIM_ObjectManager', { namespace: INTEROP_NAMESPACE });
    expect(manager).toBeInstanceOf(CIMInstanceName);
    expect(manager!.keybindings.get('CreationClassName')).toBe('CIM_ObjectManager');
  });
});
