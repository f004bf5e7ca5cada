//! Golden files: `tests/golden/NAME.js` is snapshotted and `aotjs inspect` must print exactly
//! `tests/golden/NAME.inspect.txt`. `AOTJS_BLESS=1` rewrites the expected files.

use aotjs_tests::{run_aotjs, scratch, text, workspace_root};
use std::path::Path;

fn check(name: &str) {
    check_output(name, "inspect", &[]);
}

/// `aotjs inspect --lowered --function F --no-disasm` of golden program `name` must print
/// `tests/golden/NAME.F.lowered.txt`: the script compiler's output for one small function.
fn check_lowering(name: &str, function: &str) {
    check_output(name, &format!("{function}.lowered"), &["--lowered", "--no-disasm", "--function", function]);
}

/// Snapshots `js` into scratch directory `dir` and returns what `aotjs inspect SNAP EXTRA...`
/// prints.
fn snapshot_and_inspect(js: &Path, dir: &str, extra: &[&str]) -> Vec<u8> {
    let dir = scratch(dir);
    let snap = dir.join("app.snap.wasm");
    let out = run_aotjs([std::ffi::OsStr::new("snapshot"), js.as_os_str(), "-o".as_ref(), snap.as_os_str()]);
    assert!(out.status.success(), "snapshot of {}: {}", js.display(), text(&out.stderr));
    let mut args: Vec<std::ffi::OsString> = vec!["inspect".into(), snap.into()];
    args.extend(extra.iter().map(|a| a.into()));
    let out = run_aotjs(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out.stdout
}

fn check_output(name: &str, kind: &str, extra: &[&str]) {
    let golden = workspace_root().join("tests").join("golden");
    let js = golden.join(format!("{name}.js"));
    let got = text(&snapshot_and_inspect(&js, &format!("golden-{name}-{kind}"), extra));
    let expected_path = golden.join(format!("{name}.{kind}.txt"));
    if std::env::var_os("AOTJS_BLESS").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} missing; run with AOTJS_BLESS=1", expected_path.display()));
    if got != expected {
        let first = got.lines().zip(expected.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name}: inspect output differs from {} at line {}:\n  got:      {}\n  expected: {}\n(AOTJS_BLESS=1 rewrites it)",
            expected_path.display(),
            first + 1,
            got.lines().nth(first).unwrap_or("<end>"),
            expected.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn golden_add() {
    check("add");
}

#[test]
fn golden_loop() {
    check("loop");
}

#[test]
fn golden_point() {
    check("point");
}

#[test]
fn lowering_add() {
    check_lowering("add", "add");
}

#[test]
fn lowering_loop() {
    check_lowering("loop", "sum");
}

#[test]
fn lowering_point() {
    check_lowering("point", "norm2");
}

/// The lowering-independent core of the `add` golden, stated outright: whatever else changes,
/// `add` must disassemble to these ops.
#[test]
fn add_disassembles_to_the_expected_ops() {
    let out = snapshot_and_inspect(&workspace_root().join("tests/golden/add.js"), "golden-add-ops", &["--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("inspect --json prints JSON");
    let add = v["scripts"].as_array().unwrap().iter().find(|s| s["name"] == "add").expect("a script named add");
    let ops: Vec<&str> = add["disassembly"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(ops, ["0000  GetArg arg 0", "0003  GetArg arg 1", "0006  Add", "0007  Return", "0008  RetRval"]);
    assert_eq!(add["line"], 1);
    assert!(v["ic_requests"]["count"].as_u64().unwrap() > 2000, "the built-in IC corpus is enqueued");
}

/// Try notes, scope notes and resume offsets are read from each script's ImmutableScriptData:
/// `finallySwallow` in the exceptions program has one finally note covering its try block, and
/// every script's notes parse.
#[test]
fn script_notes_are_read_from_the_immutable_script_data() {
    let out = snapshot_and_inspect(&workspace_root().join("corpus/exceptions.js"), "notes-exceptions", &["--json", "--no-disasm"]);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("inspect --json prints JSON");
    let scripts = v["scripts"].as_array().unwrap();
    for s in scripts {
        assert!(s["notes"]["error"].is_null(), "{}: notes do not parse: {}", s["name"], s["notes"]["error"]);
    }
    let f = scripts.iter().find(|s| s["name"] == "finallySwallow").expect("a script named finallySwallow");
    let tries = f["notes"]["try_notes"].as_array().unwrap();
    assert_eq!(tries.len(), 1, "{tries:?}");
    assert_eq!(tries[0]["kind"], 1, "a finally note: {tries:?}");
    let len = f["bytecode_length"].as_u64().unwrap();
    assert!(tries[0]["start"].as_u64().unwrap() + tries[0]["length"].as_u64().unwrap() <= len);
    let total: usize = scripts.iter().map(|s| s["notes"]["scope_notes"].as_array().map_or(0, |a| a.len())).sum();
    assert!(total > 0, "the exceptions program has block scopes, so scope notes");
}

/// `inspect --ics` says what each compiled IC site does first: `point`'s `main` constructs
/// (the chain), reads and writes a property (inline slot bodies the stub library compiled),
/// and calls a method (a direct call); the text listing annotates the same ops.
#[test]
fn inspect_ics_names_each_sites_plan() {
    let js = workspace_root().join("tests/golden/point.js");
    let out = snapshot_and_inspect(&js, "golden-point-sites", &["--json", "--ics", "--no-disasm"]);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("inspect --json prints JSON");
    let main = v["scripts"].as_array().unwrap().iter().find(|s| s["name"] == "main").expect("a script named main");
    let plans: Vec<&str> = main["sites"].as_array().expect("sites under --ics").iter().map(|s| s["plan"].as_str().unwrap()).collect();
    assert!(plans.iter().any(|p| p.starts_with("direct call")), "{plans:?}");
    assert!(plans.iter().any(|p| p.starts_with("inline: fixed slot read")), "{plans:?}");
    assert!(plans.iter().any(|p| p.starts_with("inline:") && p.contains("slot write") && p.contains("property add")), "{plans:?}");
    assert!(plans.iter().any(|p| p.starts_with("the chain")), "{plans:?}");
    let text = text(&snapshot_and_inspect(&js, "golden-point-sites-text", &["--ics", "--function", "main"]));
    let call = text.lines().find(|l| l.contains("CallProp") || l.contains(" Call ")).unwrap_or("");
    assert!(call.contains("; direct call of a compiled scripted callee"), "{call}");
}
