// cpu-bound
// Exceptions caught inside compiled frames, in hot loops: throws in the same frame and from
// callees several frames down, errors raised by the engine (property reads of null, calls of
// non-functions), catch with int32 and double counters live across the try, finally with
// return/break/continue, nested handlers, rethrow, for-in and for-of loops left by a throw,
// and destructuring that throws.

class AppError extends Error {
  constructor(code) {
    super("app error " + code);
    this.code = code;
  }
}

function mayThrow(i) {
  if (i % 7 === 3) throw new AppError(i);
  return i;
}
function deep(i, n) {
  if (n === 0) return mayThrow(i);
  return deep(i, n - 1) + 1;
}

function sameFrame(n) {
  let caught = 0, sum = 0, x = 0.5;
  for (let i = 0; i < n; i++) {
    try {
      if (i % 5 === 0) throw i;
      sum += i;
      x = x * 1.0001;
    } catch (e) {
      caught += e & 3;
      x = x + 0.25;
    }
  }
  return caught + "/" + sum + "/" + x.toFixed(6);
}

function fromCallees(n) {
  let total = 0, errors = 0, codes = 0;
  for (let i = 0; i < n; i++) {
    try {
      total += deep(i, i % 4);
    } catch (e) {
      errors++;
      if (e instanceof AppError) codes += e.code % 11;
    }
  }
  return total + "/" + errors + "/" + codes;
}

function engineErrors(n) {
  const objs = [{ v: 1 }, null, { v: 2 }, undefined, { v: 3 }];
  let sum = 0, types = 0, refs = 0;
  for (let i = 0; i < n; i++) {
    try {
      sum += objs[i % 5].v;
      if (i % 13 === 0) (void 0)();
    } catch (e) {
      if (e instanceof TypeError) types++;
      else refs++;
    }
  }
  return sum + "/" + types + "/" + refs;
}

function withFinally(n) {
  let log = 0, ret = 0;
  function early(i) {
    try {
      if (i % 3 === 0) return i;
      if (i % 3 === 1) throw i;
      return -1;
    } finally {
      log += 1;
    }
  }
  for (let i = 0; i < n; i++) {
    try {
      ret += early(i);
    } catch (e) {
      ret -= e;
    }
    for (let j = 0; j < 4; j++) {
      try {
        if (j === 1) continue;
        if (j === 3) break;
        log += j;
      } finally {
        log += 10;
      }
    }
  }
  return log + "/" + ret;
}

function nested(n) {
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < n; i++) {
    try {
      try {
        if (i & 1) throw new RangeError("inner");
        a++;
      } catch (e) {
        b++;
        if (i % 4 === 1) throw e;
      } finally {
        a += 2;
      }
    } catch (e) {
      c += e.message.length;
    }
  }
  return a + "/" + b + "/" + c;
}

function loopsLeftByThrow(n) {
  const obj = { p: 1, q: 2, r: 3, s: 4 };
  const arr = [1, 2, 3, 4, 5];
  let keys = 0, vals = 0, caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      for (const k in obj) {
        keys += k.length;
        if (obj[k] === (i & 3) + 1) throw k;
      }
    } catch (e) {
      caught++;
    }
    try {
      for (const v of arr) {
        vals += v;
        if (v === (i % 5) + 1) throw v;
      }
    } catch (e) {
      caught += 2;
    }
  }
  // A for-in iterator closed by the throw must not disturb a later enumeration.
  let after = "";
  for (const k in obj) after += k;
  return keys + "/" + vals + "/" + caught + "/" + after;
}

function destructuring(n) {
  let ok = 0, bad = 0;
  const inputs = [[1, 2], null, { x: 1 }, [3]];
  for (let i = 0; i < n; i++) {
    try {
      const [p, q = 10] = inputs[i % 4];
      ok += p + q;
    } catch (e) {
      bad++;
    }
  }
  return ok + "/" + bad;
}

function rethrowChain(n) {
  let depth = 0;
  function level(k, i) {
    try {
      if (k === 0) throw new AppError(i);
      return level(k - 1, i);
    } catch (e) {
      depth++;
      throw e;
    }
  }
  let caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      level(3, i);
    } catch (e) {
      caught += e.code & 1;
    }
  }
  return depth + "/" + caught;
}

function main() {
  console.log(sameFrame(20000));
  console.log(fromCallees(6000));
  console.log(engineErrors(6000));
  console.log(withFinally(4000));
  console.log(nested(6000));
  console.log(loopsLeftByThrow(2000));
  console.log(destructuring(4000));
  console.log(rethrowChain(2000));
}
