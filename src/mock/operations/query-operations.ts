import type { CIMClass } from '../../cim/class.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED } from '../../cim/status-codes.js';
import { filterInstance } from '../output-filters.js';
import { checkQueryProperties, matchesCondition } from '../query/wql-evaluate.js';
import { parseWQL } from '../query/wql-parser.js';
import type { MockRepository } from '../repository.js';

/** Query languages ExecQuery and OpenQueryInstances accept (compared case-insensitively). */
export const SUPPORTED_QUERY_LANGUAGES: readonly string[] = ['WQL'];

/** The result of a query: matching instances with paths, and the class the query selected from. */
export interface QueryResult {
  instances: CIMInstance[];
  queryClass: CIMClass;
}

/**
 * ExecQuery: runs a query of the WQL subset (see parseWQL) over the instances of the FROM
 * class and its subclasses. A select list keeps only the listed properties; paths stay
 * complete. Raises CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED for another language,
 * CIM_ERR_INVALID_QUERY for bad syntax or unknown properties and CIM_ERR_INVALID_CLASS for
 * an unknown FROM class.
 */
export function execQuery(repository: MockRepository, namespace: string, queryLanguage: string, query: string): CIMInstance[] {
  return runQuery(repository, namespace, queryLanguage, query).instances;
}

/** Runs a query as execQuery does and also returns the FROM class, for OpenQueryInstances. */
export function runQuery(repository: MockRepository, namespace: string, queryLanguage: string, query: string): QueryResult {
  if (!SUPPORTED_QUERY_LANGUAGES.some((language) => language.toLowerCase() === queryLanguage.toLowerCase())) {
    throw new CIMError(
      CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED,
      `Query language "${queryLanguage}" is not supported; use one of: ${SUPPORTED_QUERY_LANGUAGES.join(', ')}.`,
    );
  }

  const parsed = parseWQL(query);
  const queryClass = repository.storedClass(namespace, parsed.className);
  checkQueryProperties(parsed, queryClass);

  const instances = repository
    .storedInstances(namespace, queryClass.className)
    .filter((stored) => parsed.where === null || matchesCondition(stored, parsed.where))
    .map((stored) =>
      filterInstance(stored, repository.storedClass(namespace, stored.className), {
        includeQualifiers: false,
        includeClassOrigin: false,
        propertyList: parsed.select,
      }),
    );
  return { instances, queryClass };
}
