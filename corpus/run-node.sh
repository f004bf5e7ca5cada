#!/bin/sh
# Run one aotjs corpus program under node, the way the aotjs runtime does:
# evaluate the file as a classic script in the global scope (top level = setup),
# then call main() and await it if it returns a promise.
#
# usage: run-node.sh [--jitless] [--time] FILE.js
#   --jitless  pass --jitless to node (interpreter only; for timing checks)
#   --time     print "main: <wall> ms (cpu <cpu> ms)" to stderr once main() settles
#
# console.log is replaced by a checker for the corpus convention (exactly one
# string or number argument); output is buffered and written to stdout at exit,
# so the timing does not include node stream/console set-up costs.
set -e
NODE_FLAGS=""
TIME=0
while [ $# -gt 1 ]; do
  case "$1" in
    --jitless) NODE_FLAGS="$NODE_FLAGS --jitless" ;;
    --time) TIME=1 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
[ $# -eq 1 ] || { echo "usage: $0 [--jitless] [--time] FILE.js" >&2; exit 2; }
AOTJS_FILE="$1" AOTJS_TIME="$TIME" exec node $NODE_FLAGS -e '(function () {
const fs = require("fs");
const vm = require("vm");
const file = process.env.AOTJS_FILE;
const lines = [];
let settled = false;
console.log = function (x) {
  if (arguments.length !== 1 || (typeof x !== "string" && typeof x !== "number")) {
    throw new TypeError("corpus convention: console.log takes exactly one string or number");
  }
  lines.push(String(x) + "\n");
};
process.on("exit", () => {
  const buf = Buffer.from(lines.join(""), "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
  if (!settled) {
    console.error(file + ": main() did not settle");
    process.exitCode = 1;
  }
});
const src = fs.readFileSync(file, "utf8");
vm.runInThisContext(src, { filename: file });
if (lines.length !== 0) {
  console.error(file + ": printed at top level");
  process.exitCode = 1;
}
if (typeof globalThis.main !== "function") {
  console.error(file + ": no global function main()");
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const done = () => {
  settled = true;
  if (process.env.AOTJS_TIME === "1") {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.error("main: " + ms.toFixed(1) + " ms (cpu " + cpuMs.toFixed(1) + " ms)");
  }
};
const fail = (e) => {
  settled = true;
  console.error("uncaught: " + (e && e.stack ? e.stack : String(e)));
  process.exitCode = 1;
};
try {
  const r = globalThis.main();
  if (r && typeof r.then === "function") r.then(done, fail);
  else done();
} catch (e) { fail(e); }
})();
'
