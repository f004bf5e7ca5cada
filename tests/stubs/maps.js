// Map lookups (has and get) by int32, double, string, symbol, BigInt and object keys, present
// and absent, through the engine's MapObject functions called from stubs. A Map built with
// another shape fails the shape guard; keys that are ropes are hashed by the engine.
function has(m, k) { return m.has(k); }
function get(m, k) { return m.get(k); }
function main() {
  const sym = Symbol("s"), obj = {}, other = {};
  const m = new Map([[1, "one"], [2.5, "two.5"], ["k", "kay"], [sym, "sym"], [10n, "ten"], [obj, "obj"], [-0, "zero"]]);
  const keys = [1, 2, 2.5, "k", "q", sym, Symbol("t"), 10n, 11n, obj, other, 0, -0, 1.0, NaN];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const k = keys[r % keys.length];
    n += has(m, k) ? 1 : 0;
    const v = get(m, k);
    n += v === undefined ? 0 : v.length;
    n += has(m, "k" + (r % 3 ? "" : "x")) ? 10 : 0;
    n += m.has(1) + m.has("k") + m.has(sym) + m.has(10n) + m.has(obj) + m.has(3.5);
    n += (m.get(2.5) || "").length + (m.get("nope") || "").length + (m.get(obj) || "").length + (m.get(10n) || "").length + (m.get(sym) || "").length;
    if (r % 500 === 0) { const sub = new (class extends Map {})([[1, "x"]]); n += has(sub, 1) ? 100 : 0; n += get(sub, 1).length; }
    if (r < 15) text += String(get(m, k)) + ";";
  }
  console.log("n=" + n + " " + text);
}
