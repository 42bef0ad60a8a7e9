import { describe, expect, it } from 'vitest';
import {
  CIM_ERR_ALREADY_EXISTS,
  CIM_ERR_CLASS_HAS_CHILDREN,
  CIM_ERR_CLASS_HAS_INSTANCES,
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_INVALID_SUPERCLASS,
  CIM_ERR_NOT_FOUND,
  CIMClass,
  CIMInstance,
  CIMMethod,
  CIMParameter,
  CIMProperty,
  CIMQualifier,
  CIMQualifierDeclaration,
  Uint32,
} from '../../src/index.js';
import { cimError, modelRepository, NAMESPACE, useServer } from './fixture.js';

const TOP_LEVEL = [
  'CIM_BaseEmb',
  'CIM_BaseRef',
  'CIM_Foo',
  'CIM_FooAssoc',
  'PyWBEM_AllTypes',
  'TST_FamilyCollection',
  'TST_Lineage',
  'TST_MemberOfFamilyCollection',
  'TST_Person',
];
const SUBCLASSES = ['CIM_FooEmb1', 'CIM_FooEmb2', 'CIM_FooEmb3', 'CIM_FooRef1', 'CIM_FooRef2', 'CIM_Foo_sub', 'CIM_Foo_sub2', 'CIM_Foo_sub_sub', 'TST_Personsub'];
const MODEL_QUALIFIERS = [
  'Abstract',
  'Aggregate',
  'Association',
  'Description',
  'EmbeddedInstance',
  'EmbeddedObject',
  'In',
  'Indication',
  'Key',
  'Out',
  'Override',
  'PUnit',
  'Static',
  'ValueMap',
  'Values',
];

const sorted = (names: Iterable<string>) => [...names].sort();
const description = (text: string) => new CIMQualifier('Description', text, { type: 'string' });

describe('class reads', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('enumerateClassNames top level', async () => {
    expect(sorted(await conn().enumerateClassNames())).toEqual(TOP_LEVEL);
  });

  it('enumerateClassNames deep', async () => {
    expect(sorted(await conn().enumerateClassNames(null, { deepInheritance: true }))).toEqual(sorted([...TOP_LEVEL, ...SUBCLASSES]));
  });

  it('enumerateClassNames of class', async () => {
    expect(sorted(await conn().enumerateClassNames('CIM_Foo'))).toEqual(['CIM_Foo_sub', 'CIM_Foo_sub2']);
    expect(sorted(await conn().enumerateClassNames('CIM_Foo', { deepInheritance: true }))).toEqual(['CIM_Foo_sub', 'CIM_Foo_sub2', 'CIM_Foo_sub_sub']);
    expect(await conn().enumerateClassNames('CIM_Foo_sub_sub')).toEqual([]);
  });

  it('enumerateClasses local and full', async () => {
    const local = await conn().enumerateClasses('CIM_Foo', { deepInheritance: true });
    expect(sorted(local.map((cimClass) => cimClass.className))).toEqual(['CIM_Foo_sub', 'CIM_Foo_sub2', 'CIM_Foo_sub_sub']);
    const subSub = local.find((cimClass) => cimClass.className === 'CIM_Foo_sub_sub')!;
    expect([...subSub.properties.keys()]).toEqual(['cimfoo_sub_sub']);
    expect(subSub.superclass).toBe('CIM_Foo_sub');
    expect(subSub.path?.namespace).toBe(NAMESPACE);

    const [full] = await conn().enumerateClasses('CIM_Foo_sub', { localOnly: false, includeQualifiers: false });
    expect([...full!.properties.keys()]).toEqual(['InstanceID', 'IntegerProp', 'cimfoo_emb3', 'cimfoo_sub', 'cimfoo_sub_sub']);
    expect(full!.qualifiers.size).toBe(0);
    expect([...full!.methods.keys()]).toEqual(['Fuzzy', 'FuzzyStatic', 'DeleteNothing', 'Method1']);
  });

  it('enumerateClasses with class origin', async () => {
    const [subSub] = await conn().enumerateClasses('CIM_Foo_sub', { localOnly: false, includeClassOrigin: true });
    expect(subSub!.properties.get('IntegerProp')!.classOrigin).toBe('CIM_Foo');
    expect(subSub!.properties.get('IntegerProp')!.propagated).toBe(true);
    expect(subSub!.methods.get('Method1')!.classOrigin).toBe('CIM_Foo_sub_sub');
  });

  it('getClass localOnly by default', async () => {
    const cimClass = await conn().getClass('CIM_Foo_sub');
    expect([...cimClass.properties.keys()]).toEqual(['cimfoo_sub']);
    expect(cimClass.methods.size).toBe(0);
    expect(cimClass.qualifiers.get('Description')?.value).toBe('Subclass of CIM_Foo');
    expect(cimClass.superclass).toBe('CIM_Foo');
  });

  it('getClass with inherited elements', async () => {
    const cimClass = await conn().getClass('cim_foo_sub', { localOnly: false, includeQualifiers: false, includeClassOrigin: true });
    expect(cimClass.className).toBe('CIM_Foo_sub');
    expect([...cimClass.properties.values()].map((p) => [p.name, p.classOrigin, p.propagated])).toEqual([
      ['InstanceID', 'CIM_Foo', true],
      ['IntegerProp', 'CIM_Foo', true],
      ['cimfoo_emb3', 'CIM_Foo', true],
      ['cimfoo_sub', 'CIM_Foo_sub', false],
    ]);
    expect(cimClass.qualifiers.size).toBe(0);
    for (const property of cimClass.properties.values()) expect(property.qualifiers.size).toBe(0);
  });

  it('getClass with qualifiers and methods', async () => {
    const cimClass = await conn().getClass('CIM_Foo', { includeQualifiers: true });
    expect(cimClass.properties.get('InstanceID')!.qualifiers.get('Key')?.value).toBe(true);
    expect(cimClass.properties.get('cimfoo_emb3')!.qualifiers.get('EmbeddedInstance')?.value).toBe('CIM_FooEmb3');
    const fuzzy = cimClass.methods.get('Fuzzy')!;
    expect(fuzzy.returnType).toBe('uint32');
    expect([...fuzzy.parameters.keys()]).toEqual(['TestInOutParameter', 'TestRef', 'OutputParam', 'OutputRtnValue']);
    expect(fuzzy.parameters.get('TestRef')!.referenceClass).toBe('CIM_FooRef1');
    expect(fuzzy.parameters.get('OutputParam')!.qualifiers.get('In')?.value).toBe(false);
  });

  it('getClass with propertyList', async () => {
    const cimClass = await conn().getClass('CIM_Foo_sub', { localOnly: false, propertyList: ['IntegerProp'] });
    expect([...cimClass.properties.keys()]).toEqual(['IntegerProp']);
    expect([...cimClass.methods.keys()]).toEqual(['Fuzzy', 'FuzzyStatic', 'DeleteNothing']);
  });

  it('getClass typed defaults', async () => {
    const cimClass = await conn().getClass('PyWBEM_AllTypes');
    expect(cimClass.properties.get('defaultUint64')!.value).toBe(4n);
    expect(cimClass.properties.get('defaultString')!.value).toBe('test"embedded"quote');
    expect(cimClass.properties.get('arraySint64')!.isArray).toBe(true);
  });
});

