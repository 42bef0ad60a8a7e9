import { CIMClass } from '../../cim/class.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMParameter } from '../../cim/parameter.js';
import type { EmbeddedObjectKind } from '../../cim/property.js';
import type { CIMInputValue } from '../../cim/value.js';
import { writeValueContent } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import type { XmlSink } from './xml-sink.js';

/** Message kinds, named by the element inside `MESSAGE`. */
export type MessageKind = 'SIMPLEREQ' | 'SIMPLERSP' | 'SIMPLEEXPREQ' | 'SIMPLEEXPRSP';

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8" ?>\n';

/**
 * Writes the XML declaration, `CIM CIMVERSION="2.0" DTDVERSION="2.0"`, `MESSAGE` with
 * the ID and `PROTOCOLVERSION="1.0"`, and starts the element of the message kind.
 */
export function startMessage(sink: XmlSink & { raw(text: string): void }, messageId: string, kind: MessageKind): void {
  sink.raw(XML_DECLARATION);
  sink.start('CIM');
  sink.attribute('CIMVERSION', '2.0');
  sink.attribute('DTDVERSION', '2.0');
  sink.start('MESSAGE');
  sink.attribute('ID', messageId, 'message ID');
  sink.attribute('PROTOCOLVERSION', '1.0');
  sink.start(kind);
}

/** Ends what `startMessage` started. */
export function endMessage(sink: XmlSink, kind: MessageKind): void {
  sink.end(kind);
  sink.end('MESSAGE');
  sink.end('CIM');
}

/** A method parameter as callers pass it: a CIMParameter, or a value whose type is inferred (use typed wrappers for numbers). */
export type MethodParameterInput =
  | Iterable<CIMParameter | readonly [string, CIMInputValue]>
  | Record<string, CIMParameter | CIMInputValue>;

/** Converts method parameters to CIMParameter objects, inferring the CIM type of plain values. */
export function toParameters(input: MethodParameterInput | null | undefined): CIMParameter[] {
  if (input === null || input === undefined) return [];
  const entries: Array<CIMParameter | readonly [string, unknown]> =
    Symbol.iterator in Object(input)
      ? [...(input as Iterable<CIMParameter | readonly [string, CIMInputValue]>)]
      : Object.entries(input);
  return entries.map((entry) => (entry instanceof CIMParameter ? entry : toParameter(entry[0], entry[1])));
}

function toParameter(name: string, value: unknown): CIMParameter {
  if (value instanceof CIMParameter) return value;
  if (value === null || value === undefined) {
    throw new CIMXMLWriteError(
      `The method parameter ${name} is NULL, so its CIM type is unknown and PARAMTYPE cannot be sent; pass new CIMParameter(${JSON.stringify(name)}, { type: ..., value: null }).`,
      `parameter ${name}`,
    );
  }
  return new CIMParameter(name, { value: value as CIMInputValue });
}

/**
 * `<!ELEMENT PARAMVALUE (VALUE | VALUE.REFERENCE | VALUE.ARRAY | VALUE.REFARRAY | ...)?>`.
 * PARAMTYPE is always sent; an embedded object keeps PARAMTYPE `string` and gets
 * `EmbeddedObject`. A NULL value gives an empty PARAMVALUE.
 */
export function writeParamValue(sink: XmlSink, parameter: CIMParameter, elementName = 'PARAMVALUE'): void {
  const where = `parameter ${parameter.name}`;
  const embedded = parameter.embeddedObject ?? inferEmbeddedObject(parameter.value);

  sink.start(elementName);
  sink.attribute('NAME', parameter.name, where);
  sink.attribute('PARAMTYPE', embedded === null ? parameter.type : 'string', where);
  if (embedded !== null) sink.attribute('EmbeddedObject', embedded, where);
  writeValueContent(sink, parameter.value, parameter.type, parameter.isArray, where);
  sink.end(elementName);
}

/** Returns `instance` or `object` when the value (or its first non-NULL element) is an embedded object. */
export function inferEmbeddedObject(value: unknown): EmbeddedObjectKind | null {
  const sample = Array.isArray(value) ? value.find((element) => element !== null) : value;
  if (sample instanceof CIMInstance) return 'instance';
  if (sample instanceof CIMClass) return 'object';
  return null;
}
