// `parseInt(str, radix)` calls the engine's NumberParseInt behind the IC frame: decimal, hex,
// binary and base-36 text, signs, junk after the digits, nothing to parse (NaN), big values
// (doubles); a number argument fails the stub's string guard.
function main() {
  const texts = ["42", "-17", "  0x1F", "ff", "101101", "zz", "12abc", "", "9007199", "-0", "3.75", "1e21"];
  const radixes = [10, 16, 2, 36, 8];
  let sum = 0, nans = 0, out = [];
  for (let r = 0; r < 4000; r++) {
    const t = texts[r % texts.length];
    const v = parseInt(t, radixes[r % radixes.length]);
    if (v !== v) nans++; else sum += v % 1000;
    const w = parseInt(r % 4 === 0 ? r : "" + r, 10);
    sum += w;
    if (r < texts.length) out.push(parseInt(t, 16));
  }
  console.log("sum=" + sum + " nans=" + nans);
  console.log(out.join(","));
}
