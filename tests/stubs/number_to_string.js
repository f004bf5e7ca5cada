// Numbers made strings by stubs through the engine's NumberToString behind the IC frame:
// `String(x)` of doubles (fractions, exponents, -0, NaN, Infinity) and int32s; a non-number
// at the site fails the number guard.
function str(x) { return String(x); }
function main() {
  const values = [1.5, -0.25, 1e21, 123456789.125, -0, NaN, Infinity, -Infinity, 7, -42, 2 ** 31, 5e-7, 0.1 + 0.2];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const v = values[r % values.length] * (r % 3 === 2 ? 1 : 1 + (r % 5) / 8);
    const s = str(r % 101 === 60 ? "s" + r : v);
    n += s.length * 3 + s.charCodeAt(s.length - 1);
    if (r < values.length) text += s + ";";
  }
  console.log("n=" + n + " " + text);
}
