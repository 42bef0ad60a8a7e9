import type { MOFInstanceDeclaration, MOFPropertyAssignment, MOFQualifierValue } from '../ast.js';
import { positionOf, type MOFTokenStream } from '../token-stream.js';
import { parseValue } from './parse-value.js';

/**
 * instanceDeclaration = [qualifierList] "instance" "of" className ["as" alias]
 *                       "{" *(propertyName "=" value ";") "}" [";"]
 * The closing ";" is required at the top level; a nested instance value ends at "}".
 */
export function parseInstanceDeclaration(
  stream: MOFTokenStream,
  qualifiers: MOFQualifierValue[],
  topLevel: boolean,
): MOFInstanceDeclaration {
  const keyword = stream.expectKeyword('instance', 'to start an instance declaration');
  stream.expectKeyword('of', 'after "instance"');
  const className = stream.expectName('the class name after "instance of"');

  let alias: string | null = null;
  if (stream.isKeyword('as')) {
    stream.advance();
    const token = stream.current;
    if (token.kind !== 'alias') throw stream.unexpected('an alias such as $name after "as"');
    alias = token.value as string;
    stream.advance();
  }

  stream.expectPunctuation('{', `to open the body of the instance of ${className.name}`);
  const properties: MOFPropertyAssignment[] = [];
  while (!stream.isPunctuation('}')) properties.push(parsePropertyAssignment(stream, className.name));
  stream.advance();
  if (topLevel) stream.expectPunctuation(';', `after the closing "}" of the instance of ${className.name}`);

  return {
    kind: 'instance',
    qualifiers,
    className: className.name,
    classPosition: className.position,
    alias,
    properties,
    position: positionOf(keyword),
  };
}

/** propertyAssignment = propertyName "=" value ";" */
function parsePropertyAssignment(stream: MOFTokenStream, className: string): MOFPropertyAssignment {
  const { name, position } = stream.expectName(`a property name in the instance of ${className} (or "}" to end it)`);
  stream.expectPunctuation('=', `after property name ${name}`);
  const value = parseValue(stream);
  stream.expectPunctuation(';', `to end the value of property ${name}`);
  return { name, value, position };
}
