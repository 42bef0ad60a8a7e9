import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRcText, rcProblemText, readRcFile } from '../../src/shell/settings/rc-file.js';
import { KEY_BINDINGS } from '../../src/shell/tui/input/key-bindings.js';
import { repoRoot, tempConfigDirectory } from './mock-fixture.js';

describe('rc file parsing', () => {
  it('reads the example file without problems', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path.join(repoRoot, '.wbemshellrc.example'), 'utf8');
    expect(parseRcText(text, '.wbemshellrc.example')).toEqual({ settings: {}, problems: [] });
  });

  it('reads every key', () => {
    const text = [
      '# comment',
      '',
      'server = https://cimserver.example:5989',
      'user = admin',
      'namespace = root/interop',
      'output = JSON',
      'timeout = 12.5',
      'pull = off',
      'verify = false',
      'ca-certs = /etc/ssl/certs',
      'pane = bottom',
      'pane-width = 35',
    ].join('\n');
    expect(parseRcText(text, 'rc')).toEqual({
      settings: {
        server: 'https://cimserver.example:5989',
        user: 'admin',
        namespace: 'root/interop',
        output: 'json',
        timeout: 12.5,
        pull: 'off',
        verify: false,
        caCerts: '/etc/ssl/certs',
        pane: 'bottom',
        paneWidth: 35,
      },
      problems: [],
    });
  });

  const DEFAULT_USED = '; the default is used.';
  const LINE_IGNORED = '; the line is ignored.';

  it.each([
    ['colour = red', 'colour', 'unknown key; the keys are server, user', LINE_IGNORED],
    ['output = yaml', 'output', 'invalid value "yaml": use one of mof, xml, json, table, tree', DEFAULT_USED],
    ['timeout = 0', 'timeout', 'invalid value "0": use a number greater than 0 and at most 86400', DEFAULT_USED],
    ['timeout = soon', 'timeout', 'invalid value "soon"', DEFAULT_USED],
    ['verify = maybe', 'verify', 'invalid value "maybe": use true or false', DEFAULT_USED],
    ['pane-width = 95', 'pane-width', 'use a number greater than 0 and at most 90', DEFAULT_USED],
    ['server =', 'server', 'invalid value "": the value is empty', DEFAULT_USED],
    ['password = secret', 'password', 'passwords are never read from this file', '; the line is ignored; use --password-stdin or the password prompt.'],
    ['just words', 'just words', 'expected key = value', LINE_IGNORED],
  ])('reports %s', (line, key, message, ending) => {
    const { settings, problems } = parseRcText(`output = table\n${line}\npull = on`, '/home/u/.wbemshellrc');
    expect(settings).toEqual({ output: 'table', pull: 'on' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '/home/u/.wbemshellrc', line: 2, key });
    expect(problems[0]!.message).toContain(message);
    expect(rcProblemText(problems[0]!)).toMatch(/^\/home\/u\/\.wbemshellrc:2: /);
    expect(rcProblemText(problems[0]!).endsWith(ending)).toBe(true);
  });

  it('reads key bindings', () => {
    const text = ['key.toggle-pane = f3', 'key.focus = F7', 'key.history-search = ctrl-s, alt-r'].join('\n');
    expect(parseRcText(text, 'rc')).toEqual({
      settings: { keys: { togglePane: [{ name: 'f3' }], focus: [{ name: 'f7' }], historySearch: [{ name: 's', ctrl: true }, { name: 'r', meta: true }] } },
      problems: [],
    });
  });

  it.each([
    ['key.fly = f3', 'key.fly', 'unknown action "fly"; the actions are help, toggle-pane, focus'],
    ['key.focus = hyper-x', 'key.focus', 'invalid key "hyper-x": "hyper" is not a modifier'],
    ['key.focus = x', 'key.focus', 'invalid key "x": "x" alone is typed text'],
    ['key.focus =', 'key.focus', 'invalid key "": "" is not a key'],
    ['key.help = f6', 'key.help', 'f6 is already bound to focus on line 1'],
  ])('reports %s', (line, key, message) => {
    const { settings, problems } = parseRcText(`key.focus = f6\n${line}`, '/home/u/.wbemshellrc');
    expect(settings).toEqual({ keys: { focus: [{ name: 'f6' }] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '/home/u/.wbemshellrc', line: 2, key });
    expect(problems[0]!.message).toContain(message);
    expect(rcProblemText(problems[0]!)).toMatch(/^\/home\/u\/\.wbemshellrc:2: key\./);
    expect(rcProblemText(problems[0]!)).toMatch(/; the action keeps its default keys\.$/);
  });

  it('example keys parse as defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path.join(repoRoot, '.wbemshellrc.example'), 'utf8');
    const uncommented = text.split('\n').filter((line) => line.startsWith('# key.')).map((line) => line.slice(2));
    const { settings, problems } = parseRcText(uncommented.join('\n'), '.wbemshellrc.example');
    expect(problems).toEqual([]);
    for (const binding of KEY_BINDINGS) expect(settings.keys?.[binding.action], binding.action).toEqual(binding.keys);
  });

  it('never keeps a password', () => {
    expect(JSON.stringify(parseRcText('password = secret', 'rc').settings)).not.toContain('secret');
  });
});

describe('rc file lookup', () => {
  it('prefers the current directory over home', () => {
    const cwd = tempConfigDirectory();
    const home = tempConfigDirectory();
    writeFileSync(path.join(cwd, '.wbemshellrc'), 'output = xml\n');
    writeFileSync(path.join(home, '.wbemshellrc'), 'output = json\n');
    expect(readRcFile(cwd, home)).toEqual({ file: path.join(cwd, '.wbemshellrc'), settings: { output: 'xml' }, problems: [] });
  });

  it('falls back to home', () => {
    const cwd = tempConfigDirectory();
    const home = tempConfigDirectory();
    writeFileSync(path.join(home, '.wbemshellrc'), 'pull = off\n');
    expect(readRcFile(cwd, home).settings).toEqual({ pull: 'off' });
  });

  it('reports an unreadable file', () => {
    const cwd = tempConfigDirectory();
    mkdirSync(path.join(cwd, '.wbemshellrc'));
    const rc = readRcFile(cwd, tempConfigDirectory());
    expect(rc.problems[0]!.message).toContain('cannot be read');
    expect(rcProblemText(rc.problems[0]!)).toMatch(new RegExp(`^${cwd}/\\.wbemshellrc: cannot be read: .*; the defaults are used\\.$`));
  });

  it('is empty without files', () => {
    expect(readRcFile(tempConfigDirectory(), tempConfigDirectory())).toEqual({ file: null, settings: {}, problems: [] });
  });
});
