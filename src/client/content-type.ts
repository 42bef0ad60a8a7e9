/** Media types that carry a CIM-XML response (DSP0200 allows both). */
const XML_MEDIA_TYPES = new Set(['application/xml', 'text/xml']);

/** Charset names accepted for a CIM-XML body; US-ASCII is a subset of UTF-8. */
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Checks a response `Content-Type` value and returns null when it is acceptable, or the
 * reason why not. Media type and parameter names compare case-insensitively (RFC 9110,
 * section 8.3.1); the charset may be quoted; a missing charset means UTF-8.
 */
export function contentTypeProblem(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return 'the header is missing';

  const [mediaType = '', ...parameters] = value.split(';');
  const type = mediaType.trim().toLowerCase();
  if (!XML_MEDIA_TYPES.has(type)) {
    return `the media type "${mediaType.trim()}" is neither application/xml nor text/xml`;
  }

  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator < 0) continue;
    const name = parameter.slice(0, separator).trim().toLowerCase();
    if (name !== 'charset') continue;
    const charset = parameter.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (!UTF8_CHARSETS.has(charset)) return `the charset "${charset}" is not UTF-8`;
  }
  return null;
}
