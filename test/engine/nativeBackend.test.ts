import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../src/engine/backend.js';
import { loadNativeKernels, NATIVE_ADDON_PATH, nativeUnavailableReason } from '../../src/engine/native/index.js';

function hasCompiler(): boolean {
  for (const cc of ['cc', 'gcc', 'clang']) {
    try {
      execFileSync(cc, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      // next
    }
  }
  return false;
}

/** Where the native path must exist: x86-64 Linux with a C compiler (the README's machines, CI). */
const canBuild = process.arch === 'x64' && process.platform === 'linux' && hasCompiler();

describe('native backend', () => {
  it.skipIf(!canBuild)('scripts/build-native.mjs builds build/native/ansatz_kernels.node here', () => {
    const run = spawnSync(process.execPath, ['scripts/build-native.mjs'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/native kernels built/);
    expect(existsSync(NATIVE_ADDON_PATH)).toBe(true);
  });

  it.skipIf(!canBuild)("loads here, and loadKernels('auto') picks it", () => {
    expect(nativeUnavailableReason()).toBeUndefined();
    expect(loadNativeKernels()?.name).toBe('native-avx2');
    expect(loadKernels('native').name).toBe('native-avx2');
    expect(loadKernels('auto').name).toBe('native-avx2');
  });

  it('alloc(length) gives SharedArrayBuffer-backed arrays (the training pool shares them with its workers)', () => {
    const k = loadNativeKernels();
    if (!k) return expect(nativeUnavailableReason()).toMatch(/./);
    const a = k.alloc(10);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(a)).toEqual(new Array(10).fill(0));
  });

  it('rejects a short array, a wrong array type and an unknown activation before any native code runs', () => {
    const k = loadNativeKernels();
    if (!k) return;
    const c = new Float32Array(12);
    expect(() => k.gemm(3, 4, 2, new Float32Array(5), new Float32Array(8), c)).toThrow(/a array must hold at least 6 floats/);
    expect(() => k.denseForward(new Float32Array(6), new Float32Array(9), new Float32Array(3), new Float32Array(5), 2, 3, 3, 'relu')).toThrow(/y array must hold at least 6 floats/);
    expect(() => k.gemm(1, 1, 1, new Float64Array(1) as unknown as Float32Array, new Float32Array(1), new Float32Array(1))).toThrow(/Float32Array/);
    expect(() => k.denseForward(new Float32Array(1), new Float32Array(1), new Float32Array(1), new Float32Array(1), 1, 1, 1, 'tanh' as 'relu')).toThrow(/Unsupported activation/);
  });

  it("with ANSATZ_NATIVE=0, 'auto' falls back to WebAssembly and the reason is given", () => {
    const script = `import { loadKernels, nativeUnavailableReason } from './src/engine/index.ts';
console.log(JSON.stringify({ name: loadKernels('auto').name, reason: nativeUnavailableReason() }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ANSATZ_NATIVE: '0' } });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as { name: string; reason: string };
    expect(out.name).toMatch(/^wasm-simd/);
    expect(out.reason).toMatch(/ANSATZ_NATIVE=0/);
  }, 30_000);
});
