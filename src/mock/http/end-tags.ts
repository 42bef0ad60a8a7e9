// An empty-element tag such as `<PROPERTY NAME="A" TYPE="string"/>`; attribute values are
// quoted, so a `>` inside them does not end the match.
const EMPTY_ELEMENT_TAG = /<([A-Za-z][\w.]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*\/>/g;

/**
 * Rewrites empty-element tags as a start and an end tag (`<A x="1"></A>`). The XML means
 * the same, but the parser of SBLIM wbemcli 1.6 accepts only the long form for PROPERTY
 * and similar elements, as SFCB writes them. `xml` must hold complete tags.
 */
export function expandEmptyElements(xml: string): string {
  return xml.replace(EMPTY_ELEMENT_TAG, '<$1$2></$1>');
}
