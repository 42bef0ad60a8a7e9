import { describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../src/shell/cli-arguments.js';
import { DEFAULT_TARGET } from '../../src/shell/connection-target.js';
import { Session } from '../../src/shell/session.js';

describe('command line arguments', () => {
  it('reads a server and options', () => {
    const args = parseCliArguments(['cimserver', '-u', 'admin', '--password-stdin', '-n', 'interop', '--timeout=5', '-o', 'table', '--no-verify', '--ca-certs', 'ca.pem', '--cert', 'c.pem', '--key', 'k.pem']);
    expect(args).toMatchObject({
      url: 'cimserver',
      user: 'admin',
      passwordStdin: true,
      namespace: 'interop',
      timeout: 5,
      output: 'table',
      noVerify: true,
      caCerts: 'ca.pem',
      certFile: 'c.pem',
      keyFile: 'k.pem',
      mock: null,
    });
  });

  it('collects mock files up to the next option', () => {
    expect(parseCliArguments(['--mock', 'a.mof', 'b.mof', '-c', 'stats'])).toMatchObject({ mock: ['a.mof', 'b.mof'], commands: ['stats'] });
    expect(parseCliArguments(['--mock']).mock).toEqual([]);
  });

  it('keeps every -c in order', () => {
    expect(parseCliArguments(['-c', 'cd interop', '--command', 'stats']).commands).toEqual(['cd interop', 'stats']);
  });

  it.each([
    [['a', 'b'], 'Unexpected argument "b"'],
    [['host', '--mock'], 'Give either a server URL (host) or --mock, not both.'],
    [['--password-stdin'], '--password-stdin needs --user.'],
    [['-p', 'secret'], 'Passwords are not accepted as arguments'],
    [['-n'], 'The option -n needs a value'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});

describe('server URL forms', () => {
  it.each([
    ['http://127.0.0.1', 'http://127.0.0.1:5988'],
    ['https://127.0.0.1', 'https://127.0.0.1:5989'],
    ['127.0.0.1', 'https://127.0.0.1:5989'],
    ['127.0.0.1:15989', 'https://127.0.0.1:15989'],
  ])('%s connects to %s', async (url, expected) => {
    const session = await Session.open({ target: { ...DEFAULT_TARGET, url }, interactive: false });
    expect(session.state.url).toBe(expected);
    await session.close();
  });
});
