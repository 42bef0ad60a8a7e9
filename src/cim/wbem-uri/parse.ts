import type { CIMType } from '../cim-type.js';
import { CIMClassName } from '../class-name.js';
import { WBEMURIError } from '../errors.js';
import { CIMInstanceName } from '../instance-name.js';
import { NocaseMap } from '../nocase-map.js';
import type { KeyBindingValue } from '../value.js';
import { formatHost, parseHostParts } from './host.js';
import { parseKeyValue } from './key-value-literal.js';
import { invalidNamespaceReason, normalizeNamespace } from './namespace.js';
import { UriScanner, uriError } from './scanner.js';

/** Returns the CIM type of a key of a class, or undefined when it is not known. */
export type KeyTypeLookup = (className: string, keyName: string) => CIMType | undefined;

/** Options of `parseWBEMURI`, `CIMInstanceName.fromWBEMURI` and `CIMClassName.fromWBEMURI`. */
export interface WBEMURIParseOptions {
  /**
   * Accept the shorthand forms that servers and users write besides DSP0207: no leading
   * slash (`root/cimv2:CIM_Foo`), no namespace (`CIM_Foo.k="v"`, `/CIM_Foo.k="v"`), the
   * keyless instance `ClassName=@`, and unknown backslash escapes kept literally.
   * Default true. With false, only DSP0207 forms are accepted.
   */
  tolerant?: boolean;
  /**
   * CIM types of key values. A record applies to the keys of the outer class, with names
   * compared case-insensitively. A function applies at every level of nested references.
   * Without a type, a double-quoted value is a string unless it is a complete instance
   * path, so datetime keys stay strings. Default: no types.
   */
  keyTypes?: Readonly<Record<string, CIMType>> | KeyTypeLookup;
}

/** The parts of a WBEM URI. */
export interface ParsedWBEMURI {
  /** Scheme in lower case (`http`, `https`, `cimxml-wbem`, `cimxml-wbems`), or null. */
  scheme: string | null;
  /** `host[:port]`, with an IPv6 literal in brackets, or null for a local URI. */
  host: string | null;
  /** Namespace without leading or trailing slashes, or null for the default namespace. */
  namespace: string | null;
  /** Class name as written in the URI. */
  className: string;
  /** Keybindings of an instance path (empty for `ClassName=@`), or null for a class path. */
  keybindings: NocaseMap<KeyBindingValue> | null;
}

