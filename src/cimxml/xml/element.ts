/**
 * One XML element as the CIM-XML reader and writer exchange it: name, attributes in
 * document order, child elements and the concatenated character data (CDATA unwrapped).
 * CIM-XML has no mixed content that matters, so text between child elements is kept
 * only as `text` of the parent for the reader to reject or ignore.
 *
 * Elements from the XML parser that have no attributes or no children share one frozen
 * empty `attributes` record and one frozen empty `children` array, because such leaves are
 * most of a CIM-XML document. Replace these rather than adding to them.
 */
export interface XmlElement {
  /** Element name, such as `INSTANCENAME`. */
  name: string;
  /** Attribute values by name, in document order, with entities resolved. */
  attributes: Record<string, string>;
  /** Child elements in document order. */
  children: XmlElement[];
  /** Character data directly inside this element, with entities and CDATA resolved. */
  text: string;
  /** 1-based position of the start tag in the source, where known (0 when built in code). */
  line: number;
  /** 1-based column of the start tag in the source, where known (0 when built in code). */
  column: number;
}

/** Creates an element for writers and tests; positions are 0. */
export function element(
  name: string,
  attributes: Record<string, string | null | undefined> = {},
  children: XmlElement[] = [],
  text = '',
): XmlElement {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) kept[key] = value;
  }
  return { name, attributes: kept, children, text, line: 0, column: 0 };
}
