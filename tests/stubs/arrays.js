// Dense element loads, holes and out-of-bounds reads, and array lengths.
function total(a) { let s = 0; for (let i = 0; i < a.length; i++) { const v = a[i]; s += v === undefined ? 100 : v; } return s; }
function len(x) { return x.length; }
function main() {
  const packed = [];
  for (let i = 0; i < 500; i++) packed.push(i);
  const holey = [1, 2, , 4, , 6];
  let s = 0;
  for (let r = 0; r < 200; r++) { s += total(packed); s += total(holey); }
  let oob = 0;
  for (let i = 0; i < 1000; i++) if (packed[i] === undefined) oob++;
  // One site sees arrays and strings: the array-length stub's guard fails on strings.
  const mixed = [packed, "abc", holey, "z"];
  let ml = 0;
  for (let i = 0; i < 4000; i++) ml += len(mixed[i & 3]);
  console.log("s=" + s + " oob=" + oob + " len=" + packed.length + " ml=" + ml);
}
