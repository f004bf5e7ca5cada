// Floating point loops: only +, -, *, /, sqrt, floor (IEEE-exact everywhere).

function harmonic(n) {
  let s = 0.0;
  for (let i = 1; i <= n; i++) s += 1 / i;
  return s;
}

function leibnizPi(terms) {
  let s = 0.0;
  let sign = 1.0;
  for (let k = 0; k < terms; k++) {
    s += sign / (2 * k + 1);
    sign = -sign;
  }
  return 4 * s;
}

function newtonSqrt(x) {
  let g = x / 2;
  for (let i = 0; i < 30; i++) g = 0.5 * (g + x / g);
  return g;
}

function kahanSum(values) {
  let sum = 0.0;
  let c = 0.0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

function trapezoid(f, a, b, n) {
  const h = (b - a) / n;
  let s = 0.5 * (f(a) + f(b));
  for (let i = 1; i < n; i++) s += f(a + i * h);
  return s * h;
}

function mandelCount(w, h, maxIter) {
  let inside = 0;
  let iterTotal = 0;
  for (let py = 0; py < h; py++) {
    const ci = -1.2 + 2.4 * py / (h - 1);
    for (let px = 0; px < w; px++) {
      const cr = -2.1 + 3.0 * px / (w - 1);
      let zr = 0.0, zi = 0.0;
      let it = 0;
      while (it < maxIter && zr * zr + zi * zi <= 4.0) {
        const t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        it++;
      }
      iterTotal += it;
      if (it === maxIter) inside++;
    }
  }
  return inside + "/" + iterTotal;
}

function logistic(r, x0, n) {
  let x = x0;
  for (let i = 0; i < n; i++) x = r * x * (1 - x);
  return x;
}

function main() {
  console.log("harmonic(1500)=" + harmonic(1500));
  console.log("leibniz(2500)=" + leibnizPi(2500));
  console.log("sqrt2=" + newtonSqrt(2) + " sqrt(1e10)=" + newtonSqrt(1e10) + " Math.sqrt(3)=" + Math.sqrt(3));
  const vals = [];
  vals.push(1.0);
  for (let i = 0; i < 1000; i++) vals.push(i % 2 === 0 ? 1e-16 : 3e-17);
  let naive = 0;
  for (const v of vals) naive += v;
  console.log("kahan=" + kahanSum(vals) + " naive=" + naive);
  console.log("integral x^2 [0,3]=" + trapezoid(x => x * x, 0, 3, 500));
  console.log("integral 1/(1+x^2) [0,1]*4=" + 4 * trapezoid(x => 1 / (1 + x * x), 0, 1, 800));
  console.log("mandel=" + mandelCount(24, 12, 50));
  console.log("logistic=" + logistic(3.7, 0.5, 50) + " " + logistic(2.5, 0.1, 100));
  console.log("0.1+0.2=" + (0.1 + 0.2) + " 1/3=" + (1 / 3) + " 2/3*3=" + (2 / 3 * 3));
  let f = 1.0;
  let steps = 0;
  while (1.0 + f !== 1.0) { f /= 2; steps++; }
  console.log("epsilon steps=" + steps + " eps=" + (f * 2) + " EPSILON=" + Number.EPSILON);
  let acc = 0;
  for (let i = 0; i < 1000; i++) acc += Math.floor(i * 0.37) - i * 0.37;
  console.log("floor acc=" + acc + " fround(0.1)=" + Math.fround(0.1));
}
