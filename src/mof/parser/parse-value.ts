import type { MOFValue } from '../ast.js';
import { positionOf, type MOFTokenStream } from '../token-stream.js';
import { parseInstanceDeclaration } from './parse-instance.js';

/**
 * value = literal | "{" [literal *("," literal)] "}" | alias | instance-declaration.
 * Nested `instance of` values are accepted for embedded instances.
 */
export function parseValue(stream: MOFTokenStream): MOFValue {
  if (stream.isPunctuation('{')) return parseArrayValue(stream);
  return parseScalarValue(stream);
}

export function parseArrayValue(stream: MOFTokenStream): MOFValue {
  const open = stream.expectPunctuation('{', 'to start an array value');
  const elements: MOFValue[] = [];

  if (!stream.isPunctuation('}')) {
    elements.push(parseScalarValue(stream));
    while (stream.isPunctuation(',')) {
      stream.advance();
      elements.push(parseScalarValue(stream));
    }
  }

  stream.expectPunctuation('}', 'or "," in the array value');
  return { kind: 'array', elements, position: positionOf(open) };
}

/** Parses one literal, alias or nested instance. */
export function parseScalarValue(stream: MOFTokenStream): MOFValue {
  const token = stream.current;
  const position = positionOf(token);

  switch (token.kind) {
    case 'integer':
      stream.advance();
      return { kind: 'integer', value: token.value as bigint, position };
    case 'real':
      stream.advance();
      return { kind: 'real', value: token.value as number, position };
    case 'string':
      stream.advance();
      return { kind: 'string', value: token.value as string, position };
    case 'char16':
      stream.advance();
      return { kind: 'char16', value: token.value as string, position };
    case 'boolean':
      stream.advance();
      return { kind: 'boolean', value: token.value as boolean, position };
    case 'null':
      stream.advance();
      return { kind: 'null', position };
    case 'alias':
      stream.advance();
      return { kind: 'alias', name: token.value as string, position };
    case 'identifier':
      // INF and NaN as CIM-XML spells them; MOF has no such literals, but MOF output writes them.
      if (token.value === 'INF' || token.value === 'NaN') {
        stream.advance();
        return { kind: 'real', value: token.value === 'INF' ? Infinity : NaN, position };
      }
      break;
    default:
      break;
  }

  if (stream.isKeyword('instance')) {
    return { kind: 'instance', declaration: parseInstanceDeclaration(stream, [], false), position };
  }
  throw stream.unexpected('a value (number, string, char16, TRUE, FALSE, NULL, $alias, {array} or instance of)');
}
