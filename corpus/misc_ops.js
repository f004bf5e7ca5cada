// Assorted ops compiled since they were first declined: BigInt literals, tagged templates
// (CallSiteObj), `void`, classes with static and private members declared inside functions
// (PushClassBodyEnv), and loop bodies whose lexical environment is made afresh each iteration
// (RecreateLexicalEnv, FreshenLexicalEnv).

function bigints() {
  const a = 12345678901234567890n;
  const b = a * 3n + 7n;
  return [String(b), typeof b, String(b % 1000n), String(-a), b > a, String(2n ** 70n)].join(",");
}

function tag(strings, ...values) {
  return strings.raw.join("|") + "#" + values.join("|") + "#" + strings.length + "#" + Object.isFrozen(strings);
}

function tagged(x) {
  const first = tag`a${x}b${x + 1}c`;
  const sameSite = [];
  for (let i = 0; i < 2; i++) sameSite.push(((s) => s)`site`);
  return first + " " + (sameSite[0] === sameSite[1]) + " " + tag`\n${"raw"}\u0041`;
}

function voids(x) {
  let n = 0;
  const r = void n++;
  return [String(r), n, String(void 0), String(void x.y)].join(",");
}

function localClass(seed) {
  class Counter {
    static #instances = 0;
    static label = "counter" + seed;
    #n = seed;
    constructor() { Counter.#instances++; }
    inc() { return ++this.#n; }
    static get instances() { return Counter.#instances; }
    static isCounter(o) { return #n in o; }
  }
  const a = new Counter();
  const b = new Counter();
  a.inc();
  return [a.inc(), b.inc(), Counter.instances, Counter.label, Counter.isCounter(a), Counter.isCounter({})].join(",");
}

function loopScopes() {
  const fns = [];
  for (const x of [1, 2, 3]) {
    let y = x * 10;
    fns.push(() => x + y);
  }
  for (const k in { p: 1, q: 2 }) {
    let z = k + "!";
    fns.push(() => z);
  }
  let i = 0;
  while (i < 3) {
    let w = i;
    fns.push(() => w);
    i++;
  }
  return fns.map((f) => f()).join(",");
}

function main() {
  console.log(bigints());
  console.log(tagged(1));
  console.log(voids({ y: 2 }));
  console.log(localClass(5) + " " + localClass(7));
  console.log(loopScopes());
  let total = 0n;
  for (let i = 0; i < 300; i++) total += BigInt(i) * 3n;
  console.log(String(total));
}
