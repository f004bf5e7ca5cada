//! The command line as a new user meets it: bad input gets one clear error line and a non-zero
//! exit, never a panic, and never leaves a half-written output file. Also: outputs are
//! deterministic, validate, and the precompiled artifact runs.

use aotjs_tests::{assert_one_line_error, run_aotjs, scratch, text, workspace_root};
use std::path::{Path, PathBuf};

/// Asserts that a directory holds only the files listed (no partial output, no temp files).
fn assert_only(dir: &Path, allowed: &[&str]) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        assert!(allowed.contains(&name.as_str()), "unexpected file {name} left in {}", dir.display());
    }
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

/// Makes a snapshot of `source` in `dir`.
fn snapshot(dir: &Path, name: &str, source: &str) -> PathBuf {
    let js = write(dir, &format!("{name}.js"), source.as_bytes());
    let snap = dir.join(format!("{name}.snap.wasm"));
    let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]);
    assert!(out.status.success(), "snapshot failed: {}", text(&out.stderr));
    snap
}

#[test]
fn missing_and_empty_inputs() {
    let dir = scratch("cli-missing");
    write(&dir, "empty.js", b"");
    write(&dir, "empty.wasm", b"");
    for (args, expect) in [
        (vec!["snapshot", "nope.js", "-o", "o.wasm"], "nope.js: no such file"),
        (vec!["compile", "nope.wasm", "-o", "o.wasm"], "nope.wasm: no such file"),
        (vec!["run", "nope.wasm"], "nope.wasm: no such file"),
        (vec!["inspect", "nope.wasm"], "nope.wasm: no such file"),
        (vec!["snapshot", "empty.js", "-o", "o.wasm"], "empty.js: file is empty"),
        (vec!["compile", "empty.wasm", "-o", "o.wasm"], "empty.wasm: file is empty"),
        (vec!["run", "empty.wasm"], "empty.wasm: file is empty"),
    ] {
        let out = std::process::Command::new(aotjs_tests::aotjs()).current_dir(&dir).args(&args).output().unwrap();
        assert_one_line_error(&out, &args.join(" "), expect);
    }
    assert_only(&dir, &["empty.js", "empty.wasm"]);
}

/// A module importing `fastly_http_req.uri_get` with `params` i32 parameters and calling
/// `fastly_http_body.write(handle, addr, len, mode, nwritten_out)` with the given length from
/// its `_start`.
fn crafted_fastly_module(uri_get_params: usize, write_len: i32) -> Vec<u8> {
    use wasm_encoder::{CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection, Instruction as I, MemorySection, MemoryType, Module, TypeSection, ValType};
    let mut types = TypeSection::new();
    types.ty().function(vec![ValType::I32; uri_get_params], [ValType::I32]);
    types.ty().function(vec![ValType::I32; 5], [ValType::I32]);
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import("fastly_http_req", "uri_get", EntityType::Function(0));
    imports.import("fastly_http_body", "write", EntityType::Function(1));
    let mut funcs = FunctionSection::new();
    funcs.function(2);
    let mut memory = MemorySection::new();
    memory.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0).export("_start", ExportKind::Func, 2);
    let mut f = Function::new([]);
    for v in [1, 0, write_len, 0, 16] {
        f.instruction(&I::I32Const(v));
    }
    f.instruction(&I::Call(1)).instruction(&I::Drop).instruction(&I::End);
    let mut code = CodeSection::new();
    code.function(&f);
    let mut m = Module::new();
    m.section(&types).section(&imports).section(&funcs).section(&memory).section(&exports).section(&code);
    m.finish()
}

