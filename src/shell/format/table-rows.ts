import type { CIMInstance, CIMInstanceName, CIMQualifierDeclaration } from '../../index.js';
import type { Displayable, MethodOutput } from './displayable.js';
import { untypedValueText, valueText } from './value-text.js';

/** Columns and rows of a table. */
export interface TableData {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/**
 * Returns the table form of a result. Instances get one column per property, with the
 * key properties first. `columns` picks and orders property columns; names compare
 * case-insensitively, and a name that no object has gives an empty column.
 */
export function tableData(result: Displayable, columns?: readonly string[]): TableData {
  switch (result.kind) {
    case 'classes':
      return {
        columns: ['Class', 'Superclass', 'Properties', 'Methods'],
        rows: result.items.map((item) => [item.className, item.superclass ?? '', String(item.properties.size), String(item.methods.size)]),
      };
    case 'classNames':
      return { columns: ['Class'], rows: result.items.map((name) => [name]) };
    case 'classPaths':
      return { columns: ['Class path'], rows: result.items.map((path) => [path.toString()]) };
    case 'instances':
      return instanceTable(result.items, columns);
    case 'instanceNames':
      return instanceNameTable(result.items, columns);
    case 'qualifierDeclarations':
      return qualifierTable(result.items);
    case 'method':
      return methodTable(result.output);
    case 'rows':
      return { columns: result.columns, rows: result.rows };
    case 'tree':
      return { columns: ['Name'], rows: result.roots.map((root) => [root.label]) };
  }
}

function instanceTable(instances: readonly CIMInstance[], picked: readonly string[] | undefined): TableData {
  const names = pickColumns(propertyColumns(instances), picked);
  const rows = instances.map((instance) =>
    names.map((name) => {
      const property = instance.properties.get(name);
      if (property !== undefined) return valueText(property.value, property.type);
      const key = instance.path?.keybindings.get(name);
      return key === undefined ? '' : String(key);
    }),
  );
  return { columns: names, rows };
}

/** Property names of all instances in first-seen order, keys of the first path first. */
function propertyColumns(instances: readonly CIMInstance[]): string[] {
  const names = new Map<string, string>();
  for (const key of instances[0]?.path?.keybindings.keys() ?? []) names.set(key.toLowerCase(), key);
  for (const instance of instances) {
    for (const name of instance.properties.keys()) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

function instanceNameTable(paths: readonly CIMInstanceName[], picked: readonly string[] | undefined): TableData {
  const keyNames = new Map<string, string>();
  for (const path of paths) for (const key of path.keybindings.keys()) if (!keyNames.has(key.toLowerCase())) keyNames.set(key.toLowerCase(), key);

  const keys = pickColumns([...keyNames.values()], picked);
  const rows = paths.map((path) => [path.className, ...keys.map((key) => keyText(path, key))]);
  return { columns: ['Class', ...keys], rows };
}

function keyText(path: CIMInstanceName, key: string): string {
  const value = path.keybindings.get(key);
  return value === undefined ? '' : String(value);
}

function qualifierTable(declarations: readonly CIMQualifierDeclaration[]): TableData {
  const rows = declarations.map((declaration) => [
    declaration.name,
    declaration.isArray ? `${declaration.type}[]` : declaration.type,
    valueText(declaration.value, declaration.type),
    Object.entries(declaration.scopes)
      .filter(([, on]) => on)
      .map(([scope]) => scope)
      .join(', '),
  ]);
  return { columns: ['Name', 'Type', 'Default', 'Scopes'], rows };
}

function methodTable(output: MethodOutput): TableData {
  const rows = [['ReturnValue', untypedValueText(output.returnValue)]];
  for (const [name, value] of output.outParameters) rows.push([name, untypedValueText(value)]);
  return { columns: ['Name', 'Value'], rows };
}

function pickColumns(available: readonly string[], picked: readonly string[] | undefined): string[] {
  if (picked === undefined || picked.length === 0) return [...available];
  const byLower = new Map(available.map((name) => [name.toLowerCase(), name]));
  return picked.map((name) => byLower.get(name.toLowerCase()) ?? name);
}
