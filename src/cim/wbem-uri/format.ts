import { CIMInstanceName } from '../instance-name.js';
import type { CIMClassName } from '../class-name.js';
import type { KeyBindingValue } from '../value.js';
import { WBEMURIError } from '../errors.js';
import { formatHost, parseHost, type HostParts } from './host.js';
import { formatKeyValue } from './key-value-literal.js';
import { normalizeNamespace } from './namespace.js';

/**
 * Output forms of a WBEM URI:
 * - `standard`: DSP0207, `[scheme:][//host[:port]]/namespace:ClassName[.key=value,...]`,
 *   with `/:ClassName` for no namespace;
 * - `canonical`: the standard form with host, namespace, class and key names in lower
 *   case and keys sorted by name, so that equal paths give equal strings (values keep
 *   their case);
 * - `cimobject`: the `CIMObject` HTTP header form of DSP0200, `namespace:ClassName[.keys]`
 *   without host and leading slash, not yet percent-encoded;
 * - `historical`: the form older clients print, without the leading slash when there is no
 *   host and without the colon when there is no namespace (`root/cimv2:CIM_Foo.k="v"`,
 *   `CIM_Foo.k="v"`).
 */
export type WBEMURIFormat = 'standard' | 'canonical' | 'cimobject' | 'historical';

const FORMATS: readonly WBEMURIFormat[] = ['standard', 'canonical', 'cimobject', 'historical'];

/**
 * Formats an instance path as a WBEM URI. DSP0207 has no form for a keyless instance, so
 * it is written `ClassName=@` as in the object path notation of older DSP0004 versions.
 * The `cimobject` form writes only the class name for it. References in key values are
 * written in the standard form, or the canonical form within a canonical URI.
 */
export function formatInstancePath(path: CIMInstanceName, format: WBEMURIFormat = 'standard'): string {
  checkFormat(format);
  const head = formatHead(path.host, path.namespace, path.className, format);

  if (path.keybindings.size === 0) {
    return format === 'cimobject' ? head : `${head}=@`;
  }

  const entries = [...path.keybindings.entries()];
  const keys =
    format === 'canonical'
      ? entries.map(([name, value]): [string, KeyBindingValue] => [name.toLowerCase(), value]).sort(compareNames)
      : entries;

  const nestedFormat = format === 'canonical' ? 'canonical' : 'standard';
  const formatReference = (reference: CIMInstanceName | CIMClassName) =>
    reference instanceof CIMInstanceName
      ? formatInstancePath(reference, nestedFormat)
      : formatClassPath(reference, nestedFormat);

  const pairs = keys.map(([name, value]) => `${name}=${formatKeyValue(value, formatReference)}`);
  return `${head}.${pairs.join(',')}`;
}

/** Formats a class path as a WBEM URI in one of the forms of `WBEMURIFormat`. */
export function formatClassPath(path: CIMClassName, format: WBEMURIFormat = 'standard'): string {
  checkFormat(format);
  return formatHead(path.host, path.namespace, path.className, format);
}

function checkFormat(format: WBEMURIFormat): void {
  if (!FORMATS.includes(format)) {
    throw new TypeError(`Unknown WBEM URI format ${JSON.stringify(format)}; expected one of ${FORMATS.join(', ')}.`);
  }
}

function compareNames(a: [string, KeyBindingValue], b: [string, KeyBindingValue]): number {
  if (a[0] === b[0]) return 0;
  return a[0] < b[0] ? -1 : 1;
}

function formatHead(host: string | null, namespace: string | null, className: string, format: WBEMURIFormat): string {
  const canonical = format === 'canonical';
  const normalized = normalizeNamespace(namespace ?? '');
  const namespaceText = canonical ? (normalized ?? '').toLowerCase() : (normalized ?? '');
  const classText = canonical ? className.toLowerCase() : className;

  if (format === 'cimobject') {
    return normalized === null ? classText : `${namespaceText}:${classText}`;
  }

  const authority = host === null || host === '' ? '' : formatAuthority(host, canonical);
  if (format === 'historical' && authority === '') {
    return normalized === null ? classText : `${namespaceText}:${classText}`;
  }
  return `${authority}/${namespaceText}:${classText}`;
}

/**
 * Formats `[scheme:]//host[:port]`, bracketing an IPv6 host that was stored without
 * brackets. A host that `parseHost` rejects is written as stored, so that `toString`
 * does not throw for a path read from a server with an odd `HOST` value.
 */
function formatAuthority(host: string, canonical: boolean): string {
  let parts: HostParts;
  try {
    parts = parseHost(host);
  } catch (error) {
    if (!(error instanceof WBEMURIError)) throw error;
    return `//${canonical ? host.toLowerCase() : host}`;
  }

  const hostName = canonical ? parts.host.toLowerCase() : parts.host;
  const scheme = parts.scheme === null ? '' : `${parts.scheme}:`;
  return `${scheme}//${formatHost({ host: hostName, port: parts.port })}`;
}
