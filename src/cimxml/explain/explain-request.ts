import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/tree.js';
import { INTRINSIC_OPERATIONS, isIntrinsicOperation, type ParameterSpec } from '../writer/operations.js';
import { ELEMENT_NOTES } from './element-notes.js';
import { OPERATION_MEANINGS, PARAMETER_MEANINGS, parameterDefault } from './operation-notes.js';

/** One line of an explained request. */
export interface ExplainedLine {
  /** Nesting depth of the element; 0 for the root. */
  readonly depth: number;
  /** `element`: an element of the request; `omitted`: a parameter left out; `warning`: a problem found. */
  readonly kind: 'element' | 'omitted' | 'warning';
  /** The start tag with its attributes, or the parameter name for `omitted` lines. */
  readonly label: string;
  /** Meaning of the element, the default that applies, or the problem found; empty when nothing is known. */
  readonly note: string;
  /** 1-based line of the element in the request text; 0 for `omitted` lines. */
  readonly line: number;
}

/**
 * Annotates a CIM-XML request element by element: the DSP0200 operation and parameter
 * each element is, its meaning, and the default the server applies for each optional
 * parameter left out. Unknown, duplicated and missing required parameters get warnings.
 * Raises XMLParseError for text that is not well-formed.
 */
export function explainRequest(request: string | XmlElement): ExplainedLine[] {
  const root = typeof request === 'string' ? parseXml(request) : request;
  const lines: ExplainedLine[] = [];
  walk(root, 0, lines);
  return lines;
}

function walk(element: XmlElement, depth: number, lines: ExplainedLine[]): void {
  lines.push({ depth, kind: 'element', label: startTag(element), note: elementNote(element), line: element.line });

  for (const child of element.children) {
    if (element.name === 'IMETHODCALL' && child.name === 'IPARAMVALUE') {
      explainIParamValue(element, child, depth + 1, lines);
    } else if (element.name === 'METHODCALL' && child.name === 'PARAMVALUE') {
      lines.push({ depth: depth + 1, kind: 'element', label: startTag(child), note: paramValueNote(child), line: child.line });
      for (const grandchild of child.children) walk(grandchild, depth + 2, lines);
    } else {
      walk(child, depth + 1, lines);
    }
  }

  if (element.name === 'IMETHODCALL') explainOmitted(element, depth + 1, lines);
}

function elementNote(element: XmlElement): string {
  if (element.name === 'IMETHODCALL') return intrinsicNote(element);
  if (element.name === 'METHODCALL') return methodNote(element);
  return ELEMENT_NOTES[element.name]?.(element) ?? '';
}

function intrinsicNote(element: XmlElement): string {
  const name = element.attributes['NAME'] ?? '';
  const operation = canonicalOperation(name);
  if (operation === null) return `intrinsic operation ${JSON.stringify(name)}, which DSP0200 does not define; servers answer CIM_ERR_NOT_SUPPORTED (7)`;

  const spelled = operation === name ? '' : ` (DSP0200 spells it ${operation})`;
  return `intrinsic operation ${operation}${spelled}: ${OPERATION_MEANINGS[operation]}; CIMMethod header ${operation}, CIMObject header the namespace`;
}

function methodNote(element: XmlElement): string {
  const name = element.attributes['NAME'] ?? '?';
  return `extrinsic method call ${name} (InvokeMethod); CIMMethod header ${name}, CIMObject header the target path`;
}

function paramValueNote(element: XmlElement): string {
  const name = element.attributes['NAME'] ?? '?';
  const type = element.attributes['PARAMTYPE'];
  const embedded = element.attributes['EmbeddedObject'] ?? element.attributes['EMBEDDEDOBJECT'];
  const typeText = type === undefined ? 'no PARAMTYPE, so the server infers the type' : `type ${type}`;
  const valueText = element.children.length === 0 ? ', value NULL' : '';
  return `input parameter ${name}, ${typeText}${embedded === undefined ? '' : `, embedded ${embedded}`}${valueText}`;
}

