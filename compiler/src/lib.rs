//! aotjs-compiler: a Wizer snapshot of a SpiderMonkey engine in, the same engine with compiled
//! code linked in, out. Pure bytes in, bytes out: no files, no processes, no Wasmtime.
//!
//! ```text
//!  snapshot.wasm
//!      |  snapshot::Module::parse        validated; sections kept as raw slices
//!      v
//!  Module + MemoryImage                  image = active data segments, flattened
//!      |  snapshot::identify             code-section digest must name a known engine;
//!      v                                 its opcode tables are read from the image and probed
//!  Engine (tables)
//!      |  snapshot::requests::read       the pending list via `weval.pending.head`;
//!      v                                 every request decoded, none modified yet
//!  Requests (scripts, ICs)
//!      |  plan: which requests get code  (stub library and script compiler plug in here;
//!      v                                 today every request is declined and reported)
//!  Plan
//!      |  link::Linker::finish           requests unlinked, flag set, slots written,
//!      v                                 intrinsics removed, untouched bytes carried over
//!  output.wasm + Report
//! ```

pub mod bytecode;
pub mod error;
pub mod link;
pub mod report;
pub mod snapshot;

pub use error::{Error, Result};
pub use report::Report;

use runtime_abi::protocol::req;
use snapshot::{MemoryImage, Module, Requests};

/// Options of one compilation.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {}

/// The result of `compile`: the output module and what was done.
pub struct Compiled {
    pub wasm: Vec<u8>,
    pub report: Report,
}

/// A snapshot, parsed and identified: what `inspect` shows and `compile` starts from.
pub struct Snapshot<'a> {
    pub module: Module<'a>,
    pub image: MemoryImage,
    pub engine: snapshot::Engine,
    pub requests: Requests,
}

impl<'a> Snapshot<'a> {
    /// Parses, identifies the engine and reads the request list. Refuses unknown engines.
    pub fn load(bytes: &'a [u8]) -> Result<Self> {
        let module = Module::parse(bytes)?;
        let image = module.memory_image();
        let engine = snapshot::identify(&module, &image)?;
        let requests = snapshot::requests::read(&module, &image)?;
        Ok(Snapshot { module, image, engine, requests })
    }

    /// True when the engine's "already compiled" flag is set in the image.
    pub fn is_compiled(&self) -> Result<bool> {
        if self.requests.flag_addr == 0 {
            return Ok(false);
        }
        Ok(self.image.u8(self.requests.flag_addr)? != 0)
    }
}

/// Compiles a snapshot: fills the requests it can, links, and reports the rest.
pub fn compile(bytes: &[u8], _opts: &CompileOptions) -> Result<Compiled> {
    let snap = Snapshot::load(bytes)?;
    if snap.engine.facts.is_none() || snap.requests.flag_addr == 0 {
        return Err(Error::NoAotProtocol { engine: snap.engine.spec.name });
    }
    if snap.is_compiled()? || snap.module.custom_section(report::METADATA_SECTION).is_some() {
        return Err(Error::AlreadyCompiled);
    }
    let mut report = Report::new(&snap);

    let linker = link::Linker::new(&snap.module)?;
    let mut image = snap.image.clone();
    unlink_requests(&mut image, &snap.requests)?;
    // The flag is a C++ `bool`: write one byte, not a word over its neighbours.
    image.write(snap.requests.flag_addr, &[1])?;

    let metadata = report.metadata_json();
    let (wasm, stats) = linker.finish(image, &[], &[(report::METADATA_SECTION, metadata)])?;
    report.link = stats;
    report.output_bytes = wasm.len() as u64;
    Ok(Compiled { wasm, report })
}

/// Empties the pending list in the image, as the engine expects of a compiled module.
fn unlink_requests(image: &mut MemoryImage, requests: &Requests) -> Result<()> {
    for r in &requests.list {
        image.write_u32(r.addr + req::NEXT, 0)?;
        image.write_u32(r.addr + req::PREV, 0)?;
    }
    image.write_u32(requests.head_addr, 0)
}
