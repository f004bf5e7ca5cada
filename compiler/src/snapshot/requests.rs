//! The pending-request list: what the engine asked to have compiled.

use crate::error::{Error, Result};
use crate::snapshot::{MemoryImage, Module};
use runtime_abi::protocol::{self, arg, ic_args, req, script_args};

/// One decoded argument descriptor.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgValue {
    I32(u32),
    I64(u64),
    F32(u32),
    F64(u64),
    Buffer(Vec<u8>),
    Runtime,
}

#[derive(Clone, Debug)]
pub struct Request {
    /// Address of the `weval_req_t`.
    pub addr: u32,
    pub func_id: u32,
    /// Table index of the generic function this request stands for.
    pub func: u32,
    /// Address where the table index of the replacement goes.
    pub specialized: u32,
    pub kind: RequestKind,
}

#[derive(Clone, Debug)]
pub enum RequestKind {
    Script(ScriptRequest),
    Ic(IcRequest),
}

#[derive(Clone, Debug)]
pub struct ScriptRequest {
    pub args_obj_aliases_formals: bool,
    pub nfixed: u64,
    pub bytecode: Vec<u8>,
    /// The whole ImmutableScriptData allocation.
    pub isd: Vec<u8>,
}

impl ScriptRequest {
    /// The little-endian word at `offset` of the ImmutableScriptData, if it has one there.
    pub fn isd_u32(&self, offset: u32) -> Option<u32> {
        let o = offset as usize;
        self.isd.get(o..o.checked_add(4)?).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[derive(Clone, Debug)]
pub struct IcRequest {
    pub code_length: u32,
    pub kind: u8,
    pub engine: u8,
    pub stub_data_offset: u8,
    pub makes_gc_calls: bool,
    pub code: Vec<u8>,
}

/// The request list of a snapshot, in list order (newest first, as the engine links them).
pub struct Requests {
    pub head_addr: u32,
    pub flag_addr: u32,
    pub list: Vec<Request>,
}

impl Requests {
    pub fn scripts(&self) -> impl Iterator<Item = (&Request, &ScriptRequest)> {
        self.list.iter().filter_map(|r| match &r.kind {
            RequestKind::Script(s) => Some((r, s)),
            _ => None,
        })
    }

    pub fn ics(&self) -> impl Iterator<Item = (&Request, &IcRequest)> {
        self.list.iter().filter_map(|r| match &r.kind {
            RequestKind::Ic(s) => Some((r, s)),
            _ => None,
        })
    }
}

/// Bound on the list length: far above the ~2,400 requests a real snapshot has, and low enough
/// that a corrupted (cyclic) list is reported instead of looping.
const MAX_REQUESTS: usize = 1 << 20;

/// Finds the list through the engine's exports and decodes every request.
pub fn read(module: &Module<'_>, image: &MemoryImage) -> Result<Requests> {
    let export_addr = |name: &str| -> Result<Option<u32>> {
        match module.export(name) {
            Some(e) if e.kind == wasmparser::ExternalKind::Func => {
                Ok(Some(module.const_returning_func(e.index)?))
            }
            _ => Ok(None),
        }
    };
    let (Some(head_addr), Some(flag_addr)) = (
        export_addr(protocol::EXPORT_PENDING_HEAD)?,
        export_addr(protocol::EXPORT_IS_WEVALED)?,
    ) else {
        return Ok(Requests { head_addr: 0, flag_addr: 0, list: Vec::new() });
    };
    let mut list = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut addr = image.u32(head_addr)?;
    while addr != 0 {
        if list.len() >= MAX_REQUESTS || !seen.insert(addr) {
            return Err(Error::Request { addr, message: "request list does not end".into() });
        }
        let r = image.read(addr, req::SIZE).map_err(|_| Error::Request {
            addr,
            message: "request lies outside the memory image".into(),
        })?;
        let field = |off: u32| u32::from_le_bytes(r[off as usize..off as usize + 4].try_into().unwrap());
        let argbuf = image.read(field(req::ARGBUF), field(req::ARGLEN)).map_err(|_| Error::Request {
            addr,
            message: "argument buffer lies outside the memory image".into(),
        })?;
        let args = decode_args(&argbuf).map_err(|message| Error::Request { addr, message })?;
        let func_id = field(req::FUNC_ID);
        let num_globals = field(req::NUM_GLOBALS);
        let kind = decode_kind(func_id, num_globals, args).map_err(|message| Error::Request { addr, message })?;
        list.push(Request {
            addr,
            func_id,
            func: field(req::FUNC),
            specialized: field(req::SPECIALIZED),
            kind,
        });
        addr = field(req::NEXT);
    }
    Ok(Requests { head_addr, flag_addr, list })
}

/// Decodes packed `weval_req_arg_t` descriptors with their inline buffers.
pub fn decode_args(buf: &[u8]) -> std::result::Result<Vec<ArgValue>, String> {
    let u32_at = |o: usize| -> std::result::Result<u32, String> {
        buf.get(o..o + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
            .ok_or_else(|| format!("argument buffer truncated at byte {o}"))
    };
    let mut out = Vec::new();
    let mut pos = 0usize;
    while pos < buf.len() {
        let specialize = u32_at(pos + arg::SPECIALIZE as usize)?;
        let ty = u32_at(pos + arg::TY as usize)?;
        let lo = u32_at(pos + arg::VALUE as usize)?;
        let hi = u32_at(pos + arg::VALUE as usize + 4)?;
        let wide = (hi as u64) << 32 | lo as u64;
        pos += arg::SIZE as usize;
        let v = match ty {
            _ if specialize == 0 => ArgValue::Runtime,
            arg::TY_I32 => ArgValue::I32(lo),
            arg::TY_I64 => ArgValue::I64(wide),
            arg::TY_F32 => ArgValue::F32(lo),
            arg::TY_F64 => ArgValue::F64(wide),
            arg::TY_BUFFER => {
                let (len, padded) = (lo as usize, hi as usize);
                let data = buf
                    .get(pos..pos + len)
                    .ok_or_else(|| format!("buffer argument {} overruns the argument buffer", out.len()))?;
                pos += padded;
                ArgValue::Buffer(data.to_vec())
            }
            other => return Err(format!("argument {} has unknown type {other}", out.len())),
        };
        out.push(v);
    }
    Ok(out)
}

fn decode_kind(func_id: u32, num_globals: u32, args: Vec<ArgValue>) -> std::result::Result<RequestKind, String> {
    let buffer = |i: usize| match args.get(i) {
        Some(ArgValue::Buffer(b)) => Ok(b.clone()),
        other => Err(format!("argument {i} should be constant memory, is {other:?}")),
    };
    let int = |i: usize| match args.get(i) {
        Some(ArgValue::I32(v)) => Ok(*v as u64),
        Some(ArgValue::I64(v)) => Ok(*v),
        other => Err(format!("argument {i} should be a constant integer, is {other:?}")),
    };
    match func_id {
        protocol::FUNC_ID_SCRIPT => {
            if num_globals != script_args::NUM_GLOBALS || args.len() != script_args::COUNT {
                return Err(format!(
                    "script request with {num_globals} globals and {} arguments (expected {} and {})",
                    args.len(),
                    script_args::NUM_GLOBALS,
                    script_args::COUNT
                ));
            }
            Ok(RequestKind::Script(ScriptRequest {
                args_obj_aliases_formals: int(script_args::GLOBAL_ARGS_OBJ_ALIASES_FORMALS)? != 0,
                nfixed: int(script_args::GLOBAL_NFIXED)?,
                bytecode: buffer(script_args::PCBASE)?,
                isd: buffer(script_args::ISD)?,
            }))
        }
        protocol::FUNC_ID_IC => {
            if num_globals != ic_args::NUM_GLOBALS || args.len() != ic_args::COUNT {
                return Err(format!("IC request with {num_globals} globals and {} arguments", args.len()));
            }
            let info = buffer(ic_args::STUB_INFO)?;
            if info.len() < 8 {
                return Err("IC request stub info shorter than 8 bytes".into());
            }
            let code = buffer(ic_args::CODE)?;
            Ok(RequestKind::Ic(IcRequest {
                code_length: u32::from_le_bytes(info[0..4].try_into().unwrap()),
                kind: info[ic_args::INFO_KIND],
                engine: info[ic_args::INFO_ENGINE],
                stub_data_offset: info[ic_args::INFO_STUB_DATA_OFFSET],
                makes_gc_calls: info[ic_args::INFO_MAKES_GC_CALLS] != 0,
                code,
            }))
        }
        other => Err(format!("unknown func_id {other}")),
    }
}
