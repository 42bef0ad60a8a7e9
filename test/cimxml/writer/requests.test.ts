import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../../src/cim/class.js';
import { CIMClassName } from '../../../src/cim/class-name.js';
import { CIMInstance } from '../../../src/cim/instance.js';
import { CIMInstanceName } from '../../../src/cim/instance-name.js';
import { CIMParameter } from '../../../src/cim/parameter.js';
import { CIMProperty } from '../../../src/cim/property.js';
import { CIMQualifierDeclaration } from '../../../src/cim/qualifier-declaration.js';
import { Uint16, Uint32 } from '../../../src/cim/typed-value.js';
import {
  CIMXMLWriteError,
  INTRINSIC_OPERATIONS,
  exportIndicationRequest,
  intrinsicRequest,
  methodCallRequest,
  type IntrinsicOperation,
} from '../../../src/cimxml/writer/index.js';
import { dtdErrors, normalizeXml } from './helpers.js';

const NS = '<LOCALNAMESPACEPATH><NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="cimv2"></NAMESPACE></LOCALNAMESPACEPATH>';
const fooName = new CIMInstanceName('CIM_Foo', { Id: new Uint32(1) });
const FOO_NAME =
  '<INSTANCENAME CLASSNAME="CIM_Foo"><KEYBINDING NAME="Id"><KEYVALUE VALUETYPE="numeric" TYPE="uint32">1</KEYVALUE></KEYBINDING></INSTANCENAME>';
const fooInstance = new CIMInstance('CIM_Foo', { path: fooName, properties: [new CIMProperty('Id', new Uint32(1))] });
const FOO_INSTANCE = '<INSTANCE CLASSNAME="CIM_Foo"><PROPERTY NAME="Id" TYPE="uint32"><VALUE>1</VALUE></PROPERTY></INSTANCE>';
const fooClass = new CIMClass('CIM_Foo', { properties: [new CIMProperty('Id', null, { type: 'uint32' })] });
const FOO_CLASS = '<CLASS NAME="CIM_Foo"><PROPERTY NAME="Id" TYPE="uint32"></PROPERTY></CLASS>';
const KEY_DECLARATION = new CIMQualifierDeclaration('Key', 'boolean', { value: false, scopes: { property: true } });
const KEY_XML =
  '<QUALIFIER.DECLARATION NAME="Key" TYPE="boolean" ISARRAY="false"><SCOPE PROPERTY="true"></SCOPE><VALUE>FALSE</VALUE></QUALIFIER.DECLARATION>';

const iparam = (name: string, content: string) => `<IPARAMVALUE NAME="${name}">${content}</IPARAMVALUE>`;
const valueXml = (text: string) => `<VALUE>${text}</VALUE>`;
const classNameXml = (name: string) => `<CLASSNAME NAME="${name}"></CLASSNAME>`;
const PROPS = iparam('PropertyList', '<VALUE.ARRAY><VALUE>Id</VALUE></VALUE.ARRAY>');
const OPEN_ARGS = { FilterQueryLanguage: 'DMTF:FQL', FilterQuery: 'Id = 1', OperationTimeout: 30, ContinueOnError: false, MaxObjectCount: 100 };
const OPEN_XML =
  iparam('FilterQueryLanguage', valueXml('DMTF:FQL')) +
  iparam('FilterQuery', valueXml('Id = 1')) +
  iparam('OperationTimeout', valueXml('30')) +
  iparam('ContinueOnError', valueXml('FALSE')) +
  iparam('MaxObjectCount', valueXml('100'));
const ASSOC_ARGS = { AssocClass: 'CIM_Assoc', ResultClass: new CIMClassName('CIM_Bar'), Role: 'Antecedent', ResultRole: 'Dependent' };
const ASSOC_XML = iparam('AssocClass', classNameXml('CIM_Assoc')) + iparam('ResultClass', classNameXml('CIM_Bar')) + iparam('Role', valueXml('Antecedent')) + iparam('ResultRole', valueXml('Dependent'));
const REF_ARGS = { ResultClass: 'CIM_Assoc', Role: 'Antecedent' };
const REF_XML = iparam('ResultClass', classNameXml('CIM_Assoc')) + iparam('Role', valueXml('Antecedent'));

