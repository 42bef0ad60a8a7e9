import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import { parseXml } from '../../../src/cimxml/xml/tree.js';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>`;

describe('tokenizer entity safety', () => {
  let server: Server;
  const requestedPaths: string[] = [];
  let baseUrl = '';
  let secretDir = '';
  let secretFile = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requestedPaths.push(request.url ?? '');
      response.end('<!ENTITY secret "FETCHED-OVER-HTTP">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    secretDir = mkdtempSync(path.join(tmpdir(), 'xml-entity-'));
    secretFile = path.join(secretDir, 'secret.txt');
    writeFileSync(secretFile, 'FILE-CONTENT-LEAKED');
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(secretDir, { recursive: true, force: true });
  });

  it('billion laughs is rejected', () => {
    expect(() => parseXml(BILLION_LAUGHS)).toThrow(XMLParseError);
    expect(() => parseXml(BILLION_LAUGHS)).toThrow(/undefined entity '&lol9;'/);
  });

  it('billion laughs without reference is skipped', () => {
    const xml = BILLION_LAUGHS.replace('&lol9;', 'safe');

    expect(parseXml(xml).text).toBe('safe');
  });

  it('external file entity is not read', () => {
    const xml = `<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secretFile}">]><r>&xxe;</r>`;

    expect(() => parseXml(xml)).toThrow(/undefined entity '&xxe;'/);
  });

  it('external HTTP entity is not fetched', async () => {
    const xml =
      `<!DOCTYPE r SYSTEM "${baseUrl}/r.dtd" [<!ENTITY % ext SYSTEM "${baseUrl}/p.dtd"> %ext;` +
      `<!ENTITY xxe SYSTEM "${baseUrl}/x.txt">]><r>&xxe;&secret;</r>`;

    expect(() => parseXml(xml)).toThrow(/undefined entity '&xxe;'/);
    expect(parseXml(xml.replace('&xxe;&secret;', 'ok')).text).toBe('ok');

    // A request of our own after parsing shows that the server counts requests and saw no earlier one.
    await (await fetch(`${baseUrl}/after-parsing`)).text();
    expect(requestedPaths).toEqual(['/after-parsing']);
  });

  it('entity declared in DOCTYPE is not expanded in attributes', () => {
    const xml = '<!DOCTYPE r [<!ENTITY a "x">]><r v="&a;"/>';

    expect(() => parseXml(xml)).toThrow(/undefined entity '&a;'/);
  });

  it('default attribute from DOCTYPE is not applied', () => {
    const xml = '<!DOCTYPE r [<!ATTLIST r v CDATA "injected">]><r/>';

    expect(parseXml(xml).attributes).toEqual({});
  });
});
