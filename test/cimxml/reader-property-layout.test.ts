import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { queryObjects } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { generateResponse } from '../../bench/generate-response.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMProperty } from '../../src/cim/property.js';
import { PropertyLayout } from '../../src/cim/property-layout.js';
import type { CIMQualifier } from '../../src/cim/qualifier.js';
import { readResponse, toCIMObject } from '../../src/cimxml/index.js';
import type { OperationResponse } from '../../src/cimxml/reader/message-types.js';
import type { XmlElement } from '../../src/cimxml/xml/element.js';
import { parseXml } from '../../src/cimxml/xml/tree.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const trafficDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const PROPERTY_ELEMENTS = new Set(['PROPERTY', 'PROPERTY.ARRAY', 'PROPERTY.REFERENCE']);

/** Parses a capture from its XML declaration or CIM start tag on, or returns null when it is not well-formed. */
function captureTree(file: string): XmlElement | null {
  const raw = readFileSync(file, 'utf8');
  const start = raw.search(/<\?xml|<CIM[\s>]/);
  if (start < 0) return null;
  try {
    return parseXml(raw.slice(start));
  } catch {
    return null;
  }
}

function instanceElements(element: XmlElement, found: XmlElement[] = []): XmlElement[] {
  if (element.name === 'INSTANCE') found.push(element);
  for (const child of element.children) instanceElements(child, found);
  return found;
}

function readsWithoutError(element: XmlElement): boolean {
  try {
    toCIMObject(element);
    return true;
  } catch {
    return false;
  }
}

/** Every INSTANCE element of the captures that the reader accepts, named by file and position. */
const captureInstances = [trafficDir, path.join(trafficDir, 'sfcb-1.3-live')]
  .flatMap((directory) => readdirSync(directory).filter((name) => name.endsWith('.xml')).map((name) => path.join(directory, name)))
  .flatMap((file) => {
    const tree = captureTree(file);
    const elements = tree === null ? [] : instanceElements(tree).filter(readsWithoutError);
    return elements.map((element, index) => [`${path.basename(file)} #${index + 1}`, element] as const);
  });

/** Reads the instance as the reader does, creating its properties on first access. */
function lazyInstance(element: XmlElement): CIMInstance {
  return toCIMObject(element) as CIMInstance;
}

/** Builds the same instance from properties that the reader reads one by one, each with its qualifiers. */
function eagerInstance(element: XmlElement): CIMInstance {
  const children = element.children;
  return new CIMInstance(element.attributes.CLASSNAME!, {
    properties: children.filter((child) => PROPERTY_ELEMENTS.has(child.name)).map((child) => toCIMObject(child) as CIMProperty),
    qualifiers: children.filter((child) => child.name === 'QUALIFIER').map((child) => toCIMObject(child) as CIMQualifier),
  });
}

const comparisons: [string, (instance: CIMInstance) => unknown][] = [
  ['toMOF', (instance) => instance.toMOF()],
  ['toJSON', (instance) => JSON.stringify(instance)],
  ['inspect', (instance) => inspect(instance, { depth: 8 })],
  ['iteration order', (instance) => [...instance.properties].map(([name, property]) => `${name}=${property.name}`)],
  ['keys', (instance) => [...instance.properties.keys()]],
];

function generatedInstances(count: number): CIMInstance[] {
  const response = readResponse(generateResponse(count).toString('utf8')).response as OperationResponse;
  return response.intrinsicReturnValue!.items as CIMInstance[];
}

function liveCount(constructor: typeof CIMProperty | typeof PropertyLayout): number {
  return queryObjects(constructor, { format: 'count' });
}

describe('readInstance with property layout', () => {
  it('captures contain instances', () => {
    expect(captureInstances.length).toBeGreaterThan(20);
  });

  it.each(captureInstances)('%s equals eager read', (_name, element) => {
    expect(lazyInstance(element).equals(eagerInstance(element))).toBe(true);
    expect(eagerInstance(element).equals(lazyInstance(element))).toBe(true);
    for (const [, compare] of comparisons) expect(compare(lazyInstance(element))).toEqual(compare(eagerInstance(element)));
  });

  it.each(comparisons)('generated %s equals eager read', (_case, compare) => {
    const element = instanceElements(parseXml(generateResponse(2)))[1]!;

    expect(compare(lazyInstance(element))).toEqual(compare(eagerInstance(element)));
  });

  it('reading creates no properties', () => {
    const before = liveCount(CIMProperty);
    const instances = generatedInstances(20);
    const names = [...instances[3]!.properties.keys()];
    const values = instances.map((instance) => names.map((name) => instance.get(name)));
    const setting = instances[3]!.get('Setting') as CIMInstance;
    const afterGet = liveCount(CIMProperty);
    instances[3]!.properties.get('Name');
    const afterOuter = liveCount(CIMProperty);
    setting.properties.get('Note');
    const afterEmbedded = liveCount(CIMProperty);

    expect(values[3]![names.indexOf('Name')]).toBe('host-3.example.org');
    expect(setting.get('InstanceID')).toBe('setting:3');
    expect(afterGet - before).toBe(0);
    expect(afterOuter - afterGet).toBe(names.length);
    expect(afterEmbedded - afterOuter).toBe(3);
  });

  it('instances of one class share layout', () => {
    const before = liveCount(PropertyLayout);
    const instances = generatedInstances(20);

    // At most one new layout for the outer and one for the embedded instances, and none
    // when earlier reads left them in the cache of recent layouts.
    expect(instances).toHaveLength(20);
    expect(liveCount(PropertyLayout) - before).toBeLessThanOrEqual(2);
  });

  it('set leaves other instance', () => {
    const [first, second] = generatedInstances(2);
    first!.set('Priority', 9);
    first!.properties.get('Caption')!.value = 'changed';

    expect(first!.get('Priority')).toBe(9);
    expect(first!.get('Caption')).toBe('changed');
    expect(second!.get('Priority')).toBe(1);
    expect(second!.properties.get('Caption')?.value).toBe('System <1> & "friends"');
  });

  it('property qualifier takes eager path', () => {
    const xml =
      '<INSTANCE CLASSNAME="Test_Qualified">' +
      '<PROPERTY NAME="Id" TYPE="string"><QUALIFIER NAME="Key" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER><VALUE>a</VALUE></PROPERTY>' +
      '<PROPERTY NAME="Size" TYPE="uint32"><VALUE>5</VALUE></PROPERTY>' +
      '</INSTANCE>';
    const before = liveCount(CIMProperty);
    const instance = toCIMObject(xml) as CIMInstance;
    const afterRead = liveCount(CIMProperty);

    expect(afterRead - before).toBe(2);
    expect(instance.properties.get('Id')?.qualifiers.get('key')?.value).toBe(true);
    expect(instance.equals(eagerInstance(parseXml(xml)))).toBe(true);
  });
});
