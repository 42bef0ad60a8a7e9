import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { MOFCompiler, type MOFFileReader } from '../../src/mof/compiler.js';
import { MOFCompileError, type MOFWarning } from '../../src/mof/errors.js';
import { MOFRepository } from '../../src/mof/memory-target.js';

const QUALIFIERS = `
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier Abstract : boolean = false, Scope(class, association, indication), Flavor(EnableOverride, Restricted);
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Override : string = null, Scope(property, reference, method), Flavor(EnableOverride, Restricted);
Qualifier In : boolean = true, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier Out : boolean = false, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);
Qualifier ValueMap : string[], Scope(property, method, parameter);
Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter);
Qualifier Version : string = null, Scope(class, association, indication), Flavor(EnableOverride, Restricted, Translatable);
`;

const CLASSES = `
    [Abstract, Version ("1.0"), Description ("Base")]
class TST_Base {
        [Key, Description ("Identifier"), MaxLen (16)]
    string InstanceID;
        [Description ("Counter")]
    uint32 Count = 7;
    uint16 Codes[] = {1, 2};
    uint32 Reset([IN, Description ("Level")] uint8 Level, [IN (false), OUT] string Result[]);
};

class TST_Sub : TST_Base {
        [Override ("Count"), Description ("Sub counter")]
    uint32 Count;
    sint64 Big;
    uint64 Huge;
    real32 Small;
    datetime When;
    char16 Letter;
    boolean Flag;
        [EmbeddedInstance ("TST_Base")]
    string Embedded;
};

    [Association]
class TST_Link {
        [Key] TST_Base REF Left;
        [Key] TST_Base REF Right;
};
`;

function compile(text: string, options: { onWarning?: (warning: MOFWarning) => void } = {}) {
  const target = new MOFRepository();
  const compiler = new MOFCompiler({ target, ...options });
  const result = compiler.compileString(text, 'test.mof');
  return { target, result };
}

function compileError(text: string, reader?: MOFFileReader): MOFCompileError {
  try {
    new MOFCompiler({ fileReader: reader }).compileString(text, 'test.mof');
  } catch (error) {
    expect(error).toBeInstanceOf(MOFCompileError);
    return error as MOFCompileError;
  }
  throw new Error('compiled without error');
}

