import { afterEach, describe, expect, it, vi } from 'vitest';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import { readResponse, type OperationResponse } from '../../src/cimxml/index.js';
import { EnumerationContextTable } from '../../src/mock/enumeration-contexts.js';
import { deleteClass } from '../../src/mock/operations/class-operations.js';
import { createInstance, deleteInstance, modifyInstance } from '../../src/mock/operations/instance-operations.js';
import {
  enumerationCount,
  openEnumerateInstancePaths,
  openEnumerateInstances,
  pullEach,
  pullInstancePaths,
  pullInstancesWithPath,
} from '../../src/mock/operations/pull-operations.js';
import { startMockServer } from '../../src/mock/server.js';
import { basePath, buildRepository, ids, NS } from './model.js';
import { classNameParam, intrinsicBody, intrinsicHeaders, post, valueParam } from './server-helpers.js';
import { statusOf } from './status-of.js';

function setup() {
  return { repository: buildRepository(), contexts: new EnumerationContextTable() };
}

/** Spies on `CIMInstanceName.copy`, which the operations call once for each returned instance, to copy its path. */
function countInstanceCopies() {
  return vi.spyOn(CIMInstanceName.prototype, 'copy');
}

/** Spies on `CIMInstanceName.copy`, which the path operations call once for each returned path. */
function countPathCopies() {
  return vi.spyOn(CIMInstanceName.prototype, 'copy');
}

/** Changes the stored b2, deletes s1 and creates b3, as other clients could between two Pulls. */
function changeRepository(repository: ReturnType<typeof buildRepository>): void {
  const changed = new CIMInstance('TST_Base', { path: basePath('TST_Base', 'b2') });
  changed.set('Label', 'changed');
  modifyInstance(repository, NS, changed);
  deleteInstance(repository, NS, basePath('TST_Sub', 's1'));

  const added = new CIMInstance('TST_Base');
  added.set('InstanceID', 'b3');
  createInstance(repository, NS, added);
}

describe('pull snapshot copies', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('open copies only MaxObjectCount instances', () => {
    const { repository, contexts } = setup();
    const copies = countInstanceCopies();

    openEnumerateInstances(repository, contexts, NS, 'TST_Base', { maxObjectCount: 1 });

    expect(copies).toHaveBeenCalledTimes(1);
  });

  it('open of zero copies nothing', () => {
    const { repository, contexts } = setup();
    const copies = countInstanceCopies();

    const opened = openEnumerateInstances(repository, contexts, NS, 'TST_Base');

    expect(opened.items).toEqual([]);
    expect(copies).not.toHaveBeenCalled();
  });

  it('pull copies only what it returns', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstances(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    const copies = countInstanceCopies();

    const pulled = pullInstancesWithPath(contexts, NS, context, 2);
    expect(pulled.items).toHaveLength(2);
    expect(copies).toHaveBeenCalledTimes(2);

    pullInstancesWithPath(contexts, NS, context, 5);
    expect(copies).toHaveBeenCalledTimes(4);
  });

  it('path open copies only MaxObjectCount paths', () => {
    const { repository, contexts } = setup();
    const copies = countPathCopies();

    const opened = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base', { maxObjectCount: 1 });
    expect(opened.items).toHaveLength(1);
    expect(copies).toHaveBeenCalledTimes(1);

    pullInstancePaths(contexts, NS, opened.enumerationContext as string, 2);
    expect(copies).toHaveBeenCalledTimes(3);
  });

  it('pullEach copies while objects are read', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstances(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    const copies = countInstanceCopies();

    const batch = pullEach(contexts, NS, context, 'instancesWithPath', 3);
    expect(copies).not.toHaveBeenCalled();
    expect(enumerationCount(contexts, NS, context)).toBe(1);
    expect(batch.endOfSequence).toBe(false);

    const objects = [...batch.objects];
    expect(objects).toHaveLength(3);
    expect(copies).toHaveBeenCalledTimes(3);
  });

  it('pullEach raises errors at once', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base').enumerationContext as string;

    expect(statusOf(() => pullEach(contexts, NS, context, 'instancesWithPath', 1))).toBe(21);
    expect(statusOf(() => pullEach(contexts, NS, 'no-such-context', 'instancePaths', 1))).toBe(21);
  });
});

