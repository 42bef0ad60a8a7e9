import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTabs, firstPageEnd, OutputLog, scrollDown, scrollUp, visibleRows } from '../../../src/shell/tui/output/output-log.js';
import { detailRows, sliceTokens } from '../../../src/shell/tui/recorder/detail-rows.js';
import { formatDuration, formatSize, visibleText } from '../../../src/shell/tui/recorder/record-view.js';
import { highlightXmlLine, prettyXml } from '../../../src/shell/tui/recorder/xml-pretty.js';
import { computeLayout, initialPane } from '../../../src/shell/tui/layout.js';
import { windowStart } from '../../../src/shell/tui/components/completion-list.js';
import { referenceDir } from './test-session.js';

const trafficDir = path.join(referenceDir, 'cim-xml', 'traffic');

describe('OutputLog', () => {
  it('splits blocks into lines', () => {
    const log = new OutputLog();
    expect(log.append('text', 'a\nb\r\nc\n')).toBe(3);
    expect(log.lines.map((line) => line.text)).toEqual(['a', 'b', 'c']);
  });

  it('drops the oldest beyond the limit', () => {
    const log = new OutputLog(3);
    log.append('text', '1\n2\n3\n4\n5');
    expect(log.lines.map((line) => line.text)).toEqual(['3', '4', '5']);
    expect(log.dropped).toBe(2);
  });

  it('appends 200,000 lines at once', () => {
    const log = new OutputLog();
    log.append('text', Array.from({ length: 200_000 }, (_, index) => `line ${index}`).join('\n'));
    expect(log.lines.length).toBe(200_000);
  });

  it.each([
    ['a\tb', 'a       b'],
    ['abcdefgh\tx', 'abcdefgh        x'],
    ['esc\u001b[31m', 'esc[31m'],
  ])('expandTabs %j', (input, expected) => {
    expect(expandTabs(input)).toBe(expected);
  });
});

