// Reflect.getPrototypeOf through the engine's own native (ReflectGetPrototypeOfResult):
// ordinary objects, class instances, arrays, functions, null-prototype objects, and proxies
// whose `getPrototypeOf` trap answers or throws. A primitive fails the object guard (and
// throws a TypeError in the engine's other paths).
class P { }
class Q extends P { }
function proto(o) { return Reflect.getPrototypeOf(o); }
function main() {
  const bare = Object.create(null), q = new Q();
  const trapped = new Proxy({}, { getPrototypeOf() { return Q.prototype; } });
  const bad = new Proxy({}, { getPrototypeOf() { throw new RangeError("no"); } });
  const objs = [{}, q, [], proto, bare, trapped, new P()];
  const names = new Map([[Object.prototype, "Object"], [Q.prototype, "Q"], [P.prototype, "P"], [Array.prototype, "Array"], [Function.prototype, "Function"], [null, "null"]]);
  let n = 0, errors = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const p = proto(objs[r % objs.length]);
    n += names.get(p).length;
    if (r % 100 === 0) { try { proto(bad); } catch (e) { if (e instanceof RangeError) errors++; } }
    if (r > 1500 && r % 300 === 0) { try { proto(r); } catch (e) { if (e instanceof TypeError) errors += 100; } }
    if (r < 7) text += names.get(p) + ",";
  }
  console.log("n=" + n + " errors=" + errors + " " + text);
}
