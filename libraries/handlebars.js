// Driver for Handlebars (the npm package's dist/handlebars.js, loaded above this file by the
// test). Compiles templates with helpers and partials and renders them over generated data.

let seed = 4242;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed % n;
}

Handlebars.registerHelper("upper", (s) => String(s).toUpperCase());
Handlebars.registerHelper("total", (items) => items.reduce((a, it) => a + it.qty * it.price, 0).toFixed(2));
Handlebars.registerHelper("ifEven", function (n, options) { return n % 2 === 0 ? options.fn(this) : options.inverse(this); });
Handlebars.registerPartial("item", "<li class=\"{{#if sale}}sale{{else}}full{{/if}}\">{{name}} x{{qty}} @ {{price}}{{#each tags}} [{{this}}]{{/each}}</li>");

const SOURCE = `<h1>{{upper title}}</h1>
{{#if customer}}<p>For {{customer.name}} &lt;{{customer.email}}&gt; ({{{customer.raw}}})</p>{{/if}}
<ul>{{#each items}}{{> item}}{{/each}}</ul>
{{#each items}}{{#ifEven @index}}<i>{{@index}}:{{name}}</i>{{else}}<b>{{@index}}</b>{{/ifEven}}{{/each}}
{{#with customer}}{{#unless vip}}regular{{/unless}}{{/with}}
<p>Total: {{total items}}</p>`;

// Compiled at the top level, so the template's own functions exist when the snapshot is taken.
const page = Handlebars.compile(SOURCE);
page({ title: "warm", items: [] });

const PRODUCTS = ["widget", "gadget <b>", "gizmo & co", "doohickey", "thing\"a\"ma", "sprocket"];
function makeOrder(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({ name: PRODUCTS[rand(PRODUCTS.length)], qty: 1 + rand(5), price: (rand(2000) / 100).toFixed(2), sale: rand(3) === 0, tags: rand(2) ? ["new"] : [] });
  }
  return { title: "order " + n, customer: rand(4) ? { name: "Ann " + rand(100), email: "a@x.org", raw: "<i>raw</i>", vip: rand(2) === 1 } : null, items };
}

function checksum(str) {
  let h = 0;
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) | 0;
  return h;
}

function main() {
  let h = 0;
  let html = "";
  for (let i = 0; i < 300; i++) {
    html = page(makeOrder(3 + (i % 9)));
    h = (h * 17 + checksum(html)) | 0;
  }
  console.log(html);
  // Templates compiled at run time: Handlebars' compiler runs compiled, the code it generates
  // is new and runs in the interpreter.
  for (let i = 0; i < 10; i++) {
    const t = Handlebars.compile("{{#each list}}{{this}}-{{@index}}{{#if @last}}!{{/if}} {{/each}}" + i);
    h = (h * 17 + checksum(t({ list: [i, i * 2, "x" + i] }))) | 0;
  }
  console.log("checksum " + h);
  try {
    Handlebars.compile("{{#each}}unclosed")({});
  } catch (e) {
    console.log("error: " + String(e.message).split("\n")[0]);
  }
}
