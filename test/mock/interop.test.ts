import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTEROP_NAMESPACE, Interop } from '../../src/mock/interop.js';
import { enumerateInstances } from '../../src/mock/operations/instance-operations.js';
import { MockRepository } from '../../src/mock/repository.js';
import { buildRepository, NS } from './model.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function namespaceNames(repository: MockRepository): string[] {
  return enumerateInstances(repository, INTEROP_NAMESPACE, 'CIM_Namespace')
    .map((instance) => String(instance.get('Name')))
    .sort();
}

describe('Interop', () => {
  it('lists every namespace, itself included', () => {
    const repository = buildRepository();
    new Interop(repository);
    expect(namespaceNames(repository)).toEqual(['interop', NS]);
  });

  it('keeps CIM_Namespace in sync', () => {
    const repository = buildRepository();
    const interop = new Interop(repository);
    repository.addNamespace('root/extra');
    expect(namespaceNames(repository)).toContain('root/extra');
    repository.removeNamespace('ROOT/extra');
    expect(namespaceNames(repository)).not.toContain('root/extra');

    interop.dispose();
    repository.addNamespace('root/late');
    expect(namespaceNames(repository)).not.toContain('root/late');
  });

  it('describes the object manager with the package version', () => {
    const repository = new MockRepository();
    new Interop(repository, { systemName: 'host1' });
    const [manager, ...others] = enumerateInstances(repository, INTEROP_NAMESPACE, 'CIM_ObjectManager', { localOnly: false });
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(others).toEqual([]);
    expect(manager?.get('ElementName')).toBe('wbemshell mock');
    expect(manager?.get('Description')).toBe(`wbemshell mock WBEM server ${version}`);
    expect(manager?.get('SystemName')).toBe('host1');
  });

  it('registers profiles', () => {
    const repository = new MockRepository();
    const interop = new Interop(repository);
    const profilePath = interop.registerProfile({ organization: 2, name: 'Profile Registration', version: '1.0.0' });
    const [profile] = enumerateInstances(repository, INTEROP_NAMESPACE, 'CIM_RegisteredProfile', { localOnly: false });
    expect(profilePath.keybindings.get('InstanceID')).toBe(profile?.get('InstanceID'));
    expect(profile?.get('RegisteredOrganization')).toBe(2);
    expect(profile?.get('RegisteredName')).toBe('Profile Registration');
  });

  it('keeps existing classes and instances when set up twice', () => {
    const repository = new MockRepository();
    new Interop(repository).dispose();
    new Interop(repository);
    expect(enumerateInstances(repository, INTEROP_NAMESPACE, 'CIM_ObjectManager')).toHaveLength(1);
    expect(namespaceNames(repository)).toEqual(['interop']);
  });
});
