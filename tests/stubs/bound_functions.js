// Bound functions called from stubs (CallBoundScriptedFunction: the bound `this` and bound
// arguments, inline up to three and from an array past that, below the caller's arguments)
// and made by stubs (BindFunctionResult, SpecializedBindFunctionResult). Sites that see another
// count of bound arguments or another target fail the stubs' guards; calls with fewer
// arguments than the target's formals, and `new`, go on to the engine's other paths; a target
// that throws unwinds through the compiled stub.
function sum(a, b, c) { return this.k * 1000 + a * 100 + b * 10 + c; }
function six(a, b, c, d, e, f) { return this.k + a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f; }
function thrower(a) { if (a % 7 === 3) throw new RangeError("bad " + a); return a + this.k; }
function Point(x, y) { this.x = x; this.y = y; }
function depth(n) { return n === 0 ? this.k : 1 + this.rec(n - 1); }
function call0(f) { return f(1, 2, 3); }
function call1(f, x) { return f(x, 2); }
function callAny(f, x) { return f(x, x, x, x, x, x); }
function bindAll(t, o, r) {
  const fs = [t.bind(o), t.bind(o, r), t.bind(o, r, 2), t.bind(o, r, 2, 3), t.bind(o, r, 1, 2, 3)];
  return fs;
}
function main() {
  const o = { k: 5 }, p = { k: 7 };
  let n = 0, errors = 0, text = "";
  const s0 = sum.bind(o), s1 = sum.bind(p, 4);
  const many = six.bind(o, 1, 2, 3, 4), all = six.bind(p, 1, 2, 3, 4, 5, 6);
  const t = thrower.bind(o);
  const rec = { k: 2 };
  rec.rec = depth.bind(rec);
  for (let r = 0; r < 3000; r++) {
    n += call0(s0);
    n += call1(r % 4 === 0 ? s0.bind(null, r) : s1, r % 10);
    n += callAny(r % 3 === 0 ? many : all, r % 5);
    n += callAny(r % 2 ? s0 : six.bind(o, r % 3), 1);
    const fs = bindAll(r % 2 ? sum : six, r % 3 ? o : p, r % 4);
    for (let i = 0; i < fs.length; i++) {
      const v = fs[i](1, 2, 3, 4, 5, 6);
      n += v === v ? v : 1;
    }
    n += sum.bind(o, 1, 2)(r % 9);
    try { n += t(r); } catch (e) { if (e instanceof RangeError) errors++; }
    n += rec.rec(r % 6);
    const B = Point.bind(null, r);
    const pt = new B(2);
    n += pt.x + pt.y + (pt instanceof Point ? 1 : 0);
    n += s1(r % 3) !== s1(r % 3) ? 1 : 0;
    if (r < 3) text += call0(s0) + "," + s1(1, 1) + "," + many(9, 9) + "," + all() + "," + fs[4]() + ";";
  }
  console.log("n=" + n + " errors=" + errors + " " + text);
}
