import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CIMClass } from '../../src/cim/class.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { MOFCompiler } from '../../src/mof/compiler.js';
import { MOFRepository } from '../../src/mof/memory-target.js';
import { modelsDir, referenceDir } from './reference.js';

/** Rows of the pywbemtools table in the models README: file, qualifier declarations, classes, instances. */
function readmeCounts(): Array<[string, number, number, number]> {
  const readme = readFileSync(path.join(modelsDir, 'README.md'), 'utf8');
  const rows: Array<[string, number, number, number]> = [];
  for (const match of readme.matchAll(/^\| `([\w.]+\.mof)` \| [\d,]+ \| (\d+) \| (\d+) \| [^|]+ \| \d+ \| (\d+) \|$/gm)) {
    rows.push([match[1] ?? '', Number(match[2]), Number(match[3]), Number(match[4])]);
  }
  return rows;
}

function compileModel(file: string) {
  const target = new MOFRepository();
  const result = new MOFCompiler({ target }).compileFile(path.join(modelsDir, file));
  return { target, result };
}

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

describe('mock models', () => {
  const counts = readmeCounts();

  it('README table rows', () => {
    expect(counts).toHaveLength(8);
  });

  it.each(counts)('%s counts', (file, qualifierDeclarations, classes, instances) => {
    const { result } = compileModel(file);
    expect(result.qualifierDeclarations).toHaveLength(qualifierDeclarations);
    expect(result.classes).toHaveLength(classes);
    expect(result.instances).toHaveLength(instances);
  });

  it.each([
    ['simple_mock_model.mof', 7, 'alias $foo3 is defined again'],
    ['simple_assoc_mock_model.mof', 3, 'declared as TST_Person REF, but the value refers to an instance of TST_FamilyCollection'],
    ['complex_assoc_model.mof', 2, 'Override("Initiator") on TST_A3Sub.Initiator has no effect because class TST_A3Sub has no superclass'],
    ['qualifier_filter_model.mof', 8, 'property EXP_TestExperimental1.IndicationName is declared twice'],
    ['all_types.mof', 0, ''],
  ])('%s warnings', (file, count, first) => {
    const { result } = compileModel(file);
    expect(result.warnings).toHaveLength(count);
    if (count > 0) expect(result.warnings[0]?.message).toContain(first);
  });

  it('simple_mock_model aliases', () => {
    const { target } = compileModel('simple_mock_model.mof');
    const assoc = [...target.namespace('root/cimv2').instances.values()].find((instance) => instance.className === 'CIM_FooAssoc');
    expect(assoc?.path?.toString()).toBe(
      '/root/cimv2:CIM_FooAssoc.Ref1="/root/cimv2:CIM_FooRef1.InstanceID=\\"CIM_FooRef11\\"",Ref2="/root/cimv2:CIM_FooRef2.InstanceID=\\"CIM_FooRef21\\""',
    );
  });

  it('class name case from declaration', () => {
    const { target } = compileModel('simple_assoc_mock_model.mof');
    const names = new Set([...target.namespace('root/cimv2').instances.values()].map((instance) => instance.className));
    expect(names.has('TST_Personsub')).toBe(true);
    expect(names.has('TST_PersonSub')).toBe(false);
  });

  it('all_types values', () => {
    const { target } = compileModel('all_types.mof');
    const cimClass = target.getClass('root/cimv2', 'PyWBEM_AllTypes');
    expect(cimClass?.properties.get('defaultString')?.value).toBe('test"embedded"quote');
    expect(cimClass?.properties.get('defaultUint64')?.value).toBe(4n);
    const [instance] = target.namespace('root/cimv2').instances.values();
    expect(instance?.get('arraySint64')).toEqual([-99999n, 0n, 99999n]);
    expect(instance?.get('arrayReal32')).toEqual([0, Math.fround(1.9)]);
    expect(String(instance?.get('scalDateTime'))).toBe('19991224120000.000000+360');
    expect(cimClass?.methods.get('AllTypesMethod')?.parameters.get('arrRef')).toMatchObject({ type: 'reference', isArray: true, referenceClass: 'PyWBEM_AllTypes' });
  });

  it.each(['simple_mock_model.mof', 'complex_assoc_model.mof', 'all_types.mof', 'mock_interop.mof', 'simple_instance_tablefmt_test.mof'])(
    '%s toMOF round trip',
    (file) => {
      const { target } = compileModel(file);
      const namespace = target.namespace('root/cimv2');
      const text = [
        ...[...namespace.qualifierDeclarations.values()].map((declaration) => declaration.toMOF()),
        ...[...namespace.classes.values()].map((cimClass) => localDeclaration(cimClass).toMOF()),
        ...[...namespace.instances.values()].map((instance) => instance.toMOF()),
      ].join('\n\n');

      const again = new MOFRepository();
      new MOFCompiler({ target: again }).compileString(text, `${file} output`);
      for (const cimClass of namespace.classes.values()) {
        expect(again.getClass('root/cimv2', cimClass.className)?.equals(cimClass), cimClass.className).toBe(true);
      }
      for (const instance of namespace.instances.values()) {
        const copy = instance.path === null ? undefined : again.getInstance('root/cimv2', instance.path);
        expect(copy?.equals(instance), instance.path?.toString()).toBe(true);
      }
    },
  );
});

