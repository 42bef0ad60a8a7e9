// Invokes a method with string parameters and prints its return value and output parameters.
//
//   npx tsx examples/invoke-method.ts URL OBJECT METHOD [NAME=VALUE ...]
//   npx tsx examples/invoke-method.ts http://127.0.0.1:5988 WBEMShell_Process Create 'CommandLine=/usr/bin/top -b'
//
// OBJECT is a class name for a static method, or an instance path as a WBEM URI (DSP0207).
// Each parameter is sent as a string; pass typed wrappers such as `new Uint16(2)` in code
// for numeric parameters.
//
// In your own project, import from 'wbemshell' instead of '../src/index.js'.
import { CIMError, CIMInstanceName, WBEMConnection } from '../src/index.js';

const [url, objectText, methodName, ...parameterTexts] = process.argv.slice(2);
if (url === undefined || objectText === undefined || methodName === undefined) {
  console.error('Usage: npx tsx examples/invoke-method.ts URL OBJECT METHOD [NAME=VALUE ...]');
  process.exit(2);
}

const object = objectText.includes('.') ? CIMInstanceName.fromWBEMURI(objectText) : objectText;
const parameters = Object.fromEntries(
  parameterTexts.map((text) => {
    const equals = text.indexOf('=');
    return equals < 0 ? [text, ''] : [text.slice(0, equals), text.slice(equals + 1)];
  }),
);

const connection = new WBEMConnection(url);
try {
  const result = await connection.invokeMethod(methodName, object, parameters);
  console.log(`ReturnValue = ${String(result.returnValue)}`);
  for (const [name, value] of result.outParameters) console.log(`${name} = ${String(value)}`);
} catch (error) {
  if (!(error instanceof CIMError)) throw error;
  console.error(`${error.statusCodeName}: ${error.statusDescription}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
