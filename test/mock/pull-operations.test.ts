import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CIMInstance } from '../../src/cim/instance.js';
import type { CIMInstanceName } from '../../src/cim/instance-name.js';
import {
  EnumerationContextTable,
  type EnumerationKind,
  type OpenOptions,
  type PullResult,
} from '../../src/mock/enumeration-contexts.js';
import {
  closeEnumeration,
  enumerationCount,
  openAssociatorInstancePaths,
  openAssociatorInstances,
  openEnumerateInstancePaths,
  openEnumerateInstances,
  openQueryInstances,
  openReferenceInstancePaths,
  openReferenceInstances,
  pullInstancePaths,
  pullInstances,
  pullInstancesWithPath,
} from '../../src/mock/operations/pull-operations.js';
import { basePath, buildRepository, ids, NS } from './model.js';
import { statusOf } from './status-of.js';

function setup() {
  return { repository: buildRepository(), contexts: new EnumerationContextTable() };
}

describe('open and pull', () => {
  it('returns everything in the open response when it fits', () => {
    const { repository, contexts } = setup();
    const result = openEnumerateInstances(repository, contexts, NS, 'TST_Base', { maxObjectCount: 10 });
    expect(ids(result.items)).toEqual(['b1', 'b2', 's1', 'ss1']);
    expect(result.endOfSequence).toBe(true);
    expect(result.enumerationContext).toBeNull();
    expect(contexts.size).toBe(0);
  });

  it('pulls the rest in chunks of MaxObjectCount', () => {
    const { repository, contexts } = setup();
    const opened = openEnumerateInstances(repository, contexts, NS, 'TST_Base', { maxObjectCount: 1 });
    expect(opened.items).toHaveLength(1);
    expect(opened.endOfSequence).toBe(false);

    const context = opened.enumerationContext as string;
    expect(enumerationCount(contexts, NS, context)).toBe(3);
    const second = pullInstancesWithPath(contexts, NS, context, 2);
    expect(second).toMatchObject({ endOfSequence: false, enumerationContext: context });
    const third = pullInstancesWithPath(contexts, NS, context, 2);
    expect(third).toMatchObject({ endOfSequence: true, enumerationContext: null });

    expect(ids([...opened.items, ...second.items, ...third.items])).toEqual(['b1', 'b2', 's1', 'ss1']);
    expect(statusOf(() => pullInstancesWithPath(contexts, NS, context, 1))).toBe(21);
  });

  it('opens without results by default', () => {
    const { repository, contexts } = setup();
    const opened = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base');
    expect(opened.items).toEqual([]);
    expect(opened.endOfSequence).toBe(false);
    const pulled = pullInstancePaths(contexts, NS, opened.enumerationContext as string, 100);
    expect(ids(pulled.items)).toEqual(['b1', 'b2', 's1', 'ss1']);
    expect(pulled.endOfSequence).toBe(true);
  });

  it('ends at once for an empty result', () => {
    const { repository, contexts } = setup();
    const opened = openReferenceInstancePaths(repository, contexts, NS, basePath('TST_Base', 'b1'), { role: 'Owned' });
    expect(opened).toEqual({ items: [], endOfSequence: true, enumerationContext: null });
  });

  type Open = (state: ReturnType<typeof setup>, options: OpenOptions) => PullResult<CIMInstance | CIMInstanceName>;
  const s1 = basePath('TST_Sub', 's1');

  it.each<[string, EnumerationKind, Open]>([
    ['OpenEnumerateInstances', 'instancesWithPath', (s, o) => openEnumerateInstances(s.repository, s.contexts, NS, 'TST_Sub', o)],
    ['OpenAssociatorInstances', 'instancesWithPath', (s, o) => openAssociatorInstances(s.repository, s.contexts, NS, s1, o)],
    ['OpenAssociatorInstancePaths', 'instancePaths', (s, o) => openAssociatorInstancePaths(s.repository, s.contexts, NS, s1, o)],
    ['OpenReferenceInstances', 'instancesWithPath', (s, o) => openReferenceInstances(s.repository, s.contexts, NS, s1, o)],
    ['OpenReferenceInstancePaths', 'instancePaths', (s, o) => openReferenceInstancePaths(s.repository, s.contexts, NS, s1, o)],
  ])('%s pulls two objects', (_name, kind, open) => {
    const state = setup();
    const first = open(state, { maxObjectCount: 1 });
    expect(first.items).toHaveLength(1);
    const rest = state.contexts.pull(NS, first.enumerationContext as string, kind, 5);
    expect(rest.items).toHaveLength(1);
    expect(rest.endOfSequence).toBe(true);
  });

  it('applies DeepInheritance and PropertyList of OpenEnumerateInstances', () => {
    const { repository, contexts } = setup();
    const opened = openEnumerateInstances(repository, contexts, NS, 'TST_Sub', {
      maxObjectCount: 5,
      deepInheritance: false,
      propertyList: ['Big', 'SubProp'],
    });
    expect(opened.items.map((instance) => [...instance.properties.keys()])).toEqual([['SubProp'], ['SubProp']]);
  });

  it('restarts the timeout on a pull of zero objects', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    const keptAlive = pullInstancePaths(contexts, NS, context, 0);
    expect(keptAlive).toEqual({ items: [], endOfSequence: false, enumerationContext: context });
  });
});

