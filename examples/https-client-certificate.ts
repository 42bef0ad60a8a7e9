// Connects over HTTPS with a client certificate and lists the namespace's instances of a class.
//
//   npx tsx examples/https-client-certificate.ts URL CA-FILE CERT-FILE KEY-FILE [CLASS]
//   npx tsx examples/https-client-certificate.ts https://127.0.0.1:5989 ca.pem client.pem client.key
//
// CA-FILE is a PEM file, or a directory of PEM files, with the CA certificates that verify
// the server. CERT-FILE and KEY-FILE are the client certificate and its private key in PEM.
//
// In your own project, import from 'wbemshell' instead of '../src/index.js'.
import { CIMError, TLSCertificateError, WBEMConnection } from '../src/index.js';

const [url, caCerts, certFile, keyFile, className = 'CIM_ComputerSystem'] = process.argv.slice(2);
if (url === undefined || caCerts === undefined || certFile === undefined || keyFile === undefined) {
  console.error('Usage: npx tsx examples/https-client-certificate.ts URL CA-FILE CERT-FILE KEY-FILE [CLASS]');
  process.exit(2);
}

const connection = new WBEMConnection(url, { caCerts, x509: { certFile, keyFile } });
try {
  const names = await connection.enumerateInstanceNames(className);
  for (const name of names) console.log(name.toString());
} catch (error) {
  if (error instanceof TLSCertificateError) {
    console.error(`The server certificate failed the check ${error.reason}: ${error.message}`);
  } else if (error instanceof CIMError) {
    console.error(`${error.statusCodeName}: ${error.statusDescription}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
} finally {
  await connection.close();
}