describe('pywbem test MOFs', () => {
  const target = new MOFRepository();
  const result = new MOFCompiler({ target }).compileFile(path.join(modelsDir, 'pywbem-testmofs', 'test_instance.mof'));
  const instances = new Map([...target.namespace('root/cimv2').instances.values()].map((instance) => [instance.get('k1'), instance]));

  it('include chain', () => {
    expect(result.files.map((file) => path.basename(file))).toEqual(['test_instance.mof', 'test_types.mof', 'qualifiers.mof']);
    expect(result.qualifierDeclarations).toHaveLength(56);
    expect(result.instances).toHaveLength(4);
  });

  it('integer limits', () => {
    const outer = instances.get(9922);
    expect(outer?.get('pui64')).toBe(18446744073709551615n);
    expect(outer?.get('psi64')).toBe(-9223372036854775808n);
    expect(outer?.get('psi32')).toBe(-2147483648);
    expect(instances.get(9921)?.get('psi64')).toBe(9223372036854775807n);
  });

  it('reals and char16', () => {
    const inner = instances.get(9921);
    expect(inner?.get('pr32')).toBe(Math.fround(1.175494351e-38));
    expect(inner?.get('pr64')).toBe(4.9e-324);
    expect(inner?.get('pc')).toBe('a');
    expect(instances.get(9922)?.get('pr64')).toBe(1.7976931348623157e308);
  });

  it('datetime interval and timestamp', () => {
    expect(String(instances.get(9921)?.get('pdt'))).toBe('01234567061213.123456:000');
    expect(String(instances.get(9922)?.get('pdt'))).toBe('20160409061213.123456+120');
  });

  it('literal forms', () => {
    const values = instances.get(9923);
    expect([values?.get('pui8'), values?.get('pui16'), values?.get('pui64'), values?.get('psi8'), values?.get('psi64')]).toEqual([5, 63, 2748n, -5, -3567n]);
    const zeroes = instances.get(9924);
    expect([zeroes?.get('pui16'), zeroes?.get('pui32'), zeroes?.get('pui64'), zeroes?.get('psi8')]).toEqual([0, 0, 0n, 0]);
    expect(Object.is(zeroes?.get('pr64'), -0)).toBe(true);
    expect(zeroes?.get('psi16')).toBeNull();
  });

  it.each([
    ['pei', 9923],
    ['peo', 9924],
  ])('embedded %s equals instance %s', (property, k1) => {
    const embedded = instances.get(9922)?.get(property);
    expect(embedded).toBeInstanceOf(CIMInstance);
    const top = instances.get(k1);
    expect((embedded as CIMInstance).properties.equals(top?.properties ?? new CIMInstance('x').properties, (a, b) => a.equals(b))).toBe(true);
  });

  it('embedded property markers', () => {
    const outer = instances.get(9922);
    expect(outer?.properties.get('pei')?.embeddedObject).toBe('instance');
    expect(outer?.properties.get('peo')?.embeddedObject).toBe('object');
  });
});

describe('MOF string escapes', () => {
  const hardCases = readFileSync(path.join(referenceDir, 'hard-cases.md'), 'utf8');
  const section = hardCases.slice(hardCases.indexOf('### BR-34'), hardCases.indexOf('### BR-36'));
  const inputs = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '[]') as string[];
  const literalBlock = /\*\*Expected MOF literals:\*\*\n\s*```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const literals = literalBlock.split('\n').map((line) => /^\s*("(?:[^"\\]|\\.)*")/.exec(line)?.[1]).filter((literal) => literal !== undefined);
  const cases = inputs.map((input, index) => [literals[index] ?? '', input] as const);

  it('case table', () => {
    expect(cases).toHaveLength(5);
  });

  it.each(cases)('literal %s', (literal, expected) => {
    const target = new MOFRepository();
    new MOFCompiler({ target }).compileString(`class X { string s = ${literal}; };`);
    expect(target.getClass('root/cimv2', 'X')?.properties.get('s')?.value).toBe(expected);
  });

  it.each(cases)('toMOF round trip %s', (_literal, value) => {
    const source = new CIMInstance('X').set('s', value);
    const target = new MOFRepository();
    new MOFCompiler({ target }).compileString(`Qualifier Key : boolean = false, Scope(property);\nclass X { [Key] string s; };\n${source.toMOF()}`);
    expect([...target.namespace('root/cimv2').instances.values()][0]?.get('s')).toBe(value);
  });

  it('escaped single quote', () => {
    const target = new MOFRepository();
    new MOFCompiler({ target }).compileString(`class X { string s = "PowerSupply\\'s input"; };`);
    expect(target.getClass('root/cimv2', 'X')?.properties.get('s')?.value).toBe("PowerSupply's input");
  });
});
