/**
 * The classes of the generated responses as MOF, and a mock repository holding N of the
 * generated instances, for the end-to-end measurement against the mock server.
 */
import type { CIMInstance } from '../src/cim/instance.js';
import type { OperationResponse } from '../src/cimxml/reader/message-types.js';
import { collectResponseStream } from '../src/cimxml/reader/stream.js';
import { MOFCompiler } from '../src/mof/compiler.js';
import { MockRepository } from '../src/mock/repository.js';
import { generateResponseChunks } from './generate-response.js';

export const BENCH_NAMESPACE = 'root/bench';
export const BENCH_CLASS = 'Bench_ComputerSystem';

const BENCH_MOF = `
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter);

class Bench_Account {
  [Key] string UserID;
  [Key] uint32 Domain;
};

class Bench_Setting {
  [Key] string InstanceID;
  uint32 Threshold;
  string Note;
};

class Bench_ComputerSystem {
  [Key] string CreationClassName;
  [Key] string Name;
  string Caption;
  string Description;
  string ElementName;
  boolean Enabled;
  uint8 Priority;
  sint8 Offset;
  uint16 Port;
  sint16 Delta;
  uint32 Count;
  sint32 Balance;
  uint64 TotalBytes;
  sint64 Drift;
  real32 Load;
  real64 Temperature;
  char16 Grade;
  datetime InstallDate;
  datetime Uptime;
  string OtherIdentifyingInfo;
  uint32 LastError;
  string PrimaryOwnerContact;
  uint16 OperationalStatus[];
  string StatusDescriptions[];
  boolean Flags[];
  sint64 Counters[];
  datetime Timestamps[];
  uint16 Dedicated[];
  Bench_Account REF Owner;
  [EmbeddedInstance("Bench_Setting")] string Setting;
};
`;

/** Reads `count` generated instances with the library's own reader. */
export async function generatedInstances(count: number): Promise<CIMInstance[]> {
  const message = await collectResponseStream(generateResponseChunks(count));
  return ((message.response as OperationResponse).intrinsicReturnValue?.items ?? []) as CIMInstance[];
}

/** Builds a mock repository with the bench classes and `count` generated instances in `BENCH_NAMESPACE`. */
export async function buildBenchRepository(count: number): Promise<MockRepository> {
  const repository = new MockRepository();
  repository.addNamespace(BENCH_NAMESPACE);
  new MOFCompiler({ target: repository, namespace: BENCH_NAMESPACE }).compileString(BENCH_MOF, 'bench-model.mof');

  for (const instance of await generatedInstances(count)) repository.createInstance(BENCH_NAMESPACE, instance);
  return repository;
}
