import { DTD_VERSIONS, elementContentModels, type DTDVersion } from './dtd-versions.js';

/** Why a DTD violation is expected: a deviation real servers are known for, or a difference between DTD versions. */
export interface ViolationLabel {
  /** Source of the explanation: a known deviation of real servers, or a difference between DTD versions. */
  readonly kind: 'server-deviation' | 'dtd-version';
  /** Stable id, such as `keyvalue-without-type`. */
  readonly id: string;
  /** One or two sentences for the user: who sends it and how clients cope. */
  readonly text: string;
}

/** A deviation from the DTD that real servers send and clients tolerate. */
export interface KnownDeviation {
  /** Stable id, such as `keyvalue-without-type`; copied to `ViolationLabel.id`. */
  readonly id: string;
  /** Matches libxml2's validity message (libxml2 2.9 wording). */
  readonly message: RegExp;
  /** One or two sentences for the user; copied to `ViolationLabel.text`. */
  readonly text: string;
}

/** Deviations seen in traffic of real servers, which clients tolerate. */
export const KNOWN_SERVER_DEVIATIONS: readonly KnownDeviation[] = [
  {
    id: 'keyvalue-without-type',
    message: /^Element KEYVALUE does not carry attribute TYPE$/,
    text:
      'KEYVALUE without TYPE: DSP0203 2.4 requires TYPE, but OpenPegasus, SFCB and other servers built on ' +
      'earlier DTD versions leave it out; clients read the type from VALUETYPE.',
  },
  {
    id: 'keyvalue-empty-type',
    message: /attribute TYPE of KEYVALUE is not (valid|among the enumerated set)$/,
    text: 'KEYVALUE with TYPE="" (sent by at least one SMI-S server); clients treat it as if TYPE were absent.',
  },
  {
    id: 'embeddedobject-upper-case',
    message: /^No declaration for attribute EMBEDDEDOBJECT of element \S+$/,
    text:
      'EMBEDDEDOBJECT in upper case: OpenPegasus sends it beside the EmbeddedObject attribute that DSP0201 ' +
      'defines, and other senders use it alone; clients accept both spellings.',
  },
  {
    id: 'paramvalue-type',
    message: /^No declaration for attribute TYPE of element PARAMVALUE$/,
    text:
      'TYPE instead of PARAMTYPE on PARAMVALUE (seen in pull responses of EMC VMAX); clients use TYPE when PARAMTYPE is absent.',
  },
  {
    id: 'value-type',
    message: /^No declaration for attribute TYPE of element VALUE$/,
    text: 'TYPE on VALUE (seen in IBM SVC method responses); DSP0201 declares no attributes on VALUE, and clients ignore it.',
  },
];

/**
 * Labels a libxml2 validity message: as a known server deviation, as a difference between
 * DTD versions (an element declared, or declared differently, in another shipped version),
 * or null when neither explains it.
 */
export function labelViolation(message: string, version: DTDVersion): ViolationLabel | null {
  const deviation = KNOWN_SERVER_DEVIATIONS.find((known) => known.message.test(message));
  if (deviation !== undefined) return { kind: 'server-deviation', id: deviation.id, text: deviation.text };

  const undeclared = /^No declaration for element (\S+)$/.exec(message);
  if (undeclared !== null) return undeclaredElementLabel(undeclared[1] as string, version);

  const content = /^Element (\S+) content does not follow the DTD/.exec(message);
  if (content !== null) return contentModelLabel(content[1] as string, version);
  return null;
}

function undeclaredElementLabel(name: string, version: DTDVersion): ViolationLabel | null {
  const declaring = otherVersions(version).filter((other) => elementContentModels(other).has(name));
  if (declaring.length === 0) return null;
  return {
    kind: 'dtd-version',
    id: 'element-of-other-version',
    text: `${name} is declared in DTD ${declaring.join(', ')} but not in ${version}; the document may follow another DTD version.`,
  };
}

function contentModelLabel(name: string, version: DTDVersion): ViolationLabel | null {
  const own = elementContentModels(version).get(name);
  const differing = otherVersions(version).filter((other) => {
    const model = elementContentModels(other).get(name);
    return model !== undefined && model !== own;
  });
  if (differing.length === 0) return null;
  return {
    kind: 'dtd-version',
    id: 'content-model-of-other-version',
    text: `The content model of ${name} differs in DTD ${differing.join(', ')}; the document may follow another DTD version.`,
  };
}

function otherVersions(version: DTDVersion): DTDVersion[] {
  return DTD_VERSIONS.filter((other) => other !== version);
}