describe('enumeration context errors', () => {
  it.each([
    ['ContinueOnError', { continueOnError: true }, 26],
    ['FilterQuery', { filterQuery: 'SELECT * FROM TST_Base', filterQueryLanguage: 'DMTF:FQL' }, 25],
    ['FilterQueryLanguage alone', { filterQueryLanguage: 'DMTF:FQL' }, 25],
    ['OperationTimeout 0', { operationTimeout: 0 }, 22],
    ['OperationTimeout too large', { operationTimeout: 3601 }, 22],
    ['negative MaxObjectCount', { maxObjectCount: -1 }, 4],
  ])('open with %s raises %i', (_name, options, code) => {
    const { repository, contexts } = setup();
    expect(statusOf(() => openEnumerateInstances(repository, contexts, NS, 'Nope', options))).toBe(code);
    expect(contexts.size).toBe(0);
  });

  it.each([
    ['unknown context', (c: EnumerationContextTable) => pullInstancesWithPath(c, NS, 'no-such-context', 1), 21],
    ['other namespace', (c: EnumerationContextTable, id: string) => pullInstancePaths(c, 'root/other', id, 1), 21],
    ['wrong pull operation', (c: EnumerationContextTable, id: string) => pullInstancesWithPath(c, NS, id, 1), 21],
    ['missing MaxObjectCount', (c: EnumerationContextTable, id: string) => c.pull(NS, id, 'instancePaths', null), 4],
    ['close unknown context', (c: EnumerationContextTable) => closeEnumeration(c, NS, 'no-such-context'), 21],
  ])('%s', (_name, action, code) => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base').enumerationContext as string;
    expect(statusOf(() => action(contexts, context))).toBe(code);
  });

  it('closes a context early', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base', { maxObjectCount: 1 }).enumerationContext as string;
    closeEnumeration(contexts, NS, context);
    expect(contexts.size).toBe(0);
    expect(statusOf(() => pullInstancePaths(contexts, NS, context, 1))).toBe(21);
    expect(statusOf(() => enumerationCount(contexts, NS, context))).toBe(21);
  });
});

describe('enumeration context expiry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires after OperationTimeout', () => {
    const { repository, contexts } = setup();
    const context = openEnumerateInstancePaths(repository, contexts, NS, 'TST_Base', { operationTimeout: 10 }).enumerationContext as string;
    vi.advanceTimersByTime(9_999);
    expect(pullInstancePaths(contexts, NS, context, 1).items).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(statusOf(() => pullInstancePaths(contexts, NS, context, 1))).toBe(21);
    expect(contexts.size).toBe(0);
  });

  it('uses the default timeout when none is given', () => {
    const contexts = new EnumerationContextTable({ defaultOperationTimeout: 5 });
    const context = openEnumerateInstancePaths(buildRepository(), contexts, NS, 'TST_Base').enumerationContext as string;
    vi.advanceTimersByTime(4_000);
    expect(pullInstancePaths(contexts, NS, context, 0).enumerationContext).toBe(context);
    vi.advanceTimersByTime(4_000);
    expect(pullInstancePaths(contexts, NS, context, 0).enumerationContext).toBe(context);
    vi.advanceTimersByTime(5_000);
    expect(statusOf(() => pullInstancePaths(contexts, NS, context, 0))).toBe(21);
  });
});

describe('openQueryInstances', () => {
  it('runs the filter query and returns the query class', () => {
    const { repository, contexts } = setup();
    const opened = openQueryInstances(repository, contexts, NS, {
      filterQueryLanguage: 'WQL',
      filterQuery: 'SELECT InstanceID FROM TST_Base WHERE Count >= 2',
      returnQueryResultClass: true,
      maxObjectCount: 1,
    });
    expect(opened.queryResultClass?.className).toBe('TST_Base');
    const rest = pullInstances(contexts, NS, opened.enumerationContext as string, 10);
    expect(ids([...opened.items, ...rest.items])).toEqual(['b2', 's1']);
    expect(rest.endOfSequence).toBe(true);
  });

  it('leaves out the query class unless asked', () => {
    const { repository, contexts } = setup();
    const opened = openQueryInstances(repository, contexts, NS, { filterQueryLanguage: 'WQL', filterQuery: 'SELECT * FROM TST_Other' });
    expect(opened.queryResultClass).toBeNull();
  });

  it.each([
    ['unsupported language', 'DMTF:FQL', 'SELECT * FROM TST_Base', 14],
    ['invalid query', 'WQL', 'SELECT FROM', 15],
    ['missing query', 'WQL', '', 4],
  ])('%s', (_name, filterQueryLanguage, filterQuery, code) => {
    const { repository, contexts } = setup();
    expect(statusOf(() => openQueryInstances(repository, contexts, NS, { filterQueryLanguage, filterQuery }))).toBe(code);
  });
});
