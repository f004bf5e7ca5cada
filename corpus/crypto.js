// cpu-bound
// Int32 bit-mixing kernels: SHA-256 (from the FIPS 180-4 description), CRC-32
// with a generated table, an ARX stream cipher (quarter-round mixing) with an
// encrypt/decrypt round trip, and Adler-32. All on Uint8Array/Int32Array data.

const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

function sha256(bytes) {
  const len = bytes.length;
  const total = ((len + 9 + 63) >> 6) << 6;
  const msg = new Uint8Array(total);
  msg.set(bytes);
  msg[len] = 0x80;
  const bitLen = len * 8;
  msg[total - 4] = (bitLen >>> 24) & 0xff;
  msg[total - 3] = (bitLen >>> 16) & 0xff;
  msg[total - 2] = (bitLen >>> 8) & 0xff;
  msg[total - 1] = bitLen & 0xff;
  msg[total - 5] = Math.floor(len / 0x20000000) & 0xff;
  const h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Int32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const p = off + i * 4;
      w[i] = (msg[p] << 24) | (msg[p + 1] << 16) | (msg[p + 2] << 8) | msg[p + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15], y = w[i - 2];
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i] + w[i]) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g; g = f; f = e;
      e = (d + t1) | 0;
      d = c; c = b; b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
  }
  let hex = "";
  for (let i = 0; i < 8; i++) hex += (h[i] >>> 0).toString(16).padStart(8, "0");
  return hex;
}

function makeCrcTable() {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = (c & 1) ? (0xedb88320 ^ (c >>> 1)) : (c >>> 1);
    t[n] = c;
  }
  return t;
}

function crc32(table, bytes) {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function adler32(bytes) {
  let a = 1, b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }

// ARX keystream: 16-word state, 8 double rounds of quarter-round mixing.
function keystreamBlock(key, nonce, counter, out) {
  const s = new Int32Array(16);
  s[0] = 0x61707865; s[1] = 0x3320646e; s[2] = 0x79622d32; s[3] = 0x6b206574;
  for (let i = 0; i < 8; i++) s[4 + i] = key[i];
  s[12] = counter; s[13] = nonce[0]; s[14] = nonce[1]; s[15] = nonce[2];
  const x = new Int32Array(s);
  for (let r = 0; r < 8; r++) {
    quarter(x, 0, 4, 8, 12); quarter(x, 1, 5, 9, 13); quarter(x, 2, 6, 10, 14); quarter(x, 3, 7, 11, 15);
    quarter(x, 0, 5, 10, 15); quarter(x, 1, 6, 11, 12); quarter(x, 2, 7, 8, 13); quarter(x, 3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) {
    const v = (x[i] + s[i]) | 0;
    out[i * 4] = v & 0xff;
    out[i * 4 + 1] = (v >>> 8) & 0xff;
    out[i * 4 + 2] = (v >>> 16) & 0xff;
    out[i * 4 + 3] = (v >>> 24) & 0xff;
  }
}

function quarter(x, a, b, c, d) {
  x[a] = (x[a] + x[b]) | 0; x[d] = rotl(x[d] ^ x[a], 16);
  x[c] = (x[c] + x[d]) | 0; x[b] = rotl(x[b] ^ x[c], 12);
  x[a] = (x[a] + x[b]) | 0; x[d] = rotl(x[d] ^ x[a], 8);
  x[c] = (x[c] + x[d]) | 0; x[b] = rotl(x[b] ^ x[c], 7);
}

function streamXor(key, nonce, input) {
  const out = new Uint8Array(input.length);
  const block = new Uint8Array(64);
  for (let off = 0, counter = 1; off < input.length; off += 64, counter++) {
    keystreamBlock(key, nonce, counter, block);
    const n = Math.min(64, input.length - off);
    for (let i = 0; i < n; i++) out[off + i] = input[off + i] ^ block[i];
  }
  return out;
}

function asciiBytes(s) {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

function pseudoRandomBytes(n, seed) {
  const b = new Uint8Array(n);
  let s = seed | 0;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    b[i] = s & 0xff;
  }
  return b;
}

function main() {
  console.log("sha256('')=" + sha256(new Uint8Array(0)));
  console.log("sha256('abc')=" + sha256(asciiBytes("abc")));
  console.log("sha256(448-bit)=" + sha256(asciiBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
  const table = makeCrcTable();
  console.log("crc32('123456789')=" + crc32(table, asciiBytes("123456789")).toString(16) + " adler32('Wikipedia')=" + adler32(asciiBytes("Wikipedia")).toString(16));

  const data = pseudoRandomBytes(8192, 0x2545f491);
  console.log("data sha256=" + sha256(data));
  let chained = data.subarray(0, 64);
  for (let i = 0; i < 40; i++) chained = asciiBytes(sha256(chained));
  console.log("40x chained sha256=" + String.fromCharCode(...chained.subarray(0, 32)));

  const key = new Int32Array([0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c, 0x13121110, 0x17161514, 0x1b1a1918, 0x1f1e1d1c]);
  const nonce = new Int32Array([0x09000000, 0x4a000000, 0]);
  const cipher = streamXor(key, nonce, data);
  const plain = streamXor(key, nonce, cipher);
  let same = plain.length === data.length;
  for (let i = 0; same && i < data.length; i++) if (plain[i] !== data[i]) same = false;
  let diffBits = 0;
  for (let i = 0; i < data.length; i++) {
    let x = cipher[i] ^ data[i];
    while (x) { diffBits += x & 1; x >>>= 1; }
  }
  console.log("cipher crc32=" + crc32(table, cipher).toString(16) + " adler32=" + adler32(cipher).toString(16) + " roundtrip=" + same + " flippedBits=" + diffBits);

  let mix = 0;
  for (let round = 0; round < 8; round++) {
    nonce[2] = round;
    const ct = streamXor(key, nonce, data.subarray(round * 512, round * 512 + 2048));
    mix = (Math.imul(mix, 0x9e3779b1) ^ crc32(table, ct)) | 0;
  }
  console.log("nonce sweep mix=" + (mix >>> 0).toString(16) + " data crc32=" + crc32(table, data).toString(16) + " data adler32=" + adler32(data).toString(16));
}
