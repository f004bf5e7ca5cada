// Strings: concat, slice, indexOf, charCodeAt, split/join, templates, replace.

function hashString(s) {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 33) ^ s.charCodeAt(i)) | 0;
  return h >>> 0;
}

function caesar(s, k) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + k) % 26) + 97);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + k) % 26) + 65);
    else out += s[i];
  }
  return out;
}

function wordFreq(text) {
  const counts = {};
  for (const w of text.toLowerCase().split(" ")) {
    if (w.length === 0) continue;
    counts[w] = (counts[w] || 0) + 1;
  }
  return Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1)).slice(0, 4).map(k => k + "=" + counts[k]).join(" ");
}

const TEXT = "the quick brown fox jumps over the lazy dog and the dog sleeps while the fox runs";

function main() {
  const s = "Hello, World";
  console.log("len=" + s.length + " slice=" + s.slice(7) + "|" + s.slice(-5, -1) + "|" + s.substring(5, 2) + "|" + s.substr(1, 3));
  console.log("indexOf=" + s.indexOf("o") + "," + s.indexOf("o", 5) + "," + s.lastIndexOf("o") + "," + s.indexOf("xyz") + " includes=" + s.includes("World") + " starts=" + s.startsWith("Hell") + " ends=" + s.endsWith("ld"));
  console.log("charCodeAt=" + s.charCodeAt(0) + "," + s.charCodeAt(4) + " charAt=" + s.charAt(7) + " [1]=" + s[1] + " oob=" + s.charAt(99) + "|" + s[99] + "|" + s.charCodeAt(99));
  console.log("case=" + s.toUpperCase() + " " + s.toLowerCase() + " trim=[" + "  pad me \t".trim() + "] [" + "  x ".trimStart() + "] [" + " y  ".trimEnd() + "]");
  console.log("pad=" + "7".padStart(3, "0") + " " + "ab".padEnd(6, "-+") + " repeat=" + "ab".repeat(3) + " concat=" + "a".concat("b", 1, 2));
  const words = TEXT.split(" ");
  console.log("split count=" + words.length + " join=" + words.slice(0, 4).join("_") + " chars=" + "abc".split("").join("|") + " limit=" + TEXT.split(" ", 3).join("/"));
  console.log("freq " + wordFreq(TEXT));
  const n = 7, name = "widgets";
  const tpl = `There are ${n} ${name}, total ${n * 3 + 1} (${n > 5 ? "many" : "few"}) ${`nested ${name.length}`}`;
  console.log(tpl);
  const multi = `line1
line2\ttab`;
  console.log("multi parts=" + multi.split("\n").length + " len=" + multi.length + " raw=" + String.raw`a\nb${1 + 1}`);
  console.log("replace=" + TEXT.replace("the", "THE") + "|");
  console.log("replace all via split/join=" + TEXT.split("the").join("a").slice(0, 30));
  console.log("caesar=" + caesar("Attack at Dawn, xyz!", 3) + " back=" + caesar(caesar("Attack at Dawn, xyz!", 3), 23));
  let built = "";
  for (let i = 0; i < 500; i++) built += String.fromCharCode(97 + (i * 7) % 26);
  console.log("built len=" + built.length + " hash=" + hashString(built) + " head=" + built.slice(0, 20));
  const parts = [];
  for (let i = 0; i < 50; i++) parts.push(i.toString(16));
  const joined = parts.join(":");
  console.log("joined len=" + joined.length + " hash=" + hashString(joined));
  const surrogate = "a\u{1F600}b";
  let cps = [];
  for (const ch of surrogate) cps.push(ch.codePointAt(0).toString(16));
  console.log("surrogate len=" + surrogate.length + " codepoints=" + cps.join(",") + " charCodeAt1=" + surrogate.charCodeAt(1) + " fromCodePoint=" + (String.fromCodePoint(0x1F600) === surrogate.slice(1, 3)));
  console.log("compare=" + ("apple" < "banana") + "," + ("Zebra" < "apple") + "," + ("abc" < "abcd") + "," + ("10" < "9") + " eq=" + ("ab" + "c" === "abc"));
  const csv = "name,age,city\nann,31,paris\nbob,25,rome";
  const rows = csv.split("\n").map(r => r.split(","));
  console.log("csv " + rows.slice(1).map(r => r[0].toUpperCase() + "@" + r[2]).join(";") + " ages=" + rows.slice(1).reduce((a, r) => a + Number(r[1]), 0));
  console.log("escape=" + JSON.stringify("q\"uote\\back\nnl") + " numstr=" + (1 + "2") + (3 - "1") + ("4" * "5") + " " + String(null) + String(undefined) + String(true));
  let rev = "";
  for (let i = s.length - 1; i >= 0; i--) rev += s[i];
  console.log("reversed=" + rev + " palindrome=" + ["racecar", "level", "hello"].map(w => w === w.split("").reverse().join("")).join(","));
}
