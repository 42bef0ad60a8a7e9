import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { execQuery } from '../../src/mock/operations/query-operations.js';
import { setProperty } from '../../src/mock/operations/instance-operations.js';
import { buildRepository, ids, NS, otherPath } from './model.js';
import { statusOf } from './status-of.js';

describe('execQuery', () => {
  it.each([
    ['all instances with subclasses', 'SELECT * FROM TST_Base', ['b1', 'b2', 's1', 'ss1']],
    ['string equality', "select * from tst_base where Label = 'one'", ['b1']],
    ['double-quoted string', 'SELECT * FROM TST_Base WHERE Label = "none"', ['b2', 's1', 'ss1']],
    ['not equal', "SELECT * FROM TST_Base WHERE Label <> 'one'", ['b2', 's1', 'ss1']],
    ['bang equal', "SELECT * FROM TST_Base WHERE Label != 'one'", ['b2', 's1', 'ss1']],
    ['less than', 'SELECT * FROM TST_Base WHERE Count < 2', ['b1']],
    ['greater or equal', 'SELECT * FROM TST_Base WHERE Count >= 2', ['b2', 's1']],
    ['less or equal', 'SELECT * FROM TST_Base WHERE Count <= 2', ['b1', 'b2']],
    ['greater than', 'SELECT * FROM TST_Base WHERE Count > 2', ['s1']],
    ['literal on the left', 'SELECT * FROM TST_Base WHERE 2 < Count', ['s1']],
    ['is null', 'SELECT * FROM TST_Base WHERE Count IS NULL', ['ss1']],
    ['is not null', 'SELECT * FROM TST_Base WHERE Count IS NOT NULL', ['b1', 'b2', 's1']],
    ['comparison with NULL is false', 'SELECT * FROM TST_Base WHERE Count = NULL', []],
    ['and', "SELECT * FROM TST_Base WHERE Count > 1 AND Label = 'none'", ['b2', 's1']],
    ['or', "SELECT * FROM TST_Base WHERE Count = 1 OR InstanceID = 'ss1'", ['b1', 'ss1']],
    ['and binds tighter than or', "SELECT * FROM TST_Base WHERE Count = 1 OR Count = 2 AND Label = 'x'", ['b1']],
    ['parentheses', "SELECT * FROM TST_Base WHERE (Count = 1 OR Count = 2) AND Label = 'none'", ['b2']],
    ['not', 'SELECT * FROM TST_Base WHERE NOT Count = 1', ['b2', 's1']],
    ['like with percent', "SELECT * FROM TST_Base WHERE InstanceID LIKE 's%'", ['s1', 'ss1']],
    ['like with underscore', "SELECT * FROM TST_Base WHERE InstanceID LIKE 'b_'", ['b1', 'b2']],
    ['not like', "SELECT * FROM TST_Base WHERE InstanceID NOT LIKE 's%'", ['b1', 'b2']],
    ['like is case-sensitive', "SELECT * FROM TST_Base WHERE InstanceID LIKE 'S%'", []],
    ['boolean', 'SELECT * FROM TST_Other WHERE Flag = TRUE', ['1']],
    ['boolean false', 'SELECT * FROM TST_Other WHERE flag = false', ['2']],
    ['subclass only', 'SELECT * FROM TST_Sub', ['s1', 'ss1']],
  ])('%s', (_name, query, expected) => {
    expect(ids(execQuery(buildRepository(), NS, 'WQL', query))).toEqual(expected);
  });

  it('keeps only selected properties and the full path', () => {
    const [result] = execQuery(buildRepository(), NS, 'wql', "SELECT Label, count FROM TST_Base WHERE InstanceID = 'b1'");
    expect([...(result?.properties.keys() ?? [])]).toEqual(['Label', 'Count']);
    expect(result?.path?.keybindings.get('InstanceID')).toBe('b1');
    expect(result?.path?.namespace).toBe(NS);
  });

  it('returns every property of subclass instances for SELECT *', () => {
    const results = execQuery(buildRepository(), NS, 'WQL', "SELECT * FROM TST_Base WHERE InstanceID = 'ss1'");
    expect(results[0]?.properties.has('Big')).toBe(true);
  });

  it('compares datetimes as text', () => {
    const repository = buildRepository();
    setProperty(repository, NS, otherPath(1), 'Stamp', new CIMDateTime('20240101000000.000000+000'));
    const query = "SELECT * FROM TST_Other WHERE Stamp > '20231231000000.000000+000'";
    expect(ids(execQuery(repository, NS, 'WQL', query))).toEqual(['1']);
  });

  it.each([
    ['unknown language', 'CQL', 'SELECT * FROM TST_Base', 14],
    ['missing FROM', 'WQL', 'SELECT * TST_Base', 15],
    ['trailing text', 'WQL', 'SELECT * FROM TST_Base extra', 15],
    ['bad character', 'WQL', 'SELECT * FROM TST_Base WHERE Count ~ 1', 15],
    ['missing operand', 'WQL', 'SELECT * FROM TST_Base WHERE Count =', 15],
    ['unclosed parenthesis', 'WQL', 'SELECT * FROM TST_Base WHERE (Count = 1', 15],
    ['unknown selected property', 'WQL', 'SELECT Nope FROM TST_Base', 15],
    ['unknown property in WHERE', 'WQL', 'SELECT * FROM TST_Base WHERE Nope = 1', 15],
    ['LIKE on a number', 'WQL', "SELECT * FROM TST_Base WHERE Count LIKE '1'", 15],
    ['array property', 'WQL', "SELECT * FROM TST_Other WHERE Tags = 'a'", 29],
    ['unknown class', 'WQL', 'SELECT * FROM Nope', 5],
    ['empty query', 'WQL', '', 15],
  ])('%s', (_name, language, query, code) => {
    expect(statusOf(() => execQuery(buildRepository(), NS, language, query))).toBe(code);
  });

  it('names the column of a syntax error', () => {
    expect(() => execQuery(buildRepository(), NS, 'WQL', 'SELECT * FROM TST_Base WHERE Count ~ 1')).toThrow(/column 36/);
  });
});
