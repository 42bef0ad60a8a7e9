/**
 * Generates a realistic CIM-XML EnumerateInstances response: each instance has 30
 * properties of most CIM types, arrays with NULL entries, NULL properties, a reference and
 * an escaped embedded instance, laid out one element per line as OpenPegasus writes it.
 */

const CLASS_NAME = 'Bench_ComputerSystem';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function property(name: string, type: string, value: string | null): string {
  const body = value === null ? '' : `\n<VALUE>${escapeXml(value)}</VALUE>\n`;
  return `<PROPERTY NAME="${name}" TYPE="${type}">${body}</PROPERTY>\n`;
}

function arrayProperty(name: string, type: string, values: (string | null)[]): string {
  const items = values.map((value) => (value === null ? '<VALUE.NULL/>' : `<VALUE>${escapeXml(value)}</VALUE>`));
  const lines = items.map((item) => `${item}\n`).join('');
  return `<PROPERTY.ARRAY NAME="${name}" TYPE="${type}">\n<VALUE.ARRAY>\n${lines}</VALUE.ARRAY>\n</PROPERTY.ARRAY>\n`;
}

function instanceName(index: number): string {
  return (
    `<INSTANCENAME CLASSNAME="${CLASS_NAME}">\n` +
    `<KEYBINDING NAME="CreationClassName">\n<KEYVALUE VALUETYPE="string">${CLASS_NAME}</KEYVALUE>\n</KEYBINDING>\n` +
    `<KEYBINDING NAME="Name">\n<KEYVALUE VALUETYPE="string">host-${index}.example.org</KEYVALUE>\n</KEYBINDING>\n` +
    '</INSTANCENAME>\n'
  );
}

function embeddedInstance(index: number): string {
  return (
    '<INSTANCE CLASSNAME="Bench_Setting">\n' +
    property('InstanceID', 'string', `setting:${index}`) +
    property('Threshold', 'uint32', String(index % 1000)) +
    property('Note', 'string', 'limit < 5 & "quoted"') +
    '</INSTANCE>'
  );
}

function instance(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  return (
    `<INSTANCE CLASSNAME="${CLASS_NAME}">\n` +
    property('CreationClassName', 'string', CLASS_NAME) +
    property('Name', 'string', `host-${index}.example.org`) +
    property('Caption', 'string', `System <${index}> & "friends"`) +
    property('Description', 'string', `Größe ${index} – rack 7, slot ${index % 42} ✓ 😀 ` + 'x'.repeat(index % 64)) +
    property('ElementName', 'string', '') +
    property('Enabled', 'boolean', index % 2 === 0 ? 'TRUE' : 'FALSE') +
    property('Priority', 'uint8', String(index % 256)) +
    property('Offset', 'sint8', String((index % 256) - 128)) +
    property('Port', 'uint16', String(index % 65536)) +
    property('Delta', 'sint16', String((index % 65536) - 32768)) +
    property('Count', 'uint32', String((index * 2654435761) % 4294967296)) +
    property('Balance', 'sint32', String(-index * 37)) +
    property('TotalBytes', 'uint64', String(18446744073709551615n - BigInt(index))) +
    property('Drift', 'sint64', String(-9223372036854775807n + BigInt(index))) +
    property('Load', 'real32', (index / 7).toPrecision(7)) +
    property('Temperature', 'real64', (index * Math.PI).toPrecision(17)) +
    property('Grade', 'char16', String.fromCharCode(65 + (index % 26))) +
    property('InstallDate', 'datetime', `202401${day}123045.123456+060`) +
    property('Uptime', 'datetime', `${String(index % 100000000).padStart(8, '0')}123045.000000:000`) +
    property('OtherIdentifyingInfo', 'string', null) +
    property('LastError', 'uint32', null) +
    property('PrimaryOwnerContact', 'string', null) +
    arrayProperty('OperationalStatus', 'uint16', ['2', '5', String(index % 20), '32768', '3']) +
    arrayProperty('StatusDescriptions', 'string', ['OK', null, `Check <${index}> & "retry"`]) +
    arrayProperty('Flags', 'boolean', ['TRUE', 'FALSE', null, 'true']) +
    arrayProperty('Counters', 'sint64', ['-1', '0', String(BigInt(index) * 1000003n), null]) +
    arrayProperty('Timestamps', 'datetime', ['20240101000000.000000+000', null]) +
    arrayProperty('Dedicated', 'uint16', []) +
    '<PROPERTY.REFERENCE NAME="Owner" REFERENCECLASS="Bench_Account">\n<VALUE.REFERENCE>\n' +
    '<INSTANCENAME CLASSNAME="Bench_Account">\n' +
    `<KEYBINDING NAME="UserID">\n<KEYVALUE VALUETYPE="string">user${index % 97}</KEYVALUE>\n</KEYBINDING>\n` +
    `<KEYBINDING NAME="Domain">\n<KEYVALUE VALUETYPE="numeric">${index % 13}</KEYVALUE>\n</KEYBINDING>\n` +
    '</INSTANCENAME>\n</VALUE.REFERENCE>\n</PROPERTY.REFERENCE>\n' +
    `<PROPERTY NAME="Setting" TYPE="string" EmbeddedObject="instance">\n<VALUE>${escapeXml(embeddedInstance(index))}</VALUE>\n</PROPERTY>\n` +
    '</INSTANCE>\n'
  );
}

const HEAD =
  '<?xml version="1.0" encoding="utf-8" ?>\n<CIM CIMVERSION="2.0" DTDVERSION="2.0">\n' +
  '<MESSAGE ID="1001" PROTOCOLVERSION="1.0">\n<SIMPLERSP>\n<IMETHODRESPONSE NAME="EnumerateInstances">\n<IRETURNVALUE>\n';
const TAIL = '</IRETURNVALUE>\n</IMETHODRESPONSE>\n</SIMPLERSP>\n</MESSAGE>\n</CIM>\n';

/** Yields the response in pieces: the envelope start, one piece per instance, the envelope end. */
export function* generateResponseChunks(instanceCount: number): Generator<Buffer> {
  yield Buffer.from(HEAD, 'utf8');
  for (let index = 0; index < instanceCount; index++) {
    yield Buffer.from(`<VALUE.NAMEDINSTANCE>\n${instanceName(index)}${instance(index)}</VALUE.NAMEDINSTANCE>\n`, 'utf8');
  }
  yield Buffer.from(TAIL, 'utf8');
}

/** Returns the whole response for `instanceCount` instances. */
export function generateResponse(instanceCount: number): Buffer {
  return Buffer.concat([...generateResponseChunks(instanceCount)]);
}

/** Estimates the number of instances that make a response of about `bytes` bytes. */
export function instanceCountForSize(bytes: number): number {
  const sample = generateResponse(100).length;
  return Math.max(1, Math.round((bytes / sample) * 100));
}
