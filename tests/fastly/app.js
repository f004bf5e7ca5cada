// A small Fastly Compute application, built by @fastly/js-compute's own toolchain in
// tests/tests/fastly.rs: interpreted, and with aotjs as its AOT step (--weval-bin).
// GET /primes?n=N answers the count and sum of the primes up to N, plus some work on
// objects, strings and closures, as JSON.

function primes(n) {
  const sieve = new Uint8Array(n + 1);
  let count = 0;
  let sum = 0;
  for (let i = 2; i <= n; i++) {
    if (sieve[i]) continue;
    count++;
    sum += i;
    for (let j = i * i; j <= n; j += i) sieve[j] = 1;
  }
  return { count, sum };
}

class Vec2 {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec2(this.x + o.x, this.y + o.y); }
  norm() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}

function walk(steps) {
  let p = new Vec2(0, 0);
  for (let i = 0; i < steps; i++) p = p.add(new Vec2((i % 7) - 3, (i % 5) - 2));
  return p.norm();
}

function words(text) {
  const counts = new Map();
  for (const w of text.toLowerCase().split(/[^a-z]+/)) {
    if (w) counts.set(w, (counts.get(w) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
}

function handle(request) {
  const url = new URL(request.url);
  if (url.pathname !== "/primes") {
    return new Response("not found\n", { status: 404 });
  }
  const n = Number(url.searchParams.get("n") || "1000");
  if (!Number.isInteger(n) || n < 2 || n > 1e7) {
    return new Response("bad n\n", { status: 400 });
  }
  const p = primes(n);
  const body = {
    n,
    primes: p.count,
    sum: p.sum,
    walk: walk(n % 1000 + 100).toFixed(6),
    words: words("the quick brown fox jumps over the lazy dog; the dog sleeps, the fox runs"),
  };
  return new Response(JSON.stringify(body) + "\n", { headers: { "content-type": "application/json" } });
}

addEventListener("fetch", (event) => event.respondWith(handle(event.request)));
