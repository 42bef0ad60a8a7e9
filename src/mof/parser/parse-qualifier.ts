import type { MOFFlavor, MOFQualifierDeclaration, MOFQualifierValue, MOFValue } from '../ast.js';
import { positionOf, type MOFTokenStream } from '../token-stream.js';
import { parseArrayValue, parseScalarValue, parseValue } from './parse-value.js';
import { parseArraySuffix } from './parse-array-suffix.js';

/** qualifierList = "[" qualifier *("," qualifier) "]" */
export function parseQualifierList(stream: MOFTokenStream): MOFQualifierValue[] {
  const qualifiers: MOFQualifierValue[] = [];
  if (!stream.isPunctuation('[')) return qualifiers;

  stream.advance();
  qualifiers.push(parseQualifier(stream));
  while (stream.isPunctuation(',')) {
    stream.advance();
    qualifiers.push(parseQualifier(stream));
  }
  stream.expectPunctuation(']', 'or "," in the qualifier list');
  return qualifiers;
}

/** qualifier = name [ "(" value ")" | "{" values "}" ] [ ":" flavor *flavor ] */
function parseQualifier(stream: MOFTokenStream): MOFQualifierValue {
  const { name, position } = stream.expectName('a qualifier name');
  let value: MOFValue | null = null;

  if (stream.isPunctuation('(')) {
    stream.advance();
    value = parseValue(stream);
    stream.expectPunctuation(')', `to close the value of qualifier ${name}`);
  } else if (stream.isPunctuation('{')) {
    value = parseArrayValue(stream);
  }

  const flavors: MOFFlavor[] = [];
  if (stream.isPunctuation(':')) {
    stream.advance();
    flavors.push(parseFlavorName(stream));
    while (stream.current.kind === 'identifier') flavors.push(parseFlavorName(stream));
  }
  return { name, value, flavors, position };
}

function parseFlavorName(stream: MOFTokenStream): MOFFlavor {
  const { name, position } = stream.expectName('a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable)');
  return { name, position };
}

/**
 * qualifierDeclaration = "qualifier" name ":" dataType [array] ["=" value]
 *                        "," "scope" "(" scopes ")" ["," "flavor" "(" flavors ")"] ";"
 */
export function parseQualifierDeclaration(stream: MOFTokenStream): MOFQualifierDeclaration {
  const keyword = stream.expectKeyword('qualifier', 'to start a qualifier declaration');
  const { name } = stream.expectName('the qualifier name after "Qualifier"');
  stream.expectPunctuation(':', `and the type of qualifier ${name}`);
  const type = stream.expectName(`the type of qualifier ${name}`);
  const { isArray, arraySize } = parseArraySuffix(stream);

  let defaultValue: MOFValue | null = null;
  if (stream.isPunctuation('=')) {
    stream.advance();
    defaultValue = stream.isPunctuation('{') ? parseArrayValue(stream) : parseScalarValue(stream);
  }

  stream.expectPunctuation(',', `and "Scope(...)" in qualifier declaration ${name}`);
  const scopes = parseNameList(stream, 'scope');
  let flavors: MOFFlavor[] = [];
  if (stream.isPunctuation(',')) {
    stream.advance();
    flavors = parseNameList(stream, 'flavor');
  }
  stream.expectPunctuation(';', `to end qualifier declaration ${name}`);

  return {
    kind: 'qualifierDeclaration',
    name,
    typeName: type.name,
    isArray,
    arraySize,
    defaultValue,
    scopes,
    flavors,
    position: positionOf(keyword),
    typePosition: type.position,
  };
}

/** `Scope(a, b)` or `Flavor(a, b)`. */
function parseNameList(stream: MOFTokenStream, keyword: 'scope' | 'flavor'): MOFFlavor[] {
  const label = keyword === 'scope' ? 'Scope' : 'Flavor';
  stream.expectKeyword(keyword, `(as in ${label}(...))`);
  stream.expectPunctuation('(', `after ${label}`);

  const names: MOFFlavor[] = [stream.expectName(`a ${keyword} name`)];
  while (stream.isPunctuation(',')) {
    stream.advance();
    names.push(stream.expectName(`a ${keyword} name`));
  }
  stream.expectPunctuation(')', `or "," in ${label}(...)`);
  return names;
}