/** Every intrinsic operation with arguments and the expected IPARAMVALUEs. */
const operationCases: Array<[IntrinsicOperation, Record<string, unknown>, string]> = [
  ['GetClass', { ClassName: 'CIM_Foo', LocalOnly: false, IncludeQualifiers: true, IncludeClassOrigin: true, PropertyList: ['Id'] },
    iparam('ClassName', classNameXml('CIM_Foo')) + iparam('LocalOnly', valueXml('FALSE')) + iparam('IncludeQualifiers', valueXml('TRUE')) + iparam('IncludeClassOrigin', valueXml('TRUE')) + PROPS],
  ['EnumerateClasses', { ClassName: 'CIM_Foo', DeepInheritance: true, LocalOnly: false, IncludeQualifiers: false, IncludeClassOrigin: false },
    iparam('ClassName', classNameXml('CIM_Foo')) + iparam('DeepInheritance', valueXml('TRUE')) + iparam('LocalOnly', valueXml('FALSE')) + iparam('IncludeQualifiers', valueXml('FALSE')) + iparam('IncludeClassOrigin', valueXml('FALSE'))],
  ['EnumerateClassNames', { DeepInheritance: true }, iparam('DeepInheritance', valueXml('TRUE'))],
  ['CreateClass', { NewClass: fooClass }, iparam('NewClass', FOO_CLASS)],
  ['ModifyClass', { ModifiedClass: fooClass }, iparam('ModifiedClass', FOO_CLASS)],
  ['DeleteClass', { ClassName: 'CIM_Foo' }, iparam('ClassName', classNameXml('CIM_Foo'))],
  ['GetInstance', { InstanceName: fooName, LocalOnly: false, PropertyList: ['Id'] },
    iparam('InstanceName', FOO_NAME) + iparam('LocalOnly', valueXml('FALSE')) + PROPS],
  ['EnumerateInstances', { ClassName: 'CIM_Foo', DeepInheritance: false, PropertyList: [] },
    iparam('ClassName', classNameXml('CIM_Foo')) + iparam('DeepInheritance', valueXml('FALSE')) + iparam('PropertyList', '<VALUE.ARRAY></VALUE.ARRAY>')],
  ['EnumerateInstanceNames', { ClassName: 'CIM_Foo' }, iparam('ClassName', classNameXml('CIM_Foo'))],
  ['CreateInstance', { NewInstance: fooInstance }, iparam('NewInstance', FOO_INSTANCE)],
  ['ModifyInstance', { ModifiedInstance: fooInstance, IncludeQualifiers: false, PropertyList: ['Id'] },
    iparam('ModifiedInstance', `<VALUE.NAMEDINSTANCE>${FOO_NAME}${FOO_INSTANCE}</VALUE.NAMEDINSTANCE>`) + iparam('IncludeQualifiers', valueXml('FALSE')) + PROPS],
  ['DeleteInstance', { InstanceName: fooName }, iparam('InstanceName', FOO_NAME)],
  ['Associators', { ObjectName: fooName, ...ASSOC_ARGS, IncludeQualifiers: false, IncludeClassOrigin: true, PropertyList: ['Id'] },
    iparam('ObjectName', FOO_NAME) + ASSOC_XML + iparam('IncludeQualifiers', valueXml('FALSE')) + iparam('IncludeClassOrigin', valueXml('TRUE')) + PROPS],
  ['AssociatorNames', { ObjectName: 'CIM_Foo', ...ASSOC_ARGS }, iparam('ObjectName', classNameXml('CIM_Foo')) + ASSOC_XML],
  ['References', { ObjectName: fooName, ...REF_ARGS, IncludeClassOrigin: false },
    iparam('ObjectName', FOO_NAME) + REF_XML + iparam('IncludeClassOrigin', valueXml('FALSE'))],
  ['ReferenceNames', { ObjectName: new CIMClassName('CIM_Foo'), ...REF_ARGS }, iparam('ObjectName', classNameXml('CIM_Foo')) + REF_XML],
  ['GetProperty', { InstanceName: fooName, PropertyName: 'Id' }, iparam('InstanceName', FOO_NAME) + iparam('PropertyName', valueXml('Id'))],
  ['SetProperty', { InstanceName: fooName, PropertyName: 'Id', NewValue: new Uint32(7) },
    iparam('InstanceName', FOO_NAME) + iparam('PropertyName', valueXml('Id')) + iparam('NewValue', valueXml('7'))],
  ['GetQualifier', { QualifierName: 'Key' }, iparam('QualifierName', valueXml('Key'))],
  ['SetQualifier', { QualifierDeclaration: KEY_DECLARATION }, iparam('QualifierDeclaration', KEY_XML)],
  ['DeleteQualifier', { QualifierName: 'Key' }, iparam('QualifierName', valueXml('Key'))],
  ['EnumerateQualifiers', {}, ''],
  ['ExecQuery', { QueryLanguage: 'WQL', Query: 'SELECT * FROM CIM_Foo WHERE Id < 3' },
    iparam('QueryLanguage', valueXml('WQL')) + iparam('Query', valueXml('SELECT * FROM CIM_Foo WHERE Id &lt; 3'))],
  ['OpenEnumerateInstances', { ClassName: 'CIM_Foo', DeepInheritance: true, IncludeClassOrigin: false, PropertyList: ['Id'], ...OPEN_ARGS },
    iparam('ClassName', classNameXml('CIM_Foo')) + iparam('DeepInheritance', valueXml('TRUE')) + iparam('IncludeClassOrigin', valueXml('FALSE')) + PROPS + OPEN_XML],
  ['OpenEnumerateInstancePaths', { ClassName: 'CIM_Foo', ...OPEN_ARGS }, iparam('ClassName', classNameXml('CIM_Foo')) + OPEN_XML],
  ['OpenAssociatorInstances', { InstanceName: fooName, ...ASSOC_ARGS, IncludeClassOrigin: true, PropertyList: ['Id'], ...OPEN_ARGS },
    iparam('InstanceName', FOO_NAME) + ASSOC_XML + iparam('IncludeClassOrigin', valueXml('TRUE')) + PROPS + OPEN_XML],
  ['OpenAssociatorInstancePaths', { InstanceName: fooName, ...ASSOC_ARGS, ...OPEN_ARGS }, iparam('InstanceName', FOO_NAME) + ASSOC_XML + OPEN_XML],
  ['OpenReferenceInstances', { InstanceName: fooName, ...REF_ARGS, IncludeClassOrigin: false, PropertyList: ['Id'], ...OPEN_ARGS },
    iparam('InstanceName', FOO_NAME) + REF_XML + iparam('IncludeClassOrigin', valueXml('FALSE')) + PROPS + OPEN_XML],
  ['OpenReferenceInstancePaths', { InstanceName: fooName, ...REF_ARGS, ...OPEN_ARGS }, iparam('InstanceName', FOO_NAME) + REF_XML + OPEN_XML],
  ['OpenQueryInstances', { FilterQueryLanguage: 'DMTF:CQL', FilterQuery: 'SELECT * FROM CIM_Foo', ReturnQueryResultClass: true, OperationTimeout: 0, ContinueOnError: false, MaxObjectCount: 0 },
    iparam('FilterQueryLanguage', valueXml('DMTF:CQL')) + iparam('FilterQuery', valueXml('SELECT * FROM CIM_Foo')) + iparam('ReturnQueryResultClass', valueXml('TRUE')) +
    iparam('OperationTimeout', valueXml('0')) + iparam('ContinueOnError', valueXml('FALSE')) + iparam('MaxObjectCount', valueXml('0'))],
  ['PullInstancesWithPath', { EnumerationContext: 'ctx-1', MaxObjectCount: 10 }, iparam('EnumerationContext', valueXml('ctx-1')) + iparam('MaxObjectCount', valueXml('10'))],
  ['PullInstancePaths', { EnumerationContext: 'ctx-1', MaxObjectCount: 10 }, iparam('EnumerationContext', valueXml('ctx-1')) + iparam('MaxObjectCount', valueXml('10'))],
  ['PullInstances', { EnumerationContext: 'ctx-1', MaxObjectCount: 10 }, iparam('EnumerationContext', valueXml('ctx-1')) + iparam('MaxObjectCount', valueXml('10'))],
  ['CloseEnumeration', { EnumerationContext: 'ctx-1' }, iparam('EnumerationContext', valueXml('ctx-1'))],
  ['EnumerationCount', { EnumerationContext: 'ctx-1' }, iparam('EnumerationContext', valueXml('ctx-1'))],
];

