import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NocaseMap } from '../../src/cim/nocase-map.js';

describe('NocaseMap', () => {
  it.each([['name'], ['NAME'], ['Name'], ['nAmE']])('get %s', (key) => {
    const map = new NocaseMap<number>([['Name', 1]]);

    expect(map.get(key)).toBe(1);
    expect(map.has(key)).toBe(true);
  });

  it('set keeps first spelling and position', () => {
    const map = new NocaseMap<number>({ First: 1, Second: 2 });
    map.set('FIRST', 3);

    expect([...map.entries()]).toEqual([['First', 3], ['Second', 2]]);
    expect(map.canonicalName('first')).toBe('First');
  });

  it('delete is case-insensitive', () => {
    const map = new NocaseMap<number>({ Name: 1 });

    expect(map.delete('NAME')).toBe(true);
    expect(map.size).toBe(0);
  });

  it.each([
    [{ A: 1, B: 2 }, { b: 2, a: 1 }, true],
    [{ A: 1 }, { A: 2 }, false],
    [{ A: 1 }, { A: 1, B: 2 }, false],
    [{ A: 1 }, { C: 1 }, false],
  ])('equals %j %j', (left, right, expected) => {
    const a = new NocaseMap<number>(left);
    const b = new NocaseMap<number>(right);

    expect(a.equals(b, (x, y) => x === y)).toBe(expected);
  });

  it('copy is independent', () => {
    const map = new NocaseMap<number[]>({ A: [1] });
    const copy = map.copy((value) => [...value]);
    copy.get('a')?.push(2);

    expect(map.get('A')).toEqual([1]);
  });

  it('byName later value wins', () => {
    const map = NocaseMap.byName(['Alpha:1', 'Beta:2', 'ALPHA:3'], (item) => item.split(':')[0]!);

    expect([...map.entries()]).toEqual([['Alpha', 'ALPHA:3'], ['Beta', 'Beta:2']]);
    expect(map.size).toBe(2);
  });

  it('array constructor keeps first spelling', () => {
    const map = new NocaseMap<number>([['Key', 1], ['Other', 2], ['KEY', 3]]);

    expect([...map.entries()]).toEqual([['Key', 3], ['Other', 2]]);
  });

  // 40 entries are more than a map scans, so lookups go through its index.
  it.each([[3], [40]])('lookups with %i entries', (count) => {
    const names = Array.from({ length: count }, (_unused, index) => `Property${index}`);
    const map = NocaseMap.byName(names, (name) => name);
    map.delete('PROPERTY1');
    map.set('Added', 'Added');

    expect(map.size).toBe(count);
    expect(map.get('property0')).toBe('Property0');
    expect(map.has('Property1')).toBe(false);
    expect(map.get(`PROPERTY${count - 1}`)).toBe(`Property${count - 1}`);
    expect(map.canonicalName('added')).toBe('Added');
    expect([...map.keys()].slice(0, 2)).toEqual(['Property0', 'Property2']);
  });

  it('delete while iterating', () => {
    const map = new NocaseMap<number>({ A: 1, B: 2, C: 3, D: 4 });
    const visited: string[] = [];
    for (const [name] of map) {
      visited.push(name);
      map.delete(name);
    }

    expect(visited).toEqual(['A', 'B', 'C', 'D']);
    expect(map.size).toBe(0);
  });

  it('inspect shows entries', () => {
    expect(inspect(new NocaseMap({ Name: 'x' }))).toBe("NocaseMap(1) { Name: 'x' }");
  });
});
