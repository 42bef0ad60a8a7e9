import { CIMClassName, toJSONText, type CIMInstance, type CIMInstanceName } from '../../index.js';
import type { OutputFormat } from '../session-types.js';
import type { Displayable, MethodOutput, TreeNode } from './displayable.js';
import { renderTable } from './table.js';
import { indentedXml } from './xml-layout.js';
import { tableData } from './table-rows.js';
import { classHierarchy, groupByClass, renderTree } from './tree.js';
import { untypedValueText } from './value-text.js';

/** Layout settings of the output formats. */
export interface FormatOptions {
  /** Line width for tables, in characters. */
  readonly width: number;
  /** Property columns to show in table format; default all that fit. */
  readonly columns?: readonly string[];
}

/** Text of a formatted result and notes about what was left out. */
export interface FormattedOutput {
  readonly text: string;
  readonly warnings: readonly string[];
}

/** Formats a command result in one of the output formats. */
export function formatResult(result: Displayable, format: OutputFormat, options: FormatOptions): FormattedOutput {
  switch (format) {
    case 'mof':
      return { text: mofText(result), warnings: [] };
    case 'xml':
      return { text: xmlText(result), warnings: [] };
    case 'json':
      return { text: jsonText(result), warnings: [] };
    case 'table':
      return tableText(result, options);
    case 'tree':
      return treeText(result, options);
  }
}

function mofText(result: Displayable): string {
  switch (result.kind) {
    case 'classes':
    case 'instances':
    case 'qualifierDeclarations':
      return joinMOF(result.items.map((item) => item.toMOF()));
    case 'classNames':
      return result.items.join('\n');
    case 'classPaths':
    case 'instanceNames':
      return result.items.map((path) => path.toString()).join('\n');
    case 'method':
      return methodLines(result.output);
    case 'rows':
      return renderTable(result.columns, result.rows, Infinity).text;
    case 'tree':
      return renderTree(result.roots);
  }
}

function joinMOF(texts: readonly string[]): string {
  return texts.map((text) => text.trimEnd()).join('\n\n');
}

function methodLines(output: MethodOutput): string {
  const lines = [`ReturnValue=${untypedValueText(output.returnValue)}`];
  for (const [name, value] of output.outParameters) lines.push(`${name}=${untypedValueText(value)}`);
  return lines.join('\n');
}

/**
 * Indented CIM-XML of objects and paths: classes as CLASS, instances with their path.
 * Results without a CIM-XML element (rows, trees, method output) use the MOF form.
 */
function xmlText(result: Displayable): string {
  switch (result.kind) {
    case 'classes':
      return result.items.map((item) => indentedXml(item.toCIMXML({ ignorePath: true }))).join('\n');
    case 'instances':
    case 'qualifierDeclarations':
    case 'classPaths':
    case 'instanceNames':
      return result.items.map((item) => indentedXml(item.toCIMXML())).join('\n');
    case 'classNames':
      return result.items.map((name) => indentedXml(new CIMClassName(name).toCIMXML())).join('\n');
    default:
      return mofText(result);
  }
}

function jsonText(result: Displayable): string {
  switch (result.kind) {
    case 'method': {
      const outParameters: Record<string, unknown> = {};
      for (const [name, value] of result.output.outParameters) outParameters[name] = value;
      return toJSONText({ returnValue: result.output.returnValue, outParameters }, 2);
    }
    case 'rows':
      return toJSONText(
        result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column, row[index] ?? '']))),
        2,
      );
    case 'tree':
      return toJSONText(result.roots.map(plainTree), 2);
    default:
      return toJSONText(result.items, 2);
  }
}

function plainTree(node: TreeNode): Record<string, unknown> {
  return { name: node.label, children: node.children.map(plainTree) };
}

function tableText(result: Displayable, options: FormatOptions): FormattedOutput {
  if (result.kind === 'tree') return { text: renderTree(result.roots), warnings: [] };

  const data = tableData(result, options.columns);
  const table = renderTable(data.columns, data.rows, options.width);
  if (table.hiddenColumns.length === 0) return { text: table.text, warnings: [] };

  const count = table.hiddenColumns.length === 1 ? '1 column does' : `${table.hiddenColumns.length} columns do`;
  const warning = `${count} not fit the width of ${options.width} characters and ${table.hiddenColumns.length === 1 ? 'is' : 'are'} hidden: ${table.hiddenColumns.join(', ')}; pick columns with --columns NAME,NAME.`;
  return { text: table.text, warnings: [warning] };
}

/** Class hierarchies for classes, objects grouped by class for instances and paths; other results as tables. */
function treeText(result: Displayable, options: FormatOptions): FormattedOutput {
  switch (result.kind) {
    case 'tree':
      return { text: renderTree(result.roots), warnings: [] };
    case 'classes':
      return { text: renderTree(classHierarchy(result.items)), warnings: [] };
    case 'instances':
      return { text: renderTree(groupByClass(result.items.map(instanceLabel))), warnings: [] };
    case 'instanceNames':
      return { text: renderTree(groupByClass(result.items.map(pathLabel))), warnings: [] };
    default:
      return tableText(result, options);
  }
}

function instanceLabel(instance: CIMInstance): { className: string; label: string } {
  return instance.path === null ? { className: instance.className, label: '(no path)' } : pathLabel(instance.path);
}

function pathLabel(path: CIMInstanceName): { className: string; label: string } {
  const keys = [...path.keybindings.entries()].map(([name, value]) => `${name}=${String(value)}`);
  return { className: path.className, label: keys.length === 0 ? '(keyless)' : keys.join(' ') };
}

/** Class hierarchy of classes for the `class tree` command. */
export function classTree(classes: ReadonlyArray<{ className: string; superclass: string | null }>): Displayable {
  return { kind: 'tree', roots: classHierarchy(classes) };
}
