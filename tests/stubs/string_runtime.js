// String building and conversions in stubs: concatenation of strings (a VM call that
// allocates), numbers parsed from strings (cached index values and the engine's conversion,
// including strings that are not numbers), and int32s turned into strings.
function cat(a, b) { return a + b; }
function times(s, k) { return s * k; }
function minus(s) { return s - 1; }
function str(i) { return String(i); }
function main() {
  let acc = "";
  for (let i = 0; i < 300; i++) {
    acc = cat(acc.length > 400 ? "" : acc, "ab" + (i % 10));
  }
  console.log("cat " + acc.length + " " + acc.slice(0, 12));
  const inputs = ["12", "7", "3.5", "1e3", " 42 ", "0x10", "abc", "", "-0", "99999999999"];
  let n = 0;
  for (let i = 0; i < 400; i++) {
    const v = times(inputs[i % inputs.length], 2) + minus(inputs[(i + 3) % inputs.length]);
    n += Number.isNaN(v) ? 1000 : v;
  }
  console.log("numbers " + n);
  let len = 0;
  for (let i = -200; i < 200; i++) len += str(i * 7).length + (i + "").length;
  console.log("strings " + len);
}
