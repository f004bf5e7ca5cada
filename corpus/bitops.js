// Bitwise operators on int32 and double operands, including out-of-range doubles, -0, NaN and >>> results above int32.
function main() {
  const vals = [0, 1, -1, 5, 2147483647, -2147483648, 2147483648, 4294967295, 4294967296, 1.5, -1.5, -0, NaN, Infinity, -Infinity, 1e20, -3.7e9, 0x80000000, 123456789.9];
  let out = [];
  for (const a of vals) for (const b of [0, 1, 3, 31, 32, -1, 2.5, 4294967295]) {
    out.push((a | b), (a & b), (a ^ b), (a << b), (a >> b), (a >>> b));
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < 1000; i++) { h ^= i; h = (h * 16777619) >>> 0; h = (h + (h << 3)) | 0; }
  console.log(out.join(","));
  console.log([h, -1 >>> 0, -5 >>> 1, 5 >>> 0].join(" "));
}
