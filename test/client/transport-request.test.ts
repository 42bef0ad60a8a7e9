import { afterEach, describe, expect, it } from 'vitest';
import { WBEMTransport } from '../../src/client/transport.js';
import { fixedResponse, RESPONSE_XML, startRawServer, type RawServer } from './loopback-server.js';

const OK_HEADERS = { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' };

let server: RawServer | null = null;
let transport: WBEMTransport | null = null;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = null;
  server = null;
});

async function sendOnce(options: { user?: string; password?: string; cimObject?: string; extra?: Record<string, string> } = {}) {
  server = await startRawServer((socket) => socket.write(fixedResponse('200 OK', OK_HEADERS, RESPONSE_XML)));
  const credentials = options.user === undefined ? null : { user: options.user, password: options.password ?? '' };
  transport = new WBEMTransport({ url: server.url, credentials, timeout: 5000 });
  await transport.send({
    cimMethod: 'EnumerateInstances',
    cimObject: options.cimObject ?? 'root/cimv2',
    body: '<?xml version="1.0" encoding="utf-8" ?><CIM/>',
    headers: options.extra,
  });
  const request = server.requests[0];
  if (request === undefined) throw new Error('the server received no request');
  return request;
}

describe('transport request', () => {
  it('sends POST to /cimom', async () => {
    const request = await sendOnce();
    expect(request.head.split('\r\n')[0]).toBe('POST /cimom HTTP/1.1');
  });

  it('sends Content-Type literally', async () => {
    const request = await sendOnce();
    expect(request.head).toContain('\r\nContent-Type: application/xml; charset="utf-8"\r\n');
  });

  it.each([
    ['cimoperation', 'MethodCall'],
    ['cimmethod', 'EnumerateInstances'],
    ['cimprotocolversion', '1.0'],
    ['te', 'trailers'],
    ['accept', 'application/xml, text/xml'],
  ])('sends header %s', async (name, value) => {
    const request = await sendOnce();
    expect(request.headers[name]).toBe(value);
  });

  it('passes percent-encoded CIMObject through', async () => {
    const cimObject = 'root%2Fcimv2%3ACIM_Foo.Name%3D%22a%20b%22%2CId%3D3';
    const request = await sendOnce({ cimObject });
    expect(request.headers['cimobject']).toBe(cimObject);
  });

  it('sends the body with its length', async () => {
    const request = await sendOnce();
    expect(request.body.toString('utf8')).toBe('<?xml version="1.0" encoding="utf-8" ?><CIM/>');
    expect(request.headers['content-length']).toBe(String(request.body.length));
  });

  it('sends extra headers', async () => {
    const request = await sendOnce({ extra: { Pragma: 'UpdateExpiredPassword' } });
    expect(request.headers['pragma']).toBe('UpdateExpiredPassword');
  });

  it('encodes Basic credentials as UTF-8', async () => {
    const request = await sendOnce({ user: 'ユーザー1', password: 'pä55' });
    const encoded = (request.headers['authorization'] ?? '').replace(/^Basic /, '');
    expect(request.headers['authorization']).toMatch(/^Basic /);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('ユーザー1:pä55');
  });

  it('sends no Authorization without credentials', async () => {
    const request = await sendOnce();
    expect(request.headers['authorization']).toBeUndefined();
  });

  it('rejects non-ASCII CIMObject', async () => {
    await expect(sendOnce({ cimObject: 'root/ümlaut' })).rejects.toThrow(/percent-encode/);
  });

  it('rejects user name with colon', () => {
    expect(() => new WBEMTransport({ url: 'http://127.0.0.1:1', credentials: { user: 'a:b', password: 'x' } })).toThrow(
      /contains ":"/,
    );
  });

  it.each(['ftp://127.0.0.1', 'not a url'])('rejects server URL %s', (url) => {
    expect(() => new WBEMTransport({ url })).toThrow(TypeError);
  });
});
