import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMDateTimeError } from '../../src/cim/errors.js';

describe('CIMDateTime parse', () => {
  it.each([
    // Hard-case inputs with asterisks that must parse.
    ['20180911124613.128***:000', { isInterval: true, days: 20180911, hour: 12, minute: 46, second: 13, microsecond: 128000, precision: 18 }],
    ['2018091112****.******+060', { isInterval: false, year: 2018, month: 9, day: 11, hour: 12, minute: null, second: null, microsecond: null, utcOffset: 60, precision: 10 }],
    ['**************.******:000', { isInterval: true, days: null, hour: null, microsecond: null, precision: 0 }],
    ['2018**********.******+120', { isInterval: false, year: 2018, month: null, day: null, utcOffset: 120, precision: 4 }],
    // More of the same kind.
    ['20241203153000.000000+060', { year: 2024, month: 12, day: 3, hour: 15, minute: 30, second: 0, microsecond: 0, utcOffset: 60, precision: null }],
    ['20241203153000.123***+000', { microsecond: 123000, precision: 18 }],
    ['20241203153000.******-300', { second: 0, microsecond: null, utcOffset: -300, precision: 15 }],
    ['20241203153000.12345*+000', { microsecond: 123450, precision: 20 }],
    ['00000001020304.000005:000', { isInterval: true, days: 1, hour: 2, minute: 3, second: 4, microsecond: 5, utcOffset: 0 }],
    ['00000133102418.******:000', { isInterval: true, days: 133, second: 18, microsecond: null, precision: 15 }],
    ['20010515104354.000000:000', { isInterval: true, days: 20010515, hour: 10 }],
    ['20000229000000.000000+000', { year: 2000, month: 2, day: 29 }],
    ['99999999235959.999999:000', { days: 99999999, hour: 23, microsecond: 999999 }],
    ['19991231235958.654321-720', { isInterval: false, year: 1999, month: 12, day: 31, days: null, hour: 23, minute: 59, second: 58, microsecond: 654321, utcOffset: -720, precision: null }],
  ])('valid %s', (text, fields) => {
    const value = new CIMDateTime(text);

    expect(value).toMatchObject(fields);
    expect(value.toString()).toBe(text);
  });

  it.each([
    // Hard-case inputs that must be rejected, with the reason the message names.
    ['20180911**4613.128000+000', /asterisks are not one run/],
    ['20180911124613.12*4**+000', /asterisks are not one run/],
    ['20180911124613.128000+***', /UTC offset "\+\*\*\*" is starred/],
    ['1234567*******.******:000', /days is partly starred/],
    // More of the same kind.
    ['2018091*******.******+000', /day is partly starred/],
    ['20181311124613.128000+000', /month 13 is out of range/],
    ['20180011124613.128000+000', /month 00 is out of range/],
    ['20180932124613.128000+000', /day 32 is out of range/],
    ['20180230124613.128000+000', /day 30 does not exist in month 2 of year 2018/],
    ['20190229000000.000000+000', /day 29 does not exist in month 2 of year 2019/],
    ['20180911244613.128000+000', /hour 24 is out of range/],
    ['20180911126013.128000+000', /minute 60 is out of range/],
    ['20180911124660.128000+000', /second 60 is out of range/],
    ['0000000124a000.000000:000', /minutes "a0" is not a number/],
    ['20180911124613.128000:060', /interval must end in ":000"/],
    ['20180911124613.128000*000', /character 22 is "\*"/],
    ['20180911124613,128000+000', /character 15 is ","/],
    ['2018091112461.128000+000', /length is 24/],
    ['', /length is 0/],
    ['2018a911124613.128000+000', /month "a9" is not a number/],
    ['20180911124613.12a000+000', /microseconds "12a000" is not a number/],
    ['20180911124613.128000+0a0', /UTC offset "\+0a0" is not a number/],
  ])('invalid %s', (text, reason) => {
    expect(() => new CIMDateTime(text)).toThrow(CIMDateTimeError);
    expect(() => new CIMDateTime(text)).toThrow(reason);
    expect(() => new CIMDateTime(text)).toThrow(JSON.stringify(text));
  });

  it('error is a RangeError with code', () => {
    const error = (() => {
      try {
        CIMDateTime.parse('20181311124613.128000+000');
      } catch (caught) {
        return caught;
      }
      return null;
    })();

    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ code: 'ERR_CIM_DATETIME', value: '20181311124613.128000+000' });
  });
});

