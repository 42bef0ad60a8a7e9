import type { XmlElement } from '../../index.js';

const STEP = '  ';

/**
 * Writes an element tree as indented XML, one element per line. Text content stays on
 * the line of its element, and an element without children or text is written `<X/>`.
 * Whitespace in text is kept, so the layout changes no value.
 */
export function indentedXml(root: XmlElement): string {
  const lines: string[] = [];
  writeElement(root, '', lines);
  return lines.join('\n');
}

function writeElement(element: XmlElement, indent: string, lines: string[]): void {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;

  if (element.children.length === 0) {
    lines.push(element.text === '' ? `${open}/>` : `${open}>${escapeText(element.text)}</${element.name}>`);
    return;
  }
  lines.push(`${open}>${escapeText(element.text)}`);
  for (const child of element.children) writeElement(child, indent + STEP, lines);
  lines.push(`${indent}</${element.name}>`);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