/// Crafted host calls: an import of a known Fastly call with the wrong arity is refused at
/// load, and a guest-chosen length beyond the guest's memory is an error, not an allocation.
#[test]
fn crafted_host_calls_are_refused_with_one_line() {
    let dir = scratch("cli-crafted-host");
    let wrong_arity = write(&dir, "arity.wasm", &crafted_fastly_module(1, 4));
    let out = run_aotjs([&"run".into(), &wrong_arity]);
    assert_one_line_error(&out, "run arity.wasm", "`fastly_http_req.uri_get` takes 1 parameters; the host's takes 4");
    let huge = write(&dir, "huge.wasm", &crafted_fastly_module(4, 0x7fff_fff0));
    let out = run_aotjs([&"run".into(), &huge]);
    assert_one_line_error(&out, "run huge.wasm", "host call read outside guest memory");
    let fine = write(&dir, "fine.wasm", &crafted_fastly_module(4, 4));
    let out = run_aotjs([&"run".into(), &fine]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn foreign_truncated_and_unknown_modules() {
    let dir = scratch("cli-foreign");
    let snap = snapshot(&dir, "tiny", "function main() { console.log('hi'); }");
    let bytes = std::fs::read(&snap).unwrap();
    let truncated = write(&dir, "truncated.wasm", &bytes[..bytes.len() / 3]);
    // A valid module that is not an engine: one empty function.
    let foreign = write(&dir, "foreign.wasm", &[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b]);
    let not_wasm = write(&dir, "text.wasm", b"this is not wasm at all");
    // A snapshot of an engine aotjs does not know: a compiled output with its marker removed
    // has a code section no known engine has.
    let aot = dir.join("tiny.aot.wasm");
    assert!(run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]).status.success());
    let unknown = write(&dir, "unknown.wasm", &strip_custom(&std::fs::read(&aot).unwrap(), "aotjs"));
    std::fs::remove_file(&aot).unwrap();

    for (file, expect) in [
        (&truncated, "invalid WebAssembly"),
        (&foreign, "unknown engine"),
        (&not_wasm, "not a WebAssembly module"),
        (&unknown, "unknown engine"),
    ] {
        let out_path = dir.join("out.wasm");
        let out = run_aotjs([&"compile".into(), file, &"-o".into(), &out_path]);
        assert_one_line_error(&out, &format!("compile {}", file.display()), expect);
        let out = run_aotjs([&"inspect".into(), file]);
        assert_one_line_error(&out, &format!("inspect {}", file.display()), expect);
    }
    for file in [&truncated, &not_wasm] {
        let out = run_aotjs([&"run".into(), file]);
        assert_one_line_error(&out, &format!("run {}", file.display()), "not a valid WebAssembly module");
    }
    let out = run_aotjs([&"run".into(), &foreign]);
    assert_one_line_error(&out, "run foreign.wasm", "export to run");
    assert_only(&dir, &["tiny.js", "tiny.snap.wasm", "truncated.wasm", "foreign.wasm", "text.wasm", "unknown.wasm"]);
}

#[test]
fn script_errors_at_snapshot_time() {
    let dir = scratch("cli-script-errors");
    let syntax = write(&dir, "syntax.js", b"function main( { console.log('x') }\n");
    let throws = write(&dir, "throws.js", b"function main() {}\nthrow new RangeError('bad setup');\n");
    for (js, expect) in [(&syntax, "SyntaxError"), (&throws, "RangeError: bad setup")] {
        let out = run_aotjs([&"snapshot".into(), js, &"-o".into(), &dir.join("out.wasm")]);
        assert_one_line_error(&out, &format!("snapshot {}", js.display()), expect);
        let out = run_aotjs([&"run".into(), js]);
        assert_one_line_error(&out, &format!("run {}", js.display()), expect);
    }
    assert_only(&dir, &["syntax.js", "throws.js"]);
}

#[test]
fn uncaught_exception_in_main_is_reported_the_same_compiled() {
    let dir = scratch("cli-uncaught");
    let snap = snapshot(&dir, "uncaught", "function f(o) { return o.x.y; }\nfunction main() {\n  console.log('before');\n  f({});\n}\n");
    let aot = dir.join("uncaught.aot.wasm");
    assert!(run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]).status.success());
    let mut outputs = Vec::new();
    for m in [&snap, &aot] {
        let out = run_aotjs([&"run".into(), m]);
        assert_eq!(out.status.code(), Some(1), "an uncaught exception must exit 1");
        assert_eq!(text(&out.stdout), "before\n");
        let err = text(&out.stderr);
        assert!(err.starts_with("Uncaught TypeError"), "stderr: {err}");
        assert!(err.contains("f@uncaught.js:1:"), "the stack names the user's frame: {err}");
        assert!(!err.contains(":6:") && !err.contains(":9:"), "prelude frames are hidden: {err}");
        outputs.push((out.stdout, out.stderr));
    }
    assert_eq!(outputs[0], outputs[1]);
}

