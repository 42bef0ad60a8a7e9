import { OUTPUT_FORMATS, type OutputFormat } from './session-types.js';
import { ShellInputError } from './shell-errors.js';

/** The command line of `wbemshell`. */
export interface CliArguments {
  help: boolean;
  version: boolean;
  /** Server URL or host; null when not given. */
  url: string | null;
  /** Set by `--mock`; the MOF files after it, possibly none. */
  mock: string[] | null;
  user: string | null;
  passwordStdin: boolean;
  namespace: string | null;
  /** Seconds. */
  timeout: number | null;
  output: OutputFormat | null;
  profile: string | null;
  noVerify: boolean;
  caCerts: string | null;
  certFile: string | null;
  keyFile: string | null;
  /** Command lines given with `-c`, in order. */
  commands: string[];
}

type ValueOption = 'user' | 'namespace' | 'timeout' | 'output' | 'profile' | 'caCerts' | 'certFile' | 'keyFile' | 'command';

const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = {
  '--user': 'user',
  '-u': 'user',
  '--namespace': 'namespace',
  '-n': 'namespace',
  '--timeout': 'timeout',
  '-t': 'timeout',
  '--output': 'output',
  '-o': 'output',
  '--profile': 'profile',
  '--ca-certs': 'caCerts',
  '--cert': 'certFile',
  '--key': 'keyFile',
  '-c': 'command',
  '--command': 'command',
};

/** Parses the arguments after the program name; raises ShellInputError for bad ones. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const result: CliArguments = {
    help: false,
    version: false,
    url: null,
    mock: null,
    user: null,
    passwordStdin: false,
    namespace: null,
    timeout: null,
    output: null,
    profile: null,
    noVerify: false,
    caCerts: null,
    certFile: null,
    keyFile: null,
    commands: [],
  };

  for (let index = 0; index < argv.length; index += 1) {
    const [word, inline] = splitInline(argv[index]!);
    if (word === '--help' || word === '-h') result.help = true;
    else if (word === '--version' || word === '-V') result.version = true;
    else if (word === '--password-stdin') result.passwordStdin = true;
    else if (word === '--no-verify') result.noVerify = true;
    else if (word === '--password' || word === '-p') {
      throw new ShellInputError('Passwords are not accepted as arguments, because other users can see them in the process list; use --password-stdin or answer the prompt.');
    } else if (word === '--mock') {
      result.mock = [];
      while (index + 1 < argv.length && !argv[index + 1]!.startsWith('-')) result.mock.push(argv[++index]!);
    } else if (VALUE_OPTIONS[word] !== undefined) {
      const value = inline ?? argv[++index];
      if (value === undefined) throw new ShellInputError(`The option ${word} needs a value; see wbemshell --help.`);
      setValue(result, VALUE_OPTIONS[word], value, word);
    } else if (word.startsWith('-')) {
      throw new ShellInputError(`Unknown option ${word}; see wbemshell --help.`);
    } else if (result.url === null) {
      result.url = word;
    } else {
      throw new ShellInputError(`Unexpected argument ${JSON.stringify(word)}: the server is already ${result.url}; quote a command and give it with -c.`);
    }
  }

  checkCombinations(result);
  return result;
}

function splitInline(argument: string): [string, string | undefined] {
  if (!argument.startsWith('--') || !argument.includes('=')) return [argument, undefined];
  const equals = argument.indexOf('=');
  return [argument.slice(0, equals), argument.slice(equals + 1)];
}

function setValue(result: CliArguments, option: ValueOption, value: string, word: string): void {
  switch (option) {
    case 'command':
      result.commands.push(value);
      return;
    case 'timeout': {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new ShellInputError(`The value ${JSON.stringify(value)} of ${word} is not valid; give a positive number of seconds.`);
      result.timeout = seconds;
      return;
    }
    case 'output':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw new ShellInputError(`The value ${JSON.stringify(value)} of ${word} is not valid; use one of ${OUTPUT_FORMATS.join(', ')}.`);
      result.output = value as OutputFormat;
      return;
    default:
      result[option] = value;
  }
}

function checkCombinations(result: CliArguments): void {
  if (result.url !== null && result.mock !== null) throw new ShellInputError(`Give either a server URL (${result.url}) or --mock, not both.`);
  if ((result.certFile === null) !== (result.keyFile === null)) throw new ShellInputError('--cert and --key go together; give both files.');
  if (result.passwordStdin && result.user === null) throw new ShellInputError('--password-stdin needs --user.');
}

/** Text of `wbemshell --help`. */
export const USAGE = `Usage: wbemshell [URL] [OPTIONS]
       wbemshell --mock [FILE.mof ...] [OPTIONS]
       wbemshell mock-server [--port N] [--mof FILE ...]

An interactive shell for WBEM servers (CIM-XML over HTTP). Without a URL it connects to
the server of the rc file or default profile, else to the built-in mock server.

Server:
  URL                    http://host:5988, https://host:5989, or a host name (https on 5989)
  --mock [FILE.mof ...]  Start the built-in mock server, with these MOF files as its model
  --profile NAME         Use a saved connection profile
  -u, --user USER        User name for HTTP Basic authentication
  --password-stdin       Read the password from the first line of standard input
                         (without it, the shell asks with a masked prompt)
  -n, --namespace NS     Namespace to start in (default root/cimv2)
  -t, --timeout SECONDS  Operation timeout (default 30)
  --no-verify            Do not verify the server certificate
  --ca-certs PATH        PEM file or directory of CA certificates
  --cert FILE --key FILE Client certificate and key for TLS client authentication

Commands:
  -c, --command "CMD; CMD"  Run commands, print plain output and exit; may repeat
  -o, --output FORMAT       mof, xml, json, table or tree (default mof)
  Standard input that is not a terminal is run as a script, one command per line.

  -h, --help             Show this text
  -V, --version          Show the version

Exit status: 0 when every command succeeded, 1 when one failed, 2 for bad arguments,
141 when the output was a pipe that closed early (as in wbemshell -c CMD | head).
Settings: .wbemshellrc in the current directory, else in the home directory.
NO_COLOR turns colours off.`;
