// Generators: infinite sequences with take, yield*, return values, next(v),
// return()/throw(), custom iterables and the iteration protocol.

function* naturals(start) {
  let n = start;
  while (true) yield n++;
}

function* take(iter, n) {
  if (n <= 0) return;
  for (const v of iter) {
    yield v;
    if (--n <= 0) return;
  }
}

function* filter(iter, pred) {
  for (const v of iter) if (pred(v)) yield v;
}

function* map(iter, fn) {
  for (const v of iter) yield fn(v);
}

function* primes() {
  const found = [];
  for (const n of naturals(2)) {
    let isPrime = true;
    for (const p of found) {
      if (p * p > n) break;
      if (n % p === 0) { isPrime = false; break; }
    }
    if (isPrime) {
      found.push(n);
      yield n;
    }
  }
}

function* inner() {
  const got = yield "inner-1";
  yield "inner-got-" + got;
  return "inner-result";
}

function* outer() {
  yield "outer-start";
  const r = yield* inner();
  yield "outer-saw-" + r;
  yield* ["arr-a", "arr-b"];
  yield* "hi";
  return "outer-done";
}

function* withCleanup(log) {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push("cleanup");
  }
}

function* accumulator() {
  let total = 0;
  while (true) {
    const v = yield total;
    if (v === undefined) break;
    total += v;
  }
  return "final:" + total;
}

function* catcher() {
  let errors = 0;
  while (true) {
    try {
      yield errors;
    } catch (e) {
      errors++;
      if (e === "stop") return "stopped after " + errors;
    }
  }
}

class Tree {
  constructor(value, left, right) { this.value = value; this.left = left || null; this.right = right || null; }
  *[Symbol.iterator]() {
    if (this.left) yield* this.left;
    yield this.value;
    if (this.right) yield* this.right;
  }
}

class Range {
  constructor(lo, hi, step) { this.lo = lo; this.hi = hi; this.step = step || 1; }
  [Symbol.iterator]() {
    let cur = this.lo;
    const hi = this.hi, step = this.step;
    return {
      next: () => (cur < hi ? { value: (cur += step) - step, done: false } : { value: undefined, done: true }),
      [Symbol.iterator]() { return this; },
    };
  }
}

function fibonacci() {
  let a = 0, b = 1;
  return {
    next() { const v = a; [a, b] = [b, a + b]; return { value: v, done: false }; },
    [Symbol.iterator]() { return this; },
  };
}

function main() {
  console.log("take naturals " + [...take(naturals(5), 6)].join(","));
  const evensSquared = map(filter(naturals(1), n => n % 2 === 0), n => n * n);
  console.log("pipeline " + [...take(evensSquared, 5)].join(","));
  console.log("primes " + [...take(primes(), 15)].join(","));
  let p1000 = 0;
  for (const p of primes()) { if (p > 1000) break; p1000 += p; }
  console.log("sum primes<1000=" + p1000);

  const g = outer();
  const steps = [];
  let r = g.next();
  while (!r.done) {
    steps.push(r.value);
    r = g.next(r.value === "inner-1" ? "PASSED" : undefined);
  }
  console.log("yield* " + steps.join(" ") + " return=" + r.value);
  console.log("for-of ignores return " + [...outer()].length);

  const log = [];
  for (const v of withCleanup(log)) {
    log.push("v" + v);
    if (v === 2) break;
  }
  const gc = withCleanup(log);
  gc.next();
  const ret = gc.return("early");
  log.push("ret=" + ret.value + ret.done);
  const unstarted = withCleanup(log);
  const ret2 = unstarted.return("never started");
  log.push("ret2=" + ret2.value);
  console.log("cleanup " + log.join(","));

  const acc = accumulator();
  acc.next();
  acc.next(5); acc.next(10);
  const mid = acc.next(27);
  const fin = acc.next();
  console.log("accumulator mid=" + mid.value + " final=" + fin.value + " done=" + fin.done + " after=" + JSON.stringify(acc.next()));

  const c = catcher();
  c.next();
  c.throw("e1");
  const afterTwo = c.throw("e2");
  const stopped = c.throw("stop");
  console.log("throw() " + afterTwo.value + " " + stopped.value + " " + stopped.done);
  const c2 = catcher();
  try {
    c2.throw(new Error("before start"));
  } catch (e) {
    console.log("throw before start escapes: " + e.message + " then " + JSON.stringify(c2.next()));
  }

  const tree = new Tree(50, new Tree(30, new Tree(20), new Tree(40)), new Tree(70, new Tree(60), new Tree(80, null, new Tree(90))));
  console.log("tree inorder " + [...tree].join(","));
  let treeSum = 0;
  for (const v of tree) treeSum += v;
  console.log("tree sum " + treeSum + " max " + Math.max(...tree));

  console.log("range " + [...new Range(0, 10, 3)].join(",") + " " + Array.from(new Range(5, 8)).join(","));
  const fibs = [];
  for (const f of fibonacci()) { if (f > 500) break; fibs.push(f); }
  console.log("fib iterator " + fibs.join(","));

  const it = [10, 20][Symbol.iterator]();
  console.log("array iterator " + JSON.stringify(it.next()) + JSON.stringify(it.next()) + JSON.stringify(it.next()));
  const gen = naturals(0);
  console.log("gen is own iterator " + (gen[Symbol.iterator]() === gen) + " toString " + Object.prototype.toString.call(gen));
  const [ga, gb, ...gtake] = take(naturals(100), 5);
  console.log("destructure gen " + ga + " " + gb + " " + gtake.join(","));

  function* zip(...iters) {
    const its = iters.map(i => i[Symbol.iterator]());
    while (true) {
      const rs = its.map(i => i.next());
      if (rs.some(x => x.done)) return;
      yield rs.map(x => x.value);
    }
  }
  console.log("zip " + JSON.stringify([...zip([1, 2, 3], "abcd", new Range(0, 100, 50))]));
  let total = 0;
  for (const v of take(naturals(1), 3000)) total = (total + v * v) % 1000003;
  console.log("long gen total=" + total);
}