/// Unbounded recursion through compiled frames (direct calls, calls through the IC chain and
/// mutual recursion) is reported as the engine reports it, caught by the program, and the
/// program goes on: no trap. Compiled code stops at a smaller depth than the interpreter (its
/// frames nest on the C stack), so only depths both reach, and the overflow itself, compare.
#[test]
fn unbounded_recursion_throws_too_much_recursion_compiled_as_interpreted() {
    let dir = scratch("cli-recursion");
    let source = "function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }\n\
        function ping(n) { return pong(n + 1); }\nfunction pong(n) { return ping(n + 1); }\n\
        function viaApply(n) { return viaApply.apply(null, [n + 1]); }\n\
        function main() {\n\
          console.log(down(1500));\n\
          for (const f of [() => down(1e7), () => ping(0), () => viaApply(0)]) {\n\
            try { f(); console.log('returned'); } catch (e) { console.log(e.name + ': ' + e.message); }\n\
          }\n\
          console.log(down(1000));\n\
        }\n";
    let snap = snapshot(&dir, "recursion", source);
    let aot = dir.join("recursion.aot.wasm");
    assert!(run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]).status.success());
    let interp = run_aotjs([&"run".into(), &snap]);
    let compiled = run_aotjs([&"run".into(), &aot]);
    let expected = "1500\nInternalError: too much recursion\nInternalError: too much recursion\nInternalError: too much recursion\n1000\n";
    assert_eq!(text(&interp.stdout), expected, "interpreted; stderr: {}", text(&interp.stderr));
    assert_eq!(text(&compiled.stdout), expected, "compiled; stderr: {}", text(&compiled.stderr));
    assert!(compiled.status.success(), "compiled run failed: {}", text(&compiled.stderr));
}

#[test]
fn refuses_plain_engine_and_compiled_inputs() {
    let dir = scratch("cli-refuse");
    let js = write(&dir, "p.js", b"function main() { console.log(1); }");
    let plain = dir.join("plain.snap.wasm");
    let out = run_aotjs([&"snapshot".into(), &js, &"--engine".into(), &"fastly".into(), &"-o".into(), &plain]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = run_aotjs([&"run".into(), &plain]);
    assert_eq!(text(&run.stdout), "1\n", "the plain engine's snapshot runs: {}", text(&run.stderr));
    let out = run_aotjs([&"compile".into(), &plain, &"-o".into(), &dir.join("x.wasm")]);
    assert_one_line_error(&out, "compile plain", "has no AOT protocol");

    let snap = snapshot(&dir, "q", "function main() { console.log(2); }");
    let aot = dir.join("q.aot.wasm");
    assert!(run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]).status.success());
    let out = run_aotjs([&"compile".into(), &aot, &"-o".into(), &dir.join("x.wasm")]);
    assert_one_line_error(&out, "compile compiled", "already compiled");
    // A compiled output has nothing left to lower; its lowering view is empty, not an error.
    let out = run_aotjs([&"inspect".into(), &aot, &"--lowered".into(), &"--json".into()]);
    assert!(out.status.success(), "inspect --lowered of a compiled output: {}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("inspect --json prints JSON");
    assert_eq!(v["scripts"].as_array().map(Vec::len), Some(0), "no script requests remain");
    let out = run_aotjs([&"inspect".into(), &plain, &"--lowered".into()]);
    assert_one_line_error(&out, "inspect --lowered plain", "has no AOT protocol");
    let out = run_aotjs(["snapshot", "p.js", "--engine", "nonesuch"]);
    assert_one_line_error(&out, "--engine nonesuch", "unknown engine `nonesuch`");
    assert_only(&dir, &["p.js", "plain.snap.wasm", "q.js", "q.snap.wasm", "q.aot.wasm"]);
}

