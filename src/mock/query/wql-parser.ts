import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_INVALID_QUERY } from '../../cim/status-codes.js';

/**
 * The WQL subset this mock server runs:
 *
 *   SELECT * | prop {, prop} FROM Class [WHERE condition]
 *   condition  := term {OR term}
 *   term       := factor {AND factor}
 *   factor     := NOT factor | ( condition ) | comparison
 *   comparison := operand (= | <> | != | < | > | <= | >=) operand
 *               | prop IS [NOT] NULL | prop [NOT] LIKE 'pattern'
 *   operand    := prop | 'string' | "string" | number | TRUE | FALSE | NULL
 *
 * Keywords and property names are case-insensitive. LIKE knows `%` (any run of
 * characters) and `_` (one character).
 */
export interface WQLQuery {
  /** Selected property names; null for `*`. */
  select: string[] | null;
  className: string;
  where: WQLCondition | null;
}

export type WQLOperand = { kind: 'property'; name: string } | { kind: 'literal'; value: string | number | boolean | null };

export type WQLComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

export type WQLCondition =
  | { kind: 'and' | 'or'; left: WQLCondition; right: WQLCondition }
  | { kind: 'not'; operand: WQLCondition }
  | { kind: 'compare'; operator: WQLComparisonOperator; left: WQLOperand; right: WQLOperand }
  | { kind: 'isNull'; property: string; negated: boolean }
  | { kind: 'like'; property: string; pattern: string; negated: boolean };

interface Token {
  kind: 'word' | 'string' | 'number' | 'symbol' | 'end';
  text: string;
  /** 1-based column in the query text. */
  column: number;
}

const TOKEN_PATTERN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(<>|!=|<=|>=|[=<>*,()]))/y;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  let position = 0;

  while (position < query.length) {
    if (/^\s*$/.test(query.slice(position))) break;
    TOKEN_PATTERN.lastIndex = position;
    const match = TOKEN_PATTERN.exec(query);
    if (!match) {
      const column = position + 1 + (query.slice(position).length - query.slice(position).trimStart().length);
      throw invalidQuery(query, column, `unexpected character ${JSON.stringify(query.charAt(column - 1))}`);
    }
    const text = match[0].trimStart();
    const column = match.index + match[0].length - text.length + 1;
    const kind = match[1] ? 'word' : match[2] ? 'string' : match[3] ? 'number' : 'symbol';
    tokens.push({ kind, text, column });
    position = TOKEN_PATTERN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', column: query.length + 1 });
  return tokens;
}

function invalidQuery(query: string, column: number, problem: string): CIMError {
  return new CIMError(CIM_ERR_INVALID_QUERY, `Invalid WQL query at column ${column}: ${problem}. Query: ${query}`);
}

/** Parses a query of the WQL subset; raises CIM_ERR_INVALID_QUERY with the column of the first error. */
export function parseWQL(query: string): WQLQuery {
  return new WQLParser(query).parseQuery();
}

class WQLParser {
  readonly #query: string;
  readonly #tokens: Token[];
  #index = 0;

  constructor(query: string) {
    this.#query = query;
    this.#tokens = tokenize(query);
  }

  parseQuery(): WQLQuery {
    this.#expectKeyword('SELECT');
    const select = this.#parseSelectList();
    this.#expectKeyword('FROM');
    const className = this.#expectWord('a class name');
    const where = this.#acceptKeyword('WHERE') ? this.#parseCondition() : null;
    if (this.#peek().kind !== 'end') throw this.#error(`unexpected ${JSON.stringify(this.#peek().text)} after the query`);
    return { select, className, where };
  }

  #parseSelectList(): string[] | null {
    if (this.#acceptSymbol('*')) return null;
    const names = [this.#expectWord('a property name or *')];
    while (this.#acceptSymbol(',')) names.push(this.#expectWord('a property name'));
    return names;
  }

  #parseCondition(): WQLCondition {
    let left = this.#parseTerm();
    while (this.#acceptKeyword('OR')) left = { kind: 'or', left, right: this.#parseTerm() };
    return left;
  }

  #parseTerm(): WQLCondition {
    let left = this.#parseFactor();
    while (this.#acceptKeyword('AND')) left = { kind: 'and', left, right: this.#parseFactor() };
    return left;
  }

  #parseFactor(): WQLCondition {
    if (this.#acceptKeyword('NOT')) return { kind: 'not', operand: this.#parseFactor() };
    if (this.#acceptSymbol('(')) {
      const inner = this.#parseCondition();
      if (!this.#acceptSymbol(')')) throw this.#error('expected ")"');
      return inner;
    }
    return this.#parseComparison();
  }

  #parseComparison(): WQLCondition {
    const left = this.#parseOperand();
    if (left.kind === 'property') {
      if (this.#acceptKeyword('IS')) {
        const negated = this.#acceptKeyword('NOT');
        this.#expectKeyword('NULL');
        return { kind: 'isNull', property: left.name, negated };
      }
      const negated = this.#acceptKeyword('NOT');
      if (this.#acceptKeyword('LIKE')) {
        const token = this.#next();
        if (token.kind !== 'string') throw this.#error('expected a quoted pattern after LIKE', token);
        return { kind: 'like', property: left.name, pattern: unquote(token.text), negated };
      }
      if (negated) throw this.#error('expected LIKE after NOT');
    }

    const token = this.#next();
    const operator = token.text === '!=' ? '<>' : token.text;
    if (token.kind !== 'symbol' || !['=', '<>', '<', '>', '<=', '>='].includes(operator)) {
      throw this.#error('expected a comparison operator (=, <>, <, >, <=, >=), IS or LIKE', token);
    }
    return { kind: 'compare', operator: operator as WQLComparisonOperator, left, right: this.#parseOperand() };
  }

  #parseOperand(): WQLOperand {
    const token = this.#next();
    if (token.kind === 'string') return { kind: 'literal', value: unquote(token.text) };
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.kind === 'word') {
      const upper = token.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
      if (upper === 'NULL') return { kind: 'literal', value: null };
      if (KEYWORDS.has(upper)) throw this.#error('expected a property or a literal', token);
      return { kind: 'property', name: token.text };
    }
    throw this.#error('expected a property or a literal', token);
  }

  #peek(): Token {
    return this.#tokens[this.#index] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index += 1;
    return token;
  }

  #acceptKeyword(keyword: string): boolean {
    const token = this.#peek();
    if (token.kind !== 'word' || token.text.toUpperCase() !== keyword) return false;
    this.#index += 1;
    return true;
  }

  #expectKeyword(keyword: string): void {
    if (!this.#acceptKeyword(keyword)) throw this.#error(`expected ${keyword}`);
  }

  #acceptSymbol(symbol: string): boolean {
    const token = this.#peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return false;
    this.#index += 1;
    return true;
  }

  #expectWord(what: string): string {
    const token = this.#next();
    if (token.kind !== 'word' || KEYWORDS.has(token.text.toUpperCase())) throw this.#error(`expected ${what}`, token);
    return token.text;
  }

  #error(problem: string, token: Token = this.#peek()): CIMError {
    const found = token.kind === 'end' ? 'the end of the query' : JSON.stringify(token.text);
    return invalidQuery(this.#query, token.column, `${problem}, found ${found}`);
  }
}

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IS', 'LIKE', 'NULL', 'TRUE', 'FALSE']);

function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}
