// Calls: argument-count mismatches, the arguments object, callees replaced at run time,
// polymorphic call sites, class constructors called without new, bound and native callees,
// methods and `this`, getters, exceptions thrown through several frames.

function add(a, b) { return a + b; }
function three(a, b, c) { return String(a) + "," + String(b) + "," + String(c); }
function count() { return arguments.length; }
function sum() {
  let s = 0;
  for (let i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}
function firstOrDefault(a, b) { return b === undefined ? a : b; }
function sloppyThis() { return typeof this; }
function strictThis() { "use strict"; return this === undefined ? "undefined" : typeof this; }
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm1() { return Math.abs(this.x) + Math.abs(this.y); }
  get sum() { return this.x + this.y; }
}
function thrower(x) { if (x > 2) throw new RangeError("too big: " + x); return x; }
function deep(n) { return n === 0 ? thrower(5) : deep(n - 1) + 1; }
function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
function tenArgs(a, b, c, d, e, f, g, h, i, j) {
  let n = 0;
  for (const v of [a, b, c, d, e, f, g, h, i, j]) if (v !== undefined) n++;
  return n;
}
let replaceable = function (x) { return x + 1; };
function apply2(f, x) { return f(f(x)); }
function makeAdder(k) { return (x) => x + k; }

function main() {
  let s = 0;
  for (let i = 0; i < 2000; i++) s += add(i, 1);
  console.log("add " + s);
  console.log("three " + three(1) + " | " + three(1, 2) + " | " + three(1, 2, 3) + " | " + three(1, 2, 3, 4));
  console.log("count " + count() + " " + count(1) + " " + count(1, 2, 3));
  console.log("sum " + sum(1, 2, 3, 4, 5) + " " + sum());
  console.log("default " + firstOrDefault(1) + " " + firstOrDefault(1, 2));
  console.log("ten " + tenArgs(1, 2, 3) + " " + tenArgs() + " " + tenArgs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
  console.log("this " + sloppyThis() + " " + strictThis() + " " + strictThis.call(5) + " " + sloppyThis.call(5));
  try { Point(1, 2); } catch (e) { console.log("class without new: " + (e instanceof TypeError)); }
  const p = new Point(3, -4);
  let n = 0;
  for (let i = 0; i < 100; i++) n += p.norm1() + p.sum;
  console.log("method " + n);
  let caught = 0;
  for (let i = 0; i < 5; i++) {
    try { s += thrower(i); } catch (e) { caught++; console.log(e.name + ": " + e.message); }
  }
  console.log("caught " + caught + " " + s);
  try { deep(40); } catch (e) { console.log("deep " + e.message); }
  console.log("ackermann " + ackermann(2, 3));
  let t = 0;
  for (let i = 0; i < 1000; i++) {
    t += replaceable(i);
    if (i === 500) replaceable = (x) => x * 2;
    if (i === 800) replaceable = Math.abs;
  }
  console.log("replaced " + t);
  const fns = [add, (a, b) => a * b, function (a, b) { return a - b; }, Math.pow, add.bind(null, 100)];
  let u = 0;
  for (let i = 0; i < 500; i++) u += fns[i % 5](i, 2);
  console.log("polymorphic " + u);
  console.log("natives " + Math.max(1, 5, 3) + " " + parseInt("42") + " " + String.fromCharCode(72, 105));
  console.log("higher order " + apply2(makeAdder(3), 10) + " " + apply2(Math.sqrt, 256));
  let notCallable = 0;
  const things = [add, 1, null, {}, "f"];
  for (const f of things) {
    try { f(1, 2); } catch (e) { if (e instanceof TypeError) notCallable++; }
  }
  console.log("not callable " + notCallable);
  const o = { m(a) { return this === o ? a : -1; } };
  let mm = 0;
  for (let i = 0; i < 100; i++) mm += o.m(i);
  console.log("object method " + mm);
}
