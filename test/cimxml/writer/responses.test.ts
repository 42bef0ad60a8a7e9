import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../../src/cim/class.js';
import { CIMClassName } from '../../../src/cim/class-name.js';
import { CIMError } from '../../../src/cim/errors.js';
import { CIMInstance } from '../../../src/cim/instance.js';
import { CIMInstanceName } from '../../../src/cim/instance-name.js';
import { CIMParameter } from '../../../src/cim/parameter.js';
import { CIMProperty } from '../../../src/cim/property.js';
import { CIMQualifierDeclaration } from '../../../src/cim/qualifier-declaration.js';
import { Uint16, Uint32 } from '../../../src/cim/typed-value.js';
import {
  INTRINSIC_OPERATIONS,
  exportResponse,
  intrinsicErrorResponse,
  intrinsicResponse,
  intrinsicResponseChunks,
  methodErrorResponse,
  methodResponse,
  type IntrinsicOperation,
} from '../../../src/cimxml/writer/index.js';
import { RESPONSE_CHUNK_LENGTH } from '../../../src/cimxml/writer/responses.js';
import { dtdErrors, normalizeXml } from './helpers.js';

const HOST = 'cimhost.example';
const fullPath = (id: number) => new CIMInstanceName('CIM_Foo', { Id: new Uint32(id) }, { namespace: 'root/cimv2', host: HOST });
const instance = (id: number) =>
  new CIMInstance('CIM_Foo', { path: fullPath(id), properties: [new CIMProperty('Id', new Uint32(id))] });
const cimClass = new CIMClass('CIM_Foo', { path: new CIMClassName('CIM_Foo', { namespace: 'root/cimv2', host: HOST }) });
const declaration = new CIMQualifierDeclaration('Key', 'boolean', { value: false, scopes: { property: true } });
const pull = <T>(objects: T[]) => ({ objects, endOfSequence: false, enumerationContext: 'ctx-1' });

/** A result of the shape each operation returns, to check that every response is DTD-valid. */
const results: Record<IntrinsicOperation, unknown> = {
  GetClass: cimClass,
  EnumerateClasses: [cimClass],
  EnumerateClassNames: ['CIM_Foo', new CIMClassName('CIM_Bar')],
  CreateClass: undefined,
  ModifyClass: undefined,
  DeleteClass: undefined,
  GetInstance: instance(1),
  EnumerateInstances: [instance(1), instance(2)],
  EnumerateInstanceNames: [fullPath(1)],
  CreateInstance: fullPath(1),
  ModifyInstance: undefined,
  DeleteInstance: undefined,
  Associators: [instance(1), cimClass],
  AssociatorNames: [fullPath(1), cimClass.path],
  References: [instance(2)],
  ReferenceNames: [fullPath(2)],
  GetProperty: { value: [new Uint16(1), new Uint16(2)], type: 'uint16' },
  SetProperty: undefined,
  GetQualifier: declaration,
  SetQualifier: undefined,
  DeleteQualifier: undefined,
  EnumerateQualifiers: [declaration],
  ExecQuery: [instance(1)],
  OpenEnumerateInstances: pull([instance(1)]),
  OpenEnumerateInstancePaths: pull([fullPath(1)]),
  OpenAssociatorInstances: pull([instance(1)]),
  OpenAssociatorInstancePaths: pull([fullPath(1)]),
  OpenReferenceInstances: pull([instance(1)]),
  OpenReferenceInstancePaths: pull([fullPath(1)]),
  OpenQueryInstances: { ...pull([instance(1)]), queryResultClass: cimClass },
  PullInstancesWithPath: { objects: [instance(1)], endOfSequence: true, enumerationContext: null },
  PullInstancePaths: pull([fullPath(1)]),
  PullInstances: pull([instance(1)]),
  CloseEnumeration: undefined,
  EnumerationCount: 12n,
};

const respond = (operation: IntrinsicOperation, result: unknown) => intrinsicResponse('1001', operation, result as never);
const envelope = (inner: string) =>
  `<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLERSP>${inner}</SIMPLERSP></MESSAGE></CIM>`;

