import { CIMXMLParseError } from '../../cim/errors.js';
import type { XmlElement } from '../xml/element.js';

/**
 * Stable codes of tolerated server deviations. Each one is reported as a warning and the
 * reader goes on with the interpretation named here.
 */
export type ParseWarningCode =
  /** An instance path without keybindings (keyless or singleton class, or a server that dropped them). */
  | 'MISSING_KEYBINDINGS'
  /** An empty boolean value, which DSP0201 does not allow; read as NULL. */
  | 'EMPTY_BOOLEAN'
  /** `KEYVALUE TYPE=""`; read as if `TYPE` were absent. */
  | 'EMPTY_TYPE_ATTRIBUTE'
  /** `PARAMVALUE` with `TYPE` instead of `PARAMTYPE`; `TYPE` is used. */
  | 'PARAMVALUE_TYPE_ATTRIBUTE'
  /** `TYPE` on `VALUE` or `VALUE.ARRAY`, which the DTD does not define; used when the parent has no type. */
  | 'VALUE_TYPE_ATTRIBUTE'
  /** `EmbeddedObject` and `EMBEDDEDOBJECT` on one element with different values; `EmbeddedObject` wins. */
  | 'EMBEDDED_OBJECT_CONFLICT';

/** A tolerated deviation from DSP0201 found while reading. */
export interface ParseWarning {
  /** Stable code of the deviation. */
  code: ParseWarningCode;
  /** Human-readable description that quotes the offending value. */
  message: string;
  /** Element path such as `CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/IRETURNVALUE/INSTANCE[3]/PROPERTY(Name)`. */
  elementPath: string;
  /** 1-based position of the element's start tag; 0 when unknown. */
  line: number;
  /** 1-based column of the element's start tag; 0 when unknown. */
  column: number;
}

/**
 * A CIM-XML value that does not fit its type (bad integer, out of range, bad datetime).
 * The element structure around it is intact, so a message reader can skip the one
 * result item and go on.
 */
export class CIMXMLValueError extends CIMXMLParseError {}

/** The `CIMVERSION`, `DTDVERSION` or `PROTOCOLVERSION` of a document is not supported. */
export class CIMXMLVersionError extends CIMXMLParseError {
  /** Name of the attribute whose value is not supported. */
  readonly versionAttribute: 'CIMVERSION' | 'DTDVERSION' | 'PROTOCOLVERSION';

  constructor(
    message: string,
    versionAttribute: CIMXMLVersionError['versionAttribute'],
    details: ConstructorParameters<typeof CIMXMLParseError>[1] = {},
  ) {
    super(message, details);
    this.versionAttribute = versionAttribute;
  }
}

/** Options of the element readers. */
export interface ReadOptions {
  /** Called once per tolerated deviation, in document order; warnings are also collected in results. */
  onWarning?: (warning: ParseWarning) => void;
}

interface ReadState {
  warnings: ParseWarning[];
  onWarning: ((warning: ParseWarning) => void) | undefined;
  /** Value errors of skipped result items; null when value errors are thrown instead. */
  valueErrors: CIMXMLValueError[] | null;
}

/**
 * The element path of the element being read, plus the warnings collected so far. The
 * path is built only when an error or warning needs it, because most elements are
 * read without either.
 */
export class ReadContext {
  #path: string | null;

  private constructor(
    private readonly parent: ReadContext | null,
    /** Path segment, or null when it is computed from `element` and `siblings`. */
    private readonly segment: string | null,
    private readonly element: XmlElement | null,
    private readonly siblings: readonly XmlElement[] | null,
    private readonly state: ReadState,
  ) {
    this.#path = parent === null ? '' : null;
  }

  /** Element path such as `CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE(GetInstance)/IRETURNVALUE/INSTANCE`. */
  get path(): string {
    if (this.#path === null) {
      const segment = this.segment ?? segmentName(this.element!, this.siblings ?? []);
      this.#path = joinPath(this.parent!.path, segment);
    }
    return this.#path;
  }

  /**
   * Creates the context of a top-level element. With `collectValueErrors`, result items
   * (IRETURNVALUE children and output parameters) whose values do not fit their types
   * are skipped and their errors collected, instead of failing the whole read.
   */
  static root(options: ReadOptions = {}, collectValueErrors = false): ReadContext {
    return new ReadContext(null, null, null, null, {
      warnings: [],
      onWarning: options.onWarning,
      valueErrors: collectValueErrors ? [] : null,
    });
  }

  get warnings(): readonly ParseWarning[] {
    return this.state.warnings;
  }

  get valueErrors(): readonly CIMXMLValueError[] {
    return this.state.valueErrors ?? [];
  }

  /**
   * Reads one result item. When value errors are collected, an item with a value error
   * is skipped (the result is `undefined`) and the error kept; other errors propagate.
   */
  readItem<T>(read: () => T): T | undefined {
    if (this.state.valueErrors === null) return read();
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CIMXMLValueError)) throw error;
      this.state.valueErrors.push(error);
      return undefined;
    }
  }

  /** Returns the context of a child element; `siblings` gives it an index when its name repeats. */
  child(element: XmlElement, siblings?: readonly XmlElement[]): ReadContext {
    return new ReadContext(this, null, element, siblings ?? null, this.state);
  }

  /** Returns a context for an element that is not a child in the tree, such as an embedded object. */
  nested(label: string): ReadContext {
    return new ReadContext(this, label, null, null, this.state);
  }

  /** Creates the error for invalid CIM-XML at this element; the caller throws it. */
  error(element: XmlElement, message: string, cause?: unknown): CIMXMLParseError {
    return new CIMXMLParseError(this.describe(element, message), this.details(element, cause));
  }

  /** Creates the error for a value that does not fit its type; the caller throws it. */
  valueError(element: XmlElement, message: string, cause?: unknown): CIMXMLValueError {
    return new CIMXMLValueError(this.describe(element, message), this.details(element, cause));
  }

  versionError(
    element: XmlElement,
    attribute: CIMXMLVersionError['versionAttribute'],
    message: string,
  ): CIMXMLVersionError {
    return new CIMXMLVersionError(this.describe(element, message), attribute, this.details(element));
  }

  warn(code: ParseWarningCode, element: XmlElement, message: string): void {
    const warning: ParseWarning = {
      code,
      message,
      elementPath: this.path,
      line: element.line,
      column: element.column,
    };
    this.state.warnings.push(warning);
    this.state.onWarning?.(warning);
  }

  private describe(element: XmlElement, message: string): string {
    const where = element.line > 0 ? ` (line ${element.line}, column ${element.column})` : '';
    return `Invalid CIM-XML at ${this.path}${where}: ${message}`;
  }

  private details(element: XmlElement, cause?: unknown) {
    return {
      elementPath: this.path,
      line: element.line > 0 ? element.line : null,
      column: element.line > 0 ? element.column : null,
      rawText: element.text === '' ? null : element.text,
      cause,
    };
  }
}

function joinPath(base: string, segment: string): string {
  return base === '' ? segment : `${base}/${segment}`;
}

function segmentName(element: XmlElement, siblings: readonly XmlElement[]): string {
  const name = element.attributes.NAME;
  if (name !== undefined) return `${element.name}(${name})`;

  const sameName = siblings.filter((sibling) => sibling.name === element.name);
  if (sameName.length < 2) return element.name;
  return `${element.name}[${sameName.indexOf(element) + 1}]`;
}
