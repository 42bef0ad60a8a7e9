// Enumerates the instance paths of a class and records the operation as a YAML test case
// in the format of pywbem's test_client.
//
//   npx tsx examples/record-yaml.ts URL CLASS FILE
//   npx tsx examples/record-yaml.ts http://127.0.0.1:5988 CIM_Process cases.yaml
//
// The file is appended to, one YAML list item per operation.
//
// In your own project, import from 'wbemshell' instead of '../src/index.js'.
import { CIMError, TestClientRecorder, WBEMConnection } from '../src/index.js';

const [url, className, file] = process.argv.slice(2);
if (url === undefined || className === undefined || file === undefined) {
  console.error('Usage: npx tsx examples/record-yaml.ts URL CLASS FILE');
  process.exit(2);
}

const connection = new WBEMConnection(url, { recorders: [new TestClientRecorder(file)] });
try {
  const names = await connection.enumerateInstanceNames(className);
  console.log(`Recorded EnumerateInstanceNames (${names.length} paths) in ${file}`);
} catch (error) {
  if (!(error instanceof CIMError)) throw error;
  console.error(`${error.statusCodeName}: ${error.statusDescription}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
