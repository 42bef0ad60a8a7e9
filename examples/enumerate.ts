// Lists the instances of a class with an async iterator, one line per instance path.
//
//   npx tsx examples/enumerate.ts URL [CLASS] [NAMESPACE]
//   npx tsx examples/enumerate.ts http://127.0.0.1:5988 CIM_Process root/cimv2
//
// In your own project, import from 'wbemshell' instead of '../src/index.js'.
import { CIMError, WBEMConnection } from '../src/index.js';

const [url, className = 'CIM_Process', namespace = 'root/cimv2'] = process.argv.slice(2);
if (url === undefined) {
  console.error('Usage: npx tsx examples/enumerate.ts URL [CLASS] [NAMESPACE]');
  process.exit(2);
}

const connection = new WBEMConnection(url, { defaultNamespace: namespace });
try {
  let count = 0;
  for await (const instance of connection.iterEnumerateInstances(className, { maxObjectCount: 100 })) {
    console.log(instance.path?.toString() ?? instance.className);
    count += 1;
  }
  console.log(`${count} instances of ${className}`);
} catch (error) {
  if (!(error instanceof CIMError)) throw error;
  console.error(`${error.statusCodeName}: ${error.statusDescription}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
