import type { CIMClass } from '../class.js';
import type { CIMMethod } from '../method.js';
import type { CIMParameter } from '../parameter.js';
import type { CIMProperty } from '../property.js';
import type { CIMType } from '../cim-type.js';
import { formatQualifierList } from './qualifiers.js';
import { formatValue } from './value.js';

/** Indentation and line length of MOF output. */
export interface MOFOptions {
  /** Spaces before the first line of the element; default 0. */
  indent?: number;
  /** Line length the writer aims for; default 80. Single long tokens can exceed it. */
  maxLineLength?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 80;
const STEP = 3;

/**
 * Formats a class declaration in the layout of the DMTF schema files: qualifier list,
 * `class Name : Superclass {`, each property and method followed by a blank line, `};`.
 */
export function formatClass(cimClass: CIMClass, options: MOFOptions = {}): string {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);
  const qualifiers = formatQualifierList(cimClass.qualifiers, indent, width);
  const superclass = cimClass.superclass ? ` : ${cimClass.superclass}` : '';

  const lines = [`${qualifiers ? `${pad}${qualifiers}\n` : ''}${pad}class ${cimClass.className}${superclass} {`];
  const features = [
    ...[...cimClass.properties.values()].map((property) =>
      formatPropertyDeclaration(property, { indent: indent + STEP, maxLineLength: width }),
    ),
    ...[...cimClass.methods.values()].map((method) =>
      formatMethod(method, { indent: indent + STEP, maxLineLength: width }),
    ),
  ];
  for (const feature of features) lines.push('', feature);

  lines.push(...(features.length > 0 ? [''] : []), `${pad}};`, '');
  return lines.join('\n');
}

/** Formats a property declaration: `[qualifiers] type name[[]] [= default];`. */
export function formatPropertyDeclaration(property: CIMProperty, options: MOFOptions = {}): string {
  const head = declarationHead(property, options);
  return `${head.text}${formatDefault(property.value, property.type, head, options)};`;
}

/** Formats a method declaration with one parameter per line: `type Name(params);`. */
export function formatMethod(method: CIMMethod, options: MOFOptions = {}): string {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);
  const qualifiers = formatQualifierList(method.qualifiers, indent, width);

  // NOTE: a method without a return type is written with the MOF 3 keyword `void`,
  // which DSP0004 MOF 2 compilers may reject.
  const signature = `${pad}${method.returnType ?? 'void'} ${method.name}(`;
  const parameters = [...method.parameters.values()].map((parameter) =>
    formatParameter(parameter, { indent: indent + STEP, maxLineLength: width }),
  );
  const body = parameters.length === 0 ? ');' : `\n${parameters.join(',\n')});`;
  return `${qualifiers ? `${pad}${qualifiers}\n` : ''}${signature}${body}`;
}

/** Formats a parameter declaration: `[qualifiers] type name[[]]` or `Class REF name`. */
export function formatParameter(parameter: CIMParameter, options: MOFOptions = {}): string {
  return declarationHead(parameter, options).text;
}

interface DeclarationHead {
  text: string;
  indent: number;
  column: number;
}

// Qualifier list, type (or `Class REF`), name and array suffix of a property or parameter.
function declarationHead(element: CIMProperty | CIMParameter, options: MOFOptions): DeclarationHead {
  const indent = options.indent ?? 0;
  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const pad = ' '.repeat(indent);
  const qualifiers = formatQualifierList(element.qualifiers, indent, width);

  const typeText = element.type === 'reference' ? `${element.referenceClass ?? 'Object'} REF` : element.type;
  const arraySuffix = element.isArray ? `[${element.arraySize ?? ''}]` : '';
  const line = `${pad}${typeText} ${element.name}${arraySuffix}`;
  const text = `${qualifiers ? `${pad}${qualifiers}\n` : ''}${line}`;
  return { text, indent, column: line.length };
}

function formatDefault(value: unknown, type: CIMType, head: DeclarationHead, options: MOFOptions): string {
  if (value === null || value === undefined) return '';

  const width = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const layout = { indent: head.indent + STEP, column: head.column + 3, width };
  const text = formatValue(value, type, layout);
  return ` = ${text}`;
}
