// Calls through `call` and `apply` and spread calls, made by stubs (the engine's own CacheIR
// interpreter fails these formats): `f.call(this, ...)` with and without arguments,
// `f.apply(this, arguments)`, `f.apply(this, array)`, `f.apply(this)` and with null, and
// `f(...array)`, to scripted functions (fewer and more arguments than formals) and natives.
// Other callees at a site, an arguments object whose length was written and an array with
// holes fail the stubs' guards; a callee that throws unwinds through the stub.
"use strict";
function add3(a, b, c) { return (this == null ? 0 : this.k) + (a === undefined ? 1 : a) * 100 + (b === undefined ? 7 : b) * 10 + (c === undefined ? 9 : c); }
function count() { return arguments.length + (this == null ? 1000 : this.k); }
function thrower(a) { if (a % 11 === 4) throw new TypeError("no " + a); return a; }
function Klass() { this.init.apply(this, arguments); }
Klass.prototype.init = function (x, y) { this.x = x; this.y = y === undefined ? -1 : y; };
function forward() { return add3.apply(this, arguments); }
function forwardNative() { return Math.max.apply(Math, arguments); }
// Sites that see many callees get the engine's generic stubs, which do not know the callee's
// realm: they run when it is the caller's.
const many = [];
for (let i = 0; i < 10; i++) many.push(new Function("a", "b", "return a * " + (i + 2) + " + (b === undefined ? " + i + " : b);"));
function callMany(r) { return many[r % 10](r, 1) + many[(r + 3) % 10].apply(null, [r]) + many[(r + 5) % 10].call(null, r, 2); }
function applyMany(r) { return many[r % 10].apply(this, arguments); }
function lengthWritten() { arguments.length = 1; return add3.apply(null, arguments); }
function main() {
  const o = { k: 3 }, p = { k: 4 };
  const arrays = [[1, 2, 3], [4, 5], [6], [], [7, 8, 9, 10]];
  const holey = [1, , 3];
  let n = 0, errors = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const a = arrays[r % 5];
    n += add3.call(r % 2 ? o : p, r % 7, 2, 3);
    n += add3.call(o, 1);
    n += (r % 2 ? add3 : count).call(o, r % 5);
    n += (r % 2 ? Math.max : Math.min).apply(null, a.length ? a : [0]);
    n += (r % 3 ? Math.max : add3).call(null, r % 8, 2);
    n += (r % 2 ? encodeURIComponent : escape)("a b/" + (r % 3)).length;
    n += count.call();
    n += count.call(o);
    n += Math.max.call(null, r % 13, 5, 2);
    n += "abcdef".charAt.call("xyz", r % 3).charCodeAt(0);
    n += forward.call(o, r % 10, 4);
    n += forward.call(p, 1, 2, 3, 4);
    n += forwardNative(r % 17, 9, 3);
    n += add3.apply(o, a);
    n += Math.min.apply(null, a.length ? a : [0]);
    n += add3.apply(p, r % 3 ? a : holey);
    n += count.apply(o);
    n += count.apply(o, null);
    n += count.apply();
    n += add3(...a);
    n += Math.max(...a, r % 4);
    n += count(...a, ...a);
    n += lengthWritten(r, 2, 3);
    n += callMany(r) + applyMany(r, 4);
    const k = new Klass(r % 9, r % 2 ? 5 : undefined);
    n += k.x + k.y;
    try { n += thrower.call(null, r); } catch (e) { if (e instanceof TypeError) errors++; }
    try { n += thrower.apply(null, [r + 1]); } catch (e) { if (e instanceof TypeError) errors++; }
    try { n += thrower(...[r + 2]); } catch (e) { if (e instanceof TypeError) errors++; }
    if (r < 5) text += add3.call(o, r) + "," + count.apply(o, a) + "," + add3(...a) + "," + forward.call(p, r) + ";";
  }
  console.log("n=" + n + " errors=" + errors + " " + text);
}
