import {
  CIMClass,
  CIMError,
  CIMInstance,
  CIMInstanceName,
  MOFCompiler,
  type CIMQualifierDeclaration,
  type CIMValue,
  type KeyBindingValue,
  type MOFTarget,
} from '../../index.js';
import type { ClassCache } from '../completion/class-cache.js';
import { ShellInputError } from '../shell-errors.js';

/** Declarations compiled from MOF text, in source order, ready to send to the server. */
export interface CompiledObjects {
  readonly qualifierDeclarations: CIMQualifierDeclaration[];
  readonly classes: CIMClass[];
  readonly instances: CIMInstance[];
}

const CLASS_REFERENCES = [/\binstance\s+of\s+([A-Za-z_][\w]*)/gi, /\bclass\s+[A-Za-z_][\w]*\s*:\s*([A-Za-z_][\w]*)/gi];

/**
 * Compiles MOF text against the classes and qualifier declarations of a namespace on the
 * server. Superclasses and instance classes named in the text are fetched first (GetClass),
 * since the compiler looks them up synchronously. Nothing is sent to the server here.
 * Raises MOFCompileError with file:line:column for bad MOF.
 */
export async function compileAgainstServer(
  classes: ClassCache,
  namespace: string,
  source: { text: string; file: string } | { file: string },
): Promise<CompiledObjects> {
  const compiled: CompiledObjects = { qualifierDeclarations: [], classes: [], instances: [] };
  const text = 'text' in source ? source.text : null;
  const known = await prefetch(classes, namespace, text ?? '');
  const target = collectingTarget(known, compiled);

  const compiler = new MOFCompiler({ target, namespace });
  if (text !== null) compiler.compileString(text, source.file);
  else compiler.compileFile(source.file);
  return compiled;
}

interface KnownDeclarations {
  readonly classes: Map<string, CIMClass>;
  readonly qualifiers: Map<string, CIMQualifierDeclaration>;
}

async function prefetch(classes: ClassCache, namespace: string, text: string): Promise<KnownDeclarations> {
  const known: KnownDeclarations = { classes: new Map(), qualifiers: new Map() };
  for (const declaration of await classes.qualifierDeclarations(namespace)) known.qualifiers.set(declaration.name.toLowerCase(), declaration);

  const names = new Set<string>();
  for (const pattern of CLASS_REFERENCES) for (const match of text.matchAll(pattern)) names.add(match[1]!);

  for (const name of names) {
    try {
      known.classes.set(name.toLowerCase(), await classes.getClass(namespace, name));
    } catch (error) {
      // A class the server does not have is reported by the compiler with its MOF position.
      if (!(error instanceof CIMError) && !(error instanceof ShellInputError)) throw error;
    }
  }
  return known;
}

function collectingTarget(known: KnownDeclarations, compiled: CompiledObjects): MOFTarget {
  return {
    getQualifierDeclaration: (_namespace, name) => known.qualifiers.get(name.toLowerCase()),
    setQualifierDeclaration: (_namespace, declaration) => {
      known.qualifiers.set(declaration.name.toLowerCase(), declaration);
      compiled.qualifierDeclarations.push(declaration);
    },
    getClass: (_namespace, className) => known.classes.get(className.toLowerCase()),
    createClass: (_namespace, resolvedClass) => {
      known.classes.set(resolvedClass.className.toLowerCase(), resolvedClass);
      compiled.classes.push(resolvedClass);
    },
    createInstance: (namespace, instance) => {
      compiled.instances.push(instance);
      return instancePath(known.classes.get(instance.className.toLowerCase()), instance, namespace);
    },
  };
}

/** Builds the path of a compiled instance from the key properties of its class. */
function instancePath(cimClass: CIMClass | undefined, instance: CIMInstance, namespace: string): CIMInstanceName {
  const keys: Array<[string, KeyBindingValue]> = [];
  for (const property of cimClass?.properties.values() ?? []) {
    if (!property.qualifiers.has('Key')) continue;
    const value = keyValue(instance.get(property.name));
    if (value !== null) keys.push([property.name, value]);
  }
  return new CIMInstanceName(instance.className, keys, { namespace });
}

function keyValue(value: CIMValue | undefined): KeyBindingValue | null {
  if (value === undefined || value === null || Array.isArray(value)) return null;
  return value instanceof CIMInstance || value instanceof CIMClass ? null : value;
}
