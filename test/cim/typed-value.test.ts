import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CIMProperty } from '../../src/cim/property.js';
import {
  Char16, Real32, Real64, Sint16, Sint32, Sint64, Sint8, Uint16, Uint32, Uint64, Uint8,
} from '../../src/cim/typed-value.js';

describe('typed values', () => {
  it.each([
    [Uint8, 0, 255, -1, 256],
    [Sint8, -128, 127, -129, 128],
    [Uint16, 0, 65535, -1, 65536],
    [Sint16, -32768, 32767, -32769, 32768],
    [Uint32, 0, 4294967295, -1, 4294967296],
    [Sint32, -2147483648, 2147483647, -2147483649, 2147483648],
  ])('%o range', (Type, min, max, below, above) => {
    expect(new Type(min).value).toBe(min);
    expect(new Type(max).value).toBe(max);
    expect(() => new Type(below)).toThrow(RangeError);
    expect(() => new Type(above)).toThrow(RangeError);
  });

  it.each([
    [Uint64, '18446744073709551615', 18446744073709551615n],
    [Uint64, '9007199254740993', 9007199254740993n],
    [Sint64, '-9223372036854775808', -9223372036854775808n],
    [Sint64, '9223372036854775807', 9223372036854775807n],
  ])('%o exact %s', (Type, text, expected) => {
    expect(new Type(text).value).toBe(expected);
    expect(new Type(expected).value).toBe(expected);
  });

  it.each([
    [Uint64, 18446744073709551616n],
    [Uint64, -1n],
    [Sint64, -9223372036854775809n],
    [Sint64, 9223372036854775808n],
  ])('%o rejects %s', (Type, value) => {
    expect(() => new Type(value)).toThrow(RangeError);
  });

  it('uint64 rejects unsafe number', () => {
    expect(() => new Uint64(9007199254740993)).toThrow(/lost precision/);
  });

  it('integer rejects fraction', () => {
    expect(() => new Uint8(1.5)).toThrow(TypeError);
  });

  it('real32 rounds to single precision', () => {
    expect(new Real32(0.1).value).toBe(Math.fround(0.1));
    expect(new Real64(0.1).value).toBe(0.1);
  });

  it.each([[''], ['ab']])('char16 rejects %j', (text) => {
    expect(() => new Char16(text)).toThrow(TypeError);
  });

  it.each([
    [new Uint32(5), 'Uint32(5)'],
    [new Uint64(18446744073709551615n), 'Uint64(18446744073709551615)'],
    [new Char16('a'), "Char16('a')"],
  ])('inspect %s', (value, text) => {
    expect(inspect(value)).toBe(text);
  });

  it('property unwraps typed value', () => {
    const property = new CIMProperty('Big', new Uint64('18446744073709551615'));

    expect(property.type).toBe('uint64');
    expect(property.value).toBe(18446744073709551615n);
  });

  it('property rejects out-of-range number', () => {
    expect(() => new CIMProperty('Small', 256, { type: 'uint8' })).toThrow(/out of range for CIM type uint8/);
  });
});
