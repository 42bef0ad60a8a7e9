import type { TreeNode } from './displayable.js';

/** Renders trees with box-drawing characters, one root after the other. */
export function renderTree(roots: readonly TreeNode[]): string {
  const lines: string[] = [];
  for (const root of roots) {
    lines.push(root.label);
    appendChildren(root.children, '', lines);
  }
  return lines.join('\n');
}

function appendChildren(children: readonly TreeNode[], prefix: string, lines: string[]): void {
  children.forEach((child, index) => {
    const last = index === children.length - 1;
    lines.push(`${prefix}${last ? '└── ' : '├── '}${child.label}`);
    appendChildren(child.children, `${prefix}${last ? '    ' : '│   '}`, lines);
  });
}

/**
 * Builds the class hierarchy from class names and their superclasses. A class whose
 * superclass is not in the list becomes a root. Siblings are sorted case-insensitively.
 */
export function classHierarchy(classes: ReadonlyArray<{ className: string; superclass: string | null }>): TreeNode[] {
  const known = new Set(classes.map((entry) => entry.className.toLowerCase()));
  const children = new Map<string, string[]>();
  const roots: string[] = [];

  for (const { className, superclass } of classes) {
    if (superclass === null || !known.has(superclass.toLowerCase())) {
      roots.push(className);
      continue;
    }
    const key = superclass.toLowerCase();
    children.set(key, [...(children.get(key) ?? []), className]);
  }

  const build = (name: string): TreeNode => ({
    label: name,
    children: sortNames(children.get(name.toLowerCase()) ?? []).map(build),
  });
  return sortNames(roots).map(build);
}

/** Groups labels under their class name: one node per class, sorted. */
export function groupByClass(items: ReadonlyArray<{ className: string; label: string }>): TreeNode[] {
  const groups = new Map<string, { className: string; labels: string[] }>();
  for (const item of items) {
    const key = item.className.toLowerCase();
    const group = groups.get(key) ?? { className: item.className, labels: [] };
    group.labels.push(item.label);
    groups.set(key, group);
  }
  return sortNames([...groups.values()].map((group) => group.className)).map((className) => ({
    label: className,
    children: groups.get(className.toLowerCase())!.labels.map((label) => ({ label, children: [] })),
  }));
}

function sortNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}
