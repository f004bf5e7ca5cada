// int32 arithmetic in loops: wrapping, shifts, imul, division, sieve, gcd.

function sumWrapped(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = (s + i * 7919) | 0;
  }
  return s;
}

function collatzLongest(limit) {
  let best = 0;
  let bestStart = 0;
  for (let start = 1; start < limit; start++) {
    let n = start;
    let steps = 0;
    while (n !== 1) {
      n = (n & 1) ? 3 * n + 1 : n >>> 1;
      steps++;
    }
    if (steps > best) {
      best = steps;
      bestStart = start;
    }
  }
  return bestStart + ":" + best;
}

function gcd(a, b) {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function countPrimes(n) {
  const composite = new Uint8Array(n + 1);
  let count = 0;
  let last = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    last = i;
    for (let j = i * i; j <= n; j += i) composite[j] = 1;
  }
  return count + " primes, largest " + last;
}

function popcount(x) {
  let c = 0;
  while (x !== 0) {
    x &= x - 1;
    c++;
  }
  return c;
}

function bitMix(n) {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) {
    h ^= i & 0xff;
    h = Math.imul(h, 16777619);
    h ^= h >>> 13;
    h = (h << 5) | (h >>> 27);
  }
  return h;
}

function divisions() {
  const out = [];
  const nums = [17, -17, 100, -100, 7, 2147483647, -2147483648];
  const divs = [5, -5, 3];
  let acc = 0;
  for (const a of nums) {
    for (const b of divs) {
      const q = (a / b) | 0;
      const r = a % b;
      acc = (acc * 31 + q * 7 + r) | 0;
    }
  }
  out.push("acc=" + acc);
  out.push("-17%5=" + (-17 % 5) + " 17%-5=" + (17 % -5) + " trunc(-17/5)=" + ((-17 / 5) | 0));
  return out.join(" ");
}

function main() {
  console.log("sumWrapped(15000)=" + sumWrapped(15000));
  console.log("collatz<500 " + collatzLongest(500));
  console.log("gcd=" + gcd(1071, 462) + "," + gcd(832040, 514229) + "," + gcd(2 ** 20, 6 ** 8));
  console.log(countPrimes(4000));
  let pc = 0;
  for (let i = 0; i < 1024; i++) pc += popcount(i * 2654435761 | 0);
  console.log("popcount total=" + pc);
  console.log("bitMix=" + bitMix(2000) + " unsigned=" + (bitMix(2000) >>> 0));
  const big = 2147483647;
  console.log("overflow: " + (big + 1) + " " + ((big + 1) | 0) + " " + ((big * 2) | 0) + " " + (-1 >>> 0) + " " + (-1 >>> 28));
  console.log("shifts: " + (1 << 31) + " " + (1 << 32) + " " + (1 << 33) + " " + (-16 >> 2) + " " + (-16 >>> 28) + " " + (5 << -1));
  console.log("imul: " + Math.imul(0x7fffffff, 3) + " " + Math.imul(-5, 12) + " " + Math.imul(65537, 65537));
  console.log(divisions());
  let x = 0;
  for (let i = 10; i > 0; i -= 3) x = x * 10 + i;
  let y = 1;
  do { y = y * 3; } while (y < 1000);
  console.log("countdown=" + x + " pow3=" + y + " ~5=" + (~5) + " ~~3.7=" + (~~3.7) + " xor=" + (0x5a5a ^ 0x0ff0));
}