function memoryReader(files: Record<string, string>): MOFFileReader {
  return {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file ${path}`);
      return text;
    },
    resolveInclude: (_including, includePath) => includePath,
  };
}

describe('MOFCompiler classes', () => {
  const { target } = compile(QUALIFIERS + CLASSES);
  const base = target.getClass('root/cimv2', 'TST_Base');
  const sub = target.getClass('root/cimv2', 'tst_sub');

  it('qualifier declaration types and flavors', () => {
    const key = target.getQualifierDeclaration('root/cimv2', 'KEY');
    expect(key).toMatchObject({ name: 'Key', type: 'boolean', value: false, overridable: false, toSubclass: true });
    expect(key?.scopes).toEqual({ property: true, reference: true });
    expect(target.getQualifierDeclaration('root/cimv2', 'ValueMap')).toMatchObject({ type: 'string', isArray: true, value: null });
  });

  it('class own members', () => {
    expect(base?.superclass).toBeNull();
    expect([...(base?.properties.keys() ?? [])]).toEqual(['InstanceID', 'Count', 'Codes']);
    expect(base?.properties.get('Count')).toMatchObject({ type: 'uint32', value: 7, classOrigin: 'TST_Base', propagated: false });
    expect(base?.properties.get('Codes')).toMatchObject({ type: 'uint16', isArray: true, value: [1, 2] });
    expect(base?.properties.get('InstanceID')?.qualifiers.get('MaxLen')).toMatchObject({ type: 'uint32', value: 16 });
  });

  it('qualifier flavors from declaration', () => {
    const key = base?.properties.get('InstanceID')?.qualifiers.get('Key');
    expect(key).toMatchObject({ value: true, type: 'boolean', overridable: false, toSubclass: true, translatable: false, propagated: false });
    expect(base?.qualifiers.get('Description')).toMatchObject({ translatable: true, toSubclass: true });
  });

  it('method parameters', () => {
    const reset = base?.methods.get('reset');
    expect(reset?.returnType).toBe('uint32');
    expect(reset?.parameters.get('Level')).toMatchObject({ type: 'uint8', isArray: false });
    expect(reset?.parameters.get('Result')).toMatchObject({ type: 'string', isArray: true });
    expect(reset?.parameters.get('Result')?.qualifiers.get('In')?.value).toBe(false);
  });

  it('subclass inherits members', () => {
    expect(sub?.className).toBe('TST_Sub');
    expect(sub?.superclass).toBe('TST_Base');
    expect([...(sub?.properties.keys() ?? [])].slice(0, 3)).toEqual(['InstanceID', 'Count', 'Codes']);
    expect(sub?.properties.get('InstanceID')).toMatchObject({ propagated: true, classOrigin: 'TST_Base' });
    expect(sub?.properties.get('Big')).toMatchObject({ propagated: false, classOrigin: 'TST_Sub', type: 'sint64' });
    expect(sub?.methods.get('Reset')).toMatchObject({ propagated: true, classOrigin: 'TST_Base' });
    expect(sub?.methods.get('Reset')?.parameters.get('Level')?.qualifiers.get('Description')?.propagated).toBe(true);
  });

  it('subclass qualifier propagation', () => {
    expect(sub?.qualifiers.get('Description')).toMatchObject({ value: 'Base', propagated: true });
    expect(sub?.qualifiers.has('Abstract')).toBe(false);
    expect(sub?.qualifiers.has('Version')).toBe(false);
    expect(sub?.properties.get('InstanceID')?.qualifiers.get('Key')).toMatchObject({ value: true, propagated: true });
  });

  it('override keeps inherited default', () => {
    const count = sub?.properties.get('Count');
    expect(count).toMatchObject({ value: 7, propagated: false, classOrigin: 'TST_Sub' });
    expect(count?.qualifiers.get('Description')).toMatchObject({ value: 'Sub counter', propagated: false });
    expect(count?.qualifiers.has('Override')).toBe(true);
  });

  it('embedded instance marker', () => {
    expect(sub?.properties.get('Embedded')?.embeddedObject).toBe('instance');
  });

  it('reference properties', () => {
    const link = target.getClass('root/cimv2', 'TST_Link');
    expect(link?.properties.get('Left')).toMatchObject({ type: 'reference', referenceClass: 'TST_Base' });
    expect(link?.qualifiers.get('Association')?.value).toBe(true);
  });
});

describe('MOFCompiler instances', () => {
  const text = `${QUALIFIERS}${CLASSES}
instance of TST_Sub as $a {
    InstanceID = "a";
    Big = -9223372036854775808;
    Huge = 0xFFFFFFFFFFFFFFFF;
    Small = 0.1;
    When = "20241203153000.000000+060";
    Letter = 'x';
    Flag = TRUE;
    Codes = {0x10, 077, 0101b};
    Embedded = "instance of TST_Sub { InstanceID = \\"inner\\"; Count = 3; };";
};
instance of tst_sub as $b { InstanceID = "b"; Embedded = instance of TST_Base { InstanceID = "nested"; }; };
instance of TST_Link { Left = $a; Right = "/root/cimv2:TST_Sub.InstanceID=\\"b\\""; };
`;
  const { target, result } = compile(text);
  const namespace = target.namespace('root/cimv2');
  const [first, second, link] = [...namespace.instances.values()];

  it('instance count and paths', () => {
    expect(result.instances).toHaveLength(3);
    expect(result.instances[0]?.toString()).toBe('/root/cimv2:TST_Sub.InstanceID="a"');
  });

  it('typed property values', () => {
    expect(first?.get('Big')).toBe(-9223372036854775808n);
    expect(first?.get('Huge')).toBe(18446744073709551615n);
    expect(first?.get('Small')).toBe(Math.fround(0.1));
    expect(first?.get('When')).toBeInstanceOf(CIMDateTime);
    expect((first?.get('When') as CIMDateTime).utcOffset).toBe(60);
    expect(first?.get('Letter')).toBe('x');
    expect(first?.get('Flag')).toBe(true);
    expect(first?.get('Codes')).toEqual([16, 63, 5]);
  });

  it('class defaults fill unset properties', () => {
    expect(first?.get('Count')).toBe(7);
    expect(second?.get('Big')).toBeNull();
    expect(second?.className).toBe('TST_Sub');
  });

  it('embedded instance from MOF text', () => {
    const embedded = first?.get('Embedded');
    expect(embedded).toBeInstanceOf(CIMInstance);
    expect((embedded as CIMInstance).get('InstanceID')).toBe('inner');
    expect((embedded as CIMInstance).get('Count')).toBe(3);
    expect(first?.properties.get('Embedded')?.embeddedObject).toBe('instance');
  });

  it('embedded instance value', () => {
    const embedded = second?.get('Embedded') as CIMInstance;
    expect(embedded.className).toBe('TST_Base');
    expect(embedded.get('InstanceID')).toBe('nested');
  });

  it('references from alias and path', () => {
    const left = link?.get('Left') as CIMInstanceName;
    const right = link?.get('Right') as CIMInstanceName;
    expect(left.keybindings.get('InstanceID')).toBe('a');
    expect(right.className).toBe('TST_Sub');
    expect(right.keybindings.get('InstanceID')).toBe('b');
    expect(link?.path?.keybindings.get('Left')).toBe(left);
  });
});

describe('MOFCompiler errors', () => {
  const base = QUALIFIERS + CLASSES;
  const lines = base.split('\n').length;

  it.each([
    ['instance of TST_Sub { InstanceID = "x"; Count = 4294967296; };', 'ERR_MOF_INVALID', 'value 4294967296 is out of range for property TST_Sub.Count of type uint32 (0 to 4294967295)'],
    ['instance of TST_Sub { InstanceID = "x"; Count = -1; };', 'ERR_MOF_INVALID', 'value -1 is out of range'],
    ['instance of TST_Sub { InstanceID = "x"; Huge = 18446744073709551616; };', 'ERR_MOF_INVALID', 'out of range for property TST_Sub.Huge of type uint64'],
    ['instance of TST_Sub { InstanceID = "x"; Count = "5"; };', 'ERR_MOF_INVALID', 'string "5" does not fit property TST_Sub.Count of type uint32'],
    ['instance of TST_Sub { InstanceID = "x"; Count = 1.5; };', 'ERR_MOF_INVALID', 'real 1.5 does not fit'],
    ['instance of TST_Sub { InstanceID = "x"; When = "2024"; };', 'ERR_MOF_INVALID', 'invalid datetime "2024" for property TST_Sub.When'],
    ['instance of TST_Sub { InstanceID = "x"; Codes = 1; };', 'ERR_MOF_INVALID', 'is an array of uint16; write the value in braces'],
    ['instance of TST_Sub { InstanceID = "x"; Flag = {TRUE}; };', 'ERR_MOF_INVALID', 'is a scalar boolean, but an array value was given'],
    ['instance of TST_Sub { InstanceID = "x"; Nope = 1; };', 'ERR_MOF_INVALID', 'class TST_Sub has no property Nope'],
    ['instance of TST_Sub { InstanceID = "x"; InstanceID = "y"; };', 'ERR_MOF_INVALID', 'property InstanceID is set twice'],
    ['instance of TST_Sub { Count = 1; };', 'ERR_MOF_INVALID', 'key property InstanceID of this instance of TST_Sub has no value'],
    ['instance of TST_Link { Left = $nowhere; Right = $nowhere; };', 'ERR_MOF_DEPENDENCY', 'alias $nowhere is not defined'],
    ['instance of TST_Link { Left = "not a path"; Right = "x"; };', 'ERR_MOF_INVALID', 'invalid object path "not a path" for a reference'],
    ['instance of TST_Sub { InstanceID = "x"; Embedded = "class X {};"; };', 'ERR_MOF_INVALID', 'must contain the MOF text of one instance'],
    ['instance of TST_Sub { InstanceID = "x"; Count = instance of TST_Base { InstanceID = "y"; }; };', 'ERR_MOF_INVALID', 'instance of TST_Base does not fit property TST_Sub.Count of type uint32'],
    ['instance of TST_Base { InstanceID = "x"; };', 'ERR_MOF_INVALID', 'class TST_Base is abstract and cannot have instances of its own; declare an instance of a concrete subclass'],
    ['instance of TST_Missing { x = 1; };', 'ERR_MOF_DEPENDENCY', 'class TST_Missing is not defined in namespace root/cimv2'],
    ['class TST_Sub2 : TST_Nowhere { };', 'ERR_MOF_DEPENDENCY', 'superclass TST_Nowhere of class TST_Sub2 is not defined in namespace root/cimv2'],
    ['[Unknown] class TST_X { };', 'ERR_MOF_DEPENDENCY', 'qualifier Unknown is not declared in namespace root/cimv2'],
    ['class TST_Base { };', 'ERR_MOF_INVALID', 'class TST_Base is already defined'],
    ['class TST_X { [In] string p; };', 'ERR_MOF_INVALID', 'qualifier In cannot be used on property TST_X.p: its scope is (parameter), not property'],
    ['class TST_X { [Association] TST_Base REF r; };', 'ERR_MOF_INVALID', 'qualifier Association cannot be used on property TST_X.r: its scope is (association), not reference'],
    ['class TST_X { [Key, Key] string p; };', 'ERR_MOF_INVALID', 'qualifier Key is given twice on property TST_X.p'],
    ['class TST_X { [MaxLen ("x")] string p; };', 'ERR_MOF_INVALID', 'string "x" does not fit qualifier MaxLen on property TST_X.p of type uint32'],
    ['class TST_X { [Key (false)] string p; }; class TST_Y : TST_X { [Key] string p; };', 'ERR_MOF_INVALID', 'qualifier Key on property TST_Y.p changes the inherited value, but its flavor is DisableOverride'],
    ['class TST_X : TST_Base { string Count; };', 'ERR_MOF_INVALID', 'property TST_X.Count has type string, but the inherited property of TST_Base has type uint32'],
    ['class TST_X { strin p; };', 'ERR_MOF_SYNTAX', 'unknown data type "strin"'],
    ['class TST_X { uint8 p = 256; };', 'ERR_MOF_INVALID', 'value 256 is out of range for property TST_X.p of type uint8'],
    ['class TST_X { uint8 m(); uint8 M(); };', 'ERR_MOF_INVALID', 'method TST_X.M is declared twice'],
    ['Qualifier Q : uint8 = 300, Scope(any);', 'ERR_MOF_INVALID', 'value 300 is out of range for the default value of qualifier Q'],
    ['Qualifier Q : boolean, Scope(everything);', 'ERR_MOF_SYNTAX', 'unknown scope "everything"'],
    ['Qualifier Q : boolean, Scope(any), Flavor(Sticky);', 'ERR_MOF_SYNTAX', 'unknown flavor "Sticky"'],
    ['#pragma namespace ("")', 'ERR_MOF_SYNTAX', '#pragma namespace needs a namespace name'],
  ])('compile error %s', (extra, code, reason) => {
    const error = compileError(`${base}\n${extra}`);
    expect(error.code).toBe(code);
    expect(error.reason).toContain(reason);
    expect(error.file).toBe('test.mof');
    expect(error.line).toBe(lines + 1);
  });

  it('dependency error names file and class', () => {
    const reader = memoryReader({ 'sub.mof': 'class CIM_Sub : CIM_Base {\n};\n' });
    const error = compileError('#pragma include ("sub.mof")', reader);
    expect(error.code).toBe('ERR_MOF_DEPENDENCY');
    expect(error.message).toBe(
      'sub.mof:1:17: superclass CIM_Base of class CIM_Sub is not defined in namespace root/cimv2; compile the MOF file that declares CIM_Base first (for example with #pragma include)\nclass CIM_Sub : CIM_Base {\n                ^',
    );
  });

  it('missing qualifier names the file', () => {
    const reader = memoryReader({ 'a.mof': '\n   [Key] string p;' });
    const error = compileError('#pragma include ("b.mof")\n', {
      ...reader,
      readFile: (path) => (path === 'b.mof' ? 'class X {\n   [Key] string p;\n};' : reader.readFile(path)),
    });
    expect(error.message).toMatch(/^b\.mof:2:5: qualifier Key is not declared in namespace root\/cimv2;/);
    expect(error.message.split('\n').slice(1)).toEqual(['   [Key] string p;', '    ^']);
  });

  it('missing include file', () => {
    const error = compileError('\n#pragma include ("nowhere.mof")', memoryReader({}));
    expect(error.code).toBe('ERR_MOF_DEPENDENCY');
    expect(error.line).toBe(2);
    expect(error.reason).toContain('cannot read included file "nowhere.mof" (nowhere.mof): ENOENT');
  });

  it('include cycle', () => {
    const error = compileError('#pragma include ("a.mof")', memoryReader({ 'a.mof': '#pragma include ("a.mof")' }));
    expect(error.file).toBe('a.mof');
    expect(error.reason).toContain('remove the include cycle');
  });

  it('duplicate instance path', () => {
    const error = compileError(`${base}\ninstance of TST_Sub { InstanceID = "x"; };\ninstance of TST_Sub { InstanceID = "x"; };`);
    expect(error.line).toBe(lines + 2);
    expect(error.reason).toContain('already exists');
  });

  it('abstract class instance position', () => {
    const error = compileError(`${base}\n  instance of TST_Base { InstanceID = "x"; };`);
    expect(error.line).toBe(lines + 1);
    expect(error.column).toBe(15);
    expect(error.message.split('\n').slice(1)).toEqual(['  instance of TST_Base { InstanceID = "x"; };', '              ^']);
  });

  it('error inside embedded MOF text', () => {
    const error = compileError(`${base}\ninstance of TST_Sub { InstanceID = "x"; Embedded = "instance of TST_Base { Count = 1 };"; };`);
    expect(error.file).toBe(`test.mof:${lines + 1}:52 (MOF text in a string)`);
    expect(error.reason).toContain('expected ";" to end the value of property Count');
  });
});

describe('MOFCompiler pragmas and warnings', () => {
  it('include and namespace', () => {
    const target = new MOFRepository();
    const files = {
      'main.mof': '#pragma include ("quals.mof")\n#pragma namespace ("root/test")\n#pragma include ("quals.mof")\nclass A { [Key] string k; };\ninstance of A { k = "1"; };',
      'quals.mof': 'Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);',
    };
    const result = new MOFCompiler({ target, fileReader: memoryReader(files) }).compileFile('main.mof');
    expect(result.files).toEqual(['main.mof', 'quals.mof', 'quals.mof']);
    expect(target.getClass('root/test', 'A')).toBeDefined();
    expect(target.getClass('root/cimv2', 'A')).toBeUndefined();
    expect(result.instances[0]?.namespace).toBe('root/test');
  });

  it('namespace option', () => {
    const target = new MOFRepository();
    new MOFCompiler({ target, namespace: 'interop' }).compileString(QUALIFIERS + CLASSES);
    expect(target.getClass('interop', 'TST_Base')).toBeDefined();
  });

  it.each([
    ['#pragma foo ("x")', '#pragma foo is not supported and is ignored'],
    ['class X { string p; string P; };', 'property X.P is declared twice; the later declaration is used'],
    ['class X { [Override ("p")] string p; };', 'Override("p") on X.p has no effect because class X has no superclass'],
    ['class X : TST_Base { [Override ("Other")] uint32 Count; };', 'Override("Other") on X.Count names a different element'],
    ['class X : TST_Base { [Override ("Extra")] uint32 Extra; };', 'superclass TST_Base has no element Extra'],
    ['instance of TST_Sub as $x { InstanceID = "1"; };\ninstance of TST_Sub as $x { InstanceID = "2"; };', 'alias $x is defined again'],
    ['class TST_Other { [Key] string k; };\ninstance of TST_Other as $o { k = "1"; };\ninstance of TST_Link { Left = $o; Right = $o; };', 'declared as TST_Base REF, but the value refers to an instance of TST_Other'],
  ])('warning %s', (extra, message) => {
    const warnings: MOFWarning[] = [];
    const { result } = compile(`${QUALIFIERS}${CLASSES}\n${extra}`, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]?.message).toContain(message);
    expect(warnings[0]?.text).toMatch(/^test\.mof:\d+:\d+: warning: /);
    expect(result.warnings).toEqual(warnings);
  });

  it('lower-case qualifier names', () => {
    const { target } = compile(`${QUALIFIERS}\nclass X { [key, description("d")] string k; };\ninstance of x { K = "v"; };`);
    const property = target.getClass('root/cimv2', 'X')?.properties.get('k');
    expect(property?.qualifiers.get('Key')?.value).toBe(true);
    expect(property?.qualifiers.get('KEY')?.overridable).toBe(false);
    expect(target.namespace('root/cimv2').instances.size).toBe(1);
  });
});

describe('real special values', () => {
  it('reads INF, -INF and NaN as written by MOF output', () => {
    const text = `${QUALIFIERS}
class TST_Reals { [Key] string Id; real64 Values[]; };
instance of TST_Reals { Id = "r"; Values = {INF, -INF, NaN, +INF}; };
`;
    const { target } = compile(text);
    const [instance] = target.namespace('root/cimv2').instances.values();
    const values = instance?.get('Values') as number[];
    expect(values[0]).toBe(Infinity);
    expect(values[1]).toBe(-Infinity);
    expect(Number.isNaN(values[2])).toBe(true);
    expect(values[3]).toBe(Infinity);
  });
});