describe('pull snapshot contents', () => {
  it('returns instances as they were at open', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstances(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    changeRepository(repository);

    const pulled = pullInstancesWithPath(contexts, NS, context, 10).items;

    expect(ids(pulled)).toEqual(['b1', 'b2', 's1', 'ss1']);
    const b2 = pulled.find((instance) => instance.path?.keybindings.get('InstanceID') === 'b2');
    expect(b2?.get('Label')).toBe('none');
  });

  it('returns paths as they were at open', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    changeRepository(repository);

    expect(ids(pullInstancePaths(contexts, NS, context, 10).items)).toEqual(['b1', 'b2', 's1', 'ss1']);
  });

  it('keeps the class of a deleted class', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstances(repository, contexts, NS, 'TST_Sub').enumerationContext as string;
    deleteInstance(repository, NS, basePath('TST_SubSub', 'ss1'));
    deleteClass(repository, NS, 'TST_SubSub');

    const pulled = pullInstancesWithPath(contexts, NS, context, 10).items;

    expect(ids(pulled)).toEqual(['s1', 'ss1']);
    expect(pulled[1]?.properties.has('Big')).toBe(true);
  });

  it('filters pulled instances by open options', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstances(repository, contexts, NS, 'TST_Sub', {
      deepInheritance: false,
      propertyList: ['Big', 'SubProp', 'Count'],
      includeClassOrigin: true,
    }).enumerationContext as string;

    const pulled = pullInstancesWithPath(contexts, NS, context, 10).items;

    expect(pulled.map((instance) => [...instance.properties.keys()])).toEqual([
      ['Count', 'SubProp'],
      ['Count', 'SubProp'],
    ]);
    expect(pulled.map((instance) => instance.properties.get('Count')?.classOrigin)).toEqual(['TST_Sub', 'TST_Sub']);
  });
});

describe('pull snapshot over HTTP', () => {
  function outputValue(response: OperationResponse, name: string): unknown {
    return response.outputParameters.find((parameter) => parameter.name === name)?.value;
  }

  it('pull response carries open-time instances', async () => {
    const repository = buildRepository();
    const server = await startMockServer({ repository, host: '127.0.0.1', port: 0 });
    try {
      const openBody = intrinsicBody('OpenEnumerateInstances', NS, classNameParam('ClassName', 'TST_Base'));
      const opened = await post(server.url, openBody, intrinsicHeaders('OpenEnumerateInstances', NS));
      const openResponse = readResponse(opened.body).response as OperationResponse;
      const context = outputValue(openResponse, 'EnumerationContext') as string;
      expect(outputValue(openResponse, 'EndOfSequence')).toBe(false);

      const changed = new CIMInstance('TST_Base', { path: basePath('TST_Base', 'b1') });
      changed.set('Count', new Uint32(99));
      modifyInstance(repository, NS, changed);

      const pullBody = intrinsicBody(
        'PullInstancesWithPath',
        NS,
        valueParam('EnumerationContext', context) + valueParam('MaxObjectCount', '10'),
      );
      const pulled = await post(server.url, pullBody, intrinsicHeaders('PullInstancesWithPath', NS));
      const pullResponse = readResponse(pulled.body).response as OperationResponse;
      const instances = pullResponse.intrinsicReturnValue?.items as CIMInstance[];

      expect(outputValue(pullResponse, 'EndOfSequence')).toBe(true);
      expect(ids(instances)).toEqual(['b1', 'b2', 's1', 'ss1']);
      expect(instances.find((instance) => instance.path?.keybindings.get('InstanceID') === 'b1')?.get('Count')).toBe(1);
      expect(instances.map((instance) => instance.path?.host)).toEqual(instances.map(() => new URL(server.url).host));
    } finally {
      await server.close();
    }
  });
});
