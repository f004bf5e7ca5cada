// Characters of strings as strings: `s[i]`, `s.charAt(i)` (the static strings of Latin-1
// code units; other code units and ropes leave the compiled path), out-of-range indices, and
// `String.fromCharCode` (static strings below 256, allocation above).
function at(s, i) { return s[i]; }
function charAt(s, i) { return s.charAt(i); }
function fromCode(c) { return String.fromCharCode(c); }
function main() {
  const strs = ["hello, world", "caf\u00e9 \u00fc", "\u4e2d\u6587 mixed", "", "x"];
  let out = "", n = 0;
  for (let r = 0; r < 300; r++) {
    for (const s of strs) {
      for (let i = -1; i <= s.length; i++) {
        const a = at(s, i), b = charAt(s, i);
        n += (a === undefined ? 0 : a.length) + b.length;
        if (r === 0) out += (a === undefined ? "_" : a) + b + "|";
      }
    }
    const rope = strs[0] + strs[r % 5];
    n += at(rope, 3).length + charAt(rope, 4).length;
    for (let c = 60; c < 70; c++) n += fromCode(c).charCodeAt(0);
    for (let c = 250; c < 260; c++) n += fromCode(c).charCodeAt(0);
    n += fromCode(0x10041).charCodeAt(0) + fromCode(20013 + r).charCodeAt(0);
  }
  console.log("n=" + n);
  console.log(out);
}
