// Math builtins called through Call ICs, int32 division and remainder, negation, min/max, and
// reads of top-level `let` bindings (global generation guard). Every family also meets inputs
// its first stub rejects: -0 results, out-of-range values, division by zero, INT32_MIN.
// (Not Math.trunc of -1 < x < 0: the engine's own CacheIR interpreter answers +0 there, node
// and the compiled stub -0.)
let scale = 3;
const inputs = [7.5, -7.5, 2.5, -2.5, 0.49999999999999994, -0.4, -0.5, 1e10, -0, 0, 12, -13, NaN, 3e9];
function rounding(x) {
  return [Math.floor(x), Math.ceil(x), Math.round(x), Math.trunc(x)];
}
function show(v) { return Object.is(v, -0) ? "-0" : String(v); }
function divmod(a, b) { return [a / b, a % b]; }
function main() {
  let acc = 0;
  for (let i = 0; i < 20000; i++) {
    const x = (i % 200) / 8 - 12;
    const r = rounding(x);
    acc += r[0] + r[1] * 2 + r[2] * 3 + r[3] * 5;
    acc += Math.abs(i - 10000) + Math.abs(x) + Math.sqrt(i) * scale;
    acc += Math.max(i, 777) - Math.min(i, 555) + Math.max(x, 0.5) - Math.min(x, -0.5);
    const d = divmod(i, (i % 7) + 1);
    acc += d[0] + d[1] - (i % 13) + (-i % 5);
    acc += -(x * 0.5) + Math.imul(i, 0x9e3779b1) % 1000;
  }
  console.log("acc=" + acc.toFixed(3));
  const rows = [];
  for (const x of inputs) rows.push(rounding(x).map(show).slice(0, x > -1 && x < 0 ? 3 : 4).join(","));
  console.log(rows.join(" | "));
  const odd = [];
  for (const [a, b] of [[7, 2], [-8, 4], [0, -3], [1, 0], [-2147483648, -1], [-6, 3], [9, -4]]) {
    odd.push(divmod(a, b).map(show).join(","));
  }
  console.log(odd.join(" | "));
  console.log([Math.abs(-2147483648), Math.abs(-5), Math.abs(-0.25), Math.max(-0, 0), Math.min(-0, 0), Math.max(1, NaN), Math.min(2, 3)].map(show).join(","));
  scale = 4;
  console.log("scale=" + Math.sqrt(16) * scale);
}