describe('class changes', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('createClass then getClass', async () => {
    const newClass = new CIMClass('TST_Pet', {
      superclass: 'TST_FamilyCollection',
      qualifiers: [description('A pet of a family')],
      properties: [new CIMProperty('Legs', new Uint32(4), { qualifiers: [description('Number of legs')] })],
      methods: [new CIMMethod('Feed', 'uint32', { parameters: [new CIMParameter('Amount', { type: 'uint32' })] })],
    });
    await conn().createClass(newClass);

    const read = await conn().getClass('TST_Pet', { localOnly: false });
    expect(read.superclass).toBe('TST_FamilyCollection');
    expect([...read.properties.keys()]).toEqual(['name', 'Legs']);
    expect(read.properties.get('Legs')!.value).toBe(4);
    expect(read.properties.get('name')!.qualifiers.get('Key')?.value).toBe(true);
    expect(read.methods.get('Feed')!.parameters.get('Amount')!.type).toBe('uint32');
    expect(await conn().enumerateClassNames('TST_FamilyCollection')).toEqual(['TST_Pet']);

    const path = await conn().createInstance(new CIMInstance('TST_Pet', { properties: [new CIMProperty('name', 'Rex')] }));
    expect((await conn().getInstance(path)).get('Legs')).toBe(4);
  });

  it('modifyClass adds property', async () => {
    await conn().createClass(new CIMClass('TST_Note', { properties: [new CIMProperty('Id', null, { type: 'string', qualifiers: [new CIMQualifier('Key', true)] })] }));
    const cimClass = await conn().getClass('TST_Note', { localOnly: false });
    cimClass.properties.set('Text', new CIMProperty('Text', 'empty'));
    await conn().modifyClass(cimClass);
    expect((await conn().getClass('TST_Note')).properties.get('Text')!.value).toBe('empty');
  });

  it('deleteClass removes class', async () => {
    await conn().createClass(new CIMClass('TST_Gone'));
    await conn().createClass(new CIMClass('TST_GoneSub', { superclass: 'TST_Gone' }));
    await conn().deleteClass('TST_GoneSub');
    await conn().deleteClass('TST_Gone');
    expect((await cimError(conn().getClass('TST_Gone'))).statusCode).toBe(CIM_ERR_NOT_FOUND);
    expect(await conn().enumerateClassNames()).not.toContain('TST_Gone');
  });
});

