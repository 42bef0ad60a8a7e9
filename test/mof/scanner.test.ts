import { describe, expect, it } from 'vitest';
import { MOFCompileError } from '../../src/mof/errors.js';
import { MOFScanner, type MOFToken } from '../../src/mof/scanner.js';

function scan(text: string): MOFToken[] {
  const scanner = new MOFScanner({ file: 'test.mof', text });
  const tokens: MOFToken[] = [];
  for (let token = scanner.next(); token.kind !== 'eof'; token = scanner.next()) tokens.push(token);
  return tokens;
}

function single(text: string): MOFToken {
  const tokens = scan(text);
  expect(tokens).toHaveLength(1);
  return tokens[0] as MOFToken;
}

function scanError(text: string): MOFCompileError {
  try {
    scan(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MOFCompileError);
    return error as MOFCompileError;
  }
  throw new Error(`no error for ${text}`);
}

describe('MOFScanner', () => {
  it.each([
    ['0', 0n],
    ['42', 42n],
    ['+127', 127n],
    ['-128', -128n],
    ['-0', 0n],
    ['0x1F', 31n],
    ['0XaBc', 2748n],
    ['-0xdef', -3567n],
    ['-0x0', 0n],
    ['077', 63n],
    ['-077', -63n],
    ['0101b', 5n],
    ['-0101B', -5n],
    ['0b', 0n],
    ['-0b', 0n],
    ['18446744073709551615', 18446744073709551615n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('integer %s', (text, expected) => {
    const token = single(text);
    expect(token.kind).toBe('integer');
    expect(token.value).toBe(expected);
  });

  it.each([
    ['1.5', 1.5],
    ['.1', 0.1],
    ['-.0e-0', -0],
    ['.0', 0],
    ['-1.1e-15', -1.1e-15],
    ['3.402823466E38', 3.402823466e38],
    ['4.9E-324', 4.9e-324],
    ['+2.5E+3', 2500],
    ['1e5', 100000],
  ])('real %s', (text, expected) => {
    const token = single(text);
    expect(token.kind).toBe('real');
    expect(token.value).toBe(expected);
  });

  it.each([
    ['"abc"', 'abc'],
    ['""', ''],
    ['"a\\bb"', 'a\bb'],
    ['"a\\tb"', 'a\tb'],
    ['"a\\nb"', 'a\nb'],
    ['"a\\fb"', 'a\fb'],
    ['"a\\rb"', 'a\rb'],
    ['"say \\"hi\\""', 'say "hi"'],
    ["\"it\\'s\"", "it's"],
    ['"c:\\\\dir"', 'c:\\dir'],
    ['"\\x41"', 'A'],
    ['"\\x0041B"', 'AB'],
    ['"\\X263a"', '\u263a'],
    ['"\\x00e9t\\xE9"', 'été'],
    ['"\\x1"', '\u0001'],
    ['"\\x00012"', '\u00012'],
    ['"one" "two"', 'onetwo'],
    ['"one"\n  // comment\n  "two" /* c */ "three"', 'onetwothree'],
    ['"single \'quote\'"', "single 'quote'"],
  ])('string %s', (text, expected) => {
    const token = single(text);
    expect(token.kind).toBe('string');
    expect(token.value).toBe(expected);
  });

  it.each([
    ["'a'", 'a'],
    ["'\\n'", '\n'],
    ["'\\''", "'"],
    ["'\"'", '"'],
    ["'\\x41'", 'A'],
    ["'\\\\'", '\\'],
  ])('char16 %s', (text, expected) => {
    const token = single(text);
    expect(token.kind).toBe('char16');
    expect(token.value).toBe(expected);
  });

  it.each([
    ['TRUE', 'boolean', true],
    ['true', 'boolean', true],
    ['False', 'boolean', false],
    ['NULL', 'null', null],
    ['Null', 'null', null],
    ['null', 'null', null],
  ] as const)('keyword literal %s', (text, kind, value) => {
    const token = single(text);
    expect(token.kind).toBe(kind);
    expect(token.value).toBe(value);
  });

  it.each([
    ['CIM_ManagedElement', 'identifier', 'CIM_ManagedElement'],
    ['_x1', 'identifier', '_x1'],
    ['Truex', 'identifier', 'Truex'],
    ['$alias1', 'alias', 'alias1'],
    ['{', 'punctuation', '{'],
    ['#', 'punctuation', '#'],
    [';', 'punctuation', ';'],
  ] as const)('token %s', (text, kind, value) => {
    const token = single(text);
    expect(token.kind).toBe(kind);
    expect(token.value).toBe(value);
  });

  it('positions line and column', () => {
    const tokens = scan('class A {\n  /* one\n two */ uint8 x;\n};');
    const uint8 = tokens.find((token) => token.value === 'uint8');
    expect(uint8?.line).toBe(3);
    expect(uint8?.column).toBe(9);
    expect(uint8?.offset).toBe(27);
  });

  it('positions after line comment', () => {
    const tokens = scan('// header\n\tx');
    expect(tokens[0]?.line).toBe(2);
    expect(tokens[0]?.column).toBe(2);
  });

  it.each([
    ['"abc', 'unterminated string'],
    ['"a\nb"', 'unterminated string'],
    ['"\\q"', 'invalid escape "\\q"'],
    ['"\\xZ"', '\\x needs 1 to 4 hex digits'],
    ["'ab'", 'invalid char16 literal'],
    ["''", 'invalid char16 literal'],
    ['12ab', 'invalid number "12ab"'],
    ['0x', 'invalid number'],
    ['089', 'octal literal has only digits 0 to 7'],
    ['1.', 'a real needs digits after the "."'],
    ['1.5e', 'the exponent needs digits'],
    ['/* open', 'unterminated comment'],
    ['$', 'an alias needs a name'],
    ['@', 'unexpected character "@"'],
  ])('error %s', (text, expected) => {
    const error = scanError(text);
    expect(error.code).toBe('ERR_MOF_SYNTAX');
    expect(error.reason).toContain(expected);
    expect(error.line).toBe(1);
  });

  it('error position in later line', () => {
    const error = scanError('class A {\n   string s = "a\\qb";\n};');
    expect(error.line).toBe(2);
    expect(error.column).toBe(17);
    expect(error.message).toBe(
      'test.mof:2:17: invalid escape "\\q" (allowed: \\b \\t \\n \\f \\r \\" \\\' \\\\ \\xHHHH); write a backslash as \\\\\n   string s = "a\\qb";\n                ^',
    );
  });
});

describe('real special values', () => {
  it.each([
    ['+INF', Infinity],
    ['-INF', -Infinity],
  ])('scans %s', (text, expected) => {
    const token = new MOFScanner({ file: 'test.mof', text }).next();
    expect(token.kind).toBe('real');
    expect(token.value).toBe(expected);
  });
});
