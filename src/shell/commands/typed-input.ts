import {
  CIMParameter,
  CIMProperty,
  type CIMClass,
  type CIMInputValue,
  type CIMMethod,
  type EmbeddedObjectKind,
} from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import type { CommandContext } from './command-context.js';
import { compileAgainstServer } from './mof-objects.js';
import { parseValue, splitAssignment, type EmbeddedCompiler, type ValueDeclaration } from './value-parser.js';

/** True for a property or parameter that carries an embedded instance or object. */
function isEmbedded(element: CIMProperty | CIMParameter): boolean {
  return element.embeddedObject !== null || element.qualifiers.has('EmbeddedInstance') || element.qualifiers.has('EmbeddedObject');
}

/** Compiles embedded-instance MOF against the classes of the namespace on the server. */
export function embeddedCompiler(context: CommandContext, namespace: string): EmbeddedCompiler {
  return async (mof, declaration) => {
    const compiled = await compileAgainstServer(context.session.classes, namespace, { text: mof, file: `<${declaration.label}>` });
    if (compiled.instances.length !== 1) {
      throw new ShellInputError(`The value of ${declaration.label} must be the MOF of one instance, such as 'instance of CIM_Foo { Id = "a"; };', but it declares ${compiled.instances.length}.`);
    }
    return compiled.instances[0]!;
  };
}

/** Builds typed properties from `name=value` words, typed from the class. */
export async function typedProperties(context: CommandContext, cimClass: CIMClass, words: readonly string[], namespace: string): Promise<CIMProperty[]> {
  const compile = embeddedCompiler(context, namespace);
  const properties: CIMProperty[] = [];
  for (const word of words) {
    const [name, text] = splitAssignment(word, 'a property');
    const declared = cimClass.properties.get(name);
    if (declared === undefined) {
      throw new ShellInputError(`Class ${cimClass.className} has no property ${name}; its properties are ${[...cimClass.properties.keys()].join(', ')}.`);
    }
    const label = `property ${declared.name} of ${cimClass.className}`;
    const declaration: ValueDeclaration = { label, type: declared.type, isArray: declared.isArray, embedded: isEmbedded(declared), namespace };
    const value = await parseValue(text, declaration, compile);
    properties.push(propertyWithValue(declared, value));
  }
  return properties;
}

function propertyWithValue(declared: CIMProperty, value: CIMInputValue): CIMProperty {
  return new CIMProperty(declared.name, value, {
    type: declared.type,
    isArray: declared.isArray,
    referenceClass: declared.referenceClass,
    embeddedObject: embeddedKind(declared),
  });
}

/** Returns the embedded object kind of a property: as declared, else from its EmbeddedObject or EmbeddedInstance qualifier. */
function embeddedKind(declared: CIMProperty): EmbeddedObjectKind | null {
  if (declared.embeddedObject !== null) return declared.embeddedObject;
  if (declared.qualifiers.has('EmbeddedObject')) return 'object';
  return declared.qualifiers.has('EmbeddedInstance') ? 'instance' : null;
}

/** Builds typed input parameters from `name=value` words, typed from the method declaration. */
export async function typedParameters(context: CommandContext, cimClass: CIMClass, method: CIMMethod, words: readonly string[], namespace: string): Promise<CIMParameter[]> {
  const compile = embeddedCompiler(context, namespace);
  const parameters: CIMParameter[] = [];
  for (const word of words) {
    const [name, text] = splitAssignment(word, 'a parameter');
    const declared = method.parameters.get(name);
    if (declared === undefined) {
      const names = [...method.parameters.keys()].join(', ') || '(none)';
      throw new ShellInputError(`Method ${cimClass.className}.${method.name} has no parameter ${name}; its parameters are ${names}.`);
    }
    const label = `parameter ${declared.name} of ${cimClass.className}.${method.name}`;
    const value = await parseValue(text, { label, type: declared.type, isArray: declared.isArray, embedded: isEmbedded(declared), namespace }, compile);
    parameters.push(
      new CIMParameter(declared.name, {
        type: declared.type,
        isArray: declared.isArray,
        referenceClass: declared.referenceClass,
        embeddedObject: declared.embeddedObject ?? (isEmbedded(declared) ? 'instance' : null),
        value,
      }),
    );
  }
  return parameters;
}

/** Returns the method of a class or raises ShellInputError listing the methods it has. */
export function requireMethod(cimClass: CIMClass, methodName: string): CIMMethod {
  const method = cimClass.methods.get(methodName);
  if (method !== undefined) return method;
  const names = [...cimClass.methods.keys()].join(', ') || '(none)';
  throw new ShellInputError(`Class ${cimClass.className} has no method ${methodName}; its methods are ${names}.`);
}

