// Property sets on proxies in sloppy code (ProxySet through the engine's Proxy::set): a
// handler with a `set` trap, one without (the target is set), a trap that refuses (ignored
// in sloppy code) and one that throws (unwinding through the stub). In strict code the stub
// fails and the engine's other paths report a refusal. A plain object at the site fails the
// proxy guard.
function setX(o, v) { o.x = v; }
function setXStrict(o, v) { "use strict"; o.x = v; }
function main() {
  const target = { x: 0 }, seen = [];
  let count = 0;
  const trap = new Proxy(target, { set(t, k, v, r) { count++; t[k] = v * 2; return true; } });
  const plain = new Proxy(target, {});
  const refuse = new Proxy({}, { set() { return false; } });
  const bad = new Proxy({}, { set(t, k, v) { if (v % 7 === 3) throw new RangeError("no " + v); return true; } });
  let n = 0, errors = 0, strictErrors = 0;
  for (let r = 0; r < 3000; r++) {
    setX(r % 2 ? trap : plain, r);
    n += target.x;
    setX(refuse, r);
    try { setX(bad, r); } catch (e) { if (e instanceof RangeError) errors++; }
    if (r % 100 === 0) { setX(target, r); n += target.x; }
    if (r % 50 === 0) { try { setXStrict(refuse, r); } catch (e) { if (e instanceof TypeError) strictErrors++; } setXStrict(plain, 1); }
  }
  console.log("n=" + n + " count=" + count + " errors=" + errors + " strict=" + strictErrors + " x=" + target.x);
}
