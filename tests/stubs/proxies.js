// Property gets on proxies (ProxyGetResult): a handler with a `get` trap, one without (the
// target answers), a trap that throws (unwinding through the stub), and named and computed
// atom keys. A plain object at the same site fails the proxy guard.
function getX(o) { return o.x; }
function getKey(o, k) { return o[k]; }
function main() {
  const log = [];
  const target = { x: 1, y: 2, name: "t" };
  const traps = new Proxy(target, { get(t, k, r) { return k === "x" ? t.x * 10 : Reflect.get(t, k, r); } });
  const plain = new Proxy(target, {});
  const bad = new Proxy({}, { get(t, k) { if (k === "x") throw new TypeError("no x"); return 0; } });
  let n = 0, errors = 0;
  for (let r = 0; r < 3000; r++) {
    target.x = r % 7;
    n += getX(r % 2 ? traps : plain);
    n += getKey(traps, r % 3 ? "y" : "x") + getKey(plain, "y");
    if (r % 50 === 0) { try { n += getX(bad); } catch (e) { if (e instanceof TypeError) errors++; } }
    if (r % 100 === 0) n += getX(target);
  }
  log.push(plain.name, traps.name, getX(traps));
  console.log("n=" + n + " errors=" + errors + " " + log.join(","));
}