const build = (operation: IntrinsicOperation, parameters: Record<string, unknown>, namespace = 'root/cimv2') =>
  intrinsicRequest(operation, namespace, parameters as never, { messageId: '1001' });

describe('intrinsicRequest', () => {
  it('covers every operation', () => {
    expect(operationCases.map(([operation]) => operation).sort()).toEqual(Object.keys(INTRINSIC_OPERATIONS).sort());
  });

  it.each(operationCases)('%s golden', (operation, parameters, expected) => {
    const request = build(operation, parameters);
    expect(normalizeXml(request.body)).toBe(
      normalizeXml(
        `<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLEREQ>` +
          `<IMETHODCALL NAME="${operation}">${NS}${expected}</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>`,
      ),
    );
  });

  it.each(operationCases)('%s is DTD-valid', (operation, parameters) => {
    expect(dtdErrors(build(operation, parameters).body)).toEqual([]);
  });

  it.each(operationCases)('%s headers', (operation, parameters) => {
    expect(build(operation, parameters).headers).toEqual({
      CIMOperation: 'MethodCall',
      CIMMethod: operation,
      CIMObject: 'root%2Fcimv2',
      CIMProtocolVersion: '1.0',
    });
  });

  it('envelope starts with declaration', () => {
    expect(build('EnumerateQualifiers', {}).body.startsWith('<?xml version="1.0" encoding="utf-8" ?>\n<CIM ')).toBe(true);
  });

  it('omitted parameter not sent', () => {
    expect(build('GetInstance', { InstanceName: fooName }).body).not.toContain('PropertyList');
  });

  it.each([
    ['PropertyList', 'GetInstance', { InstanceName: fooName, PropertyList: null }],
    ['NewValue', 'SetProperty', { InstanceName: fooName, PropertyName: 'Id', NewValue: null }],
    ['ClassName', 'EnumerateClassNames', { ClassName: null }],
    ['OperationTimeout', 'OpenEnumerateInstances', { ClassName: 'CIM_Foo', OperationTimeout: null }],
  ] as const)('null %s sends empty IPARAMVALUE', (name, operation, parameters) => {
    const body = build(operation, parameters);
    expect(body.body).toContain(`<IPARAMVALUE NAME="${name}"></IPARAMVALUE>`);
    expect(dtdErrors(body.body)).toEqual([]);
  });

  it.each([
    ['null boolean', 'GetInstance', { InstanceName: fooName, LocalOnly: null }, /LocalOnly of GetInstance cannot be NULL/],
    ['missing required', 'GetInstance', {}, /InstanceName of GetInstance is missing/],
    ['unknown name', 'GetInstance', { InstanceName: fooName, Localonly: false }, /no parameter "Localonly"/],
    ['wrong type', 'GetInstance', { InstanceName: 'CIM_Foo' }, /InstanceName of GetInstance is "CIM_Foo", but must be a CIMInstanceName/],
    ['uint32 range', 'PullInstances', { EnumerationContext: 'c', MaxObjectCount: -1 }, /MaxObjectCount.*0 to 4294967295/],
    ['NULL in NewValue array', 'SetProperty', { InstanceName: fooName, PropertyName: 'A', NewValue: ['a', null] }, /contains NULL/],
  ] as const)('rejects %s', (_name, operation, parameters, message) => {
    expect(() => build(operation, parameters)).toThrow(CIMXMLWriteError);
    expect(() => build(operation, parameters)).toThrow(message);
  });

  it('NewValue array', () => {
    const body = build('SetProperty', { InstanceName: fooName, PropertyName: 'A', NewValue: ['x', 'y'] }).body;
    expect(body).toContain(iparam('NewValue', '<VALUE.ARRAY><VALUE>x</VALUE><VALUE>y</VALUE></VALUE.ARRAY>'));
  });

  it('NewValue reference', () => {
    const body = build('SetProperty', { InstanceName: fooName, PropertyName: 'R', NewValue: fooName }).body;
    expect(body).toContain(iparam('NewValue', `<VALUE.REFERENCE>${FOO_NAME}</VALUE.REFERENCE>`));
    expect(dtdErrors(body)).toEqual([]);
  });
});

