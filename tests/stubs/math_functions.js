// Math functions the engine implements in C++ (sin, cos, tan, atan, exp, log, ...), called
// from Call ICs whose stubs call the engine's own implementation; a string argument fails the
// number guard. Sums are printed rounded, so the last bit of a libm result cannot matter.
function wave(x) { return Math.sin(x) + Math.cos(x) * 0.5 + Math.atan(x) - Math.tan(x * 0.1); }
function growth(x) { return Math.exp(x * 0.01) + Math.log(x + 1) + Math.log2(x + 2) + Math.cbrt(x); }
function main() {
  let a = 0, b = 0;
  for (let i = 0; i < 20000; i++) {
    const x = (i % 400) / 37;
    a += wave(x);
    b += growth(i % 300);
  }
  const mixed = [1.5, "2.5", 0.25, "x"];
  let m = 0;
  for (let i = 0; i < 2000; i++) {
    const s = Math.sin(mixed[i & 3]);
    m += Number.isNaN(s) ? 1 : s;
  }
  console.log("a=" + a.toFixed(6) + " b=" + b.toFixed(6) + " m=" + m.toFixed(6));
}
