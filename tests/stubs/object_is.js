// Object.is of Values of mixed types (SameValueResult, through the engine's SameValue): NaN,
// -0 and +0, strings with equal characters made apart, objects, BigInts. A site that is called
// with another function fails the callee guard.
function is(a, b) { return Object.is(a, b); }
function call(f, a, b) { return f(a, b); }
function main() {
  const o = {}, s = "ab" + "cd".slice(0, 1);
  const vals = [NaN, 0, -0, 1, 1.5, "abc", s, o, {}, null, undefined, 10n, true];
  let n = 0, text = "";
  for (let r = 0; r < 2000; r++) {
    const a = vals[r % vals.length], b = vals[(r * 7 + 3) % vals.length];
    n += is(a, b) + 2 * is(a, a) + 4 * is(b, "abc") + 8 * is(NaN, a) + 16 * is(-0, b);
    if (r % 100 === 0) n += call(r % 200 ? Object.is : (x, y) => x === y, a, a) ? 32 : 0;
    if (r < 13) text += (is(a, b) ? 1 : 0);
  }
  console.log("n=" + n + " " + text);
}
