// Self-hosted built-ins test their callbacks with IsCallable: functions, bound functions,
// classes, and values that are not callable (a TypeError).
function main() {
  const arr = [3, 1, 2, 5, 4];
  const bound = function (x) { return x * this.k; }.bind({ k: 3 });
  class C { static twice(x) { return 2 * x; } }
  const fns = [(x) => x + 1, bound, C.twice, Math.abs, function (x) { return -x; }];
  const bad = [1, "f", {}, null, [1]];
  let sum = 0, errors = 0;
  for (let r = 0; r < 2000; r++) {
    const f = fns[r % fns.length];
    sum += arr.map(f).reduce((a, b) => a + b, 0);
    arr.forEach((x) => { sum += x; });
    sum += "a-b-c".replace(/-/g, () => "+").length;
    try { arr.map(bad[r % bad.length]); } catch (e) { if (e instanceof TypeError) errors++; }
  }
  console.log("sum=" + sum + " errors=" + errors);
}
