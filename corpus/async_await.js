// async/await: chains, Promise.all over async functions, try/catch around await,
// microtask ordering (deterministic per the spec), async iteration helpers.

let seq = 0;
function log(msg) {
  console.log((seq++) + " " + msg);
}

async function double(x) {
  return x * 2;
}

async function addAsync(a, b) {
  const x = await a;
  const y = await b;
  return x + y;
}

async function chain(n) {
  let v = n;
  for (let i = 0; i < 5; i++) v = await double(v) + 1;
  return v;
}

async function failing(msg) {
  await null;
  throw new RangeError(msg);
}

async function safeDivide(a, b) {
  try {
    if (b === 0) await failing("division by zero");
    return a / b;
  } catch (e) {
    return "caught " + e.name + ": " + e.message;
  } finally {
    log("safeDivide finally " + a + "/" + b);
  }
}

async function fibAsync(n) {
  if (n < 2) return n;
  const [a, b] = await Promise.all([fibAsync(n - 1), fibAsync(n - 2)]);
  return a + b;
}

async function orderingDemo() {
  const order = [];
  async function first() {
    order.push("first:start");
    await second();
    order.push("first:end");
  }
  async function second() {
    order.push("second");
  }
  order.push("sync:start");
  const done1 = first();
  const done2 = new Promise(resolve => {
    order.push("executor");
    resolve();
  }).then(() => order.push("then:1")).then(() => order.push("then:2")).then(() => order.push("then:3"));
  Promise.resolve().then(() => order.push("resolved:a")).then(() => order.push("resolved:b"));
  (async () => { order.push("async-iife"); await undefined; order.push("async-iife:resumed"); })();
  order.push("sync:end");
  await Promise.all([done1, done2]);
  return order.join(" ");
}

async function thenableDemo() {
  const order = [];
  const thenable = {
    then(resolve) {
      order.push("thenable.then called");
      resolve("from thenable");
    },
  };
  const p = (async () => {
    const v = await thenable;
    order.push("awaited " + v);
  })();
  order.push("after call");
  await p;
  const nested = await Promise.resolve(Promise.resolve("nested promise"));
  order.push(nested);
  return order.join(" | ");
}

async function raceAndSettled() {
  const slow = (async () => { await null; await null; await null; return "slow"; })();
  const fast = (async () => { await null; return "fast"; })();
  const winner = await Promise.race([slow, fast]);
  const settled = await Promise.allSettled([double(4), failing("bad"), Promise.resolve("plain")]);
  const firstOk = await Promise.race([double(50), failing("x").catch(() => "late")]);
  return "race=" + winner + " settled=" + settled.map(s => s.status + ":" + (s.status === "fulfilled" ? s.value : s.reason.message)).join(",") + " firstOk=" + firstOk;
}

async function rejectionHandling() {
  const results = [];
  try {
    await Promise.all([double(1), failing("in all"), double(3)]);
  } catch (e) {
    results.push("all rejected: " + e.message);
  }
  const r = await failing("handled by catch()").catch(e => "catch() got " + e.message);
  results.push(r);
  const viaThen = await Promise.reject(new TypeError("t")).then(() => "no", e => "onRejected " + e.name);
  results.push(viaThen);
  try {
    await (async () => { throw new Error("sync throw in async fn"); })();
  } catch (e) {
    results.push("awaited " + e.message);
  }
  return results.join("; ");
}

async function pipeline(items) {
  const out = [];
  for (const item of items) {
    const v = await Promise.resolve(item).then(x => x * 3);
    if (v % 2 === 0) continue;
    out.push(await addAsync(v, double(v)));
  }
  return out;
}

class Account {
  constructor() { this.balance = 0; this.ops = 0; }
  async deposit(n) {
    await null;
    this.balance += n;
    this.ops++;
    return this;
  }
  static async open(initial) {
    const acct = new Account();
    await acct.deposit(initial);
    return acct;
  }
}

async function main() {
  log("main start");
  const p = chain(1);
  log("chain started, is promise: " + (p instanceof Promise));
  log("chain result " + (await p));
  log("addAsync " + (await addAsync(double(20), 2)));
  log("safeDivide " + (await safeDivide(10, 4)));
  log("safeDivide " + (await safeDivide(1, 0)));
  const values = await Promise.all([1, 2, 3, 4, 5].map(async (x) => (await double(x)) + x));
  log("Promise.all " + values.join(","));
  log("fibAsync(12) " + (await fibAsync(12)));
  log("ordering: " + (await orderingDemo()));
  log("thenable: " + (await thenableDemo()));
  log(await raceAndSettled());
  log(await rejectionHandling());
  log("pipeline " + (await pipeline([1, 2, 3, 4, 5, 6, 7])).join(","));
  const acct = await Account.open(100);
  await Promise.all([acct.deposit(5), acct.deposit(7)]);
  log("account balance=" + acct.balance + " ops=" + acct.ops);
  let total = 0;
  for (let i = 0; i < 200; i++) total += await double(i);
  log("loop of awaits total=" + total);
  const interleave = [];
  const worker = async (name, n) => {
    for (let i = 0; i < n; i++) {
      interleave.push(name + i);
      await null;
    }
  };
  await Promise.all([worker("a", 3), worker("b", 2), worker("c", 4)]);
  log("interleave " + interleave.join(" "));
  log("main end");
}