function explainIParamValue(call: XmlElement, parameter: XmlElement, depth: number, lines: ExplainedLine[]): void {
  const operation = canonicalOperation(call.attributes['NAME'] ?? '');
  const name = parameter.attributes['NAME'] ?? '';
  const spec = operation === null ? undefined : findSpec(operation, name);

  lines.push({ depth, kind: 'element', label: startTag(parameter), note: iparamNote(operation, name, spec, parameter), line: parameter.line });
  if (operation !== null && spec === undefined) {
    lines.push(warning(depth, name, `${JSON.stringify(name)} is not a parameter of ${operation} in DSP0200; servers reject it with CIM_ERR_INVALID_PARAMETER (4) or ignore it`, parameter.line));
  }
  if (spec !== undefined && spec.name !== name) {
    lines.push(warning(depth, name, `DSP0200 spells this parameter ${spec.name}; servers differ in how strictly they compare names`, parameter.line));
  }

  const sameName = call.children.filter((child) => child.name === 'IPARAMVALUE' && child.attributes['NAME']?.toLowerCase() === name.toLowerCase());
  if (sameName.length > 1 && sameName[0] !== parameter) {
    lines.push(warning(depth, name, `${name} is sent more than once; OpenPegasus rejects a duplicated parameter with CIM_ERR_INVALID_PARAMETER (4)`, parameter.line));
  }

  for (const child of parameter.children) walk(child, depth + 1, lines);
}

function iparamNote(operation: string | null, name: string, spec: ParameterSpec | undefined, parameter: XmlElement): string {
  const meaning = PARAMETER_MEANINGS[spec?.name ?? name];
  const parts = [`parameter ${spec?.name ?? name}${meaning === undefined ? '' : `: ${meaning}`}`];
  if (parameter.children.length === 0) parts.push('no value, which means NULL');

  const fallback = operation === null || spec === undefined || spec.required ? null : parameterDefault(operation, spec.name);
  if (fallback !== null) parts.push(`default when left out: ${fallback}`);
  if (spec?.required) parts.push('required');
  return parts.join('; ');
}

function explainOmitted(call: XmlElement, depth: number, lines: ExplainedLine[]): void {
  const operation = canonicalOperation(call.attributes['NAME'] ?? '');
  if (operation === null) return;

  const sent = new Set(
    call.children.filter((child) => child.name === 'IPARAMVALUE').map((child) => (child.attributes['NAME'] ?? '').toLowerCase()),
  );
  for (const spec of INTRINSIC_OPERATIONS[operation] as readonly ParameterSpec[]) {
    if (sent.has(spec.name.toLowerCase())) continue;
    if (spec.required) {
      lines.push(warning(depth, spec.name, `required parameter ${spec.name} is missing; servers answer CIM_ERR_INVALID_PARAMETER (4)`, call.line));
      continue;
    }
    const fallback = parameterDefault(operation, spec.name) ?? 'NULL';
    lines.push({ depth, kind: 'omitted', label: spec.name, note: `not sent, so the server applies the default: ${fallback}`, line: 0 });
  }
}

function canonicalOperation(name: string): keyof typeof INTRINSIC_OPERATIONS | null {
  if (isIntrinsicOperation(name)) return name;
  const lower = name.toLowerCase();
  const match = Object.keys(INTRINSIC_OPERATIONS).find((operation) => operation.toLowerCase() === lower);
  return match !== undefined && isIntrinsicOperation(match) ? match : null;
}

function findSpec(operation: keyof typeof INTRINSIC_OPERATIONS, name: string): ParameterSpec | undefined {
  const specs = INTRINSIC_OPERATIONS[operation] as readonly ParameterSpec[];
  return specs.find((spec) => spec.name === name) ?? specs.find((spec) => spec.name.toLowerCase() === name.toLowerCase());
}

function warning(depth: number, label: string, note: string, line: number): ExplainedLine {
  return { depth, kind: 'warning', label, note, line };
}

function startTag(element: XmlElement): string {
  const attributes = Object.entries(element.attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${element.name}${attributes}>`;
}

const LINE_LABELS: Readonly<Record<ExplainedLine['kind'], (label: string) => string>> = {
  element: (label) => label,
  omitted: (label) => `(${label} left out)`,
  warning: (label) => `! ${label}`,
};

/** Formats explained lines as indented text: the tag, then ` -- ` and the note. */
export function formatExplanation(lines: readonly ExplainedLine[]): string {
  return lines
    .map((line) => {
      const indent = '  '.repeat(line.depth);
      const label = LINE_LABELS[line.kind](line.label);
      return line.note === '' ? `${indent}${label}` : `${indent}${label}  -- ${line.note}`;
    })
    .join('\n');
}