describe('intrinsicResponse', () => {
  it('covers every operation', () => {
    expect(Object.keys(results).sort()).toEqual(Object.keys(INTRINSIC_OPERATIONS).sort());
  });

  it.each(Object.entries(results) as Array<[IntrinsicOperation, unknown]>)('%s is DTD-valid', (operation, result) => {
    expect(dtdErrors(respond(operation, result))).toEqual([]);
  });

  it('EnumerateInstances golden', () => {
    const text = respond('EnumerateInstances', [instance(1)]);
    expect(normalizeXml(text)).toBe(
      envelope(
        '<IMETHODRESPONSE NAME="EnumerateInstances"><IRETURNVALUE><VALUE.NAMEDINSTANCE>' +
          '<INSTANCENAME CLASSNAME="CIM_Foo"><KEYBINDING NAME="Id"><KEYVALUE VALUETYPE="numeric" TYPE="uint32">1</KEYVALUE></KEYBINDING></INSTANCENAME>' +
          '<INSTANCE CLASSNAME="CIM_Foo"><PROPERTY NAME="Id" TYPE="uint32"><VALUE>1</VALUE></PROPERTY></INSTANCE>' +
          '</VALUE.NAMEDINSTANCE></IRETURNVALUE></IMETHODRESPONSE>',
      ),
    );
  });

  it('void operation has no IRETURNVALUE', () => {
    expect(normalizeXml(respond('DeleteInstance', undefined))).toBe(envelope('<IMETHODRESPONSE NAME="DeleteInstance"></IMETHODRESPONSE>'));
  });

  it('AssociatorNames golden', () => {
    const text = respond('AssociatorNames', [cimClass.path]);
    expect(normalizeXml(text)).toContain(
      '<IRETURNVALUE><OBJECTPATH><CLASSPATH><NAMESPACEPATH><HOST>cimhost.example</HOST><LOCALNAMESPACEPATH>' +
        '<NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="cimv2"></NAMESPACE></LOCALNAMESPACEPATH></NAMESPACEPATH><CLASSNAME NAME="CIM_Foo"></CLASSNAME>' +
        '</CLASSPATH></OBJECTPATH></IRETURNVALUE>',
    );
  });

  it('pull output parameters', () => {
    const open = respond('OpenEnumerateInstancePaths', pull([]));
    expect(open).toContain(
      '<IRETURNVALUE></IRETURNVALUE><PARAMVALUE NAME="EndOfSequence" PARAMTYPE="boolean"><VALUE>FALSE</VALUE></PARAMVALUE>' +
        '<PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string"><VALUE>ctx-1</VALUE></PARAMVALUE></IMETHODRESPONSE>',
    );
    const last = respond('PullInstancesWithPath', { objects: [], endOfSequence: true, enumerationContext: null });
    expect(last).toContain('<VALUE>TRUE</VALUE></PARAMVALUE><PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string"></PARAMVALUE>');
  });

  it('GetProperty NULL', () => {
    const text = respond('GetProperty', { value: null, type: 'string' });
    expect(text).toContain('<IMETHODRESPONSE NAME="GetProperty"><IRETURNVALUE></IRETURNVALUE></IMETHODRESPONSE>');
  });

  it('path without host rejected', () => {
    const local = new CIMInstance('CIM_Foo', { path: new CIMInstanceName('CIM_Foo', {}, { namespace: 'root' }) });
    expect(() => respond('OpenEnumerateInstances', pull([local]))).toThrow(/needs a host and a namespace/);
  });

  it('chunks join to whole response', () => {
    const many = Array.from({ length: 2500 }, (_unused, index) => instance(index));
    const chunks = [...intrinsicResponseChunks('1001', 'EnumerateInstances', many)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(respond('EnumerateInstances', many));
    expect(dtdErrors(chunks.join(''))).toEqual([]);
  });

  it('chunks end between objects', () => {
    const many = Array.from({ length: 2500 }, (_unused, index) => instance(index));
    const chunks = [...intrinsicResponseChunks('1001', 'EnumerateInstances', many)];
    const objectLength = respond('EnumerateInstances', [instance(2499)]).length - respond('EnumerateInstances', []).length;
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(RESPONSE_CHUNK_LENGTH);
      expect(chunk.length).toBeLessThan(RESPONSE_CHUNK_LENGTH + objectLength + 1000);
      expect(chunk.endsWith('</VALUE.NAMEDINSTANCE>')).toBe(true);
    }
  });

  it('chunks read objects lazily', () => {
    let read = 0;
    function* objects() {
      for (let index = 0; index < 2500; index++) {
        read++;
        yield instance(index);
      }
    }
    const chunks = intrinsicResponseChunks('1001', 'EnumerateInstances', objects());
    chunks.next();
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(2500);
    chunks.return(undefined);
    expect(chunks.next().done).toBe(true);
  });
});

