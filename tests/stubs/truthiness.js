// Truthiness of int32s, doubles and strings, and null/undefined tests.
function truthy(v) { return v ? 1 : 0; }
function nullish(v) { return v == null ? 1 : 0; }
function main() {
  const vals = [0, 1, -3, 0.5, 0.0, NaN, "", "x", null, undefined, 2.5, "0"];
  let t = 0, n = 0;
  for (let r = 0; r < 5000; r++) {
    for (let i = 0; i < vals.length; i++) { t += truthy(vals[i]); n += nullish(vals[i]); }
  }
  console.log("t=" + t + " n=" + n);
}
