import { CIMClass } from '../../src/cim/class.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMMethod } from '../../src/cim/method.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import { Uint32, Uint64 } from '../../src/cim/typed-value.js';
import { createClass } from '../../src/mock/operations/class-operations.js';
import { MockRepository, type MockRepositoryOptions } from '../../src/mock/repository.js';

/** Namespace of the test model. */
export const NS = 'root/test';

const key = () => new CIMQualifier('Key', true, { type: 'boolean' });
const description = (text: string) => new CIMQualifier('Description', text, { type: 'string' });
const association = () => new CIMQualifier('Association', true, { type: 'boolean' });
const inQualifier = (value: boolean) => new CIMQualifier('In', value, { type: 'boolean' });
const outQualifier = () => new CIMQualifier('Out', true, { type: 'boolean' });

function reference(name: string, referenceClass: string, isKey: boolean): CIMProperty {
  return new CIMProperty(name, null, { type: 'reference', referenceClass, qualifiers: isKey ? [key()] : [] });
}

/** Builds the classes of the test model, unresolved, in creation order. */
export function modelClasses(): CIMClass[] {
  return [
    new CIMClass('TST_Base', {
      qualifiers: [description('Base class')],
      properties: [
        new CIMProperty('InstanceID', null, { type: 'string', qualifiers: [key()] }),
        new CIMProperty('Label', 'none', { type: 'string' }),
        new CIMProperty('Count', null, { type: 'uint32', qualifiers: [description('A count')] }),
      ],
      methods: [
        new CIMMethod('Add', 'uint32', {
          parameters: [
            new CIMParameter('A', { type: 'uint32', qualifiers: [inQualifier(true)] }),
            new CIMParameter('B', { type: 'uint32', qualifiers: [inQualifier(true)] }),
            new CIMParameter('Sum', { type: 'uint32', qualifiers: [inQualifier(false), outQualifier()] }),
          ],
        }),
        new CIMMethod('Echo', 'string', {
          parameters: [new CIMParameter('Text', { type: 'string', isArray: true })],
        }),
      ],
    }),
    new CIMClass('TST_Sub', {
      superclass: 'TST_Base',
      properties: [
        new CIMProperty('SubProp', null, { type: 'string' }),
        new CIMProperty('Count', null, { type: 'uint32', qualifiers: [description('Overridden count')] }),
      ],
    }),
    new CIMClass('TST_SubSub', {
      superclass: 'TST_Sub',
      properties: [new CIMProperty('Big', null, { type: 'uint64' })],
    }),
    new CIMClass('TST_Other', {
      properties: [
        new CIMProperty('Id', null, { type: 'uint32', qualifiers: [key()] }),
        new CIMProperty('Stamp', null, { type: 'datetime' }),
        new CIMProperty('Flag', null, { type: 'boolean' }),
        new CIMProperty('Tags', null, { type: 'string', isArray: true }),
      ],
    }),
    new CIMClass('TST_Link', {
      qualifiers: [association()],
      properties: [reference('Source', 'TST_Base', true), reference('Target', 'TST_Base', true)],
    }),
    new CIMClass('TST_LinkSub', { superclass: 'TST_Link' }),
    new CIMClass('TST_Owns', {
      qualifiers: [association()],
      properties: [
        new CIMProperty('InstanceID', null, { type: 'string', qualifiers: [key()] }),
        reference('Owner', 'TST_Other', false),
        reference('Owned', 'TST_Base', false),
      ],
    }),
  ];
}

export function basePath(className: string, id: string): CIMInstanceName {
  return new CIMInstanceName(className, { InstanceID: id }, { namespace: NS });
}

export function otherPath(id: number): CIMInstanceName {
  return new CIMInstanceName('TST_Other', { Id: id }, { namespace: NS });
}

function instance(className: string, values: Record<string, CIMProperty['value'] | Uint32 | Uint64>): CIMInstance {
  const result = new CIMInstance(className);
  for (const [name, value] of Object.entries(values)) result.set(name, value);
  return result;
}

/** Builds the instances of the test model. */
export function modelInstances(): CIMInstance[] {
  return [
    instance('TST_Base', { InstanceID: 'b1', Label: 'one', Count: new Uint32(1) }),
    instance('TST_Base', { InstanceID: 'b2', Count: new Uint32(2) }),
    instance('TST_Sub', { InstanceID: 's1', SubProp: 'x', Count: new Uint32(5) }),
    instance('TST_SubSub', { InstanceID: 'ss1', SubProp: 'y', Big: new Uint64(2n ** 60n) }),
    instance('TST_Other', { Id: new Uint32(1), Flag: true, Tags: ['a', 'b'] }),
    instance('TST_Other', { Id: new Uint32(2), Flag: false }),
    instance('TST_Link', { Source: basePath('TST_Base', 'b1'), Target: basePath('TST_Sub', 's1') }),
    instance('TST_LinkSub', { Source: basePath('TST_Sub', 's1'), Target: basePath('TST_SubSub', 'ss1') }),
    instance('TST_Owns', { InstanceID: 'own1', Owner: otherPath(1), Owned: basePath('TST_Base', 'b2') }),
  ];
}

/** Returns the qualifier declarations of the test model. */
export function modelQualifiers(): CIMQualifierDeclaration[] {
  return [
    new CIMQualifierDeclaration('Key', 'boolean', { value: false, scopes: { property: true, reference: true }, overridable: false }),
    new CIMQualifierDeclaration('Association', 'boolean', { value: false, scopes: { association: true }, overridable: false }),
    new CIMQualifierDeclaration('Description', 'string', { scopes: { any: true }, translatable: true }),
    new CIMQualifierDeclaration('In', 'boolean', { value: true, scopes: { parameter: true } }),
    new CIMQualifierDeclaration('Out', 'boolean', { value: false, scopes: { parameter: true } }),
    new CIMQualifierDeclaration('Abstract', 'boolean', { value: false, scopes: { class: true }, toSubclass: false }),
  ];
}

/** Builds a repository with the test model in namespace NS. */
export function buildRepository(options: MockRepositoryOptions = {}): MockRepository {
  const repository = new MockRepository(options);
  repository.addNamespace(NS);
  for (const declaration of modelQualifiers()) repository.setQualifierDeclaration(NS, declaration);
  for (const cimClass of modelClasses()) createClass(repository, NS, cimClass);
  for (const cimInstance of modelInstances()) repository.createInstance(NS, cimInstance);
  return repository;
}

/** Returns the `InstanceID` or `Id` values of instances, sorted, to compare result sets. */
export function ids(objects: Array<CIMInstance | CIMInstanceName>): string[] {
  return objects
    .map((object) => {
      const bindings = object instanceof CIMInstanceName ? object.keybindings : object.path?.keybindings;
      return String(bindings?.get('InstanceID') ?? bindings?.get('Id') ?? object.className);
    })
    .sort();
}
