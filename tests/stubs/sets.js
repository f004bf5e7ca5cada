// Set has by keys of every type, and the sizes of Sets and Maps, through the engine's own
// natives called from stubs; keys made at run time are hashed by the engine. A subclass
// instance fails the shape guard.
function has(s, k) { return s.has(k); }
function size(c) { return c.size; }
function main() {
  const sym = Symbol("s"), obj = {};
  const s = new Set([1, 2.5, "k", sym, 10n, obj, -0]);
  const m = new Map([[1, 1], [2, 2]]);
  const keys = [1, 2, 2.5, "k", "q", sym, Symbol("t"), 10n, 11n, obj, {}, 0, NaN];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const k = keys[r % keys.length];
    n += has(s, k) ? 1 : 0;
    n += has(s, "k" + (r % 3 ? "" : "x")) ? 10 : 0;
    n += s.has(1) + s.has("k") + s.has(sym) + s.has(10n) + s.has(obj) + s.has(3.5);
    if (r % 300 === 0) { s.add("r" + r); m.set(r, r); }
    n += size(s) + size(m) + s.size + m.size;
    if (r % 500 === 0) { const sub = new (class extends Set {})([1]); n += has(sub, 1) ? 100 : 0; }
    if (r < 13) text += (has(s, k) ? 1 : 0);
  }
  console.log("n=" + n + " " + text);
}
