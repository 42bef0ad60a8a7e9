import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { readResponse, type OperationResponse } from '../../src/cimxml/index.js';
import { loadBuiltinModel } from '../../src/mock/builtin/builtin-model.js';
import { loadModel } from '../../src/mock/cache/model-cache.js';
import { Interop } from '../../src/mock/interop.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import {
  callIntrinsic,
  classNameParam,
  COMPUTER_SYSTEM_KEYS,
  instanceNameXml,
  OPERATING_SYSTEM_KEYS,
  post,
  processKeys,
  referenceDir,
  testCacheDirectory,
  valueParam,
} from './server-helpers.js';
import { trafficDir } from './traffic-files.js';

const NS = 'root/cimv2';
let server: MockServer;

beforeAll(async () => {
  const model = loadBuiltinModel({ cacheDirectory: testCacheDirectory });
  server = await startMockServer({ repository: model.repository });
});

afterAll(async () => {
  await server.close();
});

async function instanceNames(className: string, namespace = NS): Promise<CIMInstanceName[]> {
  const response = await callIntrinsic(server.url, 'EnumerateInstanceNames', namespace, classNameParam('ClassName', className));
  expect(response.error).toBeNull();
  return response.intrinsicReturnValue!.items as CIMInstanceName[];
}

async function getInstance(className: string, keys: Record<string, string>): Promise<CIMInstance> {
  const response = await callIntrinsic(server.url, 'GetInstance', NS, `<IPARAMVALUE NAME="InstanceName">${instanceNameXml(className, keys)}</IPARAMVALUE>`);
  expect(response.error).toBeNull();
  return response.intrinsicReturnValue!.items[0] as CIMInstance;
}

/** Calls an extrinsic method with string PARAMVALUEs and returns the parsed response. */
async function callMethod(objectXml: string, cimObject: string, method: string, parameters: Record<string, string>): Promise<OperationResponse> {
  const params = Object.entries(parameters)
    .map(([name, value]) => `<PARAMVALUE NAME="${name}"><VALUE>${value}</VALUE></PARAMVALUE>`)
    .join('');
  const body =
    `<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="7" PROTOCOLVERSION="1.0"><SIMPLEREQ>` +
    `<METHODCALL NAME="${method}">${objectXml}${params}</METHODCALL></SIMPLEREQ></MESSAGE></CIM>`;
  const result = await post(server.url, body, { CIMOperation: 'MethodCall', CIMMethod: method, CIMObject: encodeURIComponent(cimObject) });
  expect(result.status).toBe(200);
  return readResponse(result.body).response as OperationResponse;
}

const LOCAL_NS = '<LOCALNAMESPACEPATH><NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="cimv2"></NAMESPACE></LOCALNAMESPACEPATH>';
const keyText = (keys: Record<string, string>) =>
  Object.entries(keys)
    .map(([name, value]) => `${name}="${value}"`)
    .join(',');