#[test]
fn outputs_are_deterministic_valid_and_precompile_runs() {
    let dir = scratch("cli-determinism");
    let src = workspace_root().join("corpus").join("closures.js");
    let expected = std::fs::read_to_string(src.with_extension("out")).unwrap();
    let (s1, s2) = (dir.join("a.snap.wasm"), dir.join("b.snap.wasm"));
    for s in [&s1, &s2] {
        assert!(run_aotjs([&"snapshot".into(), &src, &"-o".into(), s]).status.success());
    }
    assert!(std::fs::read(&s1).unwrap() == std::fs::read(&s2).unwrap(), "two snapshots of one program differ");
    let (c1, c2) = (dir.join("a.aot.wasm"), dir.join("b.aot.wasm"));
    for c in [&c1, &c2] {
        assert!(run_aotjs([&"compile".into(), &s1, &"-o".into(), c]).status.success());
    }
    let compiled = std::fs::read(&c1).unwrap();
    assert!(compiled == std::fs::read(&c2).unwrap(), "two compiles of one snapshot differ");
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&compiled)
        .expect("the compiled module validates");
    assert!(!has_import_module(&compiled, "weval"), "the compiled module still imports intrinsics");

    let native = dir.join("a.aot.cwasm");
    let out = run_aotjs([&"compile".into(), &s1, &"--precompile".into(), &"-o".into(), &native]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = run_aotjs([&"run".into(), &native]);
    assert_eq!(text(&run.stdout), expected, "precompiled artifact output: {}", text(&run.stderr));
}

#[test]
fn help_has_examples() {
    for sub in ["snapshot", "compile", "run", "inspect", "bench", "engine", "coverage", "octane", "weval"] {
        let out = run_aotjs([sub, "--help"]);
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("Examples:"), "`aotjs {sub} --help` shows no examples");
    }
}

/// A new snapshot of a known engine runs from the engine's cached code module with the
/// snapshot's data (no native compile), and gives the same output as the whole module would.
#[test]
fn a_new_snapshot_runs_from_the_engines_cached_code() {
    let dir = scratch("cli-split");
    let snap = snapshot(&dir, "split", "var greeting = 'hello ' + [3, 4].map((x) => x * x).join('+');\nfunction main() { console.log(greeting); }\n");
    let out = run_aotjs([&"run".into(), &"-v".into(), &snap]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("the engine's code module (cached) and the snapshot's data"), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "hello 9+16\n");
    // The same program compiled by aotjs (a whole module) agrees.
    let aot = dir.join("split.aot.wasm");
    assert!(run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]).status.success());
    let out = run_aotjs([&"run".into(), &"-v".into(), &aot]);
    assert!(text(&out.stderr).contains("compiled to native code"), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "hello 9+16\n");
}

/// `aotjs bench --startup` measures all three modules of a program, each answering, and
/// reports medians (no timing is asserted: only that there are measurements).
#[test]
fn bench_startup_measures_plain_snapshot_and_compiled() {
    let dir = scratch("cli-startup");
    let app = write(&dir, "hello.js", b"function main() { console.log('hi ' + [1, 2, 3].reduce((a, b) => a + b)); }\n");
    let out = run_aotjs([&"bench".into(), &"--startup".into(), &"--samples".into(), &"3".into(), &"--json".into(), &app]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &v["programs"][0];
    for m in ["plain", "snapshot", "aotjs"] {
        let first = row[m]["first_response_ms"].as_f64().unwrap_or(0.0);
        let inst = row[m]["instantiate_ms"].as_f64().unwrap_or(0.0);
        assert!(first > 0.0 && inst > 0.0 && inst <= first, "{m}: {row}");
    }
    assert_eq!(row["aotjs"]["pre_instantiated"], true, "{row}");
    assert!(row["aotjs_over_snapshot"].as_f64().is_some(), "{row}");
    // A program that does not answer is an error, not a measurement.
    let bad = write(&dir, "throws.js", b"function main() { throw new Error('no'); }\n");
    let out = run_aotjs([&"bench".into(), &"--startup".into(), &"--samples".into(), &"2".into(), &"--json".into(), &bad]);
    assert_one_line_error(&out, "bench --startup throws.js", "did not answer");
}

/// `aotjs octane` refuses bad arguments before any engine work: one line, exit 1.
#[test]
fn octane_argument_errors() {
    let dir = scratch("cli-octane");
    let octane = dir.join("octane");
    std::fs::create_dir_all(&octane).unwrap();
    write(&octane, "base.js", b"// base\n");
    write(&octane, "richards.js", b"// richards\n");
    for (args, expect) in [
        (vec!["octane", "nope"], "nope: no such directory"),
        (vec!["octane", "."], "no base.js"),
        (vec!["octane", "octane", "richard"], "unknown benchmark `richard`"),
        (vec!["octane", "octane", "richards", "gbemu"], "gbemu-part1.js: no such file"),
        (vec!["octane", "octane", "--reps", "0"], "--reps must be at least 1"),
    ] {
        let out = std::process::Command::new(aotjs_tests::aotjs()).current_dir(&dir).args(&args).output().unwrap();
        assert_one_line_error(&out, &args.join(" "), expect);
    }
}

fn has_import_module(wasm: &[u8], module: &str) -> bool {
    for p in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::ImportSection(r)) = p {
            return r.into_imports().any(|i| i.map(|i| i.module == module).unwrap_or(false));
        }
    }
    false
}

