import { WBEMURIError } from '../../index.js';

/** Why a WBEM URI typed by the user is not valid, split for a message that shows the URI once. */
export interface URIProblem {
  /** The position and reason without a final period, such as `at column 29: expected a key name`. */
  readonly summary: string;
  /** The URI as typed and a caret under the column, each line indented by two spaces; empty without a column. */
  readonly frame: string;
}

/**
 * Splits the error of `CIMInstanceName.fromWBEMURI` into position, reason and caret frame. The
 * library message quotes the URI as a JSON string and then shows it again in the frame, so
 * a shell message built from the whole message would show the URI twice.
 */
export function uriProblem(error: unknown): URIProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof WBEMURIError) || error.column === null) return { summary: message.replace(/\.$/, ''), frame: '' };

  const prefix = `Invalid WBEM URI ${JSON.stringify(error.uri)} at column ${error.column}: `;
  const [firstLine = '', ...frameLines] = message.split('\n');
  if (!firstLine.startsWith(prefix)) return { summary: message.replace(/\.$/, ''), frame: '' };

  const reason = firstLine.slice(prefix.length).replace(/\.$/, '');
  return { summary: `at column ${error.column}: ${reason}`, frame: frameLines.join('\n') };
}
