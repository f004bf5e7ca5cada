//! The on-disk cache: engines, compiled native code, scratch directories; and atomic writes.
//!
//! Location: `$AOTJS_CACHE`, else `$XDG_CACHE_HOME/aotjs`, else `~/.cache/aotjs`.

use wasmtime::{Result};
use wasmtime::error::Context;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use wasmtime::{Engine, Module};

pub struct Cache {
    root: PathBuf,
    /// Set for a private cache: the directory, removed with the cache.
    _private: Option<TempDir>,
}

impl Cache {
    pub fn open() -> Result<Cache> {
        let root = configured_root().ok_or_else(|| wasmtime::format_err!("no cache directory: set AOTJS_CACHE"))?;
        std::fs::create_dir_all(&root).with_context(|| format!("cannot create cache directory {}", root.display()))?;
        Ok(Cache { root, _private: None })
    }

    /// The cache, or, where no location is configured (a process started with an empty
    /// environment, as the Fastly toolchain starts its AOT step), a private cache in the
    /// system's temporary directory that lives as long as the returned value. A shared
    /// directory there is not used: it would load native code anyone could have written.
    pub fn open_or_private() -> Result<Cache> {
        if configured_root().is_some() {
            return Cache::open();
        }
        let dir = TempDir::create_in(&std::env::temp_dir(), "aotjs-cache")?;
        Ok(Cache { root: dir.path().to_path_buf(), _private: Some(dir) })
    }

    /// True when nothing is kept after this process.
    pub fn is_private(&self) -> bool {
        self._private.is_some()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn dir(&self, name: &str) -> Result<PathBuf> {
        let d = self.root.join(name);
        std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
        Ok(d)
    }

    /// A fresh scratch directory, removed when dropped.
    pub fn temp_dir(&self, prefix: &str) -> Result<TempDir> {
        TempDir::create_in(&self.dir("tmp")?, prefix)
    }

    /// Compiles `wasm`, or loads the native code compiled for it earlier under `key`.
    pub fn compiled_module(&self, engine: &Engine, key: &str, wasm: &[u8]) -> Result<Module> {
        let digest = hex(&Sha256::digest(wasm));
        let path = self.dir("native")?.join(format!("{key}-{}-wasmtime{}.cwasm", &digest[..16], wasmtime_version()));
        if path.exists() {
            // SAFETY: written by this code from a module it compiled with the same engine
            // configuration; Wasmtime refuses artifacts of another version or configuration.
            if let Ok(m) = unsafe { Module::deserialize_file(engine, &path) } {
                return Ok(m);
            }
        }
        let module = Module::new(engine, wasm)?;
        let bytes = module.serialize()?;
        write_atomic(&path, &bytes)?;
        Ok(module)
    }
}

/// `$AOTJS_CACHE`, else `$XDG_CACHE_HOME/aotjs`, else `~/.cache/aotjs`, if any is set.
fn configured_root() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("AOTJS_CACHE") {
        Some(PathBuf::from(p))
    } else if let Some(p) = std::env::var_os("XDG_CACHE_HOME") {
        Some(PathBuf::from(p).join("aotjs"))
    } else {
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache").join("aotjs"))
    }
}

fn wasmtime_version() -> &'static str {
    "48.0.8"
}

pub struct TempDir(PathBuf);

impl TempDir {
    /// A new directory `PREFIX-PID-N` in `base`.
    pub fn create_in(base: &Path, prefix: &str) -> Result<TempDir> {
        for n in 0u32.. {
            let p = base.join(format!("{prefix}-{}-{n}", std::process::id()));
            match std::fs::create_dir(&p) {
                Ok(()) => return Ok(TempDir(p)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e).with_context(|| format!("cannot create {}", p.display())),
            }
        }
        unreachable!()
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// reader never sees a half-written file and a failed write leaves nothing behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}
