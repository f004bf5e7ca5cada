//! Differential fuzzing in CI: a fixed set of seeds, batched into a few snapshots, must give
//! identical output interpreted and compiled (`aotjs fuzz`). Longer runs: `aotjs fuzz --seconds N`.

use aotjs_tests::{run_aotjs, scratch, text};

#[test]
fn fuzz_programs_run_the_same_interpreted_and_compiled() {
    let keep = scratch("fuzz-keep");
    let out = run_aotjs(["fuzz", "--seed", "1", "--programs", "3", "--cases", "40", "--json", "--keep", keep.to_str().unwrap()]);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON summary ({e}): {}", text(&out.stderr)));
    assert_eq!(summary["differ"], 0, "interpreted and compiled differ: {summary}");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(summary["programs"], 3);
    assert_eq!(summary["cases"], 120);
    // The programs run compiled code, not only the interpreter.
    assert!(summary["scripts_compiled"].as_u64().unwrap_or(0) > 100, "{summary}");
    assert_eq!(std::fs::read_dir(&keep).unwrap().count(), 0, "a failing program was kept");
}

#[test]
fn fuzz_print_gives_the_program_of_a_seed() {
    let a = run_aotjs(["fuzz", "--print", "9", "--cases", "3"]);
    let b = run_aotjs(["fuzz", "--print", "9", "--cases", "3"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout, "the same seed gives the same program");
    let src = text(&a.stdout);
    assert!(src.contains("function t2()") && !src.contains("function t3()") && src.contains("function main()"), "{src}");
}
