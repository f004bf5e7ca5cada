// Driver for lodash (the npm package's lodash.js, loaded above this file by the test).
// Collection, object, string and function utilities over seeded records.

let seed = 12345;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed % n;
}

const WORDS = ["alpha beta", "Gamma-Delta", "epsilon_zeta", "EtaTheta", "iota kappa lambda", "mu", "nu-xi omicron"];
const records = [];
for (let i = 0; i < 400; i++) {
  records.push({
    id: i,
    group: "g" + rand(7),
    score: rand(1000),
    tags: [WORDS[rand(WORDS.length)], WORDS[rand(WORDS.length)]],
    nested: { depth: { value: rand(50), list: [rand(9), rand(9), rand(9)] } },
  });
}
const greet = _.template("Hello <%= name %>, you have <%= count %> items in <%- place %>!");

function checksum(str) {
  let h = 0;
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) | 0;
  return h;
}

function round(records) {
  const byGroup = _.groupBy(records, "group");
  const groups = _.sortBy(_.keys(byGroup));
  const stats = _.map(groups, (g) => {
    const rs = byGroup[g];
    return { g, n: rs.length, sum: _.sumBy(rs, "score"), max: _.maxBy(rs, "score").id, deep: _.sumBy(rs, (r) => _.get(r, "nested.depth.value")) };
  });
  const top = _.take(_.orderBy(records, ["score", "id"], ["desc", "asc"]), 5).map((r) => r.id);
  const tags = _.uniq(_.flatMap(records, "tags")).map(_.camelCase).sort();
  const kebab = _.map(WORDS, _.kebabCase).join("|");
  const chunks = _.chunk(_.range(0, 23), 4).map((c) => _.sum(c));
  const clone = _.cloneDeep(records.slice(0, 50));
  const same = _.isEqual(clone, records.slice(0, 50));
  clone[3].nested.depth.list[1] = 99;
  const differs = !_.isEqual(clone, records.slice(0, 50));
  const merged = _.merge({}, { a: { b: [1, 2], c: "x" } }, { a: { b: [3], d: true } }, { e: _.pick(records[7], ["id", "group"]) });
  const zipped = _.zipObject(["a", "b", "c"], _.zip([1, 2, 3], [4, 5, 6]).map((p) => p[0] * p[1]));
  const counts = _.countBy(records, (r) => r.score % 3);
  const part = _.partition(records, (r) => r.score > 500).map((p) => p.length);
  const flat = _.flattenDeep([1, [2, [3, [4, [5]]]], [[6]]]);
  const diff = _.difference(_.range(20), _.filter(_.range(20), (x) => x % 3 === 0));
  const inter = _.intersection(_.map(records.slice(0, 40), "score"), _.map(records.slice(20, 60), "score")).length;
  const padded = _.padStart(String(records.length), 6, "0") + _.repeat("-", 3) + _.upperFirst(_.trim("  lodash  "));
  const text = greet({ name: _.capitalize("world"), count: records.length, place: "<box>" });
  const memo = _.memoize((n) => (n < 2 ? n : memo(n - 1) + memo(n - 2)));
  return JSON.stringify([stats, top, tags, kebab, chunks, same, differs, merged, zipped, counts, part, flat, diff, inter, padded, text, memo(60)]);
}

function main() {
  let h = 0;
  let last = "";
  for (let i = 0; i < 40; i++) {
    records[i % records.length].score = (records[i % records.length].score + 37 * i) % 1000;
    last = round(records);
    h = (h * 17 + checksum(last)) | 0;
  }
  console.log(last.slice(0, 400));
  console.log("length " + last.length);
  console.log("checksum " + h);
}
