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

// Maps built from the same names in the same order share their key list, so each change to
// one map is checked against the other.
describe('NocaseMap shared names', () => {
  const names = ['Alpha', 'Beta', 'Gamma'];
  const build = () => NocaseMap.byName(names, (name) => name);
  const pairs = (offset: number) => names.map((name, position): [string, number] => [name, position + offset]);

  it.each<[string, (map: NocaseMap<number>) => void]>([
    ['set new name', (map) => map.set('Delta', 9)],
    ['set existing name', (map) => map.set('BETA', 9)],
    ['delete', (map) => map.delete('alpha')],
    ['clear', (map) => map.clear()],
  ])('%s leaves other map unchanged', (_case, change) => {
    const changed = new NocaseMap<number>(pairs(0));
    const other = new NocaseMap<number>(pairs(10));
    change(changed);

    expect([...other.entries()]).toEqual([['Alpha', 10], ['Beta', 11], ['Gamma', 12]]);
    expect(other.size).toBe(3);
    expect(other.has('delta')).toBe(false);
    expect(other.get('delta')).toBeUndefined();
    expect(other.canonicalName('alpha')).toBe('Alpha');
  });

  it('set new name on both maps', () => {
    const first = new NocaseMap<number>(pairs(0));
    const second = new NocaseMap<number>(pairs(10));
    first.set('Delta', 3);
    second.set('Epsilon', 13);
    first.set('Zeta', 4);

    expect([...first.keys()]).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Zeta']);
    expect([...second.keys()]).toEqual(['Alpha', 'Beta', 'Gamma', 'Epsilon']);
    expect(first.has('epsilon')).toBe(false);
    expect(second.has('delta')).toBe(false);
  });

  it('byName maps are independent', () => {
    const first = build();
    const second = build();
    first.set('Delta', 'Delta');
    second.delete('Gamma');

    expect([...first.keys()]).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
    expect([...second.keys()]).toEqual(['Alpha', 'Beta']);
  });

  it.each<[string, (map: NocaseMap<number>) => NocaseMap<number>]>([
    ['copy', (map) => map.copy()],
    ['constructor', (map) => new NocaseMap<number>(map)],
  ])('%s then change either map', (_case, duplicate) => {
    const original = new NocaseMap<number>({ Name: 1, Other: 2 });
    original.set('Third', 3);
    const duplicated = duplicate(original);
    original.set('Fourth', 4);
    duplicated.set('NAME', 10);
    duplicated.set('Fifth', 5);

    expect([...original.entries()]).toEqual([['Name', 1], ['Other', 2], ['Third', 3], ['Fourth', 4]]);
    expect([...duplicated.entries()]).toEqual([['Name', 10], ['Other', 2], ['Third', 3], ['Fifth', 5]]);
  });

  it.each([
    ['other spelling', ['alpha', 'Beta', 'Gamma'], ['alpha', 'Beta', 'Gamma']],
    ['last name differs', ['Alpha', 'Beta', 'Delta'], ['Alpha', 'Beta', 'Delta']],
    ['first name differs', ['Delta', 'Beta', 'Gamma'], ['Delta', 'Beta', 'Gamma']],
    ['repeated name', ['Alpha', 'Beta', 'ALPHA'], ['Alpha', 'Beta']],
    ['shorter', ['Alpha', 'Beta'], ['Alpha', 'Beta']],
  ])('names after a similar map: %s', (_case, sequence, expected) => {
    NocaseMap.byName(names, (name) => name);
    const map = NocaseMap.byName(sequence, (name) => name);

    expect([...map.keys()]).toEqual(expected);
    expect(map.size).toBe(expected.length);
    expect(map.canonicalName(expected[0]!.toUpperCase())).toBe(expected[0]);
  });

  // Names used by no other test, so that the maps built earlier in this file do not matter.
  it('sequences matching two earlier maps in turn', () => {
    NocaseMap.byName(['SeqA', 'SeqB', 'SeqC', 'SeqD'], (name) => name);
    NocaseMap.byName(['SeqA', 'SeqX', 'SeqC', 'SeqY'], (name) => name);
    const map = NocaseMap.byName(['SeqA', 'SeqX', 'SeqC', 'SeqD'], (name) => name);

    expect([...map.keys()]).toEqual(['SeqA', 'SeqX', 'SeqC', 'SeqD']);
    expect(map.get('seqb')).toBeUndefined();
    expect(map.get('seqx')).toBe('SeqX');
  });

  it('nameOf called once per value', () => {
    NocaseMap.byName(names, (name) => name);
    const calls: string[] = [];
    NocaseMap.byName(['Alpha', 'Beta', 'Other'], (name) => {
      calls.push(name);
      return name;
    });

    expect(calls).toEqual(['Alpha', 'Beta', 'Other']);
  });

  // 40 entries are more than a map scans, so the shared list has a lookup index.
  it('indexed maps stay independent', () => {
    const many = Array.from({ length: 40 }, (_unused, index) => `Property${index}`);
    const first = NocaseMap.byName(many, (name) => name);
    const second = NocaseMap.byName(many, (name) => name);
    expect(first.get('PROPERTY39')).toBe('Property39');
    first.set('Added', 'Added');
    second.delete('Property0');

    expect(first.get('added')).toBe('Added');
    expect(first.get('property0')).toBe('Property0');
    expect(second.get('added')).toBeUndefined();
    expect(second.get('property0')).toBeUndefined();
    expect(second.get('property39')).toBe('Property39');
    expect(second.size).toBe(39);
  });

  it('set while iterating visits new entry', () => {
    const map = new NocaseMap<number>(pairs(0));
    const other = new NocaseMap<number>(pairs(10));
    const visited: string[] = [];
    for (const [name] of map) {
      visited.push(name);
      if (name === 'Alpha') map.set('Delta', 3);
    }

    expect(visited).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
    expect([...other.keys()]).toEqual(names);
  });

  it.each([
    ['equal values', 10, true],
    ['other values', 20, false],
  ])('equals shared names: %s', (_case, offset, expected) => {
    const first = new NocaseMap<number>(pairs(10));
    const second = new NocaseMap<number>(pairs(offset));

    expect(first.equals(second, (a, b) => a === b)).toBe(expected);
  });
});

