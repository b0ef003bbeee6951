#!/usr/bin/env node
// Builds the native AVX2 + FMA kernels (native/kernels.c) and the simulator's functions
// (native/antikt.c, native/hugepages.c) into build/native/ansatz_kernels.node, an N-API addon
// compiled directly with the system C compiler against Node's own headers (no node-gyp, nothing
// downloaded). Where it cannot build, ansatz runs the WebAssembly kernels and the JS simulator.
//
// Usage: node scripts/build-native.mjs [--optional]
//   --optional: a machine that cannot build (no compiler, no headers, not x86-64) is not an error;
//               `npm install` runs it that way (the package's install script, which also runs
//               where ansatz is installed as a dependency and its scripts are allowed).
// Environment: CC (default: cc, then gcc, then clang), NODE_HEADERS (folder holding node_api.h).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The simulator's sources must give the same bits as its JS: no contraction into fused multiply-adds
// (clang contracts by default; gcc does not with -std=c11, said here anyway).
const sources = [
  { file: 'native/kernels.c', flags: [] },
  { file: 'native/antikt.c', flags: ['-ffp-contract=off'] },
  { file: 'native/hugepages.c', flags: ['-ffp-contract=off'] },
];
const outDir = join(root, 'build/native');
const outFile = join(outDir, 'ansatz_kernels.node');
const optional = process.argv.includes('--optional');

function giveUp(reason) {
  const message = `native kernels not built: ${reason}. ansatz will use its WebAssembly kernels and its JS simulator.`;
  if (optional) {
    console.log(message);
    process.exit(0);
  }
  console.error(message);
  process.exit(1);
}

function headerDir() {
  const candidates = [
    process.env.NODE_HEADERS,
    process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include/node'),
    join(dirname(process.execPath), '../include/node'),
    process.config.variables.node_prefix && join(process.config.variables.node_prefix, 'include/node'),
    join(homedir(), '.cache/node-gyp', process.versions.node, 'include/node'),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, 'node_api.h')));
}

function compiler() {
  for (const cc of [process.env.CC, 'cc', 'gcc', 'clang'].filter(Boolean)) {
    try {
      execFileSync(cc, ['--version'], { stdio: 'ignore' });
      return cc;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

if (process.arch !== 'x64') giveUp(`the kernels are x86-64 (AVX2) code and this is ${process.arch}`);
if (process.platform === 'win32') giveUp('building on Windows is not supported');
const include = headerDir();
if (!include) giveUp("Node's headers (node_api.h) were not found; set NODE_HEADERS to their folder");
const cc = compiler();
if (!cc) giveUp('no C compiler (cc, gcc or clang) was found; set CC');

const compileFlags = ['-O3', '-fPIC', '-std=c11', '-Wall', '-Wextra', `-I${include}`];
const linkFlags = ['-shared', '-lm'];
if (process.platform === 'darwin') linkFlags.push('-undefined', 'dynamic_lookup');
mkdirSync(outDir, { recursive: true });
const temp = `${outFile}.${process.pid}.tmp`;
const objDir = mkdtempSync(join(tmpdir(), 'ansatz-native-'));
try {
  const objects = sources.map(({ file, flags }, k) => {
    const object = join(objDir, `${k}.o`);
    execFileSync(cc, [...compileFlags, ...flags, '-c', join(root, file), '-o', object], { stdio: ['ignore', 'inherit', 'inherit'] });
    return object;
  });
  execFileSync(cc, [...linkFlags, ...objects, '-o', temp], { stdio: ['ignore', 'inherit', 'inherit'] });
  renameSync(temp, outFile);
} catch (e) {
  rmSync(temp, { force: true });
  rmSync(objDir, { recursive: true, force: true }); // giveUp exits: no finally runs after it
  giveUp(`${cc} failed (${e.message.split('\n')[0]})`);
}
rmSync(objDir, { recursive: true, force: true });
console.log(`native kernels built: ${outFile}`);
