// RegExp: exec with groups, global lastIndex loops, replace with function,
// split by regexp, named groups, sticky, flags. No lookbehind, no \p{}.

const LOG = [
  "2023-01-15 ERROR [db] connection refused (code=111)",
  "2023-01-15 INFO [web] GET /index.html 200 12ms",
  "2023-02-01 WARN [web] slow request /api/users 1530ms",
  "2023-02-03 ERROR [auth] token expired for user=alice",
  "2023-03-10 INFO [db] pool size=16",
].join("\n");

function main() {
  const dateRe = /(\d{4})-(\d{2})-(\d{2})/;
  const m = dateRe.exec("due: 2024-07-09!");
  console.log("exec " + m[0] + " y=" + m[1] + " mo=" + m[2] + " d=" + m[3] + " index=" + m.index + " len=" + m.length);
  console.log("no match " + dateRe.exec("none") + " test=" + dateRe.test("1999-12-31") + "," + /^\d+$/.test("12a"));

  const lineRe = /^(?<date>[\d-]+) (?<level>[A-Z]+) \[(?<mod>\w+)\] (?<msg>.*)$/gm;
  let match;
  const levels = {};
  const mods = [];
  while ((match = lineRe.exec(LOG)) !== null) {
    const g = match.groups;
    levels[g.level] = (levels[g.level] || 0) + 1;
    mods.push(g.mod + "@" + lineRe.lastIndex);
  }
  console.log("levels " + JSON.stringify(levels) + " mods " + mods.join(" ") + " final lastIndex=" + lineRe.lastIndex);

  const numRe = /\d+/g;
  let sum = 0, count = 0;
  let nm;
  while ((nm = numRe.exec(LOG))) { sum += Number(nm[0]); count++; }
  console.log("numbers count=" + count + " sum=" + sum);
  console.log("match g " + JSON.stringify("a1b22c333".match(/\d+/g)) + " match no-g " + JSON.stringify("a1b22".match(/(\d)(\d)?/)) + " none " + JSON.stringify("abc".match(/\d/g)));

  const durations = [];
  for (const mm of LOG.matchAll(/(\d+)ms/g)) durations.push(mm[1] + "@" + mm.index);
  console.log("matchAll " + durations.join(","));

  const camel = "background-color border-top-left-radius x-y".replace(/-([a-z])/g, (all, ch, offset) => ch.toUpperCase() + offset);
  console.log("replace fn " + camel);
  const swapped = "Smith, John; Doe, Jane".replace(/(\w+), (\w+)/g, "$2 $1");
  const named = "2024-07-09".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>");
  const special = "cost: 5".replace(/\d/, "$$$&.00 ($`|$')");
  console.log("replace patterns " + swapped + " | " + named + " | " + special);
  const upperFirst = "the cat sat on the mat".replace(/\b\w/g, c => c.toUpperCase());
  const noG = "aaa".replace(/a/, "b");
  console.log("word caps " + upperFirst + " noG=" + noG + " str pattern=" + "a.b.c".replace(".", "!"));

  console.log("split " + JSON.stringify("a, b;c  ,d".split(/\s*[,;]\s*/)) + " capture " + JSON.stringify("1+2-3".split(/([+-])/)) + " limit " + JSON.stringify("a1b2c3d".split(/\d/, 2)));
  console.log("split whitespace " + JSON.stringify("  lead and  trail  ".trim().split(/\s+/)) + " empty " + JSON.stringify("abc".split(/(?:)/)));

  const sticky = /\w+|\s+|[^\w\s]/y;
  const tokens = [];
  const src = "x = foo(12, bar);";
  sticky.lastIndex = 0;
  let t;
  while (sticky.lastIndex < src.length && (t = sticky.exec(src))) {
    if (t[0].trim()) tokens.push(t[0]);
  }
  console.log("sticky tokens " + tokens.join(" ") + " count=" + tokens.length);

  const ci = /hello/i;
  const flags = /x/gimsuy;
  console.log("flags " + ci.test("HeLLo") + " " + flags.flags + " " + flags.global + flags.ignoreCase + flags.multiline + flags.sticky + " source=" + /a\/b[c]/.source);
  console.log("dotAll " + /a.b/.test("a\nb") + " " + /a.b/s.test("a\nb") + " multiline " + JSON.stringify("l1\nl2\nl3".match(/^l\d$/gm)));
  console.log("lookahead " + JSON.stringify("price 100USD 200EUR 300USD".match(/\d+(?=USD)/g)) + " neg " + JSON.stringify("a1 b2 c3".match(/[a-z](?!2)/g)));
  console.log("backref " + /(\w)\1/.exec("abccde")[0] + " " + /(?<q>['"]).*?\k<q>/.exec("say 'hi' \"there\"")[0] + " alternation " + JSON.stringify("cat dog bird".match(/dog|cat/g)));
  console.log("quantifiers " + JSON.stringify("aaaa".match(/a{2,3}/g)) + " lazy " + /<.+?>/.exec("<a><b>")[0] + " greedy " + /<.+>/.exec("<a><b>")[0]);
  const email = /^[\w.+-]+@([\w-]+\.)+[a-z]{2,}$/i;
  console.log("emails " + ["a.b@ex.com", "bad@", "x+y@sub.domain.org", "no at.com"].map(e => email.test(e) ? 1 : 0).join(""));
  const re = new RegExp("b+", "g");
  const s = "abbcbbbd";
  re.lastIndex = 3;
  const r1 = re.exec(s);
  console.log("RegExp ctor " + r1[0] + "@" + r1.index + " lastIndex=" + re.lastIndex + " search=" + s.search(/c/) + " escaped=" + new RegExp("a.c".replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).test("abc"));
  let hash = 0;
  const words = LOG.replace(/[^A-Za-z]+/g, " ").trim().split(" ");
  for (const w of words) for (let i = 0; i < w.length; i++) hash = (hash * 17 + w.charCodeAt(i)) | 0;
  console.log("words=" + words.length + " hash=" + hash);
}
