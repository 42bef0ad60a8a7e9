/**
 * Runs a conformance case file against the CIM-XML reader and prints one line per
 * failing case, then `N passed, N failed`. Exits with 1 when a case fails, 2 on misuse.
 *
 *   npm run conformance -- <file>
 *
 * `.json`: element cases in the format of pywbem's CIM-XML parser tests.
 * `.yaml`, `.yml`: client cases in the format of pywbem's test_client, each run against
 * a replay server on 127.0.0.1 that checks the request and answers with the recorded response.
 */
import { extname } from 'node:path';
import { loadElementCases, runElementCases, type CaseReport } from './conformance/element-cases.js';
import { loadTestClientCases, runTestClientCases } from './conformance/test-client-yaml.js';

const RUNNERS: Readonly<Record<string, (file: string) => CaseReport | Promise<CaseReport>>> = {
  '.json': (file) => runElementCases(loadElementCases(file)),
  '.yaml': (file) => runTestClientCases(loadTestClientCases(file)),
  '.yml': (file) => runTestClientCases(loadTestClientCases(file)),
};

async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0];
  if (file === undefined) {
    process.stderr.write('Usage: npm run conformance -- <case file (.json, .yaml)>\n');
    return 2;
  }
  const runner = RUNNERS[extname(file).toLowerCase()];
  if (runner === undefined) {
    process.stderr.write(`No conformance runner for "${file}"; supported extensions: ${Object.keys(RUNNERS).join(', ')}.\n`);
    return 2;
  }

  const report = await runner(file);
  for (const failure of report.failed) process.stdout.write(`FAIL ${failure.desc}: ${failure.reason}\n`);
  process.stdout.write(`${report.passed} passed, ${report.failed.length} failed\n`);
  return report.failed.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
