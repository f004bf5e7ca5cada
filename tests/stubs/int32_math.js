// Int32 arithmetic, bit operations and comparisons; multiplication overflows int32 on purpose.
function mix(a, b) { return ((a * 31 + b) ^ (a << 3)) & 0xffff; }
function grow(a, b) { return a * b; }
function main() {
  let h = 1, c = 0, big = 0;
  for (let i = 0; i < 60000; i++) {
    h = mix(h, i) | 0;
    if (h < 30000) c = c + 1;
    if (h >= 50000) c = c - 2;
    h = (h >> 1) + (i - 3);
  }
  for (let i = 1; i < 4000; i++) big += grow(i * 1000, i);
  console.log("h=" + h + " c=" + c + " big=" + big);
}