const SCHEMES = ['http', 'https', 'cimxml-wbem', 'cimxml-wbems'];
const SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:(?=\/\/)/y;
const SCHEME_AT_START = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const AUTHORITY = /[^/]*/y;
const IDENTIFIER = /[A-Za-z_\u0080-\uFFEF][A-Za-z0-9_\u0080-\uFFEF]*/y;
// The namespace ends at the first ':'; any of the other characters first means there is none.
const NAMESPACE_END = /[:=,"']/g;

/**
 * Parses an untyped WBEM URI of DSP0207:
 * `[scheme:][//[user[:password]@]host[:port]]/namespace:ClassName[.key=value{,key=value}]`.
 * User information is dropped. Throws `WBEMURIError` naming the column and what was expected.
 */
// NOTE: percent escapes are not decoded, because servers exchange URIs as plain text.
// Callers decode a percent-encoded URI, such as a CIMObject header, first.
export function parseWBEMURI(uri: string, options: WBEMURIParseOptions = {}): ParsedWBEMURI {
  return parseParts(uri, options).parsed;
}

/** Parses a WBEM URI that must be an instance path; see `CIMInstanceName.fromWBEMURI`. */
export function parseInstancePath(uri: string, options: WBEMURIParseOptions = {}): CIMInstanceName {
  const { parsed } = parseParts(uri, options);
  if (parsed.keybindings === null) {
    throw uriError(
      uri,
      uri.length,
      'expected keybindings (".key=value") after the class name, because an instance path needs them; use CIMClassName.fromWBEMURI for a class path, or write ClassName=@ for a keyless instance',
    );
  }
  return new CIMInstanceName(parsed.className, parsed.keybindings, {
    namespace: parsed.namespace,
    host: parsed.host,
  });
}

/** Parses a WBEM URI that must be a class path; see `CIMClassName.fromWBEMURI`. */
export function parseClassPath(uri: string, options: WBEMURIParseOptions = {}): CIMClassName {
  const { parsed, keybindingsOffset } = parseParts(uri, options);
  if (parsed.keybindings !== null) {
    throw uriError(
      uri,
      keybindingsOffset,
      'expected the end of a class path, found keybindings; use CIMInstanceName.fromWBEMURI for an instance path',
    );
  }
  return new CIMClassName(parsed.className, { namespace: parsed.namespace, host: parsed.host });
}

function parseParts(uri: string, options: WBEMURIParseOptions): { parsed: ParsedWBEMURI; keybindingsOffset: number } {
  if (typeof uri !== 'string') {
    throw new TypeError(`A WBEM URI must be a string, not ${typeof uri}.`);
  }

  const scanner = new UriScanner(uri);
  const tolerant = options.tolerant ?? true;

  const { scheme, host } = readAuthority(scanner);
  const namespace = readNamespace(scanner, tolerant, host !== null);
  const className = readClassName(scanner);
  const keybindingsOffset = scanner.pos;
  const keybindings = readKeybindings(scanner, className, options, tolerant);

  return { parsed: { scheme, host, namespace, className, keybindings }, keybindingsOffset };
}

function readAuthority(scanner: UriScanner): { scheme: string | null; host: string | null } {
  let scheme: string | null = null;
  const schemeText = scanner.match(SCHEME);
  if (schemeText !== null) {
    scheme = schemeText.slice(0, -1).toLowerCase();
    if (!SCHEMES.includes(scheme)) {
      throw scanner.error(`unknown scheme "${schemeText.slice(0, -1)}"; expected ${SCHEMES.join(', ')} or none`, 0);
    }
  }

  if (!scanner.accept('//')) return { scheme, host: null };

  const start = scanner.pos;
  const authority = scanner.match(AUTHORITY) ?? '';
  if (authority === '') {
    throw scanner.error('expected a host after "//"', start);
  }

  const parts = parseHostParts(authority, (reason) => scanner.error(`invalid host: ${reason}`, start));
  return { scheme, host: formatHost({ host: parts.host, port: parts.port }) };
}

function readNamespace(scanner: UriScanner, tolerant: boolean, hasAuthority: boolean): string | null {
  const start = scanner.pos;
  const leadingSlash = scanner.accept('/');
  if (hasAuthority && !leadingSlash) {
    throw scanner.error('expected "/" and a namespace after the host');
  }
  if (!leadingSlash && !tolerant) {
    throw scanner.error('expected "/" at the start of a local WBEM URI, as in /root/cimv2:CIM_Foo', start);
  }

  NAMESPACE_END.lastIndex = scanner.pos;
  const end = NAMESPACE_END.exec(scanner.text);
  if (end === null || end[0] !== ':') return readMissingNamespace(scanner, tolerant, end?.index);

  const raw = scanner.text.slice(scanner.pos, end.index);
  const namespace = normalizeNamespace(raw);
  const reason = namespace === null ? null : invalidNamespaceReason(namespace);
  if (reason !== null) throw scanner.error(reason, scanner.pos);

  scanner.pos = end.index + 1;
  return namespace;
}

/** Handles a URI without the ':' that ends the namespace, which only tolerant mode accepts. */
function readMissingNamespace(scanner: UriScanner, tolerant: boolean, stopAt: number | undefined): null {
  const headEnd = Math.min(stopAt ?? scanner.text.length, indexOrEnd(scanner.text, '.', scanner.pos));
  const head = scanner.text.slice(scanner.pos, headEnd);

  if (!tolerant || head.includes('/')) {
    throw scanner.error(
      'expected ":" between the namespace and the class name, as in /root/cimv2:CIM_Foo (or /:CIM_Foo for the default namespace)',
      headEnd,
    );
  }
  return null;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

function readClassName(scanner: UriScanner): string {
  const name = scanner.match(IDENTIFIER);
  if (name === null) {
    throw scanner.error('expected a class name (letters, digits and "_", not starting with a digit)');
  }
  return name;
}

function readKeybindings(
  scanner: UriScanner,
  className: string,
  options: WBEMURIParseOptions,
  tolerant: boolean,
): NocaseMap<KeyBindingValue> | null {
  if (scanner.atEnd) return null;

  const keybindings = new NocaseMap<KeyBindingValue>();
  if (scanner.text.slice(scanner.pos) === '=@') {
    if (!tolerant) {
      throw scanner.error('the keyless instance form ClassName=@ is not part of DSP0207; parse in tolerant mode to accept it');
    }
    scanner.pos += 2;
    return keybindings;
  }

  if (!scanner.accept('.')) {
    throw scanner.error('expected "." and keybindings, or the end of the URI, after the class name');
  }

  for (;;) {
    readKeybinding(scanner, className, options, tolerant, keybindings);
    if (scanner.atEnd) return keybindings;
    if (!scanner.accept(',')) {
      throw scanner.error('expected "," or the end of the URI after a key value');
    }
  }
}

function readKeybinding(
  scanner: UriScanner,
  className: string,
  options: WBEMURIParseOptions,
  tolerant: boolean,
  keybindings: NocaseMap<KeyBindingValue>,
): void {
  const nameStart = scanner.pos;
  const keyName = scanner.match(IDENTIFIER);
  if (keyName === null) {
    throw scanner.error('expected a key name (letters, digits and "_", not starting with a digit)');
  }
  if (keybindings.has(keyName)) {
    throw scanner.error(`the key "${keyName}" appears twice`, nameStart);
  }
  if (!scanner.accept('=')) {
    throw scanner.error(`expected "=" after the key name "${keyName}"`);
  }

  const value = parseKeyValue(scanner, {
    keyName,
    type: keyTypeOf(options.keyTypes, className, keyName),
    tolerant,
    parseReference: (text, start, required) =>
      parseReference(scanner, text, start, required, { keyName, tolerant, keyTypes: options.keyTypes }),
  });
  keybindings.set(keyName, value);
}

function keyTypeOf(keyTypes: WBEMURIParseOptions['keyTypes'], className: string, keyName: string): CIMType | undefined {
  if (keyTypes === undefined) return undefined;
  if (typeof keyTypes === 'function') return keyTypes(className, keyName);
  return new NocaseMap(keyTypes).get(keyName);
}

/**
 * Parses the unquoted text of a reference value as a nested WBEM URI. An untyped value is
 * a reference only when it parses in strict mode as an instance path, so strings such as
 * "/tmp/x" or "root/cimv2:CIM_Foo" stay strings. A typed value may be a class path too.
 */
function parseReference(
  scanner: UriScanner,
  text: string,
  start: number,
  required: boolean,
  context: { keyName: string; tolerant: boolean; keyTypes: WBEMURIParseOptions['keyTypes'] },
): CIMInstanceName | CIMClassName | null {
  const nestedTypes = typeof context.keyTypes === 'function' ? context.keyTypes : undefined;

  if (!required) {
    if (!text.startsWith('/') && SCHEME_AT_START.exec(text) === null) return null;
    try {
      return parseInstancePath(text, { tolerant: false, keyTypes: nestedTypes });
    } catch (error) {
      if (error instanceof WBEMURIError) return null;
      throw error;
    }
  }

  try {
    const nested = parseParts(text, { tolerant: context.tolerant, keyTypes: nestedTypes }).parsed;
    const options = { namespace: nested.namespace, host: nested.host };
    if (nested.keybindings === null) return new CIMClassName(nested.className, options);
    return new CIMInstanceName(nested.className, nested.keybindings, options);
  } catch (error) {
    if (!(error instanceof WBEMURIError)) throw error;
    const firstLine = error.message.split('\n', 1)[0] ?? error.message;
    throw scanner.error(`the reference value of key "${context.keyName}" is invalid: ${firstLine}`, start, error);
  }
}
