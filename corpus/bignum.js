// cpu-bound
// Arbitrary-precision unsigned integers as little-endian arrays of base-10000
// limbs: add, subtract, multiply, small multiply/divide, power, and fixed-point
// arctangent series for digits of pi (Machin's formula).

const BASE = 10000;

function fromInt(n) {
  const r = [];
  do {
    r.push(n % BASE);
    n = Math.floor(n / BASE);
  } while (n > 0);
  return r;
}

function trim(a) {
  while (a.length > 1 && a[a.length - 1] === 0) a.pop();
  return a;
}

function isZero(a) { return a.length === 1 && a[0] === 0; }

function cmp(a, b) {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

function add(a, b) {
  const n = Math.max(a.length, b.length);
  const r = new Array(n + 1);
  let carry = 0;
  for (let i = 0; i < n; i++) {
    const s = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0) + carry;
    if (s >= BASE) { r[i] = s - BASE; carry = 1; } else { r[i] = s; carry = 0; }
  }
  r[n] = carry;
  return trim(r);
}

// requires a >= b
function sub(a, b) {
  const r = new Array(a.length);
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let s = a[i] - (i < b.length ? b[i] : 0) - borrow;
    if (s < 0) { s += BASE; borrow = 1; } else borrow = 0;
    r[i] = s;
  }
  if (borrow) throw new Error("negative result");
  return trim(r);
}

function mulSmall(a, k) {
  const r = new Array(a.length);
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] * k + carry;
    carry = Math.floor(p / BASE);
    r[i] = p - carry * BASE;
  }
  while (carry > 0) {
    r.push(carry % BASE);
    carry = Math.floor(carry / BASE);
  }
  return trim(r);
}

function divSmall(a, k) {
  const q = new Array(a.length);
  let rem = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = rem * BASE + a[i];
    const d = Math.floor(cur / k);
    q[i] = d;
    rem = cur - d * k;
  }
  return { q: trim(q), rem };
}

function mul(a, b) {
  const r = new Array(a.length + b.length).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    let carry = 0;
    let k = i;
    for (let j = 0; j < b.length; j++, k++) {
      const t = r[k] + ai * b[j] + carry;
      carry = Math.floor(t / BASE);
      r[k] = t - carry * BASE;
    }
    while (carry > 0) {
      const t = r[k] + carry;
      carry = Math.floor(t / BASE);
      r[k] = t - carry * BASE;
      k++;
    }
  }
  return trim(r);
}

function pow(base, e) {
  let result = [1];
  let b = base;
  while (e > 0) {
    if (e & 1) result = mul(result, b);
    e >>= 1;
    if (e > 0) b = mul(b, b);
  }
  return result;
}

function toStr(a) {
  let s = String(a[a.length - 1]);
  for (let i = a.length - 2; i >= 0; i--) s += String(a[i]).padStart(4, "0");
  return s;
}

function modSmall(a, k) { return divSmall(a, k).rem; }

function digitSum(s) {
  let t = 0;
  for (let i = 0; i < s.length; i++) t += s.charCodeAt(i) - 48;
  return t;
}

function describe(label, a) {
  const s = toStr(a);
  return label + ": digits=" + s.length + " sum=" + digitSum(s) + " head=" + s.slice(0, 24) + " tail=" + s.slice(-12);
}

function factorial(n) {
  let r = [1];
  for (let i = 2; i <= n; i++) r = mulSmall(r, i);
  return r;
}

function fibonacci(n) {
  let a = [0], b = [1];
  for (let i = 0; i < n; i++) {
    const t = add(a, b);
    a = b;
    b = t;
  }
  return a;
}

// arctan(1/x) * 10^(4*limbs), as a fixed-point bignum
function arctanInv(x, limbs) {
  const one = new Array(limbs + 1).fill(0);
  one[limbs] = 1;
  let term = divSmall(one, x).q;
  let sum = term.slice();
  const x2 = x * x;
  let k = 1;
  let positive = false;
  while (!isZero(term)) {
    term = divSmall(term, x2).q;
    const part = divSmall(term, 2 * k + 1).q;
    sum = positive ? add(sum, part) : sub(sum, part);
    positive = !positive;
    k++;
  }
  return sum;
}

function piDigits(limbs) {
  const a = mulSmall(arctanInv(5, limbs), 16);
  const b = mulSmall(arctanInv(239, limbs), 4);
  return toStr(sub(a, b));
}

function lcgBig(seed, limbs) {
  let s = seed;
  const r = [];
  for (let i = 0; i < limbs; i++) {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    r.push(s % BASE);
  }
  if (r[limbs - 1] === 0) r[limbs - 1] = 1;
  return r;
}

function main() {
  const f300 = factorial(300);
  console.log(describe("300!", f300));
  console.log("300! mod 293=" + modSmall(f300, 293) + " mod 9973=" + modSmall(f300, 9973) + " 298! digits=" + toStr(divSmall(divSmall(f300, 300).q, 299).q).length + " 298! eq=" + (cmp(divSmall(divSmall(f300, 300).q, 299).q, factorial(298)) === 0));
  const two1000 = pow([2], 1000);
  console.log(describe("2^1000", two1000));
  const three500 = pow([3], 500);
  console.log(describe("3^500", three500) + " cmp(2^1000,3^500)=" + cmp(two1000, three500));
  const fib = fibonacci(1500);
  console.log(describe("fib(1500)", fib));
  const pi = piDigits(82); // two guard limbs beyond the 320 digits we inspect
  console.log("pi=" + pi.slice(0, 1) + "." + pi.slice(1, 61));
  console.log("pi digits 300..319=" + pi.slice(300, 320) + " sum=" + digitSum(pi.slice(0, 300)));

  let check = 0, passes = 0;
  for (let round = 0; round < 16; round++) {
    const a = lcgBig(round * 17 + 1, 80 + round * 5);
    const b = lcgBig(round * 31 + 7, 60 + round * 3);
    const p = mul(a, b);
    const m = 9999991;
    const ok = modSmall(p, m) === (modSmall(a, m) * modSmall(b, m)) % m;
    const back = divSmall(mul(p, [7]), 7).q;
    const diff = sub(add(p, a), a);
    if (ok && cmp(back, p) === 0 && cmp(diff, p) === 0) passes++;
    check = (check * 31 + p.length + (ok ? 1 : 0) + (cmp(back, p) === 0 ? 2 : 0) + (cmp(diff, p) === 0 ? 4 : 0) + modSmall(p, 65521)) | 0;
  }
  console.log("random products passes=" + passes + "/16 check=" + check);
  const sq = mul(f300, f300);
  const q = divSmall(sq, 300);
  console.log("(300!)^2: digits=" + toStr(sq).length + " /300 rem=" + q.rem + " mod 10007=" + modSmall(sq, 10007));
}
