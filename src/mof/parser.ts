import type { MOFPragma, MOFProduction } from './ast.js';
import type { MOFSource } from './errors.js';
import { MOFTokenStream, positionOf } from './token-stream.js';
import { parseClassDeclaration } from './parser/parse-class.js';
import { parseInstanceDeclaration } from './parser/parse-instance.js';
import { parseQualifierDeclaration, parseQualifierList } from './parser/parse-qualifier.js';

/**
 * Parses one MOF file into its productions, in source order. Included files are not
 * read here: `#pragma include` comes back as a pragma for the compiler to follow.
 * Raises MOFCompileError (`ERR_MOF_SYNTAX`) at the first grammar error.
 */
export function parseMOF(source: MOFSource): MOFProduction[] {
  const stream = new MOFTokenStream(source);
  const productions: MOFProduction[] = [];
  while (stream.current.kind !== 'eof') productions.push(parseProduction(stream));
  return productions;
}

/** mofProduction = compilerDirective | qualifierDeclaration | classDeclaration | instanceDeclaration */
function parseProduction(stream: MOFTokenStream): MOFProduction {
  if (stream.isPunctuation('#')) return parsePragma(stream);
  if (stream.isKeyword('qualifier')) return parseQualifierDeclaration(stream);

  const qualifiers = parseQualifierList(stream);
  if (stream.isKeyword('class')) return parseClassDeclaration(stream, qualifiers);
  if (stream.isKeyword('instance')) return parseInstanceDeclaration(stream, qualifiers, true);
  throw stream.unexpected(
    qualifiers.length > 0 ? '"class" or "instance of" after the qualifier list' : '"#pragma", "Qualifier", "class", "instance of" or "["',
  );
}

/** compilerDirective = "#pragma" name "(" value ")" */
function parsePragma(stream: MOFTokenStream): MOFPragma {
  const hash = stream.advance();
  stream.expectKeyword('pragma', 'after "#"');
  const { name } = stream.expectName('the pragma name, such as include, locale or namespace');

  let value: string | null = null;
  if (stream.isPunctuation('(')) {
    stream.advance();
    const token = stream.current;
    if (token.kind !== 'string' && token.kind !== 'identifier') {
      throw stream.unexpected(`a string argument of #pragma ${name}, such as ("file.mof")`);
    }
    value = String(token.value);
    stream.advance();
    stream.expectPunctuation(')', `to close #pragma ${name}`);
  }
  return { kind: 'pragma', name, value, position: positionOf(hash) };
}
