import path from 'node:path';
import { fileURLToPath } from 'node:url';
import libxmljs from 'libxmljs2';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');
const dtdPath = path.join(referenceDir, 'cim-xml', 'DSP0203_2.4.0.dtd');

// An empty-element tag; attribute values are quoted, so a `>` inside them does not end it.
const EMPTY_ELEMENT_TAG = /<([A-Za-z][\w.]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*\/>/g;

/**
 * Removes whitespace between tags and the XML declaration, and writes empty-element tags
 * with an end tag as the writer does, for golden comparisons.
 */
export function normalizeXml(text: string): string {
  return text
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/>\s+</g, '><')
    .replace(EMPTY_ELEMENT_TAG, '<$1$2></$1>')
    .trim();
}

/**
 * Validates CIM-XML text against DTD 2.4.0 and returns libxml2's error messages. The text
 * may be a whole message or one element; the DOCTYPE names its root element either way.
 */
export function dtdErrors(text: string): string[] {
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const rootName = /^<([A-Za-z_.:-]+)/.exec(body)?.[1] ?? 'CIM';
  const document = `<?xml version="1.0" encoding="utf-8" ?>\n<!DOCTYPE ${rootName} SYSTEM "${dtdPath}">\n${body}`;
  const parsed = libxmljs.parseXml(document, { dtdload: true, dtdvalid: true, nonet: true });
  return parsed.errors.map((error) => String(error.message).trim());
}
