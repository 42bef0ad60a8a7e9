import type { IntrinsicOperation } from '../writer/operations.js';

/** Purpose of each intrinsic operation of DSP0200 and the content of its IRETURNVALUE. */
export const OPERATION_MEANINGS: Readonly<Record<IntrinsicOperation, string>> = {
  GetClass: 'retrieves one class; returns CLASS',
  EnumerateClasses: 'enumerates the subclasses of a class, or the top-level classes; returns CLASS*',
  EnumerateClassNames: 'enumerates the names of subclasses, or of the top-level classes; returns CLASSNAME*',
  CreateClass: 'creates a class; returns nothing',
  ModifyClass: 'replaces a class; returns nothing',
  DeleteClass: 'deletes a class and its subclasses; returns nothing',
  GetInstance: 'retrieves one instance; returns INSTANCE',
  EnumerateInstances: 'enumerates the instances of a class and its subclasses; returns VALUE.NAMEDINSTANCE*',
  EnumerateInstanceNames: 'enumerates the instance paths of a class and its subclasses; returns INSTANCENAME*',
  CreateInstance: 'creates an instance; returns the INSTANCENAME the server assigned',
  ModifyInstance: 'modifies the properties of an instance; returns nothing',
  DeleteInstance: 'deletes an instance; returns nothing',
  Associators: 'returns the objects associated with the source object as VALUE.OBJECTWITHPATH*',
  AssociatorNames: 'returns the paths of the objects associated with the source object as OBJECTPATH*',
  References: 'returns the associations that refer to the source object as VALUE.OBJECTWITHPATH*',
  ReferenceNames: 'returns the paths of the associations that refer to the source object as OBJECTPATH*',
  GetProperty: 'retrieves one property value; returns VALUE, VALUE.ARRAY, VALUE.REFERENCE, or nothing for NULL',
  SetProperty: 'sets one property value; returns nothing',
  GetQualifier: 'retrieves one qualifier declaration; returns QUALIFIER.DECLARATION',
  SetQualifier: 'creates or replaces a qualifier declaration; returns nothing',
  DeleteQualifier: 'deletes a qualifier declaration; returns nothing',
  EnumerateQualifiers: 'enumerates the qualifier declarations of the namespace; returns QUALIFIER.DECLARATION*',
  ExecQuery: 'runs a query; returns VALUE.OBJECTWITHPATH* (some servers send VALUE.OBJECT* or INSTANCE*)',
  OpenEnumerateInstances: 'opens a pull enumeration of instances; returns VALUE.INSTANCEWITHPATH*, EndOfSequence and EnumerationContext',
  OpenEnumerateInstancePaths: 'opens a pull enumeration of instance paths; returns INSTANCEPATH*, EndOfSequence and EnumerationContext',
  OpenAssociatorInstances: 'opens a pull enumeration of associated instances; returns VALUE.INSTANCEWITHPATH*',
  OpenAssociatorInstancePaths: 'opens a pull enumeration of associated instance paths; returns INSTANCEPATH*',
  OpenReferenceInstances: 'opens a pull enumeration of referencing association instances; returns VALUE.INSTANCEWITHPATH*',
  OpenReferenceInstancePaths: 'opens a pull enumeration of referencing association paths; returns INSTANCEPATH*',
  OpenQueryInstances: 'opens a pull enumeration of query results; returns INSTANCE* without paths',
  PullInstancesWithPath: 'pulls the next instances with paths of an open enumeration',
  PullInstancePaths: 'pulls the next instance paths of an open enumeration',
  PullInstances: 'pulls the next instances of an open query enumeration',
  CloseEnumeration: 'closes an open enumeration before its end; returns nothing',
  EnumerationCount: 'returns the number of remaining objects of an enumeration (deprecated; few servers implement it)',
};

/** Meaning of each intrinsic parameter, by its DSP0200 name. */
export const PARAMETER_MEANINGS: Readonly<Record<string, string>> = {
  ClassName: 'the class the operation works on',
  InstanceName: 'the path of the target instance',
  ObjectName: 'the source object: a class name for class-level, an instance path for instance-level results',
  LocalOnly: 'whether only elements defined or overridden in this class are returned',
  DeepInheritance: 'whether subclasses are included (classes) or properties of subclasses are returned (instances)',
  IncludeQualifiers: 'whether qualifiers are returned',
  IncludeClassOrigin: 'whether CLASSORIGIN attributes are returned',
  PropertyList: 'the properties to return; an empty list returns none',
  NewClass: 'the class to create',
  ModifiedClass: 'the new definition of the class',
  NewInstance: 'the instance to create; the server takes the keys from its properties',
  ModifiedInstance: 'the instance with its path and the new property values',
  AssocClass: 'filter: only associations of this class',
  ResultClass: 'filter: only results of this class',
  Role: 'filter: the role the source object plays in the association',
  ResultRole: 'filter: the role the result object plays in the association',
  PropertyName: 'the property to get or set',
  NewValue: 'the new property value',
  QualifierName: 'the qualifier declaration to get or delete',
  QualifierDeclaration: 'the qualifier declaration to create or replace',
  QueryLanguage: 'the query language, such as WQL or DMTF:CQL',
  Query: 'the query text',
  FilterQueryLanguage: 'query language of the filter on the enumerated instances',
  FilterQuery: 'filter query on the enumerated instances',
  OperationTimeout: 'seconds the server keeps the enumeration open between requests',
  ContinueOnError: 'whether the server continues after an error in the enumeration',
  MaxObjectCount: 'the most objects the server returns in this response',
  ReturnQueryResultClass: 'whether the server also returns the class of the query result',
  EnumerationContext: 'the opaque context of the enumeration, from the last Open or Pull response',
};

const CLASS_OPERATIONS = new Set<string>(['GetClass', 'EnumerateClasses', 'EnumerateClassNames']);

/**
 * Returns the value the server applies when an optional parameter is left out, as
 * DSP0200 defines it, or null for a required parameter or one without a default.
 */
export function parameterDefault(operation: string, parameter: string): string | null {
  const forClasses = CLASS_OPERATIONS.has(operation);
  switch (parameter) {
    case 'LocalOnly':
      return forClasses ? 'TRUE' : 'TRUE (deprecated for instances; clients send FALSE)';
    case 'DeepInheritance':
      return forClasses ? 'FALSE' : 'TRUE';
    case 'IncludeQualifiers':
      if (forClasses) return 'TRUE';
      return operation === 'ModifyInstance' ? 'TRUE (deprecated)' : 'FALSE (deprecated for instances)';
    case 'IncludeClassOrigin':
    case 'ContinueOnError':
    case 'ReturnQueryResultClass':
      return 'FALSE';
    case 'PropertyList':
      return 'NULL: all properties';
    case 'ClassName':
      return operation === 'EnumerateClasses' || operation === 'EnumerateClassNames' ? 'NULL: the top-level classes' : null;
    case 'AssocClass':
    case 'ResultClass':
    case 'Role':
    case 'ResultRole':
      return 'NULL: no filter';
    case 'FilterQueryLanguage':
    case 'FilterQuery':
      return operation === 'OpenQueryInstances' ? null : 'NULL: no filter';
    case 'OperationTimeout':
      return 'NULL: the server default';
    case 'MaxObjectCount':
      return operation.startsWith('Open') ? '0: open without returning objects' : null;
    case 'NewValue':
      return 'NULL';
    default:
      return null;
  }
}
