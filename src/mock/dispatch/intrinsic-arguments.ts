import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMError } from '../../cim/errors.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import { CIM_ERR_INVALID_PARAMETER } from '../../cim/status-codes.js';
import { INTRINSIC_OPERATIONS, type IParamContent, type IParamValue, type IntrinsicOperation } from '../../cimxml/index.js';

/**
 * The IPARAMVALUEs of one intrinsic request, read by name (case-insensitively). Each
 * getter returns undefined for a parameter that was not sent, so the caller applies the
 * DSP0200 default, and raises CIM_ERR_INVALID_PARAMETER for a value of the wrong kind.
 */
export class IntrinsicArguments {
  readonly #operation: IntrinsicOperation;
  readonly #values = new Map<string, IParamContent>();

  constructor(operation: IntrinsicOperation, parameters: readonly IParamValue[]) {
    this.#operation = operation;
    const known = INTRINSIC_OPERATIONS[operation].map((spec) => spec.name);

    for (const parameter of parameters) {
      const spec = known.find((name) => name.toLowerCase() === parameter.name.toLowerCase());
      if (spec === undefined) {
        throw this.#error(parameter.name, `is not a parameter of ${operation}; parameters are: ${known.join(', ') || '(none)'}`);
      }
      if (this.#values.has(spec)) throw this.#error(spec, 'is given twice; send it once');
      this.#values.set(spec, parameter.value);
    }

    for (const spec of INTRINSIC_OPERATIONS[operation]) {
      if ('required' in spec && spec.required && (this.#values.get(spec.name) ?? null) === null) {
        throw this.#error(spec.name, `is required by ${operation}; send it`);
      }
    }
  }

  /** The raw value; null for an empty IPARAMVALUE. */
  raw(name: string): IParamContent | undefined {
    return this.#values.get(name);
  }

  boolean(name: string): boolean | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.#error(name, `must be TRUE or FALSE, but is ${describe(value)}`);
    return value;
  }

  string(name: string): string | null | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value !== 'string') throw this.#error(name, `must be a string VALUE, but is ${describe(value)}`);
    return value;
  }

  /** A uint32 such as MaxObjectCount or OperationTimeout; null for an empty IPARAMVALUE. */
  uint32(name: string): number | null | undefined {
    const text = this.string(name);
    if (text === undefined || text === null) return text;
    const value = Number(text.trim());
    if (!/^\s*\+?\d+\s*$/.test(text) || value > 0xffffffff) {
      throw this.#error(name, `must be a uint32 (0 to 4294967295), but is ${JSON.stringify(text)}`);
    }
    return value;
  }

  /** A class name from CLASSNAME; null for an empty IPARAMVALUE. */
  className(name: string): string | null | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return value;
    if (value instanceof CIMClassName) return value.className;
    if (typeof value === 'string') return value;
    throw this.#error(name, `must be a CLASSNAME, but is ${describe(value)}`);
  }

  instanceName(name: string): CIMInstanceName | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (value instanceof CIMInstanceName) return value;
    throw this.#error(name, `must be an INSTANCENAME, but is ${describe(value)}`);
  }

  /** A CLASSNAME or INSTANCENAME, as ObjectName of the association operations takes. */
  objectName(name: string): CIMInstanceName | CIMClassName | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (value instanceof CIMInstanceName || value instanceof CIMClassName) return value;
    throw this.#error(name, `must be a CLASSNAME or INSTANCENAME, but is ${describe(value)}`);
  }

  /** Property names from VALUE.ARRAY; null (all properties) for an empty IPARAMVALUE. */
  propertyList(name: string): string[] | null | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return value;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    throw this.#error(name, `must be a VALUE.ARRAY of property names, but is ${describe(value)}`);
  }

  instance(name: string): CIMInstance | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (value instanceof CIMInstance) return value;
    throw this.#error(name, `must be an INSTANCE, but is ${describe(value)}`);
  }

  cimClass(name: string): CIMClass | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (value instanceof CIMClass) return value;
    throw this.#error(name, `must be a CLASS, but is ${describe(value)}`);
  }

  qualifierDeclaration(name: string): CIMQualifierDeclaration | undefined {
    const value = this.#values.get(name);
    if (value === undefined || value === null) return undefined;
    if (value instanceof CIMQualifierDeclaration) return value;
    throw this.#error(name, `must be a QUALIFIER.DECLARATION, but is ${describe(value)}`);
  }

  #error(name: string, problem: string): CIMError {
    return new CIMError(CIM_ERR_INVALID_PARAMETER, `Parameter ${name} of ${this.#operation} ${problem}.`);
  }
}

function describe(value: IParamContent): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor.name}`;
  return JSON.stringify(typeof value === 'bigint' ? value.toString() : value);
}
