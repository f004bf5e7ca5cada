//! Shared helpers of the aotjs test suite: the binary under test, the corpus, scratch space.
//!
//! Tests drive the real `aotjs` binary, as a user would, so exit codes, error lines and files
//! left behind are checked exactly as they are seen.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The `aotjs` binary, built once per test process in the profile the tests run in, or the
/// binary named by `AOTJS_BIN` (to test a frozen build while working on the next one).
pub fn aotjs() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("AOTJS_BIN") {
            return PathBuf::from(bin);
        }
        let release = !cfg!(debug_assertions);
        let mut cmd = Command::new(env!("CARGO"));
        cmd.current_dir(workspace_root()).args(["build", "-q", "-p", "aotjs", "--bin", "aotjs"]);
        if release {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("running cargo build for aotjs");
        assert!(status.success(), "cargo build -p aotjs failed");
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"));
        target.join(if release { "release" } else { "debug" }).join("aotjs")
    })
}

/// Runs `aotjs ARGS...` and returns its output.
pub fn run_aotjs<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(aotjs()).args(args).output().expect("running aotjs")
}

/// A scratch directory under the target directory, emptied at creation.
pub fn scratch(name: &str) -> PathBuf {
    let dir = workspace_root().join("target").join("aotjs-test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every corpus program: (name, path of the .js, expected output).
pub fn corpus() -> Vec<(String, PathBuf, String)> {
    let dir = workspace_root().join("corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("corpus directory") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "js") {
            let expected = std::fs::read_to_string(path.with_extension("out"))
                .unwrap_or_else(|_| panic!("{} has no .out file beside it", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            out.push((name, path, expected));
        }
    }
    out.sort();
    out
}

/// Whether a corpus program is marked `// cpu-bound` on its first line.
pub fn is_cpu_bound(path: &Path) -> bool {
    std::fs::read_to_string(path).map(|s| s.starts_with("// cpu-bound")).unwrap_or(false)
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a failed command: non-zero exit, exactly one `error:` line, no panic.
pub fn assert_one_line_error(out: &Output, what: &str, expect: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{what}: expected failure, got success; stderr: {err}");
    assert!(!err.contains("panicked"), "{what}: panicked: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: expected one line on stderr, got: {err}");
    assert!(lines[0].starts_with("error: "), "{what}: the line does not start with `error:`: {err}");
    assert!(lines[0].contains(expect), "{what}: expected `{expect}` in: {err}");
}