describe('CIMDateTime conversions', () => {
  it.each([
    [new Date('2024-12-03T14:30:00.123Z'), 60, '20241203153000.123000+060'],
    [new Date('2024-12-03T14:30:00.123Z'), 0, '20241203143000.123000+000'],
    [new Date('2024-01-01T02:00:00.000Z'), -300, '20231231210000.000000-300'],
    [new Date('1970-01-01T00:00:00.000Z'), undefined, '19700101000000.000000+000'],
  ])('fromDate %s offset %s', (date, offset, text) => {
    expect(CIMDateTime.fromDate(date, offset).text).toBe(text);
  });

  it.each([
    ['20241203153000.123456+060', '2024-12-03T14:30:00.123Z'],
    ['20231231210000.000000-300', '2024-01-01T02:00:00.000Z'],
    ['2024120315****.******+000', '2024-12-03T15:00:00.000Z'],
    ['2024**********.******+000', '2024-01-01T00:00:00.000Z'],
    ['00500101000000.000000+000', '0050-01-01T00:00:00.000Z'],
  ])('toDate %s', (text, iso) => {
    expect(new CIMDateTime(text).toDate().toISOString()).toBe(iso);
  });

  it.each([
    ['00000000000000.000000:000', 0n],
    ['00000001020304.000005:000', 93784000005n],
    ['99999999235959.999999:000', 8639999999999999999n],
    ['00000133102418.******:000', 11528658000000n],
  ])('toIntervalMicroseconds %s', (text, microseconds) => {
    expect(new CIMDateTime(text).toIntervalMicroseconds()).toBe(microseconds);
  });

  it.each([
    [0n, '00000000000000.000000:000'],
    [93784000005n, '00000001020304.000005:000'],
    [8639999999999999999n, '99999999235959.999999:000'],
  ])('fromInterval %s', (microseconds, text) => {
    expect(CIMDateTime.fromInterval(microseconds).text).toBe(text);
  });

  it.each([[-1n], [8640000000000000000n]])('fromInterval rejects %s', (microseconds) => {
    expect(() => CIMDateTime.fromInterval(microseconds)).toThrow(RangeError);
  });

  it.each([[1000], [1.5], [-1000]])('fromDate rejects offset %s', (offset) => {
    expect(() => CIMDateTime.fromDate(new Date(0), offset)).toThrow(/UTC offset/);
  });

  it('toDate rejects interval', () => {
    expect(() => new CIMDateTime('00000001020304.000005:000').toDate()).toThrow(/is an interval/);
  });

  it('toDate rejects starred year', () => {
    expect(() => new CIMDateTime('**************.******+000').toDate()).toThrow(/starred year/);
  });

  it('toIntervalMicroseconds rejects timestamp', () => {
    expect(() => new CIMDateTime('20241203153000.000000+060').toIntervalMicroseconds()).toThrow(/is a timestamp/);
  });

  it('value is frozen', () => {
    const value = new CIMDateTime('20241203153000.000000+060');

    expect(Object.isFrozen(value)).toBe(true);
  });
});

describe('CIMDateTime equals', () => {
  it.each([
    ['20241203153000.000000+060', '20241203143000.000000+000', true],
    ['20241203153000.000000+060', '20241203093000.000000-300', true],
    ['20241203153000.000001+060', '20241203143000.000000+000', false],
    ['2024120315****.******+060', '2024120314****.******+000', false],
    ['2024120315****.******+060', '2024120315****.******+060', true],
    ['20180911124613.128***:000', '20180911124613.128***:000', true],
    ['20180911124613.128***:000', '20180911124613.128000:000', false],
    ['00000001000000.000000:000', '00000001000000.000000:000', true],
    ['00000001000000.000000:000', '20241203143000.000000+000', false],
  ])('%s vs %s', (a, b, expected) => {
    expect(new CIMDateTime(a).equals(new CIMDateTime(b))).toBe(expected);
    expect(new CIMDateTime(b).equals(new CIMDateTime(a))).toBe(expected);
  });

  it('not equal to its text', () => {
    expect(new CIMDateTime('20241203153000.000000+060').equals('20241203153000.000000+060')).toBe(false);
  });
});

describe('CIMDateTime hard-case file', () => {
  const repoRoot = path.resolve(fileURLToPath(import.meta.url), '..', '..', '..');
  const hardCases = readFileSync(path.resolve(repoRoot, '..', 'shared', 'reference', 'hard-cases.md'), 'utf8');
  const section = hardCases.slice(hardCases.indexOf('### BR-19'), hardCases.indexOf('### BR-21'));
  const inputs = [...section.matchAll(/^ {2}([a-h]) {2}(\S{25})$/gm)].map((match) => [match[1] ?? '', match[2] ?? ''] as const);
  const valid = new Set(['a', 'b', 'g', 'h']);

  it('lists eight inputs', () => {
    expect(inputs.map(([label]) => label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it.each(inputs)('input %s %s', (label, text) => {
    if (valid.has(label)) {
      expect(new CIMDateTime(text).text).toBe(text);
    } else {
      expect(() => new CIMDateTime(text)).toThrow(CIMDateTimeError);
    }
  });
});

describe('interval normalisation', () => {
  it('rewrites overflowing fields', () => {
    const interval = new CIMDateTime('00001234567890.123456:000');
    expect(interval.text).toBe('00001236091930.123456:000');
  });

  it('keeps the duration', () => {
    const interval = new CIMDateTime('00001234567890.123456:000');
    const expected = 1234n * 86_400_000_000n + 56n * 3_600_000_000n + 78n * 60_000_000n + 90_123_456n;
    expect(interval.toIntervalMicroseconds()).toBe(expected);
  });

  it('keeps normal intervals unchanged', () => {
    expect(new CIMDateTime('00000001235959.000001:000').text).toBe('00000001235959.000001:000');
  });
});
