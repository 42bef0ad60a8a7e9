import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CIMClass } from '../../src/cim/class.js';
import type { CIMInstance } from '../../src/cim/instance.js';
import type { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import type { CIMValue } from '../../src/cim/value.js';
import { MOFCompiler, type MOFCompileResult } from '../../src/mof/compiler.js';
import { MOFRepository } from '../../src/mof/memory-target.js';
import { schemaDir } from './reference.js';

const namespace = 'root/cimv2';

/** Copies the class without propagated members and qualifiers, as its MOF declares it. */
function localDeclaration(cimClass: CIMClass): CIMClass {
  const local = cimClass.copy();
  for (const qualifiers of [local.qualifiers, ...[...local.properties.values(), ...local.methods.values()].map((element) => element.qualifiers)]) {
    for (const [name, qualifier] of [...qualifiers]) if (qualifier.propagated) qualifiers.delete(name);
  }
  for (const [name, property] of [...local.properties]) if (property.propagated) local.properties.delete(name);
  for (const [name, method] of [...local.methods]) if (method.propagated) local.methods.delete(name);
  for (const method of local.methods.values()) {
    for (const parameter of method.parameters.values()) {
      for (const [name, qualifier] of [...parameter.qualifiers]) if (qualifier.propagated) parameter.qualifiers.delete(name);
    }
  }
  return local;
}

function compile(text: string, file: string): { target: MOFRepository; result: MOFCompileResult } {
  const target = new MOFRepository();
  const result = new MOFCompiler({ target }).compileString(text, file);
  return { target, result };
}

describe('DMTF schema toMOF round trip', () => {
  const original = new MOFRepository();
  let again: MOFRepository;
  let result: MOFCompileResult;
  let classes: CIMClass[];
  let declarations: CIMQualifierDeclaration[];

  beforeAll(() => {
    new MOFCompiler({ target: original }).compileFile(path.join(schemaDir, 'cim_schema_2.49.0.mof'));
    classes = [...original.namespace(namespace).classes.values()];
    declarations = [...original.namespace(namespace).qualifierDeclarations.values()];

    // Classes are stored in compile order, so every superclass comes before its subclasses.
    const text = [
      ...declarations.map((declaration) => declaration.toMOF()),
      ...classes.map((cimClass) => localDeclaration(cimClass).toMOF()),
    ].join('\n');
    ({ target: again, result } = compile(text, 'schema output'));
  });

  it('output compiles without warnings', () => {
    expect(result.warnings).toEqual([]);
    expect(result.classes).toHaveLength(classes.length);
    expect(result.qualifierDeclarations).toHaveLength(declarations.length);
    expect(classes.length).toBeGreaterThan(1600);
  });

  it('every class equal', () => {
    const differing = classes
      .filter((cimClass) => !again.getClass(namespace, cimClass.className)?.equals(cimClass))
      .map((cimClass) => cimClass.className);
    expect(differing).toEqual([]);
  });

  it('every qualifier declaration equal', () => {
    const recompiled = again.namespace(namespace).qualifierDeclarations;
    const differing = declarations.filter((declaration) => !recompiled.get(declaration.name)?.equals(declaration));
    expect(differing.map((declaration) => declaration.name)).toEqual([]);
  });

  it('local declaration of CIM_ComputerSystem', () => {
    const local = localDeclaration(original.getClass(namespace, 'CIM_ComputerSystem')!);
    expect(local.properties.has('NameFormat')).toBe(true);
    expect(local.properties.has('ElementName')).toBe(false);
    expect(again.getClass(namespace, 'CIM_ComputerSystem')?.properties.get('ElementName')?.classOrigin).toBe('CIM_ManagedElement');
  });
});

const QUALIFIERS = `
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter);
Qualifier EmbeddedObject : boolean = false, Scope(property, method, parameter), Flavor(DisableOverride, ToSubclass);
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier Counts : uint64[] = {1, 18446744073709551615}, Scope(class, property), Flavor(Restricted);
`;

// One property per type: [type, MOF literal of a scalar, MOF literal of an array, expected scalar].
const TYPE_CASES: Array<[string, string, string, CIMValue]> = [
  ['boolean', 'TRUE', '{TRUE, FALSE, NULL}', true],
  ['string', '"q\\"b\\\\s,=\\n\\t\\r ü 😀 \\x00e9"', '{"", NULL, "a\\"b"}', 'q"b\\s,=\n\t\r ü 😀 é'],
  ['char16', "'\\''", "{'a', NULL, '\\\\'}", "'"],
  ['datetime', '"20241203153000.123456-300"', '{"00000001020304.000005:000", NULL, "20241203******.******+000"}', null],
  ['uint8', '255', '{0, NULL, 255}', 255],
  ['sint8', '-128', '{-128, NULL, 127}', -128],
  ['uint16', '65535', '{0, NULL, 65535}', 65535],
  ['sint16', '-32768', '{-32768, NULL, 32767}', -32768],
  ['uint32', '4294967295', '{0, NULL, 4294967295}', 4294967295],
  ['sint32', '-2147483648', '{-2147483648, NULL, 2147483647}', -2147483648],
  ['uint64', '18446744073709551615', '{0, NULL, 18446744073709551615}', 18446744073709551615n],
  ['sint64', '-9223372036854775808', '{-9223372036854775808, NULL, 9223372036854775807}', -9223372036854775808n],
  ['real32', '3.4028234663852886E+38', '{0.1, NULL, -0.0, 1.401298464324817E-45}', Math.fround(3.4028234663852886e38)],
  ['real64', '4.9E-324', '{0.1, NULL, -0.0, 1.7976931348623157E+308, 2.2250738585072009E-308}', 4.9e-324],
];

const ALL_TYPES_MOF = `${QUALIFIERS}
[Description ("every type"), Counts {2, 3}]
class TST_AllTypes {
  [Key] string InstanceID;
${TYPE_CASES.map(([type]) => `  ${type} S_${type};\n  ${type} A_${type}[];\n  ${type} N_${type};`).join('\n')}
  [EmbeddedInstance ("TST_AllTypes")] string Inner;
  [EmbeddedInstance ("TST_AllTypes")] string Inners[];
  [EmbeddedObject] string AnyObject;
};

[Association]
class TST_Link {
  [Key] TST_AllTypes REF Left;
  [Key] TST_AllTypes REF Right;
  string Note;
};

instance of TST_AllTypes as $inner {
  InstanceID = "inner \\"1\\"";
  S_string = "inner";
};

instance of TST_AllTypes as $full {
  InstanceID = "full";
${TYPE_CASES.map(([type, scalar, array]) => `  S_${type} = ${scalar};\n  A_${type} = ${array};\n  N_${type} = NULL;`).join('\n')}
  Inner = instance of TST_AllTypes { InstanceID = "embedded"; Inner = instance of TST_AllTypes { InstanceID = "twice"; S_uint64 = 1; }; };
  Inners = {instance of TST_AllTypes { InstanceID = "e1"; }, instance of TST_AllTypes { InstanceID = "e2"; A_real64 = {}; }};
  AnyObject = instance of TST_AllTypes { InstanceID = "object"; };
};

instance of TST_AllTypes {
  InstanceID = "empty arrays";
${TYPE_CASES.map(([type]) => `  A_${type} = {};`).join('\n')}
};

instance of TST_Link {
  Left = $inner;
  Right = $full;
  Note = "a,b=c";
};
`;

describe('instances toMOF round trip', () => {
  const { target, result } = compile(ALL_TYPES_MOF, 'all types');
  const instances = [...target.namespace(namespace).instances.values()];
  const text = [
    QUALIFIERS,
    ...[...target.namespace(namespace).classes.values()].map((cimClass) => localDeclaration(cimClass).toMOF()),
    ...instances.map((instance) => instance.toMOF()),
  ].join('\n');
  const again = compile(text, 'all types output');

  it('source compiles without warnings', () => {
    expect(result.warnings).toEqual([]);
    expect(instances).toHaveLength(4);
  });

  it.each(TYPE_CASES.filter(([, , , expected]) => expected !== null))('%s scalar value', (type, _scalar, _array, expected) => {
    const full = instances.find((instance) => instance.get('InstanceID') === 'full');
    expect(full?.get(`S_${type}`)).toStrictEqual(expected);
  });

  it('output compiles without warnings', () => {
    expect(again.result.warnings).toEqual([]);
    expect(again.result.instances).toHaveLength(instances.length);
  });

  it.each(instances.map((instance) => [String(instance.get('InstanceID') ?? instance.path?.toString()), instance] as const))(
    'instance %s equal',
    (_label, instance: CIMInstance) => {
      const copy = again.target.getInstance(namespace, instance.path!);
      expect(copy?.equals(instance)).toBe(true);
    },
  );

  it('negative zero kept', () => {
    const full = instances.find((instance) => instance.get('InstanceID') === 'full')!;
    const copy = again.target.getInstance(namespace, full.path!)!;
    expect(Object.is((full.get('A_real64') as number[])[2], -0)).toBe(true);
    expect(Object.is((copy.get('A_real64') as number[])[2], -0)).toBe(true);
    expect(Object.is((copy.get('A_real32') as number[])[2], -0)).toBe(true);
  });

  it('embedded instances kept', () => {
    const full = instances.find((instance) => instance.get('InstanceID') === 'full')!;
    const copy = again.target.getInstance(namespace, full.path!)!;
    const inner = copy.get('Inner') as CIMInstance;
    expect((inner.get('Inner') as CIMInstance).get('S_uint64')).toBe(1n);
    expect((copy.get('Inners') as CIMInstance[]).map((element) => element.get('InstanceID'))).toEqual(['e1', 'e2']);
  });
});
