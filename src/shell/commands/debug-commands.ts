import { readFile } from 'node:fs/promises';
import {
  DTD_VERSIONS,
  explainRequest,
  formatExplanation,
  loadRecordedExchanges,
  parseDTDVersion,
  parseHttpMessage,
  replayExchanges,
  validateCIMXML,
  type DTDVersion,
  type RawResponse,
  type ReplayResult,
} from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import type { CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OptionReader } from './parse-arguments.js';
import { formatValidation, updateValidationWatch, validationWatch } from './validation-watch.js';

/** Reads a file for a command, turning a file-system error into a message that names the file. */
async function readInput(file: string, context: CommandContext): Promise<string> {
  if (file === '-') {
    if (context.interactive) throw new ShellInputError('"-" reads standard input, which only works with -c or a script; give a file name instead.');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ShellInputError(`Cannot read ${file}: ${reason}`, { cause: error });
  }
}

function dtdOption(parsed: ParsedArguments): DTDVersion | undefined {
  const text = new OptionReader(parsed).value('dtd');
  if (text === undefined) return undefined;
  try {
    return parseDTDVersion(text);
  } catch (error) {
    throw new ShellInputError((error as Error).message, { cause: error });
  }
}

function knownDTDVersion(text: string): DTDVersion | null {
  try {
    return parseDTDVersion(text);
  } catch {
    return null;
  }
}

/** `validate [on|off|VERSION|FILE]`: switches automatic validation, or validates one file. */
async function validate(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const target = parsed.args[0];
  const requests = new OptionReader(parsed).flag('requests');
  const dtdVersion = dtdOption(parsed);

  if (target === undefined) {
    const watch = validationWatch(context.session);
    const scope = watch.requests ? 'requests and responses' : 'responses';
    context.print(watch.enabled ? `Validation of ${scope} against DTD ${watch.dtdVersion} is on.` : `Validation is off; the DTD version is ${watch.dtdVersion}.`);
    return;
  }

  const lower = target.toLowerCase();
  if (lower === 'on' || lower === 'off') {
    const watch = updateValidationWatch(context.session, { enabled: lower === 'on', requests, ...(dtdVersion === undefined ? {} : { dtdVersion }) });
    context.print(watch.enabled ? `Each ${requests ? 'request and response' : 'response'} is validated against DTD ${watch.dtdVersion}.` : 'Validation is off.');
    return;
  }

  const version = knownDTDVersion(target);
  if (version !== null) {
    const watch = updateValidationWatch(context.session, { enabled: true, dtdVersion: version, requests });
    context.print(`Each ${watch.requests ? 'request and response' : 'response'} is validated against DTD ${watch.dtdVersion}.`);
    return;
  }

  const body = parseHttpMessage(await readInput(target, context)).body;
  const result = validateCIMXML(body, { dtdVersion: dtdVersion ?? validationWatch(context.session).dtdVersion });
  context.print(formatValidation(result, `document ${target}`));
}

/** `raw FILE|-`: sends a hand-written request, with the headers of the file's HTTP head if it has one. */
async function raw(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const message = parseHttpMessage(await readInput(parsed.args[0]!, context));
  const headers: Record<string, string> = { ...message.headers };
  for (const header of new OptionReader(parsed).rawList('header')) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new ShellInputError(`The header ${JSON.stringify(header)} is not NAME:VALUE; write it as --header CIMObject:root%2Fcimv2.`);
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }

  const options = { headers, timeout: context.session.state.timeout * 1000, ...(context.signal === undefined ? {} : { signal: context.signal }) };
  const response = await context.session.connection.rawRequest(message.body, options);
  context.print(rawResponseText(response));
  if (response.error !== null) context.warn(`${response.error.name}: ${response.error.message}`);
}

