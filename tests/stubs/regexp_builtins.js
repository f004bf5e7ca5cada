// Self-hosted String and RegExp built-ins: substrings through the engine's SubstringKernel,
// the RegExp optimizability checks, and the searcher's last limit.
function main() {
  const text = "The quick brown fox jumps over the lazy dog; 42 foxes, 7 dogs.";
  let n = 0, out = [];
  for (let r = 0; r < 1500; r++) {
    n += text.substring(4, 9 + (r % 5)).length + text.slice(-(r % 11) - 1).length + text.substr(r % 20, 6).length;
    n += text.replace(/o/g, "0").length + text.replace(/(\d+)/g, (m) => "<" + m + ">").length;
    n += text.split(" ").length + (text.match(/\w+/g) || []).length;
    const m = /(\w+) (\w+)/.exec(text.slice(r % 30));
    if (m) n += m[1].length + m.index;
    n += /fox/.test(text) ? 1 : 0;
    if (r === 0) out.push(text.replace(/(\d+)/g, (m) => "<" + m + ">"), text.split(" ").slice(2, 5).join("|"), m && m[2]);
  }
  console.log("n=" + n);
  console.log(out.join(" / "));
}
