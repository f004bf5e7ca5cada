// Closures: counters, captured loop variables, closures in closures, shared state.

function makeCounter(start, step) {
  let value = start;
  return {
    next() { value += step; return value; },
    reset() { value = start; },
    peek: () => value,
  };
}

function makeAdder(x) {
  return function (y) {
    return function (z) {
      return x + y + z;
    };
  };
}

function compose(...fns) {
  return (x) => fns.reduceRight((acc, f) => f(acc), x);
}

function memoize(fn) {
  const cache = new Map();
  let hits = 0;
  const wrapped = (n) => {
    if (cache.has(n)) {
      hits++;
      return cache.get(n);
    }
    const r = fn(n);
    cache.set(n, r);
    return r;
  };
  wrapped.stats = () => "cache=" + cache.size + " hits=" + hits;
  return wrapped;
}

const slowSquare = (n) => n * n;

function onceOnly(f) {
  let done = false, result;
  return function () {
    if (!done) {
      done = true;
      result = f.apply(this, arguments);
    }
    return result;
  };
}

function bank() {
  let balance = 0;
  const history = [];
  function record(kind, amt) { history.push(kind + amt); }
  return {
    deposit(a) { balance += a; record("+", a); return balance; },
    withdraw(a) {
      if (a > balance) { record("!", a); return balance; }
      balance -= a;
      record("-", a);
      return balance;
    },
    log: () => history.join(" "),
  };
}

var globalFns = [];

function main() {
  const c1 = makeCounter(0, 1);
  const c2 = makeCounter(100, -10);
  c1.next(); c1.next(); c2.next();
  console.log("counters " + c1.next() + " " + c2.next() + " " + c1.peek() + " " + c2.peek());
  c1.reset();
  console.log("after reset " + c1.peek() + " " + c1.next());

  console.log("adder " + makeAdder(1)(2)(3) + " " + makeAdder("a")("b")("c"));
  const add5 = makeAdder(2)(3);
  console.log("partial " + add5(10) + " " + add5(-5));

  const letFns = [];
  for (let i = 0; i < 5; i++) letFns.push(() => i * i);
  const varFns = [];
  for (var j = 0; j < 5; j++) varFns.push(() => j * j);
  console.log("let captures " + letFns.map(f => f()).join(",") + " var captures " + varFns.map(f => f()).join(","));

  const perIter = [];
  for (let i = 0; i < 3; i++) {
    let local = i * 10;
    perIter.push({ get: () => local, inc: () => ++local });
  }
  perIter[1].inc(); perIter[1].inc(); perIter[2].inc();
  console.log("per-iteration " + perIter.map(o => o.get()).join(","));

  const forOfFns = [];
  for (const w of ["x", "y", "z"]) forOfFns.push(() => w + w);
  console.log("for-of captures " + forOfFns.map(f => f()).join(","));

  const inc = (x) => x + 1;
  const dbl = (x) => x * 2;
  console.log("compose " + compose(inc, dbl)(5) + " " + compose(dbl, inc)(5) + " " + compose()(7));

  const fastSq = memoize(slowSquare);
  let s = 0;
  for (let i = 0; i < 50; i++) s += fastSq(i % 10);
  console.log("memo sum=" + s + " " + fastSq.stats());

  let calls = 0;
  const init = onceOnly(function (v) { calls++; return "init:" + v + ":" + this.tag; });
  const holder = { tag: "H", init };
  console.log("once " + holder.init(1) + " " + holder.init(2) + " calls=" + calls);

  const acct = bank();
  acct.deposit(100); acct.withdraw(30); acct.withdraw(500); acct.deposit(5);
  console.log("bank " + acct.withdraw(25) + " log=" + acct.log());

  function outer() {
    let a = 1;
    function middle() {
      let b = 2;
      function inner() {
        a *= 10;
        b += 1;
        return a + b;
      }
      return inner;
    }
    const f1 = middle();
    const f2 = middle();
    return [f1(), f1(), f2(), a];
  }
  console.log("nested scopes " + outer().join(","));

  for (var k = 0; k < 3; k++) {
    globalFns.push((function (captured) { return () => captured + k; })(k));
  }
  console.log("iife capture " + globalFns.map(f => f()).join(","));

  let fibGen = (function () {
    let a = 0, b = 1;
    return () => { const r = a; [a, b] = [b, a + b]; return r; };
  })();
  const fibs = [];
  for (let i = 0; i < 15; i++) fibs.push(fibGen());
  console.log("fib closure " + fibs.join(" "));

  let shadow = "outer";
  {
    let shadow = "block";
    const seeBlock = () => shadow;
    shadow = "block2";
    console.log("shadowing " + seeBlock() + " " + (() => shadow)());
  }
  console.log("shadowing after block " + shadow);
}
