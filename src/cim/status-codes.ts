// CIM status codes of DSP0200 (values of CIM_Error.CIMStatusCode in the DMTF schema).
/** 1: A general error occurred that is not covered by a more specific error code. */
export const CIM_ERR_FAILED = 1;
/** 2: Access to a CIM resource is not available to the client. */
export const CIM_ERR_ACCESS_DENIED = 2;
/** 3: The target namespace does not exist. */
export const CIM_ERR_INVALID_NAMESPACE = 3;
/** 4: One or more parameter values passed to the method are not valid. */
export const CIM_ERR_INVALID_PARAMETER = 4;
/** 5: The specified class does not exist. */
export const CIM_ERR_INVALID_CLASS = 5;
/** 6: The requested object cannot be found. */
export const CIM_ERR_NOT_FOUND = 6;
/** 7: The requested operation is not supported. */
export const CIM_ERR_NOT_SUPPORTED = 7;
/** 8: The operation cannot be invoked on this class because it has subclasses. */
export const CIM_ERR_CLASS_HAS_CHILDREN = 8;
/** 9: The operation cannot be invoked on this class because one or more instances of this class exist. */
export const CIM_ERR_CLASS_HAS_INSTANCES = 9;
/** 10: The operation cannot be invoked because the specified superclass does not exist. */
export const CIM_ERR_INVALID_SUPERCLASS = 10;
/** 11: The operation cannot be invoked because an object already exists. */
export const CIM_ERR_ALREADY_EXISTS = 11;
/** 12: The specified property does not exist. */
export const CIM_ERR_NO_SUCH_PROPERTY = 12;
/** 13: The value supplied is not compatible with the type. */
export const CIM_ERR_TYPE_MISMATCH = 13;
/** 14: The query language is not recognized or supported. */
export const CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED = 14;
/** 15: The query is not valid for the specified query language. */
export const CIM_ERR_INVALID_QUERY = 15;
/** 16: The extrinsic method cannot be invoked. */
export const CIM_ERR_METHOD_NOT_AVAILABLE = 16;
/** 17: The specified extrinsic method does not exist. */
export const CIM_ERR_METHOD_NOT_FOUND = 17;
/** 18: The returned response to the asynchronous operation was not expected. */
export const CIM_ERR_UNEXPECTED_RESPONSE = 18;
/** 19: The specified destination for the asynchronous response is not valid. */
export const CIM_ERR_INVALID_RESPONSE_DESTINATION = 19;
/** 20: The specified namespace is not empty. */
export const CIM_ERR_NAMESPACE_NOT_EMPTY = 20;
/** 21: The enumeration identified by the specified context cannot be found, is in a closed state, does not exist, or is otherwise invalid. */
export const CIM_ERR_INVALID_ENUMERATION_CONTEXT = 21;
/** 22: The specified operation timeout is not supported by the WBEM server. */
export const CIM_ERR_INVALID_OPERATION_TIMEOUT = 22;
/** 23: The pull operation has been abandoned. */
export const CIM_ERR_PULL_HAS_BEEN_ABANDONED = 23;
/** 24: The attempt to abandon a concurrent pull operation failed. */
export const CIM_ERR_PULL_CANNOT_BE_ABANDONED = 24;
/** 25: Using a filter query in pulled enumerations is not supported by the WBEM server. */
export const CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED = 25;
/** 26: The WBEM server does not support continuation on error. */
export const CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED = 26;
/** 27: The WBEM server has failed the operation based upon exceeding server limits. */
export const CIM_ERR_SERVER_LIMITS_EXCEEDED = 27;
/** 28: The WBEM server is shutting down and cannot process the operation. */
export const CIM_ERR_SERVER_IS_SHUTTING_DOWN = 28;
/** 29: The query feature is not supported. */
export const CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED = 29;

const STATUS_CODE_NAMES: readonly string[] = [
  'CIM_ERR_SUCCESS',
  'CIM_ERR_FAILED',
  'CIM_ERR_ACCESS_DENIED',
  'CIM_ERR_INVALID_NAMESPACE',
  'CIM_ERR_INVALID_PARAMETER',
  'CIM_ERR_INVALID_CLASS',
  'CIM_ERR_NOT_FOUND',
  'CIM_ERR_NOT_SUPPORTED',
  'CIM_ERR_CLASS_HAS_CHILDREN',
  'CIM_ERR_CLASS_HAS_INSTANCES',
  'CIM_ERR_INVALID_SUPERCLASS',
  'CIM_ERR_ALREADY_EXISTS',
  'CIM_ERR_NO_SUCH_PROPERTY',
  'CIM_ERR_TYPE_MISMATCH',
  'CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED',
  'CIM_ERR_INVALID_QUERY',
  'CIM_ERR_METHOD_NOT_AVAILABLE',
  'CIM_ERR_METHOD_NOT_FOUND',
  'CIM_ERR_UNEXPECTED_RESPONSE',
  'CIM_ERR_INVALID_RESPONSE_DESTINATION',
  'CIM_ERR_NAMESPACE_NOT_EMPTY',
  'CIM_ERR_INVALID_ENUMERATION_CONTEXT',
  'CIM_ERR_INVALID_OPERATION_TIMEOUT',
  'CIM_ERR_PULL_HAS_BEEN_ABANDONED',
  'CIM_ERR_PULL_CANNOT_BE_ABANDONED',
  'CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED',
  'CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED',
  'CIM_ERR_SERVER_LIMITS_EXCEEDED',
  'CIM_ERR_SERVER_IS_SHUTTING_DOWN',
  'CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED',
];

/** Returns the name of a status code, such as `CIM_ERR_NOT_FOUND`, or `CIM_ERR_UNKNOWN_<n>`. */
export function statusCodeName(statusCode: number): string {
  return STATUS_CODE_NAMES[statusCode] ?? `CIM_ERR_UNKNOWN_${statusCode}`;
}

/** Returns the status code of a name such as `CIM_ERR_NOT_FOUND`, or undefined. */
export function statusCodeFromName(name: string): number | undefined {
  const index = STATUS_CODE_NAMES.indexOf(name.toUpperCase());
  return index > 0 ? index : undefined;
}