describe('output window', () => {
  const lines = ['one', 'x'.repeat(25), 'three', 'four', 'five'].map((text) => ({ kind: 'text' as const, text }));

  it('wraps only visible lines', () => {
    const rows = visibleRows(lines, 5, 4, 10);
    expect(rows.map((row) => row.text)).toEqual(['xxxxx', 'three', 'four', 'five']);
  });

  it('fills from the view end', () => {
    const rows = visibleRows(lines, 2, 10, 10);
    expect(rows.map((row) => row.text)).toEqual(['one', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });

  it('pages up and down', () => {
    expect(scrollUp(lines, 5, 2, 10)).toBe(3);
    expect(scrollDown(lines, 3, 2, 10)).toBe(5);
    expect(scrollUp(lines, 3, 100, 10)).toBe(firstPageEnd(lines, 100, 10));
  });

  it('renders a slice of a huge log', () => {
    const huge = Array.from({ length: 500_000 }, (_, index) => ({ kind: 'text' as const, text: `instance ${index}` }));
    const rows = visibleRows(huge, huge.length, 40, 120);
    expect(rows.length).toBe(40);
    expect(rows.at(-1)?.text).toBe('instance 499999');
  });
});

describe('prettyXml', () => {
  it('indents a request', () => {
    const pretty = prettyXml('<A><B x="1>2"><C>text</C><D/></B><E></E></A>');
    expect(pretty.lines).toEqual([
      { depth: 0, text: '<A>' },
      { depth: 1, text: '<B x="1>2">' },
      { depth: 2, text: '<C>text</C>' },
      { depth: 2, text: '<D/>' },
      { depth: 1, text: '</B>' },
      { depth: 1, text: '<E></E>' },
      { depth: 0, text: '</A>' },
    ]);
    expect(pretty.truncated).toBe(false);
  });

  it('keeps comments, CDATA and declarations', () => {
    const pretty = prettyXml('<?xml version="1.0"?><!-- a > b --><V><![CDATA[<x>]]></V>');
    expect(pretty.lines.map((line) => line.text)).toEqual(['<?xml version="1.0"?>', '<!-- a > b -->', '<V>', '<![CDATA[<x>]]>', '</V>']);
  });

  it('stops at the cap', () => {
    const body = `<R>${'<V>1</V>'.repeat(100_000)}</R>`;
    const pretty = prettyXml(body, 1000);
    expect(pretty.truncated).toBe(true);
    expect(pretty.formattedChars).toBeLessThanOrEqual(1000 + 8);
    expect(pretty.lines.length).toBeLessThan(200);
  });

  it('handles an unterminated tag', () => {
    const pretty = prettyXml('<A><B attr="x');
    expect(pretty.lines.map((line) => line.text)).toEqual(['<A>', '<B attr="x']);
  });

  it.each(readdirSync(trafficDir).filter((name) => name.endsWith('.xml')))('re-indents traffic %s', (name) => {
    const xml = readFileSync(path.join(trafficDir, name), 'utf8');
    const pretty = prettyXml(xml);
    const squeeze = (text: string) => text.replace(/↵/g, '\n').replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
    expect(squeeze(pretty.lines.map((line) => line.text).join(''))).toBe(squeeze(xml));
    expect(pretty.lines.every((line) => line.depth >= 0)).toBe(true);
  });
});

describe('highlightXmlLine', () => {
  it('splits tag, attributes and text', () => {
    expect(highlightXmlLine('<VALUE TYPE="string">abc</VALUE>')).toEqual([
      { kind: 'punctuation', text: '<' },
      { kind: 'tag', text: 'VALUE' },
      { kind: 'text', text: ' ' },
      { kind: 'attribute', text: 'TYPE' },
      { kind: 'punctuation', text: '=' },
      { kind: 'value', text: '"string"' },
      { kind: 'punctuation', text: '>' },
      { kind: 'text', text: 'abc' },
      { kind: 'punctuation', text: '</' },
      { kind: 'tag', text: 'VALUE' },
      { kind: 'punctuation', text: '>' },
    ]);
  });

  it('keeps every character', () => {
    const line = '<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="CIM_Foo"/></IPARAMVALUE>';
    expect(highlightXmlLine(line).map((token) => token.text).join('')).toBe(line);
  });

  it('slices tokens for wrapped rows', () => {
    const tokens = highlightXmlLine('<A B="cd">');
    expect(sliceTokens(tokens, 2, 4).map((token) => token.text).join('')).toBe(' B="');
  });
});

describe('detail rows', () => {
  it('wraps with indentation', () => {
    const rows = detailRows([{ kind: 'xml', text: 'x'.repeat(30), depth: 2 }], 14);
    expect(rows.map((row) => [row.indent, row.start, row.length])).toEqual([
      [4, 0, 10],
      [4, 10, 10],
      [4, 20, 10],
    ]);
  });
});

describe('record formats', () => {
  it.each([
    [0.4, '0 ms'],
    [41.2, '41 ms'],
    [1234, '1.2 s'],
  ])('duration %d', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it.each([
    [812, '812'],
    [14_000, '14K'],
    [3_400_000, '3.2M'],
  ])('size %d', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('layout', () => {
  const base = { paneVisible: true, paneShare: 0.4, warningLine: false, spinnerLine: false, completionOpen: false };

  it('side by side when wide', () => {
    const layout = computeLayout({ ...base, columns: 160, rows: 50 });
    expect(layout.side).toBe(true);
    expect(layout.leftWidth + layout.paneWidth).toBe(160);
    expect(layout.paneHeight).toBe(47);
  });

  it('stacked when narrow', () => {
    const layout = computeLayout({ ...base, columns: 100, rows: 40 });
    expect(layout.side).toBe(false);
    expect(layout.outputHeight + layout.paneHeight).toBe(36);
  });

  it('bottom stacks when wide', () => {
    const layout = computeLayout({ ...base, placement: 'bottom', columns: 160, rows: 50 });
    expect(layout.side).toBe(false);
    expect(layout.paneWidth).toBe(160);
    expect(layout.outputHeight + layout.paneHeight).toBe(46);
  });

  it.each([
    [{}, 160, { visible: true, placement: 'right', share: 0.4 }],
    [{ pane: 'right', paneWidth: 25 }, 160, { visible: true, placement: 'right', share: 0.25 }],
    [{ pane: 'bottom' }, 160, { visible: true, placement: 'bottom', share: 0.4 }],
    [{ pane: 'hidden' }, 160, { visible: false, placement: 'right', share: 0.4 }],
    [{ pane: 'right' }, 79, { visible: false, placement: 'right', share: 0.4 }],
    [{ pane: 'bottom' }, 70, { visible: false, placement: 'bottom', share: 0.4 }],
  ] as const)('initial pane %j at %i columns', (settings, columns, expected) => {
    expect(initialPane(settings, columns)).toEqual(expected);
  });

  it('no pane when hidden', () => {
    const layout = computeLayout({ ...base, paneVisible: false, columns: 60, rows: 24 });
    expect(layout.paneWidth).toBe(0);
    expect(layout.outputHeight).toBe(20);
  });

  it.each([
    [-1, 1600, 0],
    [7, 1600, 0],
    [8, 1600, 8],
    [1599, 1600, 1592],
    [3, 5, 0],
  ])('completion window for %i of %i', (selected, count, start) => {
    expect(windowStart(selected, count)).toBe(start);
  });
});

describe('visibleText', () => {
  it.each([
    ['a\tb', 'a b'],
    ['x\r', 'x␍'],
    ['\u001b[31m', '␛[31m'],
    ['del\u007f', 'del␡'],
  ])('%j', (input, expected) => {
    expect(visibleText(input)).toBe(expected);
  });
});
