import { EXPORT_FORMATS, exportRecords, type ExportFormat } from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import type { CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OptionReader } from './parse-arguments.js';

async function recorderOn(context: CommandContext): Promise<void> {
  context.session.update({ recorder: true });
  context.print('The recorder is on.');
}

async function recorderOff(context: CommandContext): Promise<void> {
  context.session.update({ recorder: false });
  context.print('The recorder is off.');
}

async function recorderClear(context: CommandContext): Promise<void> {
  const count = context.session.recorder.records.length;
  context.session.recorder.clear();
  context.print(`Cleared ${count} recorded operations.`);
}

/** Writes the recorded operations as YAML, XML files or an HTTP transcript; records never contain passwords. */
async function recorderSave(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const records = context.session.recorder.records;
  if (records.length === 0) throw new ShellInputError('No operations are recorded; turn the recorder on with "recorder on" and run some commands first.');

  const format = new OptionReader(parsed).value('format') ?? 'yaml';
  if (!isExportFormat(format)) throw new ShellInputError(`Unknown format ${JSON.stringify(format)}; use ${EXPORT_FORMATS.join(', ')}.`);

  const file = parsed.args[0]!;
  let written: string[];
  try {
    written = await exportRecords(records, format, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ShellInputError(`Cannot write ${file}: ${reason}`, { cause: error });
  }
  const where = format === 'xml' ? `${written.length} files in ${file}` : file;
  context.print(`Saved ${records.length} operations to ${where}.`);
}

function isExportFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

/** The `recorder` commands. */
export const RECORDER_COMMANDS: readonly CommandSpec[] = [
  { words: ['recorder', 'on'], summary: 'Record each operation with its HTTP request and response.', arguments: [], options: [], run: recorderOn },
  { words: ['recorder', 'off'], summary: 'Stop recording operations.', arguments: [], options: [], run: recorderOff },
  { words: ['recorder', 'clear'], summary: 'Drop the recorded operations.', arguments: [], options: [], run: recorderClear },
  {
    words: ['recorder', 'save'],
    summary: 'Save the recorded operations as YAML test cases (pywbem test_client format), XML files or an HTTP transcript.',
    arguments: [{ name: 'FILE', summary: 'output file, or the folder for --format xml', required: true, complete: 'file' }],
    options: [
      {
        name: 'format',
        kind: 'value',
        valueName: 'FORMAT',
        summary: 'yaml (default), xml (request and response files in a folder) or http (an HTTP/1.1 transcript)',
        complete: { choices: EXPORT_FORMATS },
      },
    ],
    run: recorderSave,
  },
];
