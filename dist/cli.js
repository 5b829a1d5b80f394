#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import { setFlagsFromString as __cgV8Flags } from 'node:v8'; if (Number(process.versions.node.split('.')[0]) <= 20) __cgV8Flags('--interrupt-budget=540672'); else __cgV8Flags('--semi-space-growth-factor=1');
import "./cli-chunk-ZIKQTD42.js";

// src/core/runtime/compile-cache.ts
import { lstatSync, mkdirSync } from "node:fs";
import * as nodeModule from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
function compileCacheDir(env = process.env) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return void 0;
  const uid = typeof process.getuid === "function" ? process.getuid() : void 0;
  const root = env.RUNNER_TEMP || tmpdir();
  return join(root, `chart-guard-compile-cache${uid === void 0 ? "" : `-${uid}`}`);
}
function enableCompileCache2(env = process.env) {
  const enable = nodeModule.enableCompileCache;
  const dir = compileCacheDir(env);
  if (typeof enable !== "function" || dir === void 0) return void 0;
  try {
    if (!privateFolder(dir)) return void 0;
    enable(dir);
    return dir;
  } catch {
    return void 0;
  }
}
function privateFolder(dir) {
  mkdirSync(dir, { recursive: true, mode: 448 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return false;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) return false;
  return (stat.mode & 18) === 0;
}

// src/cli/index.ts
enableCompileCache2();
await import("./cli-main.js");
