// Gets an instance, sets one property and writes it back with ModifyInstance.
//
//   npx tsx examples/modify-instance.ts URL INSTANCE-PATH PROPERTY VALUE
//   npx tsx examples/modify-instance.ts http://127.0.0.1:5988 \
//     '/root/cimv2:WBEMShell_ComputerSystem.CreationClassName="WBEMShell_ComputerSystem",Name="wbemshell-demo.example.org"' \
//     PrimaryOwnerContact noc@example.org
//
// The instance path is a WBEM URI (DSP0207). VALUE is converted to the type of the property:
// a number for the integer and real types, true or false for boolean, else a string.
//
// In your own project, import from 'wbemshell' instead of '../src/index.js'.
import { CIMError, CIMInstanceName, isIntegerType, isRealType, WBEMConnection, type CIMType } from '../src/index.js';

const [url, pathText, propertyName, valueText] = process.argv.slice(2);
if (url === undefined || pathText === undefined || propertyName === undefined || valueText === undefined) {
  console.error('Usage: npx tsx examples/modify-instance.ts URL INSTANCE-PATH PROPERTY VALUE');
  process.exit(2);
}

/** Converts command-line text to a value of a scalar CIM type. */
function valueOf(text: string, type: CIMType): string | number | bigint | boolean {
  if (type === 'uint64' || type === 'sint64') return BigInt(text);
  if (isIntegerType(type) || isRealType(type)) return Number(text);
  if (type === 'boolean') return text === 'true';
  return text;
}

const path = CIMInstanceName.fromWBEMURI(pathText);
const connection = new WBEMConnection(url, { defaultNamespace: path.namespace ?? 'root/cimv2' });
try {
  const instance = await connection.getInstance(path);
  const property = instance.properties.get(propertyName);
  if (property === undefined) throw new Error(`The instance has no property ${propertyName}.`);
  console.log(`${property.name} was ${String(property.value)}`);

  instance.set(property.name, valueOf(valueText, property.type));
  await connection.modifyInstance(instance, { propertyList: [property.name] });

  const changed = await connection.getInstance(path, { propertyList: [property.name] });
  console.log(`${property.name} is ${String(changed.get(property.name))}`);
} catch (error) {
  if (!(error instanceof CIMError)) throw error;
  console.error(`${error.statusCodeName}: ${error.statusDescription}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