describe('namespaces', () => {
  it.each([
    ['/interop', '<NAMESPACE NAME="interop"></NAMESPACE>', 'interop'],
    ['/root/vendor/', '<NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="vendor"></NAMESPACE>', 'root%2Fvendor'],
    ['root//cimv2', '<NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="cimv2"></NAMESPACE>', 'root%2Fcimv2'],
  ])('%s', (namespace, elements, header) => {
    const request = build('EnumerateQualifiers', {}, namespace);
    expect(request.body).toContain(`<LOCALNAMESPACEPATH>${elements}</LOCALNAMESPACEPATH>`);
    expect(request.body).not.toContain('<NAMESPACE NAME=""></NAMESPACE>');
    expect(request.headers.CIMObject).toBe(header);
  });

  it.each(['', '/', '//'])('empty namespace %j rejected', (namespace) => {
    expect(() => build('EnumerateQualifiers', {}, namespace)).toThrow(/has no name between its slashes/);
  });

  it('path namespace stripped', () => {
    const path = new CIMInstanceName('CIM_Foo', { Id: new Uint32(1) }, { namespace: '/root/vendor/' });
    const body = build('SetProperty', { InstanceName: fooName, PropertyName: 'R', NewValue: path }).body;
    expect(body).toContain('<LOCALNAMESPACEPATH><NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="vendor"></NAMESPACE></LOCALNAMESPACEPATH>');
  });
});

