// Calls through a class's call and construct hooks (CallClassHook): bound functions whose
// target is a native or that are called with `new` (GuardBoundFunctionIsConstructor), and
// callable proxies. Sites that see objects of another class fail the class guard; a bound
// arrow function is no constructor, so `new` of it fails the constructor guard and throws in
// the engine's other paths; a hook's target that throws unwinds through the stub. Also
// spread `new` (`new F(...args)`) of scripted and native constructors.
function Point(x, y) { this.x = x; this.y = y; }
class Box { constructor(a, b, c) { this.v = a * 100 + b * 10 + (c | 0); } }
function thrower(a) { if (a % 5 === 2) throw new TypeError("no " + a); return a; }
function call2(f, a, b) { return f(a, b); }
function make2(F, a, b) { return new F(a, b); }
function spreadNew(F, args) { return new F(...args); }
function main() {
  const max3 = Math.max.bind(null, 3), min = Math.min.bind(null);
  const P = Point.bind(null, 7), B = Box.bind(null, 1, 2), A = Array.bind(null, 4);
  const doubler = new Proxy(function (a, b) { return 2 * a + b; }, {});
  const Cp = new Proxy(Point, {});
  const arrow = ((a, b) => a + b).bind(null);
  const T = thrower.bind(null);
  const strict = new Proxy(function (a) { "use strict"; return this === undefined ? a : -a; }, {});
  let n = 0, errors = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    n += call2(max3, r % 7, 1);
    n += call2(r % 3 ? min : doubler, r % 11, 4);
    n += call2(strict, r, 0);
    const p = make2(r % 2 ? P : Cp, r % 9, 5);
    n += p.x + p.y + (p instanceof Point ? 1 : 0);
    const b = make2(B, r % 4);
    n += b.v + (b instanceof Box ? 1 : 0);
    const a = make2(A, r % 3);
    n += a.length + a[0] + a[1];
    try { n += call2(T, r); } catch (e) { if (e instanceof TypeError) errors++; }
    if (r % 100 === 0) { try { make2(arrow, 1, 2); } catch (e) { if (e instanceof TypeError) errors += 1000; } }
    const q = spreadNew(Point, [r % 13, 2]);
    n += q.x * q.y;
    const s = spreadNew(r % 2 ? Box : B, [r % 5, 3, 1]);
    n += s.v;
    const arr = spreadNew(Array, r % 3 ? [1, 2, r % 4] : [r % 6]);
    n += arr.length;
    if (r < 2) text += max3(1) + "," + min(4, -1) + "," + doubler(5, 1) + "," + JSON.stringify(p) + "," + JSON.stringify(a) + "," + JSON.stringify(arr) + ";";
  }
  console.log("n=" + n + " errors=" + errors + " " + text);
}
