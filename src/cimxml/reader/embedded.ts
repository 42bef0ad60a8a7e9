import { CIMClass } from '../../cim/class.js';
import { ParseError, XMLParseError } from '../../cim/errors.js';
import { CIMInstance } from '../../cim/instance.js';
import type { EmbeddedObjectKind } from '../../cim/property.js';
import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/tree.js';
import type { ReadContext } from './context.js';
import { readClass, readInstance } from './objects.js';

/**
 * `%EmbeddedObject;` — `EmbeddedObject (object|instance) #IMPLIED`. Early OpenPegasus
 * releases spelled it `EMBEDDEDOBJECT` and current ones send both spellings, so either is
 * read; when both are present and differ, `EmbeddedObject` wins with a warning.
 */
export function readEmbeddedObjectAttribute(element: XmlElement, ctx: ReadContext): EmbeddedObjectKind | null {
  const mixedCase = element.attributes.EmbeddedObject;
  const upperCase = element.attributes.EMBEDDEDOBJECT;
  if (mixedCase !== undefined && upperCase !== undefined && mixedCase !== upperCase) {
    ctx.warn(
      'EMBEDDED_OBJECT_CONFLICT',
      element,
      `Element ${element.name} has EmbeddedObject="${mixedCase}" and EMBEDDEDOBJECT="${upperCase}"; EmbeddedObject is used.`,
    );
  }

  const value = mixedCase ?? upperCase;
  if (value === undefined) return null;
  if (value === 'instance' || value === 'object') return value;
  throw ctx.error(element, `attribute EmbeddedObject="${value}" of element ${element.name} is not "object" or "instance".`);
}

/**
 * Parses the text of an embedded object: the CIM-XML of one INSTANCE or CLASS, already
 * unescaped once by the XML parser (each nesting level escapes once more, and is
 * unescaped by the recursive read). Empty text stays an empty string, not an object.
 */
export function decodeEmbeddedObject(
  text: string,
  element: XmlElement,
  ctx: ReadContext,
): CIMInstance | CIMClass | string {
  if (text.trim() === '') return text;

  const root = parseEmbeddedXml(text, ctx);
  const rootCtx = ctx.nested(`{embedded}/${root.name}`);
  if (root.name === 'INSTANCE') return readInstance(root, rootCtx);
  if (root.name === 'CLASS') return readClass(root, rootCtx);
  throw ctx.error(element, `an embedded object must be an INSTANCE or CLASS element, but is ${root.name}.`);
}

function parseEmbeddedXml(text: string, ctx: ReadContext): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw new XMLParseError(`Embedded object at ${ctx.path} is not well-formed XML: ${error.message}`, {
      elementPath: ctx.path,
      line: error.line,
      column: error.column,
      rawText: text,
      cause: error,
    });
  }
}

/** Returns true when the value is an embedded object rather than text. */
export function isEmbeddedObject(value: unknown): value is CIMInstance | CIMClass {
  return value instanceof CIMInstance || value instanceof CIMClass;
}
