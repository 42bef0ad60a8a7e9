import type { CIMClass } from '../../cim/class.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIM_ERR_INVALID_QUERY, CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED } from '../../cim/status-codes.js';
import type { CIMValue } from '../../cim/value.js';
import type { WQLComparisonOperator, WQLCondition, WQLOperand, WQLQuery } from './wql-parser.js';

/**
 * Checks the property names of a parsed query against the FROM class:
 * CIM_ERR_INVALID_QUERY for a property the class lacks, CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED
 * for array, reference or embedded-object properties in the WHERE clause.
 */
export function checkQueryProperties(query: WQLQuery, cimClass: CIMClass): void {
  for (const name of query.select ?? []) declared(cimClass, name);
  if (query.where) checkCondition(query.where, cimClass);
}

function checkCondition(condition: WQLCondition, cimClass: CIMClass): void {
  switch (condition.kind) {
    case 'and':
    case 'or':
      checkCondition(condition.left, cimClass);
      checkCondition(condition.right, cimClass);
      return;
    case 'not':
      checkCondition(condition.operand, cimClass);
      return;
    case 'compare':
      for (const operand of [condition.left, condition.right]) {
        if (operand.kind === 'property') checkComparable(cimClass, operand.name);
      }
      return;
    case 'isNull':
      declared(cimClass, condition.property);
      return;
    case 'like':
      if (!['string', 'char16'].includes(checkComparable(cimClass, condition.property))) {
        throw new CIMError(CIM_ERR_INVALID_QUERY, `LIKE needs a string property, but ${condition.property} is not a string.`);
      }
      return;
  }
}

function declared(cimClass: CIMClass, name: string) {
  const property = cimClass.properties.get(name);
  if (!property) {
    throw new CIMError(CIM_ERR_INVALID_QUERY, `Property ${name} of the query is not declared in class ${cimClass.className}.`);
  }
  return property;
}

function checkComparable(cimClass: CIMClass, name: string): string {
  const property = declared(cimClass, name);
  if (property.isArray || property.type === 'reference' || property.embeddedObject !== null) {
    throw new CIMError(
      CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED,
      `Property ${name} is an array, reference or embedded object, which this WQL subset cannot compare.`,
    );
  }
  return property.type;
}

/**
 * True when the instance satisfies the condition. Comparisons with NULL are unknown, as
 * in SQL three-valued logic, and an instance matches only when the condition is true.
 */
export function matchesCondition(instance: CIMInstance, condition: WQLCondition): boolean {
  return evaluate(instance, condition) === true;
}

/** Evaluates a condition to true, false or null (unknown). */
function evaluate(instance: CIMInstance, condition: WQLCondition): boolean | null {
  switch (condition.kind) {
    case 'and': {
      const left = evaluate(instance, condition.left);
      const right = evaluate(instance, condition.right);
      if (left === false || right === false) return false;
      return left === null || right === null ? null : true;
    }
    case 'or': {
      const left = evaluate(instance, condition.left);
      const right = evaluate(instance, condition.right);
      if (left === true || right === true) return true;
      return left === null || right === null ? null : false;
    }
    case 'not': {
      const operand = evaluate(instance, condition.operand);
      return operand === null ? null : !operand;
    }
    case 'isNull':
      return (propertyValue(instance, condition.property) === null) !== condition.negated;
    case 'like': {
      const value = propertyValue(instance, condition.property);
      if (typeof value !== 'string') return null;
      return likePattern(condition.pattern).test(value) !== condition.negated;
    }
    case 'compare':
      return compare(operandValue(instance, condition.left), condition.operator, operandValue(instance, condition.right));
  }
}

type Comparable = string | number | bigint | boolean | null;

function propertyValue(instance: CIMInstance, name: string): CIMValue {
  return instance.properties.get(name)?.value ?? null;
}

function operandValue(instance: CIMInstance, operand: WQLOperand): Comparable {
  if (operand.kind === 'literal') return operand.value;
  const value = propertyValue(instance, operand.name);
  if (value instanceof CIMDateTime) return value.text;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  return null;
}

// NOTE: datetimes compare as text, which orders timestamps correctly only when they share a UTC offset.
function compare(left: Comparable, operator: WQLComparisonOperator, right: Comparable): boolean | null {
  if (left === null || right === null) return null;

  const order = orderOf(left, right);
  if (order === undefined) return null;
  switch (operator) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}

/** Returns -1, 0 or 1, or undefined when the values have no common order (different types). */
function orderOf(left: Exclude<Comparable, null>, right: Exclude<Comparable, null>): number | undefined {
  const numeric = (value: unknown) => typeof value === 'number' || typeof value === 'bigint';
  if (numeric(left) !== numeric(right)) return undefined;
  if (!numeric(left) && typeof left !== typeof right) return undefined;

  // Booleans order false before true; numbers and bigints compare by value; strings by UTF-16 code units.
  const a = typeof left === 'boolean' ? Number(left) : left;
  const b = typeof right === 'boolean' ? Number(right) : right;
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function likePattern(pattern: string): RegExp {
  let source = '';
  for (const character of pattern) {
    if (character === '%') source += '.*';
    else if (character === '_') source += '.';
    else source += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
