import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { Char16, Real64, Sint8, Uint64 } from '../../src/cim/typed-value.js';
import type { CIMType } from '../../src/cim/cim-type.js';
import { toCIMObject, toCIMXMLString } from '../../src/cimxml/index.js';
import { MOFCompiler } from '../../src/mof/compiler.js';
import { MOFRepository } from '../../src/mof/memory-target.js';

const KEY_TYPES: Record<string, CIMType> = {
  Name: 'string',
  Flag: 'boolean',
  Count: 'uint64',
  Small: 'sint8',
  Ratio: 'real64',
  When: 'datetime',
  Letter: 'char16',
  Parent: 'reference',
};

const CLASSES = `
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
class CIM_Target {
  [Key] string Name;
  [Key] boolean Flag;
  [Key] uint64 Count;
  [Key] sint8 Small;
  [Key] real64 Ratio;
  [Key] datetime When;
  [Key] char16 Letter;
  [Key] CIM_Target REF Parent;
};
class CIM_Holder {
  [Key] string Id;
  CIM_Target REF Ref;
};
`;

function target(name: string, parent: CIMInstanceName | null, options: { namespace?: string; host?: string } = {}): CIMInstanceName {
  const keys: Array<[string, CIMInstanceName | string | boolean | Uint64 | Sint8 | Real64 | CIMDateTime | Char16]> = [
    ['Name', name],
    ['Flag', false],
    ['Count', new Uint64(18446744073709551615n)],
    ['Small', new Sint8(-128)],
    ['Ratio', new Real64(0.1)],
    ['When', new CIMDateTime('20241203153000.000000+060')],
    ['Letter', new Char16('"')],
  ];
  if (parent !== null) keys.push(['Parent', parent]);
  return new CIMInstanceName('CIM_Target', keys, options);
}

const root = target('root', null, { namespace: 'root/cimv2' });
const NAMES: Array<[string, CIMInstanceName]> = [
  ['without namespace', target('plain', null)],
  ['with namespace', target('a "quoted", \\escaped = name', root, { namespace: 'root/cimv2' })],
  ['with host', target('ümlaut 😀\ttab', target('middle', root, { namespace: 'root/cimv2' }), { namespace: 'root/cimv2', host: 'cimhost.example:5989' })],
];

const keyTypes = (_className: string, keyName: string) => KEY_TYPES[keyName];

/** Writes the name as the reference of a holder instance in MOF, compiles it, and returns the reference read back. */
function viaMOF(name: CIMInstanceName): unknown {
  const holder = new CIMInstance('CIM_Holder', {
    properties: [new CIMProperty('Id', 'h'), new CIMProperty('Ref', name, { referenceClass: 'CIM_Target' })],
  });
  const repository = new MOFRepository();
  const result = new MOFCompiler({ target: repository }).compileString(`${CLASSES}\n${holder.toMOF()}`, 'holder');
  expect(result.warnings).toEqual([]);
  return [...repository.namespace('root/cimv2').instances.values()][0]?.get('Ref');
}

function viaURI(name: CIMInstanceName): CIMInstanceName {
  return CIMInstanceName.fromWBEMURI(name.toWBEMURI(), { keyTypes });
}

function viaCIMXML(name: CIMInstanceName): CIMInstanceName {
  return toCIMObject(toCIMXMLString(name)) as CIMInstanceName;
}

describe('instance name in URI, CIM-XML and MOF', () => {
  it.each(NAMES)('URI %s', (_label, name) => {
    expect(viaURI(name).equals(name)).toBe(true);
  });

  it.each(NAMES)('CIM-XML %s', (_label, name) => {
    expect(viaCIMXML(name).equals(name)).toBe(true);
  });

  it.each(NAMES)('MOF %s', (_label, name) => {
    const back = viaMOF(name);
    expect(back).toBeInstanceOf(CIMInstanceName);
    expect((back as CIMInstanceName).equals(name)).toBe(true);
  });

  it.each(NAMES)('URI then CIM-XML then MOF %s', (_label, name) => {
    const fromURI = viaURI(name);
    const fromCIMXML = viaCIMXML(fromURI);
    const fromMOF = viaMOF(fromCIMXML) as CIMInstanceName;

    expect(fromMOF.equals(name)).toBe(true);
    expect(fromMOF.toWBEMURI()).toBe(name.toWBEMURI());
    expect(toCIMXMLString(fromMOF)).toBe(toCIMXMLString(name));
  });

  it.each(NAMES)('MOF then CIM-XML then URI %s', (_label, name) => {
    const fromMOF = viaMOF(name) as CIMInstanceName;
    const fromCIMXML = viaCIMXML(fromMOF);
    const fromURI = viaURI(fromCIMXML);

    expect(fromURI.equals(name)).toBe(true);
    expect(toCIMXMLString(fromURI)).toBe(toCIMXMLString(name));
  });

  it('typed keys kept by every form', () => {
    const [, name] = NAMES[2]!;
    for (const back of [viaURI(name), viaCIMXML(name), viaMOF(name) as CIMInstanceName]) {
      expect(back.keybindings.get('Count')).toBeInstanceOf(Uint64);
      expect(back.keybindings.get('When')).toBeInstanceOf(CIMDateTime);
      expect(back.keybindings.get('Letter')).toBeInstanceOf(Char16);
      expect(back.keybindings.get('Parent')).toBeInstanceOf(CIMInstanceName);
    }
  });
});