/// Copies a module without the named custom section.
fn strip_custom(wasm: &[u8], name: &str) -> Vec<u8> {
    let mut out = wasm_encoder::Module::new();
    for p in wasmparser::Parser::new(0).parse_all(wasm) {
        let p = p.unwrap();
        if let wasmparser::Payload::CustomSection(c) = &p {
            if c.name() == name {
                continue;
            }
        }
        if let Some((id, range)) = p.as_section() {
            out.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
        }
    }
    out.finish()
}

#[test]
fn stub_library_is_cached_per_engine_and_reused() {
    let dir = scratch("cli-stub-cache");
    let cache = dir.join("cache");
    let snap = snapshot(&dir, "c", "function f(o) { return o.x + 1; }\nfunction main() { console.log(String(f({ x: 41 }))); }\n");
    let compile = |out: &str| {
        let mut cmd = std::process::Command::new(aotjs_tests::aotjs());
        cmd.env("AOTJS_CACHE", &cache).arg("compile").arg(&snap).arg("-o").arg(dir.join(out)).arg("--report").arg("-");
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", text(&o.stderr));
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (r, std::fs::read(dir.join(out)).unwrap())
    };
    let (cold, a) = compile("a.wasm");
    let (warm, b) = compile("b.wasm");
    let total = cold["ics"]["total"].as_u64().unwrap();
    assert_eq!(cold["stub_cache_misses"].as_u64().unwrap(), total, "a cold compile builds every stub");
    assert_eq!(warm["stub_cache_hits"].as_u64().unwrap(), total, "a warm compile reuses every stub");
    assert_eq!(warm["stub_cache_misses"], 0);
    assert!(cold["ics"]["compiled"].as_u64().unwrap() > 400, "the stub library compiles the common IC bodies");
    assert!(a == b, "cached and fresh stubs give the same module");
    let files: Vec<_> = std::fs::read_dir(cache.join("stubs")).unwrap().collect();
    assert_eq!(files.len(), 1, "one stub library per engine build");
}

/// `coverage --sites` counts, per predicted IC site, its passes and its chain calls: a call of
/// a compiled function takes the direct path, a call of a native always takes the chain, and
/// a monomorphic property read runs inline after its first (attaching) pass.
#[test]
fn coverage_sites_counts_direct_inline_and_chain_passes() {
    let dir = scratch("cli-coverage-sites");
    let js = write(
        &dir,
        "sites.js",
        b"function twice(x) { return 2 * x; }\nfunction main() {\n  const o = { v: 3 };\n  let s = 0;\n  for (let i = 0; i < 500; i++) { s += twice(i) + o.v; s += Math.abs(-i); }\n  console.log(s);\n}\n",
    );
    let out = run_aotjs([&"coverage".into(), &js, &"--sites".into(), &"--json".into()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sites = &v["programs"][0]["sites"];
    let list = sites["sites"].as_array().expect("sites listed");
    let find = |op: &str, plan: &str, passes: i64| {
        list.iter().find(|s| s["op"] == op && s["plan"].as_str().unwrap().starts_with(plan) && s["passes"] == passes).unwrap_or_else(|| panic!("no {op} site ({plan}) with {passes} passes: {list:?}"))
    };
    let calls: Vec<_> = list.iter().filter(|s| s["op"] == "Call" && s["passes"] == 500).collect();
    assert_eq!(calls.len(), 2, "twice() and Math.abs(): {list:?}");
    assert!(calls.iter().any(|s| s["fast"].as_i64().unwrap() >= 498), "twice() is called directly: {calls:?}");
    assert!(calls.iter().any(|s| s["chain"] == 500), "Math.abs is a native: every call takes the chain: {calls:?}");
    let read = find("GetProp", "inline:", 500);
    assert!(read["fast"].as_i64().unwrap() >= 498, "o.v runs inline once its stub is attached: {read:?}");
    assert_eq!(sites["passes"].as_i64().unwrap(), list.iter().map(|s| s["passes"].as_i64().unwrap()).sum::<i64>());
}
