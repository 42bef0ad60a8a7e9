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

  it('inspect shows entries', () => {
    expect(inspect(new NocaseMap({ Name: 'x' }))).toBe("NocaseMap(1) { Name: 'x' }");
  });
});