function rawResponseText(response: RawResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.reason}`.trimEnd()];
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  lines.push('', response.body);
  for (const [name, value] of Object.entries(response.trailers)) lines.push(`${name}: ${value}`);
  return lines.join('\n');
}

/** `replay FILE`: re-sends recorded requests and lists what differs in the responses. */
async function replay(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const file = parsed.args[0]!;
  const exchanges = await loadRecordedExchanges(file).catch((error: unknown) => {
    throw new ShellInputError(`Cannot read the recording ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  if (exchanges.length === 0) throw new ShellInputError(`${file} contains no recorded requests; save one with "recorder save FILE --format yaml|xml|http".`);

  let done = 0;
  const results = await replayExchanges(context.session.connection, exchanges, {
    ignoreAttributes: new OptionReader(parsed).list('ignore') ?? [],
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    onResult: () => context.progress('Replaying', ++done),
  });

  for (const result of results) context.print(replayText(result));
  const different = results.filter((result) => !result.same).length;
  context.print(`Replayed ${results.length} requests: ${results.length - different} with the same response, ${different} different.`);
}

function replayText(result: ReplayResult): string {
  if (result.same) return `${result.name}: same response`;

  const lines = [`${result.name}: different response`];
  for (const difference of result.http) lines.push(`  ${difference.field}: ${difference.expected ?? '(absent)'} -> ${difference.actual ?? '(absent)'}`);
  for (const difference of result.xml) {
    const what = difference.attribute === null ? difference.kind : `${difference.kind} ${difference.attribute}`;
    lines.push(`  ${difference.path}: ${what}: ${JSON.stringify(difference.expected)} -> ${JSON.stringify(difference.actual)}`);
  }
  if (result.note !== null) lines.push(`  ${result.note}`);
  return lines.join('\n');
}

/** `explain [N|FILE]`: annotates the request of recorded operation N (default the last) or of a file. */
async function explain(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const target = parsed.args[0];
  if (target !== undefined && !/^\d+$/.test(target)) {
    context.print(formatExplanation(explainRequest(parseHttpMessage(await readInput(target, context)).body)));
    return;
  }

  const records = context.session.recorder.records;
  if (records.length === 0) throw new ShellInputError('No operations are recorded; turn the recorder on with "recorder on", run a command, then "explain".');
  const index = target === undefined ? records.length : Number(target);
  const record = records[index - 1];
  if (record === undefined) throw new ShellInputError(`There is no recorded operation ${index}; the recorder contains operations 1 to ${records.length}.`);
  if (record.request === null) throw new ShellInputError(`Operation ${index} (${record.operation}) sent no request.`);

  context.print(`Operation ${index}: ${record.operation}`);
  context.print(formatExplanation(explainRequest(record.request.body)));
}

const DTD_OPTION = {
  name: 'dtd',
  kind: 'value',
  valueName: 'VERSION',
  summary: `DSP0203 DTD version: ${DTD_VERSIONS.join(', ')}; default 2.4`,
  complete: { choices: DTD_VERSIONS },
} as const;

/** The debugging commands: validate, raw, replay and explain. */
export const DEBUG_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['validate'],
    summary: 'Validate CIM-XML against the DSP0203 DTD: on, off or VERSION switch checking of each response; FILE checks one document.',
    arguments: [{ name: 'on|off|VERSION|FILE', summary: 'what to do; none shows the setting', required: false, complete: 'file' }],
    options: [DTD_OPTION, { name: 'requests', kind: 'flag', summary: 'with on or VERSION: validate requests too' }],
    run: validate,
  },
  {
    words: ['raw'],
    summary: 'Send a hand-written CIM-XML request (a body, or an HTTP request as wbemexec reads it) and show the raw response.',
    arguments: [{ name: 'FILE', summary: 'request file, or - for standard input', required: true, complete: 'file' }],
    options: [{ name: 'header', aliases: ['H'], kind: 'list', valueName: 'NAME:VALUE', summary: 'header to add or replace, such as CIMObject:root%2Fcimv2' }],
    run: raw,
  },
  {
    words: ['replay'],
    summary: 'Re-send recorded requests (YAML, XML folder or HTTP transcript) and list differences in the responses by element path.',
    arguments: [{ name: 'FILE', summary: 'recording saved with "recorder save"', required: true, complete: 'file' }],
    options: [{ name: 'ignore', kind: 'list', valueName: 'ELEMENT@ATTRIBUTE', summary: 'attributes not compared, such as MESSAGE@ID' }],
    run: replay,
  },
  {
    words: ['explain'],
    summary: 'Annotate a request element by element: operation, parameters, and the defaults of parameters left out.',
    arguments: [{ name: 'N|FILE', summary: 'recorded operation number (default the last) or a request file', required: false, complete: 'file' }],
    options: [],
    run: explain,
  },
];
