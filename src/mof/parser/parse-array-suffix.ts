import type { MOFTokenStream } from '../token-stream.js';

/** array = "[" [positiveDecimalValue] "]"; returns whether it was there and its size. */
export function parseArraySuffix(stream: MOFTokenStream): { isArray: boolean; arraySize: number | null } {
  if (!stream.isPunctuation('[')) return { isArray: false, arraySize: null };
  stream.advance();

  let arraySize: number | null = null;
  const token = stream.current;
  if (token.kind === 'integer') {
    const size = token.value as bigint;
    if (size <= 0n || size > 0xffffffffn) throw stream.errorAt(`invalid array size ${size}: use a positive integer or leave the brackets empty`, token);
    arraySize = Number(size);
    stream.advance();
  }

  stream.expectPunctuation(']', 'to close the array brackets');
  return { isArray: true, arraySize };
}
