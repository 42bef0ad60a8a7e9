/**
 * Parses JSON like `JSON.parse`, but integers beyond 2^53 become `bigint` so that the
 * 64-bit values of the case files keep every digit.
 */
const STRING = /"(?:[^"\\]|\\.)*"/suy;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

export function parseJsonWithBigInts(text: string): unknown {
  let index = 0;

  const fail = (message: string): never => {
    throw new SyntaxError(`Invalid JSON at offset ${index}: ${message}`);
  };
  const skipWhitespace = () => {
    while (/\s/.test(text.charAt(index))) index += 1;
  };

  function parseValue(): unknown {
    skipWhitespace();
    const char = text.charAt(index);
    if (char === '{') return parseObject();
    if (char === '[') return parseArray();
    if (char === '"') return parseString();
    if (text.startsWith('true', index)) return (index += 4), true;
    if (text.startsWith('false', index)) return (index += 5), false;
    if (text.startsWith('null', index)) return (index += 4), null;
    return parseNumber();
  }

  function parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    index += 1;
    skipWhitespace();
    if (text.charAt(index) === '}') return (index += 1), result;
    for (;;) {
      skipWhitespace();
      const key = parseString();
      skipWhitespace();
      if (text.charAt(index) !== ':') fail('expected ":"');
      index += 1;
      result[key] = parseValue();
      skipWhitespace();
      const next = text.charAt(index);
      index += 1;
      if (next === '}') return result;
      if (next !== ',') fail('expected "," or "}"');
    }
  }

  function parseArray(): unknown[] {
    const result: unknown[] = [];
    index += 1;
    skipWhitespace();
    if (text.charAt(index) === ']') return (index += 1), result;
    for (;;) {
      result.push(parseValue());
      skipWhitespace();
      const next = text.charAt(index);
      index += 1;
      if (next === ']') return result;
      if (next !== ',') fail('expected "," or "]"');
    }
  }

  function parseString(): string {
    STRING.lastIndex = index;
    const match = STRING.exec(text);
    if (match === null) fail('expected a string');
    index += match![0].length;
    return JSON.parse(match![0]) as string;
  }

  function parseNumber(): number | bigint {
    NUMBER.lastIndex = index;
    const match = NUMBER.exec(text);
    if (match === null) fail('expected a value');
    index += match![0].length;
    const isInteger = match![1] === undefined && match![2] === undefined;
    const value = Number(match![0]);
    return isInteger && !Number.isSafeInteger(value) ? BigInt(match![0]) : value;
  }

  const value = parseValue();
  skipWhitespace();
  if (index !== text.length) fail('unexpected text after the value');
  return value;
}
