// String keys that are array indices, `Math.clz32`, RegExp flag getters, `Number#toString`
// with a radix, and values that are not GC things.
function get(o, k) { return o[k]; }
function set(o, k, v) { o[k] = v; }
function flags(re) { return (re.global ? 1 : 0) + (re.ignoreCase ? 2 : 0) + (re.multiline ? 4 : 0) + (re.sticky ? 8 : 0) + (re.unicode ? 16 : 0); }
function main() {
  const arr = [10, 20, 30, 40, 50];
  const keys = ["0", "1", "4", "7", "x", "01", "4294967295", "2"];
  const built = ["1" + "2", String(3), (4).toString()];
  const res = [/a/g, /b/i, /c/m, /d/y, /e/u, /f/gim, /g/];
  let n = 0, s = "";
  for (let r = 0; r < 3000; r++) {
    for (const k of keys) { const v = get(arr, k); n += v === undefined ? 1 : v; }
    for (const k of built) { const v = get(arr, k); n += v === undefined ? 1 : v; }
    set(arr, "3", r);
    n += Math.clz32(r) + Math.clz32(-r) + Math.clz32(r * 1000);
    for (const re of res) n += flags(re);
    n += (r % 97).toString(10).length + (r % 97).toString(16).length;
    if (r === 0) s = keys.map((k) => String(get(arr, k))).join(",") + " " + res.map(flags).join(",");
  }
  console.log("n=" + n + " " + s + " " + arr.join(",") + " t=" + typedArrays());
}
// Typed array tests in self-hosted code: `IsTypedArray` on arrays and typed arrays.
function typedArrays() {
  const ta = new Float64Array([3, 1, 2]), ia = new Int32Array([5, -1, 7]);
  let n = 0;
  for (let r = 0; r < 2000; r++) {
    n += [1, 2, 3].join("").length + ta.join(",").length + Array.from(ia).length;
    n += ta.indexOf(2) + ia.includes(7) + Array.prototype.concat.call([1], ta).length;
  }
  return n;
}
