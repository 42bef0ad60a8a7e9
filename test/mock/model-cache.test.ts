import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/mock/cache/model-cache.js';
import { referenceDir } from './server-helpers.js';

const modelsDir = path.join(referenceDir, 'mock-models');

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Copies a mock model into a temporary folder, so the test can change it. */
function copyModel(file: string): string {
  const dir = tempDir('wbemshell-mof-');
  const target = path.join(dir, file);
  writeFileSync(target, readFileSync(path.join(modelsDir, file)));
  return target;
}

describe('model cache', () => {
  it('compiles on a miss and reads on a hit', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const mofFiles = [copyModel('simple_mock_model.mof')];

    const first = loadModel({ mofFiles, cacheDirectory });
    expect(first.cacheStatus).toBe('miss');
    expect(first.cacheWriteError).toBeNull();
    expect(readdirSync(cacheDirectory)).toEqual([path.basename(first.cacheFile!)]);

    const second = loadModel({ mofFiles, cacheDirectory });
    expect(second.cacheStatus).toBe('hit');
    expect(second.repository.namespace('root/cimv2').classes.size).toBe(first.repository.namespace('root/cimv2').classes.size);
    expect(second.repository.allStoredInstances('root/cimv2')).toHaveLength(15);
  });

  it('restores equal classes and instances', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const mofFiles = [path.join(modelsDir, 'all_types.mof')];
    const compiled = loadModel({ mofFiles, cacheDirectory }).repository;
    const cached = loadModel({ mofFiles, cacheDirectory }).repository;

    for (const className of compiled.namespace('root/cimv2').classes.keys()) {
      expect(cached.getClass('root/cimv2', className)?.equals(compiled.getClass('root/cimv2', className))).toBe(true);
    }
    const [original] = compiled.allStoredInstances('root/cimv2');
    const [restored] = cached.allStoredInstances('root/cimv2');
    expect(restored?.equals(original)).toBe(true);
  });

  it('recompiles after a MOF file changes', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const file = copyModel('simple_mock_model.mof');
    loadModel({ mofFiles: [file], cacheDirectory });

    writeFileSync(file, `${readFileSync(file, 'utf8')}\ninstance of CIM_Foo { InstanceID = "CIM_Foo_added"; };\n`);
    const changed = loadModel({ mofFiles: [file], cacheDirectory });
    expect(changed.cacheStatus).toBe('miss');
    expect(changed.repository.storedInstances('root/cimv2', 'CIM_Foo', false)).toHaveLength(6);
    expect(loadModel({ mofFiles: [file], cacheDirectory }).cacheStatus).toBe('hit');
  });

  it('recompiles after an included file changes', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const dir = tempDir('wbemshell-mof-');
    for (const name of ['qualifiers.mof', 'test_types.mof', 'test_instance.mof']) {
      writeFileSync(path.join(dir, name), readFileSync(path.join(modelsDir, 'pywbem-testmofs', name)));
    }
    const top = path.join(dir, 'test_instance.mof');
    const first = loadModel({ mofFiles: [top], cacheDirectory });
    expect(first.files).toHaveLength(3);

    const types = path.join(dir, 'test_types.mof');
    writeFileSync(types, `${readFileSync(types, 'utf8')}\n// changed\n`);
    expect(loadModel({ mofFiles: [top], cacheDirectory }).cacheStatus).toBe('miss');
  });

  it('keeps the old file when a write fails', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const file = copyModel('simple_mock_model.mof');
    const first = loadModel({ mofFiles: [file], cacheDirectory });
    const before = readFileSync(first.cacheFile!);

    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// changed\n`);
    chmodSync(cacheDirectory, 0o500);
    try {
      const changed = loadModel({ mofFiles: [file], cacheDirectory });
      // Root may write to read-only folders; the check applies only where the write failed.
      if (changed.cacheWriteError !== null) {
        expect(readFileSync(first.cacheFile!).equals(before)).toBe(true);
        expect(readdirSync(cacheDirectory)).toEqual([path.basename(first.cacheFile!)]);
      } else {
        expect(statSync(first.cacheFile!).size).toBeGreaterThan(0);
      }
    } finally {
      chmodSync(cacheDirectory, 0o700);
    }
  });

  it('ignores a damaged cache file', () => {
    const cacheDirectory = tempDir('wbemshell-cache-');
    const mofFiles = [path.join(modelsDir, 'simple_assoc_mock_model.mof')];
    const options = { mofFiles, cacheDirectory, repositoryOptions: { checkReferenceClasses: false } };
    const first = loadModel(options);
    writeFileSync(first.cacheFile!, 'not a cache file');
    const second = loadModel(options);
    expect(second.cacheStatus).toBe('miss');
    expect(loadModel(options).cacheStatus).toBe('hit');
  });

  it('is off with a null folder', () => {
    const result = loadModel({ mofFiles: [path.join(modelsDir, 'all_types.mof')], cacheDirectory: null });
    expect(result.cacheStatus).toBe('disabled');
    expect(result.cacheFile).toBeNull();
  });
});

