// Double arithmetic and comparisons, mixing int32 and double operands; the same sites later
// see strings, so the number guards fail.
function step(x, v, dt) { return x + v * dt; }
function below(a, b) { return a < b; }
function main() {
  let x = 0.5, v = 1.25, n = 0;
  for (let i = 0; i < 50000; i++) {
    x = step(x, v, 0.001);
    if (below(x, 10.75)) n++;
    v = v - x / 1000;
  }
  let s = "";
  for (let i = 0; i < 5; i++) s += step("q", i, 2);
  console.log("x=" + x.toFixed(6) + " v=" + v.toFixed(6) + " n=" + n + " s=" + s + " t=" + below("a", "b"));
}