describe('built-in model', () => {
  it.each([
    ['WBEMShell_ComputerSystem', 1],
    ['WBEMShell_OperatingSystem', 1],
    ['WBEMShell_Process', 12],
    ['WBEMShell_Processor', 4],
    ['WBEMShell_DiskDrive', 2],
    ['WBEMShell_NetworkPort', 2],
    ['WBEMShell_FileSystem', 3],
    ['WBEMShell_SoftwareIdentity', 6],
    ['CIM_LogicalDevice', 8],
    ['CIM_OSProcess', 12],
    ['CIM_SystemDevice', 8],
  ])('counts %s', async (className, count) => {
    expect(await instanceNames(className)).toHaveLength(count);
  });

  it('serves the whole DMTF schema', async () => {
    const response = await callIntrinsic(server.url, 'EnumerateClassNames', NS, valueParam('DeepInheritance', 'TRUE'));
    expect(response.intrinsicReturnValue!.items.length).toBe(1631 + 13);
  });

  it('follows associations from the system', async () => {
    const objectName = `<IPARAMVALUE NAME="ObjectName">${instanceNameXml('WBEMShell_ComputerSystem', COMPUTER_SYSTEM_KEYS)}</IPARAMVALUE>`;
    const devices = await callIntrinsic(server.url, 'AssociatorNames', NS, objectName + classNameParam('AssocClass', 'CIM_SystemDevice'));
    expect(devices.intrinsicReturnValue!.items).toHaveLength(8);

    const os = await callIntrinsic(server.url, 'Associators', NS, objectName + classNameParam('ResultClass', 'CIM_OperatingSystem'));
    const [found] = os.intrinsicReturnValue!.items as CIMInstance[];
    expect(found?.className).toBe('WBEMShell_OperatingSystem');
    expect(found?.path?.host).toBe(`127.0.0.1:${server.port}`);

    const software = await callIntrinsic(server.url, 'ReferenceNames', NS, objectName + classNameParam('ResultClass', 'CIM_InstalledSoftwareIdentity'));
    expect(software.intrinsicReturnValue!.items).toHaveLength(6);
  });

  it('lists registered profiles in interop', async () => {
    const response = await callIntrinsic(server.url, 'EnumerateInstances', 'interop', classNameParam('ClassName', 'CIM_RegisteredProfile'));
    const names = (response.intrinsicReturnValue!.items as CIMInstance[]).map((profile) => profile.get('RegisteredName'));
    expect(names.sort()).toEqual(['Computer System', 'Profile Registration', 'Software Inventory']);
  });

  it('changes process state', async () => {
    const keys = processKeys('2210');
    const target = `<LOCALINSTANCEPATH>${LOCAL_NS}${instanceNameXml('WBEMShell_Process', keys)}</LOCALINSTANCEPATH>`;
    const response = await callMethod(target, `root/cimv2:WBEMShell_Process.${keyText(keys)}`, 'RequestStateChange', { RequestedState: '3' });
    expect(response.error).toBeNull();
    expect(response.returnValue?.value).toBe(0);
    expect((await getInstance('WBEMShell_Process', keys)).get('EnabledState')).toBe(3);
  });

  it('rejects an unknown state', async () => {
    const keys = processKeys('2417');
    const target = `<LOCALINSTANCEPATH>${LOCAL_NS}${instanceNameXml('WBEMShell_Process', keys)}</LOCALINSTANCEPATH>`;
    const response = await callMethod(target, `root/cimv2:WBEMShell_Process.${keyText(keys)}`, 'RequestStateChange', { RequestedState: '42' });
    expect(response.returnValue?.value).toBe(5);
    expect((await getInstance('WBEMShell_Process', keys)).get('EnabledState')).toBe(2);
  });

  it('reboots the operating system', async () => {
    const before = (await getInstance('WBEMShell_OperatingSystem', OPERATING_SYSTEM_KEYS)).get('LastBootUpTime');
    const target = `<LOCALINSTANCEPATH>${LOCAL_NS}${instanceNameXml('WBEMShell_OperatingSystem', OPERATING_SYSTEM_KEYS)}</LOCALINSTANCEPATH>`;
    const response = await callMethod(target, `root/cimv2:WBEMShell_OperatingSystem.${keyText(OPERATING_SYSTEM_KEYS)}`, 'Reboot', {});
    expect(response.returnValue?.value).toBe(0);
    const after = (await getInstance('WBEMShell_OperatingSystem', OPERATING_SYSTEM_KEYS)).get('LastBootUpTime');
    expect(String(after)).not.toBe(String(before));
    expect(String(after) > '2025').toBe(true);
  });

  it('creates a process with a static method', async () => {
    const target = `<LOCALCLASSPATH>${LOCAL_NS}<CLASSNAME NAME="WBEMShell_Process"></CLASSNAME></LOCALCLASSPATH>`;
    const response = await callMethod(target, 'root/cimv2:WBEMShell_Process', 'Create', { CommandLine: 'sleep 60' });
    expect(response.returnValue?.value).toBe(0);
    const created = response.outputParameters.find((parameter) => parameter.name === 'Process')?.value as CIMInstanceName;
    expect(created.keybindings.get('Handle')).toBe('2418');
    expect(await instanceNames('WBEMShell_Process')).toHaveLength(13);
  });
});

describe('captured SFCB requests', () => {
  const liveDir = path.join(trafficDir, 'sfcb-1.3-live');
  // Requests sent with curl and the CIM headers; 51 is malformed on purpose and 90-92 need authentication.
  const cases = readdirSync(liveDir)
    .filter((file) => file.endsWith('.request.xml') && !/^(51|9\d)_/.test(file))
    .map((file) => [file] as const);

  it.each(cases)('%s', async (file) => {
    const command = readFileSync(path.join(liveDir, file.replace('.request.xml', '.txt')), 'utf8');
    const headers: Record<string, string> = {};
    for (const match of command.matchAll(/-H ((?:\\ |[^ ])+)/g)) {
      const header = match[1]!.replace(/\\(.)/g, '$1');
      const colon = header.indexOf(':');
      headers[header.slice(0, colon)] = header.slice(colon + 1).trim();
    }
    const result = await post(server.url, readFileSync(path.join(liveDir, file), 'utf8'), headers);
    expect(result.status).toBe(200);
    const response = readResponse(result.body);
    expect(response.responses).toHaveLength(1);
  });
});

describe('mock models', () => {
  const modelsDir = path.join(referenceDir, 'mock-models');
  const files = [
    ...readdirSync(modelsDir).filter((name) => name.endsWith('.mof')),
    path.join('pywbem-testmofs', 'test_instance.mof'),
  ];

  it.each(files.map((file) => [file] as const))('serves %s', async (file) => {
    const model = loadModel({
      mofFiles: [path.join(modelsDir, file)],
      cacheDirectory: testCacheDirectory,
      repositoryOptions: { checkReferenceClasses: false },
    });
    new Interop(model.repository);
    const modelServer = await startMockServer({ repository: model.repository });
    try {
      const classes = await callIntrinsic(modelServer.url, 'EnumerateClassNames', NS, valueParam('DeepInheritance', 'TRUE'));
      expect(classes.error).toBeNull();
      expect(classes.intrinsicReturnValue!.items).toHaveLength(model.repository.namespace(NS).classes.size);

      const classNames = new Set(model.repository.allStoredInstances(NS).map((instance) => instance.className));
      for (const className of classNames) {
        const response = await callIntrinsic(modelServer.url, 'EnumerateInstanceNames', NS, classNameParam('ClassName', className));
        expect(response.error).toBeNull();
        expect(response.intrinsicReturnValue!.items).toHaveLength(model.repository.storedInstances(NS, className).length);
      }
    } finally {
      await modelServer.close();
    }
  });
});
