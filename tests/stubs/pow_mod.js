// `**`, Math.pow and `%` on doubles in stubs (the engine's own pow and fmod): fractional,
// negative and huge operands, zero divisors and NaN; int32 operands meet the double stub too.
function pw(a, b) { return a ** b; }
function mp(a, b) { return Math.pow(a, b); }
function md(a, b) { return a % b; }
function main() {
  let s = 0, m = 0, nan = 0;
  for (let i = 0; i < 20000; i++) {
    const x = (i % 97) / 7 - 3.5;
    const y = ((i % 13) - 6) / 4;
    s += pw(1.0001, (i % 50) + 0.5) + mp(Math.abs(x) + 0.25, y);
    const r = md(x * 3.25, y);
    if (r !== r) nan++; else m += r;
    m += md(i + 0.5, 7.25) + md(-i - 0.5, 3) + (i % 1000 === 999 ? md("9.5", 2) + mp(2, "3") : 0);
  }
  console.log("s=" + s.toFixed(6) + " m=" + m.toFixed(6) + " nan=" + nan + " " + pw(2, 0.5).toFixed(12) + " " + md(5.5, 0) + " " + pw(-8, 1 / 3));
}