describe('CIM headers', () => {
  it('instance path CIMObject', () => {
    const target = new CIMInstanceName('CIM_Foo', [['Name', 'a b'], ['Id', new Uint32(3)]]);
    const request = methodCallRequest('/root/cimv2', target, 'Reset', null, { messageId: '1' });
    expect(request.headers.CIMObject).toBe('root%2Fcimv2%3ACIM_Foo.Name%3D%22a%20b%22%2CId%3D3');
  });

  it.each([
    ['root/ümlaut', 'root%2F%C3%BCmlaut'],
    ['?', '%3F'],
    ["a!'()*~-._b", 'a%21%27%28%29%2A~-._b'],
  ])('namespace %s', (namespace, expected) => {
    expect(build('EnumerateQualifiers', {}, namespace).headers.CIMObject).toBe(expected);
  });

  it('non-ASCII method name', () => {
    const request = methodCallRequest('root', 'X_Foo', 'Läuft', null, { messageId: '1' });
    expect(request.headers.CIMMethod).toBe('L%C3%A4uft');
    expect(request.headers.CIMObject).toBe('root%3AX_Foo');
  });

  it('quoted and reference keys', () => {
    const target = new CIMInstanceName('X_Sub', [
      ['Main', new CIMInstanceName('X_Reg', { InstanceID: 'acme"1' }, { namespace: 'interop' })],
      ['Flag', true],
    ]);
    const request = methodCallRequest('interop', target, 'Go', null, { messageId: '1' });
    expect(decodeURIComponent(request.headers.CIMObject)).toBe(
      'interop:X_Sub.Main="/interop:X_Reg.InstanceID=\\"acme\\\\\\"1\\"",Flag=TRUE',
    );
  });
});

