import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { MOFCompiler } from '../../src/mof/compiler.js';
import { associatorNames, referenceNames } from '../../src/mock/operations/association-operations.js';
import { enumerateInstanceNames, enumerateInstances } from '../../src/mock/operations/instance-operations.js';
import { execQuery } from '../../src/mock/operations/query-operations.js';
import { MockRepository, type MockRepositoryOptions } from '../../src/mock/repository.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const modelsDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'mock-models');
const NAMESPACE = 'root/cimv2';

function load(file: string, options: MockRepositoryOptions = {}): MockRepository {
  const repository = new MockRepository(options);
  repository.addNamespace(NAMESPACE);
  new MOFCompiler({ target: repository, namespace: NAMESPACE }).compileFile(path.join(modelsDir, file));
  return repository;
}

/** Rows of the models README table: file, classes, instances. */
function readmeCounts(): Array<[string, number, number]> {
  const readme = readFileSync(path.join(modelsDir, 'README.md'), 'utf8');
  const rows: Array<[string, number, number]> = [];
  for (const match of readme.matchAll(/^\| `([\w.]+\.mof)` \| [\d,]+ \| \d+ \| (\d+) \| [^|]+ \| \d+ \| (\d+) \|$/gm)) {
    rows.push([match[1] ?? '', Number(match[2]), Number(match[3])]);
  }
  return rows;
}

function names(paths: Array<CIMInstanceName | { className: string }>, key: string): string[] {
  return paths.map((p) => (p instanceof CIMInstanceName ? String(p.keybindings.get(key)) : p.className)).sort();
}

describe('sample MOF models in the repository', () => {
  it('reads the model table', () => {
    expect(readmeCounts().length).toBeGreaterThanOrEqual(8);
  });

  it.each(readmeCounts())('%s loads %i classes and %i instances', (file, classCount, instanceCount) => {
    const repository = load(file, { checkReferenceClasses: false });
    expect(repository.namespace(NAMESPACE).classes.size).toBe(classCount);
    expect(repository.allStoredInstances(NAMESPACE)).toHaveLength(instanceCount);
  });

  it('rejects a reference of the wrong class when strict', () => {
    let caught: unknown;
    try {
      load('simple_assoc_mock_model.mof');
    } catch (error) {
      caught = error;
    }
    expect(String(caught)).toContain('points to class TST_FamilyCollection');
    expect((caught as { cause?: unknown }).cause).toBeInstanceOf(CIMError);
    expect(((caught as { cause: CIMError }).cause).statusCode).toBe(13);
  });

  it('matches instance class names of other case', () => {
    const repository = load('simple_assoc_mock_model.mof', { checkReferenceClasses: false });
    expect(names(enumerateInstanceNames(repository, NAMESPACE, 'TST_PersonSub'), 'name')).toEqual(['Gabisub', 'Mikesub', 'Saarasub', 'Sofisub']);
  });

  it('finds associators in the family model', () => {
    const repository = load('simple_assoc_mock_model.mof', { checkReferenceClasses: false });
    const mike = new CIMInstanceName('TST_Person', { name: 'Mike' });
    expect(names(associatorNames(repository, NAMESPACE, mike, { assocClass: 'TST_Lineage', role: 'parent' }), 'name')).toEqual(['Gabi', 'Sofi']);
    expect(names(associatorNames(repository, NAMESPACE, mike, { resultClass: 'TST_FamilyCollection' }), 'name')).toEqual(['Family2']);
    const sofi = new CIMInstanceName('TST_Person', { name: 'Sofi' });
    expect(names(referenceNames(repository, NAMESPACE, sofi, { resultClass: 'TST_Lineage' }), 'InstanceID')).toEqual(['MikeSofi', 'SaaraSofi']);
  });

  it('enumerates and queries the standard model', () => {
    const repository = load('simple_mock_model.mof');
    expect(enumerateInstances(repository, NAMESPACE, 'CIM_Foo')).toHaveLength(12);
    const query = "SELECT InstanceID FROM CIM_Foo WHERE InstanceID LIKE '%sub_sub%'";
    expect(execQuery(repository, NAMESPACE, 'WQL', query).map((i) => i.get('InstanceID')).sort()).toEqual([
      'CIM_Foo_sub_sub1',
      'CIM_Foo_sub_sub2',
      'CIM_Foo_sub_sub3',
    ]);
  });
});