describe('error responses', () => {
  const error = new CIMError(6, 'Instance "a<b" & more not found', {
    instances: [new CIMInstance('CIM_Error', { properties: [new CIMProperty('ProbableCause', new Uint16(117))] })],
  });

  it('IMETHODRESPONSE ERROR golden', () => {
    const text = intrinsicErrorResponse('1001', 'GetInstance', error);
    expect(normalizeXml(text)).toBe(
      envelope(
        '<IMETHODRESPONSE NAME="GetInstance"><ERROR CODE="6" DESCRIPTION="Instance &quot;a&lt;b&quot; &amp; more not found">' +
          '<INSTANCE CLASSNAME="CIM_Error"><PROPERTY NAME="ProbableCause" TYPE="uint16"><VALUE>117</VALUE></PROPERTY></INSTANCE>' +
          '</ERROR></IMETHODRESPONSE>',
      ),
    );
    expect(dtdErrors(text)).toEqual([]);
  });

  it('METHODRESPONSE ERROR', () => {
    const text = methodErrorResponse('1001', 'Reset', new CIMError(17));
    expect(text).toContain('<METHODRESPONSE NAME="Reset"><ERROR CODE="17" DESCRIPTION="The specified extrinsic method does not exist."></ERROR>');
    expect(dtdErrors(text)).toEqual([]);
  });
});

describe('methodResponse', () => {
  it('return value and output parameters', () => {
    const text = methodResponse('1001', 'RequestStateChange', {
      returnValue: { value: new Uint32(4096), type: 'uint32' },
      outParameters: [
        new CIMParameter('Job', { type: 'reference', value: fullPath(1) }),
        new CIMParameter('Messages', { type: 'string', value: ['a', 'b'] }),
        new CIMParameter('Result', { value: instance(3), type: 'string' }),
      ],
    });
    expect(normalizeXml(text)).toContain(
      '<METHODRESPONSE NAME="RequestStateChange"><RETURNVALUE PARAMTYPE="uint32"><VALUE>4096</VALUE></RETURNVALUE>' +
        '<PARAMVALUE NAME="Job" PARAMTYPE="reference"><VALUE.REFERENCE><INSTANCEPATH>',
    );
    expect(text).toContain('<PARAMVALUE NAME="Messages" PARAMTYPE="string"><VALUE.ARRAY><VALUE>a</VALUE><VALUE>b</VALUE></VALUE.ARRAY></PARAMVALUE>');
    expect(text).toContain('<PARAMVALUE NAME="Result" PARAMTYPE="string" EmbeddedObject="instance"><VALUE>&lt;INSTANCE CLASSNAME=&quot;CIM_Foo&quot;&gt;');
    expect(dtdErrors(text)).toEqual([]);
  });

  it('embedded return value', () => {
    const text = methodResponse('1001', 'GetJob', { returnValue: { value: instance(1), type: 'string' } });
    expect(text).toContain('<RETURNVALUE PARAMTYPE="string" EmbeddedObject="instance"><VALUE>&lt;INSTANCE ');
    expect(dtdErrors(text)).toEqual([]);
  });

  it('void method', () => {
    expect(normalizeXml(methodResponse('1001', 'Stop', {}))).toBe(envelope('<METHODRESPONSE NAME="Stop"></METHODRESPONSE>'));
  });
});

describe('exportResponse', () => {
  it('success golden', () => {
    const text = exportResponse('55');
    expect(normalizeXml(text)).toBe(
      '<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="55" PROTOCOLVERSION="1.0"><SIMPLEEXPRSP>' +
        '<EXPMETHODRESPONSE NAME="ExportIndication"></EXPMETHODRESPONSE></SIMPLEEXPRSP></MESSAGE></CIM>',
    );
    expect(dtdErrors(text)).toEqual([]);
  });

  it('error', () => {
    const text = exportResponse('55', 'ExportIndication', new CIMError(1, 'listener failed'));
    expect(text).toContain('<EXPMETHODRESPONSE NAME="ExportIndication"><ERROR CODE="1" DESCRIPTION="listener failed"></ERROR></EXPMETHODRESPONSE>');
    expect(dtdErrors(text)).toEqual([]);
  });
});