describe('methodCallRequest', () => {
  it('instance method golden', () => {
    const request = methodCallRequest(
      'root/cimv2',
      fooName,
      'RequestStateChange',
      [
        ['RequestedState', new Uint16(3)],
        ['Names', ['a', null]],
        new CIMParameter('Timeout', { type: 'datetime', value: null }),
        ['Job', fooName],
        new CIMParameter('Jobs', { type: 'reference', isArray: true, value: [fooName, null] }),
        ['Force', false],
      ],
      { messageId: '7' },
    );
    const ref = `<VALUE.REFERENCE>${FOO_NAME}</VALUE.REFERENCE>`;
    expect(normalizeXml(request.body)).toBe(
      '<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="7" PROTOCOLVERSION="1.0"><SIMPLEREQ>' +
        `<METHODCALL NAME="RequestStateChange"><LOCALINSTANCEPATH>${NS}${FOO_NAME}</LOCALINSTANCEPATH>` +
        '<PARAMVALUE NAME="RequestedState" PARAMTYPE="uint16"><VALUE>3</VALUE></PARAMVALUE>' +
        '<PARAMVALUE NAME="Names" PARAMTYPE="string"><VALUE.ARRAY><VALUE>a</VALUE><VALUE.NULL></VALUE.NULL></VALUE.ARRAY></PARAMVALUE>' +
        '<PARAMVALUE NAME="Timeout" PARAMTYPE="datetime"></PARAMVALUE>' +
        `<PARAMVALUE NAME="Job" PARAMTYPE="reference">${ref}</PARAMVALUE>` +
        `<PARAMVALUE NAME="Jobs" PARAMTYPE="reference"><VALUE.REFARRAY>${ref}<VALUE.NULL></VALUE.NULL></VALUE.REFARRAY></PARAMVALUE>` +
        '<PARAMVALUE NAME="Force" PARAMTYPE="boolean"><VALUE>FALSE</VALUE></PARAMVALUE>' +
        '</METHODCALL></SIMPLEREQ></MESSAGE></CIM>',
    );
    expect(dtdErrors(request.body)).toEqual([]);
    expect(request.headers).toEqual({
      CIMOperation: 'MethodCall',
      CIMMethod: 'RequestStateChange',
      CIMObject: 'root%2Fcimv2%3ACIM_Foo.Id%3D1',
      CIMProtocolVersion: '1.0',
    });
  });

  it('static method uses LOCALCLASSPATH', () => {
    const request = methodCallRequest('root/cimv2', new CIMClassName('CIM_Foo'), 'Create', { Count: new Uint32(2) }, { messageId: '1' });
    expect(request.body).toContain(`<LOCALCLASSPATH>${NS}<CLASSNAME NAME="CIM_Foo"></CLASSNAME></LOCALCLASSPATH>`);
    expect(request.headers.CIMObject).toBe('root%2Fcimv2%3ACIM_Foo');
    expect(dtdErrors(request.body)).toEqual([]);
  });

  it('embedded class parameter', () => {
    const request = methodCallRequest('root', 'X_Foo', 'Define', { Template: fooClass }, { messageId: '1' });
    expect(request.body).toContain('<PARAMVALUE NAME="Template" PARAMTYPE="string" EmbeddedObject="object"><VALUE>&lt;CLASS NAME=&quot;CIM_Foo&quot;&gt;');
    expect(dtdErrors(request.body)).toEqual([]);
  });

  it('untyped NULL rejected', () => {
    expect(() => methodCallRequest('root', 'X_Foo', 'Go', { X: null }, { messageId: '1' })).toThrow(/PARAMTYPE cannot be sent/);
  });

  it('plain number rejected', () => {
    expect(() => methodCallRequest('root', 'X_Foo', 'Go', { X: 5 }, { messageId: '1' })).toThrow(/new Uint32\(5\)/);
  });
});

describe('exportIndicationRequest', () => {
  it('golden and headers', () => {
    const indication = new CIMInstance('CIM_AlertIndication', { properties: [new CIMProperty('Message', 'disk full')] });
    const request = exportIndicationRequest(indication, { messageId: '9' });
    expect(normalizeXml(request.body)).toBe(
      '<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="9" PROTOCOLVERSION="1.0"><SIMPLEEXPREQ>' +
        '<EXPMETHODCALL NAME="ExportIndication"><EXPPARAMVALUE NAME="NewIndication">' +
        '<INSTANCE CLASSNAME="CIM_AlertIndication"><PROPERTY NAME="Message" TYPE="string"><VALUE>disk full</VALUE></PROPERTY></INSTANCE>' +
        '</EXPPARAMVALUE></EXPMETHODCALL></SIMPLEEXPREQ></MESSAGE></CIM>',
    );
    expect(dtdErrors(request.body)).toEqual([]);
    expect(request.headers).toEqual({ CIMExport: 'MethodRequest', CIMExportMethod: 'ExportIndication', CIMProtocolVersion: '1.0' });
  });
});
