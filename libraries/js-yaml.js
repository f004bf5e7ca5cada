// Driver for js-yaml (the npm package's dist/js-yaml.js, loaded above this file by the test).
// Dumps generated documents to YAML, loads them back and checks the round trip.

let seed = 777;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed % n;
}

const NAMES = ["web", "worker", "cache", "db: primary", "queue", "edge-proxy", "auth", "yes", "null", "0x1F"];
function makeDoc(n) {
  const services = [];
  for (let i = 0; i < n; i++) {
    services.push({
      name: NAMES[rand(NAMES.length)] + "-" + i,
      replicas: rand(8),
      ratio: rand(1000) / 8,
      enabled: rand(2) === 1,
      ports: [8000 + rand(100), 9000 + rand(100)],
      env: { LEVEL: ["debug", "info", "warn"][rand(3)], QUOTE: "it's \"quoted\"", MULTI: "line one\nline two" },
      notes: rand(4) === 0 ? null : "note #" + rand(100),
    });
  }
  return { version: 3, services, matrix: [[1, 2], [3, [4, 5]]], empty: {}, list: [] };
}

const fixed = `
# a configuration written by hand
anchors:
  base: &base { retries: 3, timeout: 2.5 }
  fast: { <<: *base, timeout: 0.5 }
multi: |
  first line
  second line
folded: >
  folded text
  continues here
numbers: [0o17, 0x1f, 1e3, -.inf, .nan]
dates_as_strings: "2024-01-01"
`;

function checksum(str) {
  let h = 0;
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) | 0;
  return h;
}

function main() {
  const parsed = jsyaml.load(fixed);
  console.log(JSON.stringify(parsed.anchors));
  console.log(parsed.multi + "|" + parsed.folded + "|" + JSON.stringify(parsed.numbers.slice(0, 3)) + " " + parsed.numbers[3] + " " + parsed.numbers[4]);
  let h = 0;
  let same = 0;
  let text = "";
  for (let i = 0; i < 30; i++) {
    const doc = makeDoc(20 + (i % 5));
    text = jsyaml.dump(doc, { sortKeys: i % 2 === 0 });
    const back = jsyaml.load(text);
    if (jsyaml.dump(back, { sortKeys: i % 2 === 0 }) === text) same++;
    h = (h * 17 + checksum(text)) | 0;
  }
  console.log(text.split("\n").slice(0, 24).join("\n"));
  console.log("round trips " + same + " of 30");
  console.log("checksum " + h);
  try {
    jsyaml.load("key: [unclosed");
  } catch (e) {
    console.log(e.name + ": " + e.reason);
  }
}
