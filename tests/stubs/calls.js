// Calls in stubs: scripted callees with too few and too many arguments, constructors (plain,
// derived, returning objects and primitives), natives CacheIR does not specialize (called
// through JSNative), native constructors, natives and scripts that throw, a callee that
// changes under a site (its stub's guards fail), and recursion deep enough to hit the limit.
function add3(a, b, c) { return (a | 0) + (b | 0) + (c === undefined ? 100 : c); }
function count() { return arguments.length; }
function P(x) { this.x = x; }
function Q(x) { this.q = x; return { q: x * 2 }; }
function R(x) { this.r = x; return 7; }
class Base { constructor(v) { this.v = v; } }
class Derived extends Base { constructor(v) { super(v + 1); this.d = true; } }
function one() { return 1; }
function two() { return 2; }
function thrower(n) { if (n % 5 === 4) throw new Error("bad " + n); return n; }
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
function main() {
  let s = 0;
  for (let i = 0; i < 200; i++) {
    s += add3(i) + add3(i, 1) + add3(i, 1, 2) + add3(i, 1, 2, 3, 4);
    s += count() + count(1, 2, 3);
    s += new P(i).x + new Q(i).q + new R(i).r + new Derived(i).v;
  }
  console.log("scripted " + s);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    n += JSON.stringify([i, "x"]).length;
    n += [1, 2, 3].join("-").length;
    n += "ab".repeat(i % 4).length;
    n += new Date(i * 1000).getTime() / 1000;
    n += new Map([[i, i]]).size;
    n += Object.getOwnPropertyNames({ a: 1, b: i }).length;
  }
  console.log("natives " + n);
  let f = 0;
  for (let i = 0; i < 200; i++) f += (i % 3 === 0 ? two : one)();
  console.log("changing callee " + f);
  let caught = 0;
  for (let i = 0; i < 50; i++) {
    try { s += thrower(i); } catch (e) { caught++; }
    try { JSON.parse(i % 2 ? "{" : "[1]"); } catch (e) { caught++; }
    try { new Array(i % 3 === 0 ? -1 : 2); } catch (e) { caught++; }
  }
  console.log("caught " + caught);
  let deep = "no";
  try { depth(1e6); } catch (e) { deep = e instanceof Error ? "caught" : "other"; }
  console.log("deep " + deep + " " + depth(500));
}
