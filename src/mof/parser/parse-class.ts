import type {
  MOFClassDeclaration,
  MOFMethodDeclaration,
  MOFParameterDeclaration,
  MOFPropertyDeclaration,
  MOFQualifierValue,
  MOFValue,
} from '../ast.js';
import type { MOFPosition } from '../errors.js';
import { positionOf, type MOFTokenStream } from '../token-stream.js';
import { parseArraySuffix } from './parse-array-suffix.js';
import { parseQualifierList } from './parse-qualifier.js';
import { parseValue } from './parse-value.js';

/** classDeclaration = [qualifierList] "class" className [":" superclass] "{" *classFeature "}" ";" */
export function parseClassDeclaration(stream: MOFTokenStream, qualifiers: MOFQualifierValue[]): MOFClassDeclaration {
  const keyword = stream.expectKeyword('class', 'to start a class declaration');
  const { name } = stream.expectName('the class name after "class"');

  let superclass: string | null = null;
  let superclassPosition: MOFPosition | null = null;
  if (stream.isPunctuation(':')) {
    stream.advance();
    const parent = stream.expectName(`the superclass name of class ${name}`);
    superclass = parent.name;
    superclassPosition = parent.position;
  }

  stream.expectPunctuation('{', `to open the body of class ${name}`);
  const declaration: MOFClassDeclaration = {
    kind: 'class',
    qualifiers,
    name,
    superclass,
    superclassPosition,
    properties: [],
    methods: [],
    position: positionOf(keyword),
  };
  while (!stream.isPunctuation('}')) parseClassFeature(stream, declaration);
  stream.advance();
  stream.expectPunctuation(';', `after the closing "}" of class ${name}`);
  return declaration;
}

/**
 * classFeature = [qualifierList] (dataType | className "REF") name
 *                ( "(" [parameterList] ")" | [array] ["=" value] ) ";"
 */
function parseClassFeature(stream: MOFTokenStream, declaration: MOFClassDeclaration): void {
  const qualifiers = parseQualifierList(stream);
  const type = stream.expectName(`a property or method of class ${declaration.name} (or "}" to end the class)`);
  const isReference = isReferenceKeyword(stream);
  if (isReference) stream.advance();
  const { name, position } = stream.expectName(`the name of the ${isReference ? 'reference' : 'property or method'} after "${type.name}${isReference ? ' REF' : ''}"`);

  if (stream.isPunctuation('(')) {
    declaration.methods.push(parseMethodRest(stream, { qualifiers, returnTypeName: type.name, isReference, name, parameters: [], position, typePosition: type.position }));
    return;
  }

  const { isArray, arraySize } = parseArraySuffix(stream);
  let defaultValue: MOFValue | null = null;
  if (stream.isPunctuation('=')) {
    stream.advance();
    defaultValue = parseValue(stream);
  }
  stream.expectPunctuation(';', `to end property ${name}`);

  const property: MOFPropertyDeclaration = {
    qualifiers,
    typeName: type.name,
    isReference,
    name,
    isArray,
    arraySize,
    defaultValue,
    position,
    typePosition: type.position,
  };
  declaration.properties.push(property);
}

/** Checks for the `REF` of `ClassName REF name`; the name after it distinguishes it from a feature called `Ref`. */
function isReferenceKeyword(stream: MOFTokenStream): boolean {
  if (!stream.isKeyword('ref')) return false;
  const next = stream.peek();
  return next.kind === 'identifier' || next.kind === 'boolean' || next.kind === 'null';
}

/** methodDeclaration rest = "(" [parameter *("," parameter)] ")" ";" */
function parseMethodRest(stream: MOFTokenStream, method: MOFMethodDeclaration): MOFMethodDeclaration {
  stream.expectPunctuation('(', `to open the parameters of method ${method.name}`);
  if (!stream.isPunctuation(')')) {
    method.parameters.push(parseParameter(stream, method.name));
    while (stream.isPunctuation(',')) {
      stream.advance();
      method.parameters.push(parseParameter(stream, method.name));
    }
  }
  stream.expectPunctuation(')', `or "," in the parameters of method ${method.name}`);
  stream.expectPunctuation(';', `to end method ${method.name}`);
  return method;
}

/** parameter = [qualifierList] (dataType | className "REF") name [array] */
function parseParameter(stream: MOFTokenStream, methodName: string): MOFParameterDeclaration {
  const qualifiers = parseQualifierList(stream);
  const type = stream.expectName(`a parameter type in method ${methodName}`);
  const isReference = isReferenceKeyword(stream);
  if (isReference) stream.advance();
  const { name, position } = stream.expectName(`the parameter name after "${type.name}${isReference ? ' REF' : ''}"`);
  const { isArray, arraySize } = parseArraySuffix(stream);
  return { qualifiers, typeName: type.name, isReference, name, isArray, arraySize, position, typePosition: type.position };
}
