// Self-hosted built-ins ask IsConstructor of `this` and of species constructors:
// `Array.from` and `Array.of` called on functions, classes, arrows, bound functions, natives,
// plain objects and proxies (a proxy's answer is its handler's, which fails the stub), and
// RegExp's @@split, which looks up its species constructor.
function main() {
  function F() { this.made = true; }
  class C { constructor(n) { this.n = n; } }
  const arrow = (n) => n;
  const boundF = F.bind(null);
  const boundArrow = arrow.bind(null);
  const kinds = [F, C, arrow, boundF, boundArrow, Math.max, Date, {}, new Proxy(F, {}), new Proxy(arrow, {})];
  let arrays = 0, others = 0, lengths = 0;
  for (let r = 0; r < 2000; r++) {
    const K = kinds[r % kinds.length];
    const a = Array.from.call(K, [1, 2, 3]);
    const b = Array.of.call(K, 4, 5);
    if (Array.isArray(a)) arrays++; else others++;
    if (Array.isArray(b)) arrays++; else others++;
    lengths += "a1b22c333d".split(/\d+/).length + "x y  z".split(/ +/, 2).length;
  }
  console.log("arrays=" + arrays + " others=" + others + " lengths=" + lengths);
}
