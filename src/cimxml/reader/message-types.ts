import type { CIMType } from '../../cim/cim-type.js';
import type { CIMClass } from '../../cim/class.js';
import type { CIMClassName } from '../../cim/class-name.js';
import type { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { EmbeddedObjectKind } from '../../cim/property.js';
import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { CIMScalar, CIMValue } from '../../cim/value.js';

/** `PARAMTYPE` values: the CIM types plus `reference`, `object` and `instance`. */
export type ParamType = CIMType | 'object' | 'instance';

/** A `PARAMVALUE`: an extrinsic method parameter, or an output parameter of a response. */
export interface ParamValue {
  name: string;
  /** PARAMTYPE (or the non-standard TYPE) as sent; null when absent. */
  paramType: ParamType | null;
  embeddedObject: EmbeddedObjectKind | null;
  /**
   * The value, converted to `paramType` when given; text when no type was sent (an
   * array of texts for VALUE.ARRAY). References, instances and classes are objects.
   */
  value: CIMValue;
}

/** Content of an `IPARAMVALUE`: values stay text except TRUE/FALSE, since the operation defines the types. */
export type IParamContent = CIMValue | CIMQualifierDeclaration;

/** An `IPARAMVALUE`: a parameter of an intrinsic operation. */
export interface IParamValue {
  name: string;
  value: IParamContent;
}

/** A `CORRELATOR` of DTD 2.4: name, type and value. */
export interface Correlator {
  name: string;
  type: CIMType;
  value: CIMScalar | null;
}

/** An `IMETHODCALL` (intrinsic) or `METHODCALL` (extrinsic) in a request. */
export interface OperationRequest {
  kind: 'request';
  intrinsic: boolean;
  /** Operation name such as `GetInstance`, or the extrinsic method name. */
  name: string;
  /** Target namespace: from LOCALNAMESPACEPATH, or from the target path of an extrinsic call. */
  namespace: string;
  /** Target of an extrinsic call (class or instance path); null for intrinsic operations. */
  target: CIMInstanceName | CIMClassName | null;
  /** Intrinsic parameters (`IPARAMVALUE`), in document order; empty for extrinsic calls. */
  intrinsicParameters: IParamValue[];
  /** Extrinsic parameters (`PARAMVALUE`), in document order; empty for intrinsic calls. */
  parameters: ParamValue[];
  correlators: Correlator[];
}

/** One item of an `IRETURNVALUE`. */
export type IReturnItem =
  | CIMValue
  | CIMQualifierDeclaration
  | CIMClass
  | CIMInstance
  | CIMClassName
  | CIMInstanceName;

/** An `IRETURNVALUE`: the name of its child elements (null when empty) and the items they hold. */
export interface IReturnValue {
  elementName: string | null;
  items: IReturnItem[];
}

/** A `RETURNVALUE` of an extrinsic method. */
export interface ReturnValue {
  paramType: ParamType | null;
  embeddedObject: EmbeddedObjectKind | null;
  value: CIMValue;
}

/** An `IMETHODRESPONSE` or `METHODRESPONSE`. */
export interface OperationResponse {
  kind: 'response';
  intrinsic: boolean;
  name: string;
  /** The `ERROR` element as a CIMError (code, description, CIM_Error instances); null on success. */
  error: CIMError | null;
  /** IRETURNVALUE of an intrinsic operation; null when absent or on error. */
  intrinsicReturnValue: IReturnValue | null;
  /** RETURNVALUE of an extrinsic method; null when absent or on error. */
  returnValue: ReturnValue | null;
  /** Output `PARAMVALUE`s (extrinsic output parameters, or pull-operation results). */
  outputParameters: ParamValue[];
}

/** An `EXPMETHODCALL` (indication delivery to a listener). */
export interface ExportRequest {
  kind: 'exportRequest';
  name: string;
  parameters: Array<{ name: string; value: CIMInstance | null }>;
  correlators: Correlator[];
}

/** An `EXPMETHODRESPONSE`. */
export interface ExportResponse {
  kind: 'exportResponse';
  name: string;
  error: CIMError | null;
  returnValue: IReturnValue | null;
}

export type MessageOperation = OperationRequest | OperationResponse | ExportRequest | ExportResponse;

/** A `MESSAGE`: its ID, protocol version, body element and the operations it carries. */
export interface CIMMessage {
  id: string;
  protocolVersion: string;
  /** SIMPLEREQ, MULTIREQ, SIMPLERSP, MULTIRSP, SIMPLEEXPREQ, MULTIEXPREQ, SIMPLEEXPRSP or MULTIEXPRSP. */
  bodyElement: string;
  /** One operation for the SIMPLE* forms, two or more for the MULTI* forms. */
  operations: MessageOperation[];
}

/** One `DECLGROUP`, `DECLGROUP.WITHNAME` or `DECLGROUP.WITHPATH`. */
export interface DeclarationGroup {
  elementName: string;
  /** Namespace of the group; null when the group has none. */
  namespace: string | null;
  host: string | null;
  qualifierDeclarations: CIMQualifierDeclaration[];
  /** Classes and instances, with paths where the group gives them. */
  objects: Array<CIMClass | CIMInstance>;
}

/** A `DECLARATION`: groups of qualifier declarations, classes and instances. */
export interface CIMDeclaration {
  groups: DeclarationGroup[];
}

/** The `CIM` root element. */
export interface CIMDocument {
  cimVersion: string;
  dtdVersion: string;
  message: CIMMessage | null;
  declaration: CIMDeclaration | null;
}