describe('class errors', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;
  const withExtraProperty = async (className: string) => {
    const cimClass = await conn().getClass(className, { localOnly: false });
    cimClass.properties.set('Extra', new CIMProperty('Extra', null, { type: 'string' }));
    return cimClass;
  };

  it.each([
    ['getClass unknown class', () => conn().getClass('TST_Nothing'), CIM_ERR_NOT_FOUND],
    ['getClass unknown namespace', () => conn().getClass('CIM_Foo', { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['enumerateClassNames unknown class', () => conn().enumerateClassNames('TST_Nothing'), CIM_ERR_INVALID_CLASS],
    ['createClass existing', () => conn().createClass(new CIMClass('CIM_Foo')), CIM_ERR_ALREADY_EXISTS],
    ['createClass unknown superclass', () => conn().createClass(new CIMClass('TST_A', { superclass: 'TST_Nothing' })), CIM_ERR_INVALID_SUPERCLASS],
    [
      'createClass undeclared qualifier',
      () => conn().createClass(new CIMClass('TST_B', { qualifiers: [new CIMQualifier('Nope', true)] })),
      CIM_ERR_INVALID_PARAMETER,
    ],
    ['modifyClass with subclasses', async () => conn().modifyClass(await withExtraProperty('CIM_Foo')), CIM_ERR_CLASS_HAS_CHILDREN],
    ['modifyClass with instances', async () => conn().modifyClass(await withExtraProperty('CIM_Foo_sub_sub')), CIM_ERR_CLASS_HAS_INSTANCES],
    ['modifyClass unknown class', () => conn().modifyClass(new CIMClass('TST_Nothing')), CIM_ERR_NOT_FOUND],
    ['deleteClass with subclasses', () => conn().deleteClass('CIM_Foo'), CIM_ERR_CLASS_HAS_CHILDREN],
    ['deleteClass with instances', () => conn().deleteClass('CIM_Foo_sub_sub'), CIM_ERR_CLASS_HAS_INSTANCES],
    ['deleteClass unknown class', () => conn().deleteClass('TST_Nothing'), CIM_ERR_NOT_FOUND],
  ] as const)('%s', async (_name, operation, statusCode) => {
    expect((await cimError(operation())).statusCode).toBe(statusCode);
  });

  it('failed deleteClass keeps class', async () => {
    await cimError(conn().deleteClass('CIM_Foo_sub_sub'));
    expect((await conn().getClass('CIM_Foo_sub_sub')).className).toBe('CIM_Foo_sub_sub');
    expect(await conn().enumerateInstanceNames('CIM_Foo_sub_sub')).toHaveLength(3);
  });
});

describe('qualifier declarations', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('enumerateQualifiers of models', async () => {
    const declarations = await conn().enumerateQualifiers();
    expect(sorted(declarations.map((declaration) => declaration.name))).toEqual(MODEL_QUALIFIERS);
    for (const declaration of declarations) expect(declaration).toBeInstanceOf(CIMQualifierDeclaration);
  });

  it('getQualifier returns declaration', async () => {
    const key = await conn().getQualifier('key');
    expect(key.name).toBe('Key');
    expect(key.type).toBe('boolean');
    expect(key.value).toBe(false);
    expect(key.scopes.property).toBe(true);
    expect(key.scopes.reference).toBe(true);
    expect(key.scopes.class ?? false).toBe(false);
    expect(key.overridable).toBe(false);

    const valueMap = await conn().getQualifier('ValueMap');
    expect(valueMap.type).toBe('string');
    expect(valueMap.isArray).toBe(true);
  });

  it('setQualifier creates and replaces', async () => {
    const declaration = new CIMQualifierDeclaration('Units', 'string', {
      value: 'bytes',
      scopes: { property: true, method: true },
      overridable: true,
      toSubclass: true,
      translatable: true,
    });
    await conn().setQualifier(declaration);
    expect((await conn().getQualifier('Units')).equals(declaration)).toBe(true);

    const replaced = new CIMQualifierDeclaration('Units', 'string', { value: 'seconds', scopes: { property: true } });
    await conn().setQualifier(replaced);
    const read = await conn().getQualifier('Units');
    expect(read.value).toBe('seconds');
    expect(read.scopes.method ?? false).toBe(false);
  });

  it('setQualifier array and 64-bit', async () => {
    const declaration = new CIMQualifierDeclaration('Limits', 'sint64', { value: [-(2n ** 63n), 2n ** 63n - 1n], scopes: { any: true } });
    await conn().setQualifier(declaration);
    const read = await conn().getQualifier('Limits');
    expect(read.value).toEqual([-(2n ** 63n), 2n ** 63n - 1n]);
    expect(read.isArray).toBe(true);
  });

  it('deleteQualifier removes it', async () => {
    await conn().setQualifier(new CIMQualifierDeclaration('Temporary', 'boolean', { value: false, scopes: { class: true } }));
    await conn().deleteQualifier('Temporary');
    expect((await cimError(conn().getQualifier('Temporary'))).statusCode).toBe(CIM_ERR_NOT_FOUND);
    expect((await conn().enumerateQualifiers()).map((declaration) => declaration.name)).not.toContain('Temporary');
  });

  it.each([
    ['getQualifier unknown', () => conn().getQualifier('Nope'), CIM_ERR_NOT_FOUND],
    ['deleteQualifier unknown', () => conn().deleteQualifier('Nope'), CIM_ERR_NOT_FOUND],
    ['enumerateQualifiers unknown namespace', () => conn().enumerateQualifiers({ namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
  ] as const)('%s', async (_name, operation, statusCode) => {
    expect((await cimError(operation())).statusCode).toBe(statusCode);
  });
});
