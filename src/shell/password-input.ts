import { ShellInputError } from './shell-errors.js';

/** Reads all of standard input as text. */
export async function readStdinText(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Asks for a password on the terminal without echoing it: each typed character shows as
 * `*`, Backspace deletes, Enter ends, Ctrl-C or Ctrl-D cancels.
 */
export function promptPassword(prompt: string, stdin: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!stdin.isTTY) {
    return Promise.reject(new ShellInputError('A password is needed but standard input is not a terminal; give it on the first line of standard input with --password-stdin.'));
  }

  return new Promise((resolve, reject) => {
    let password = '';
    output.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');

    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      output.write('\n');
      if (error === null) resolve(password);
      else reject(error);
    };

    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new ShellInputError('The password prompt was cancelled.'));
        if (char === '\u007f' || char === '\b') {
          if (password.length > 0) {
            password = password.slice(0, -1);
            output.write('\b \b');
          }
          continue;
        }
        password += char;
        output.write('*');
      }
    };
    stdin.on('data', onData);
  });
}
