// `slice` of packed arrays and of arguments objects (PackedArraySliceResult,
// ArgumentsSliceResult) through the engine's own Array.prototype.slice: with and without an
// end, negative bounds, mapped and unmapped arguments. A bound computed as -0 - 1 (a double)
// fails the int32 guard; an array with holes fails the shape guard and an arguments object
// whose length was set fails the flags guard.
function rest() { return Array.prototype.slice.call(arguments, 1); }
function restStrict() { "use strict"; return Array.prototype.slice.call(arguments, 1, -1); }
function all() { return [].slice.call(arguments); }
function tail(a, k) { return a.slice(k); }
function mid(a, b, e) { return a.slice(b, e); }
function main() {
  const base = [1, 2, 3, 4, 5, 6, 7], holey = [1, , 3, 4];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    n += rest(r, 2, 3).length + restStrict(r, 1, 2, 3).length + all(r, r).reduce((x, y) => x + y, 0);
    const t = tail(r > 2000 && r % 50 === 0 ? holey : base, r % 5);
    n += t.length + t[0];
    const m = mid(base, r % 4, -(r % 3) - 1);
    n += m.length * 10 + (m[0] | 0);
    if (r % 100 === 0) { const f = function () { arguments.length = 1; return Array.prototype.slice.call(arguments, 0); }; n += f(1, 2, 3).length; }
    if (r < 3) text += JSON.stringify([rest(r, 8, 9), restStrict(1, 2, 3, 4), t, m]) + ";";
  }
  console.log("n=" + n + " " + text);
}
