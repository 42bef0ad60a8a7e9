import { RecentList } from './recent-list.js';
import type { CIMType } from './cim-type.js';
import { KeyList, buildKeyList } from './nocase-keys.js';
import { DeferredKeyList } from './nocase-map.js';
import { CIMProperty, TYPED_VALUE, type EmbeddedObjectKind } from './property.js';
import type { CIMValue } from './value.js';

/** Number of recent layouts kept for sharing. */
const RECENT_LAYOUT_COUNT = 8;
/** Recently built or matched layouts, most recent first. */
const recentLayouts = new RecentList<PropertyLayout>(RECENT_LAYOUT_COUNT);

/** The attributes of a property other than its value and qualifiers. */
export interface PropertyDescription {
  readonly name: string;
  readonly type: CIMType;
  readonly isArray: boolean;
  readonly arraySize: number | null;
  readonly referenceClass: string | null;
  readonly embeddedObject: EmbeddedObjectKind | null;
  readonly classOrigin: string | null;
  readonly propagated: boolean | null;
}

/**
 * @internal The names and attributes of the properties of an instance read from CIM-XML, by
 * position, for properties without qualifiers. The instances of one class in a response
 * differ only in their values, so they share one layout and keep an array of values each.
 * A layout never changes. Its instances create their `CIMProperty` objects from it when code
 * first reads one.
 */
export class PropertyLayout {
  /** Frozen list of the property descriptions in document order. */
  readonly descriptions: readonly PropertyDescription[];
  /** Names of the properties, fewer than `descriptions` when a name repeats in any case. */
  readonly keyList: KeyList;
  /** The key list of the property maps of the instances of this layout until they create their properties. */
  readonly deferredKeyList: DeferredKeyList<CIMProperty>;

  constructor(descriptions: readonly PropertyDescription[]) {
    this.descriptions = Object.freeze(descriptions.map(frozenDescription));
    this.keyList =
      descriptions.length === 0
        ? new KeyList([], [], this)
        : buildKeyList(descriptions.length, (position) => descriptions[position]!.name, () => {}, this);
    this.deferredKeyList = new DeferredKeyList(this.keyList, (position, value) =>
      describedProperty(this.descriptions[position]!, value as CIMValue),
    );
  }

  /** Whether two properties have the same name in any case. Instances of such a layout create their properties at once. */
  get hasRepeatedNames(): boolean {
    return this.keyList.names.length < this.descriptions.length;
  }

  /** Creates one property per description, with the value at the same position. */
  createProperties(values: readonly CIMValue[]): CIMProperty[] {
    const descriptions = this.descriptions;
    const properties = new Array<CIMProperty>(descriptions.length);
    for (let position = 0; position < descriptions.length; position++) {
      properties[position] = describedProperty(descriptions[position]!, values[position]!);
    }
    return properties;
  }
}

/**
 * Returns a frozen description with the attributes of `description` only, so that a layout
 * keeps no other field of the object that a reader passed in, such as a value.
 */
function frozenDescription(description: PropertyDescription): PropertyDescription {
  if (Object.isFrozen(description)) return description;
  const { name, type, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated } = description;
  return Object.freeze({ name, type, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated });
}

/** Creates a property without qualifiers from its description and a value already checked for its type. */
function describedProperty(description: PropertyDescription, value: CIMValue): CIMProperty {
  return new CIMProperty(description.name, value, {
    type: description.type,
    isArray: description.isArray,
    arraySize: description.arraySize,
    referenceClass: description.referenceClass,
    embeddedObject: description.embeddedObject,
    classOrigin: description.classOrigin,
    propagated: description.propagated,
    [TYPED_VALUE]: true,
  });
}

/**
 * @internal Collects the property descriptions of one instance and returns a recent layout
 * with the same descriptions when there is one. For an instance of a class seen just before,
 * the reader then allocates no layout and keeps no description.
 */
export class PropertyLayoutBuilder {
  /** A recent layout whose first `#count` descriptions match those added, or null. */
  #match: PropertyLayout | null = recentLayouts.first ?? null;
  /** The descriptions added, once no recent layout matches them. */
  #descriptions: PropertyDescription[] | null = null;
  #count = 0;

  /** Adds the description of the next property. */
  add(description: PropertyDescription): void {
    const position = this.#count;
    this.#count++;
    if (this.#descriptions !== null) {
      this.#descriptions.push(description);
      return;
    }

    const match = this.#match;
    if (match !== null && position < match.descriptions.length && sameDescription(match.descriptions[position]!, description)) return;

    this.#match = findRecentLayout(match, position, description);
    if (this.#match !== null) return;
    this.#descriptions = match === null ? [] : match.descriptions.slice(0, position);
    this.#descriptions.push(description);
  }

  /** Returns the layout of the descriptions added. */
  build(): PropertyLayout {
    const match = this.#match;
    if (this.#descriptions === null && match !== null) {
      const layout = match.descriptions.length === this.#count ? match : findRecentLayout(match, this.#count, null);
      if (layout !== null) {
        recentLayouts.promote(layout);
        return layout;
      }
    }

    const descriptions = this.#descriptions ?? match?.descriptions.slice(0, this.#count) ?? [];
    const layout = new PropertyLayout(descriptions);
    recentLayouts.remember(layout);
    return layout;
  }
}

/**
 * Returns a recent layout that has the first `position` descriptions of `matched` and then
 * `description`, or exactly `position` descriptions when `description` is null.
 */
function findRecentLayout(
  matched: PropertyLayout | null,
  position: number,
  description: PropertyDescription | null,
): PropertyLayout | null {
  for (const layout of recentLayouts) {
    const descriptions = layout.descriptions;
    if (description === null ? descriptions.length !== position : descriptions.length <= position) continue;
    if (description !== null && !sameDescription(descriptions[position]!, description)) continue;
    if (position > 0 && !samePrefix(descriptions, matched!.descriptions, position)) continue;
    return layout;
  }
  return null;
}

function samePrefix(a: readonly PropertyDescription[], b: readonly PropertyDescription[], length: number): boolean {
  if (a === b) return true;
  for (let position = 0; position < length; position++) {
    if (!sameDescription(a[position]!, b[position]!)) return false;
  }
  return true;
}

/**
 * Compares every attribute exactly, names included, because a layout keeps the spelling of
 * the names. Strings from the reader are mostly the same string objects, which `===`
 * compares at once.
 */
function sameDescription(a: PropertyDescription, b: PropertyDescription): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.type === b.type &&
      a.isArray === b.isArray &&
      a.arraySize === b.arraySize &&
      a.referenceClass === b.referenceClass &&
      a.embeddedObject === b.embeddedObject &&
      a.classOrigin === b.classOrigin &&
      a.propagated === b.propagated)
  );
}
