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
  /** Parameter name (`NAME` attribute), as spelled in the document. */
  name: string;
  /** PARAMTYPE (or the non-standard TYPE) as sent; null when absent. */
  paramType: ParamType | null;
  /** `EmbeddedObject` attribute (`object` or `instance`); null when absent. */
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
  /** Parameter name (`NAME` attribute), such as `ClassName` or `PropertyList`. */
  name: string;
  /** Parameter value; null when the element has no child (a NULL parameter). */
  value: IParamContent;
}

/** A `CORRELATOR` of DTD 2.4: name, type and value. */
export interface Correlator {
  /** Correlator name (`NAME` attribute). */
  name: string;
  /** CIM type of the value (`TYPE` attribute). */
  type: CIMType;
  /** Correlator value, converted to `type`. */
  value: CIMScalar | null;
}

/** An `IMETHODCALL` (intrinsic) or `METHODCALL` (extrinsic) in a request. */
export interface OperationRequest {
  /** Discriminant of the operation union: always `request`. */
  kind: 'request';
  /** Whether the call is an intrinsic operation (`IMETHODCALL`) rather than an extrinsic method (`METHODCALL`). */
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
  /** `CORRELATOR` elements of the call, in document order; empty when there are none. */
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
  /** Element name of the children, such as `INSTANCENAME`; null when the IRETURNVALUE is empty. */
  elementName: string | null;
  /** Items in document order, each read into its CIM object or value. */
  items: IReturnItem[];
}

/** A `RETURNVALUE` of an extrinsic method. */
export interface ReturnValue {
  /** `PARAMTYPE` attribute as sent; null when absent. */
  paramType: ParamType | null;
  /** `EmbeddedObject` attribute (`object` or `instance`); null when absent. */
  embeddedObject: EmbeddedObjectKind | null;
  /** Return value, converted to `paramType` when given; text when no type was sent. */
  value: CIMValue;
}

/** An `IMETHODRESPONSE` or `METHODRESPONSE`. */
export interface OperationResponse {
  /** Discriminant of the operation union: always `response`. */
  kind: 'response';
  /** Whether the response is an `IMETHODRESPONSE` (intrinsic) rather than a `METHODRESPONSE` (extrinsic). */
  intrinsic: boolean;
  /** Operation or method name (`NAME` attribute). */
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
  /** Discriminant of the operation union: always `exportRequest`. */
  kind: 'exportRequest';
  /** Export method name (`NAME` attribute), such as `ExportIndication`. */
  name: string;
  /** `EXPPARAMVALUE` elements in document order. */
  parameters: Array<{
    /** Parameter name, such as `NewIndication`. */
    name: string;
    /** Indication instance; null when the parameter has no `INSTANCE` child. */
    value: CIMInstance | null;
  }>;
  /** `CORRELATOR` elements of the call, in document order; empty when there are none. */
  correlators: Correlator[];
}

/** An `EXPMETHODRESPONSE`. */
export interface ExportResponse {
  /** Discriminant of the operation union: always `exportResponse`. */
  kind: 'exportResponse';
  /** Export method name (`NAME` attribute). */
  name: string;
  /** The `ERROR` element as a CIMError; null on success. */
  error: CIMError | null;
  /** `IRETURNVALUE` of the response; null when absent or on error. */
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
