// `array.length = n` calls the engine's SetArrayLength behind the IC frame: truncating,
// growing, a frozen array (ignored in sloppy code, a TypeError in strict code), an invalid
// length (a RangeError); arrays of another shape fail the stub's shape guard.
function setLen(a, n) { a.length = n; return a.length; }
function setLenStrict(a, n) { "use strict"; a.length = n; return a.length; }
function main() {
  let total = 0, typeErrors = 0, rangeErrors = 0;
  const frozen = Object.freeze([1, 2, 3]);
  for (let r = 0; r < 3000; r++) {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    if (r % 3 === 1) a.tag = "other shape";
    total += setLen(a, r % 10) + a.length;
    total += setLenStrict(a, (r * 7) % 12);
    a.push(r);
    total += a.length + (a[a.length - 1] === r ? 1 : 0);
    total += setLen(frozen, 1);
    try { setLenStrict(frozen, 0); } catch (e) { if (e instanceof TypeError) typeErrors++; }
    try { setLen(a, r % 2 ? -1 : 2.5); } catch (e) { if (e instanceof RangeError) rangeErrors++; }
    const big = [];
    setLenStrict(big, 100 + (r % 50));
    total += big.length + (big[3] === undefined ? 1 : 0);
  }
  console.log("total=" + total + " typeErrors=" + typeErrors + " rangeErrors=" + rangeErrors);
}
