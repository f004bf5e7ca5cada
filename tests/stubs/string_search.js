// String searches (`indexOf`, `lastIndexOf`, `includes`, `startsWith`, `endsWith`) call the
// engine's own search behind the IC frame with both strings rooted: flat and rope receivers
// (the engine flattens them, which allocates), two-byte text, and many allocations around
// them so that minor GCs move strings while calls are in flight. One call site alternates
// between methods, so its stubs fail their callee guard too.
function main() {
  const words = ["alpha", "beta", "gamma", "delta", "épsilon", "ζeta", "eta", "theta"];
  const methods = ["indexOf", "lastIndexOf", "includes", "startsWith", "endsWith"];
  let sum = 0, hits = 0, keep = [];
  for (let r = 0; r < 3000; r++) {
    const w = words[r % words.length];
    const text = (r % 3 === 0 ? "" + words.join("-") : words.slice(r % 4).join("+") + "/" + r) + w;
    const needle = w.slice(r % 2, 3 + (r % 3));
    sum += text.indexOf(needle) + text.lastIndexOf(needle) + text.indexOf("zz");
    if (text.includes(needle)) hits++;
    if (text.startsWith(words[0])) hits += 2;
    if (text.endsWith(w)) hits += 3;
    const m = methods[r % methods.length];
    const v = text[m](needle);
    sum += typeof v === "number" ? v : v ? 7 : 1;
    keep.push({ t: text + r, n: needle });
    if (keep.length > 200) keep = [];
  }
  console.log("sum=" + sum + " hits=" + hits + " kept=" + keep.length);
  console.log(["x".indexOf(""), "".lastIndexOf("a"), "abcabc".lastIndexOf("bc"), "ζeta".includes("eta"), "ab".startsWith("abc")].join(","));
}
