// Labeled break/continue in nested loops and blocks; the arguments object
// (length, mapped sloppy-mode aliasing, strict-mode unmapped, array conversion).

function findPair(matrix, target) {
  let found = null;
  let checks = 0;
  outer: for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < matrix[i].length; j++) {
      checks++;
      if (matrix[i][j] === target) {
        found = i + "," + j;
        break outer;
      }
    }
  }
  return (found || "none") + " after " + checks + " checks";
}

function primesBelow(n) {
  const out = [];
  candidates: for (let k = 2; k < n; k++) {
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) continue candidates;
    }
    out.push(k);
  }
  return out;
}

function labeledBlock(x) {
  const log = [];
  check: {
    log.push("start");
    if (x < 0) break check;
    log.push("non-negative");
    if (x === 0) break check;
    log.push("positive");
  }
  log.push("end");
  return log.join(">");
}

function tripleLoop() {
  let count = 0;
  let skipped = 0;
  a: for (let i = 0; i < 6; i++) {
    b: for (let j = 0; j < 6; j++) {
      for (let k = 0; k < 6; k++) {
        if (k > j) continue b;
        if (i + j + k === 9) { skipped++; continue a; }
        if (i * j * k > 40) break a;
        count++;
      }
    }
  }
  return "count=" + count + " skipped=" + skipped;
}

function whileLabels() {
  let i = 0, total = 0;
  scan: while (i < 100) {
    i++;
    let j = 0;
    do {
      j++;
      if (j % 3 === 0) continue scan;
      total += j;
    } while (j < i);
    if (total > 500) break scan;
  }
  return "i=" + i + " total=" + total;
}

function sloppyArgs(a, b) {
  const before = arguments[0];
  a = "changed-a";
  arguments[1] = "changed-b";
  return "len=" + arguments.length + " before=" + before + " arguments[0]=" + arguments[0] + " b=" + b + " extra=" + arguments[2];
}

function strictArgs(a, b) {
  "use strict";
  a = "changed-a";
  arguments[1] = "changed-b";
  return "len=" + arguments.length + " arguments[0]=" + arguments[0] + " b=" + b;
}

function variadicSum() {
  let s = 0;
  for (let i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}

function toArrayWays() {
  const viaSlice = Array.prototype.slice.call(arguments);
  const viaFrom = Array.from(arguments);
  const viaSpread = [...arguments];
  return viaSlice.join("") + "|" + viaFrom.reverse().join("") + "|" + viaSpread.length + "|" + Array.isArray(arguments) + "|" + Object.prototype.toString.call(arguments);
}

function arrowSeesOuter() {
  const inner = () => arguments[0] + "/" + arguments.length;
  return inner("ignored", "also ignored");
}

function forwarder() {
  return variadicSum.apply(null, arguments) + "," + Math.max.apply(Math, arguments);
}

function defaultsUnmapped(a, b = 2) {
  a = 100;
  return arguments[0] + ":" + arguments.length;
}

function argsLengthWrite() {
  arguments.length = 1;
  return Array.prototype.join.call(arguments, "-");
}

function main() {
  const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  console.log("findPair " + findPair(matrix, 6) + " | " + findPair(matrix, 42));
  const ps = primesBelow(60);
  console.log("continue label primes " + ps.join(",") + " n=" + ps.length);
  console.log("labeled block " + labeledBlock(-1) + " | " + labeledBlock(0) + " | " + labeledBlock(3));
  console.log("triple " + tripleLoop());
  console.log("while labels " + whileLabels());
  console.log("sloppy " + sloppyArgs("A", "B", "C"));
  console.log("sloppy missing " + sloppyArgs("A"));
  console.log("strict " + strictArgs("A", "B"));
  console.log("variadic " + variadicSum() + " " + variadicSum(1, 2, 3) + " " + variadicSum(...[10, 20, 30, 40]));
  console.log("toArray " + toArrayWays("x", "y", "z"));
  console.log("arrow " + arrowSeesOuter("outer-arg", 2, 3));
  console.log("forwarder " + forwarder(3, 9, 4));
  console.log("defaults unmapped " + defaultsUnmapped(1) + " " + defaultsUnmapped(1, 5, 6));
  console.log("length write " + argsLengthWrite("p", "q", "r"));
  let hits = 0;
  for (let round = 0; round < 200; round++) {
    inner: for (let k = 0; k < 10; k++) {
      if ((round + k) % 7 === 0) continue inner;
      if ((round * k) % 11 === 10) break inner;
      hits += k;
    }
  }
  console.log("hits=" + hits);
}
