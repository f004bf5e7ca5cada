// Self-hosted built-ins test their callbacks with IsCallable: functions, bound functions,
// classes, and values that are not callable (a TypeError); `typeof` of objects tells functions
// from other objects (a proxy's answer is the engine's to give). Bound functions stay out of the
// `typeof` list: the engine's own IC calls them "object" once a stub is attached (node says
// "function"), and compiled stubs answer as the engine does.
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
  const objs = [{}, [1], C, Math.max, new Map(), /x/, new Proxy({}, {}), new Proxy(function () {}, {}), null];
  const kinds = {};
  for (let r = 0; r < 3000; r++) {
    const t = typeof objs[r % objs.length];
    kinds[t] = (kinds[t] || 0) + 1;
  }
  console.log("sum=" + sum + " errors=" + errors + " kinds=" + JSON.stringify(kinds));
}
