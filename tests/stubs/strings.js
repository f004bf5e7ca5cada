// String length and char codes, on flat strings and on ropes made by concatenation.
function codes(s) { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) | 0; return h; }
function len(x) { return x.length; }
function main() {
  const flat = "the quick brown fox jumps over the lazy dog";
  let h = 0, total = 0;
  for (let r = 0; r < 300; r++) {
    h = (h + codes(flat)) | 0;
    const rope = flat + r + flat;
    h = (h ^ codes(rope)) | 0;
    total += rope.length;
  }
  // One site sees strings and arrays: the string-length stub's guard fails on arrays.
  const mixed = [flat, [1, 2, 3], "ab", [4]];
  let ml = 0;
  for (let i = 0; i < 4000; i++) ml += len(mixed[i & 3]);
  console.log("h=" + h + " len=" + total + " oob=" + flat.charCodeAt(99) + " ml=" + ml);
}
