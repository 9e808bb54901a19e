//! Opening a PDF with limits: the file is parsed by lopdf, but every stream this
//! module decodes is inflated with a cap on its output, and object streams —
//! the only streams the parser inflates while loading — are checked against
//! the same cap first, so a small file cannot expand into gigabytes.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::io::Read;

/// Largest decoded stream (a page's content, a font's CMap, an object stream).
pub(super) const MAX_STREAM_BYTES: u64 = 64 << 20;
/// Longest chain of references followed to reach an object.
const MAX_DEREF: usize = 32;

/// The document, or why it cannot be read.
pub(super) fn open(bytes: &[u8]) -> Result<Document, String> {
    let options = lopdf::LoadOptions {
        // Files that only restrict copying or printing open with the empty user
        // password; that is most "encrypted" government PDFs.
        password: Some(String::new()),
        filter: Some(bound_object_streams),
        strict: false,
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| {
        let e = e.to_string();
        if e.to_ascii_lowercase().contains("password") || e.contains("decrypt") {
            crate::tr!("pdf.encrypted")
        } else {
            crate::tr!("pdf.unreadable", error = e)
        }
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(crate::tr!("pdf.encrypted"));
    }
    Ok(doc)
}

/// Empty an object stream whose decoded size exceeds the cap before the parser
/// inflates it (its objects are then missing, as in a damaged file).
fn bound_object_streams(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
    if let Object::Stream(s) = object {
        if s.dict.has_type(b"ObjStm") && stream_data(s).is_err() {
            s.content.clear();
            s.dict.remove(b"Filter");
        }
        // A stream is never inside an object stream: the returned copy is unused.
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
}

/// Follow references (a bounded number of them).
pub(super) fn deref<'a>(doc: &'a Document, mut o: Option<&'a Object>) -> Option<&'a Object> {
    for _ in 0..MAX_DEREF {
        match o? {
            Object::Reference(id) => o = doc.get_object(*id).ok(),
            other => return Some(other),
        }
    }
    None
}

pub(super) fn dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match deref(doc, o)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A stream's decoded bytes, each filter's output capped.
pub(super) fn stream_data(s: &Stream) -> Result<Vec<u8>, String> {
    let filters: Vec<Vec<u8>> = match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    };
    if filters.is_empty() {
        return Ok(s.content.clone());
    }
    let mut data = std::borrow::Cow::Borrowed(&s.content[..]);
    for f in &filters {
        data = std::borrow::Cow::Owned(match f.as_slice() {
            b"FlateDecode" | b"Fl" => inflate(&data)?,
            b"LZWDecode" | b"LZW" => lzw(&data)?,
            b"ASCIIHexDecode" | b"AHx" => {
                super::cmap::hex_bytes(data.split(|&b| b == b'>').next().unwrap_or(&[]))
            }
            b"ASCII85Decode" | b"A85" => ascii85(&data),
            other => {
                return Err(format!(
                    "unsupported filter {}",
                    String::from_utf8_lossy(other)
                ))
            }
        });
    }
    Ok(data.into_owned())
}

fn capped(mut r: impl Read, partial_ok: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let res = (&mut r).take(MAX_STREAM_BYTES + 1).read_to_end(&mut out);
    if out.len() as u64 > MAX_STREAM_BYTES {
        return Err(format!(
            "a stream is larger than {} MiB once decoded",
            MAX_STREAM_BYTES >> 20
        ));
    }
    match res {
        Ok(_) => Ok(out),
        // A truncated stream still gives what it decoded, as viewers show it.
        Err(_) if partial_ok && !out.is_empty() => Ok(out),
        Err(e) => Err(e.to_string()),
    }
}

fn inflate(data: &[u8]) -> Result<Vec<u8>, String> {
    match capped(flate2::read::ZlibDecoder::new(data), true) {
        Ok(v) => Ok(v),
        Err(e) if e.starts_with("a stream is larger") => Err(e),
        // Some writers leave out the zlib header.
        Err(_) => capped(flate2::read::DeflateDecoder::new(data), true),
    }
}

fn lzw(data: &[u8]) -> Result<Vec<u8>, String> {
    // PDF's LZW switches code size one code early (EarlyChange 1), as TIFF does.
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut reader = data;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let r = decoder.decode_bytes(reader, &mut buf);
        reader = &reader[r.consumed_in..];
        out.extend_from_slice(&buf[..r.consumed_out]);
        if out.len() as u64 > MAX_STREAM_BYTES {
            return Err(format!(
                "a stream is larger than {} MiB once decoded",
                MAX_STREAM_BYTES >> 20
            ));
        }
        match r.status {
            Ok(weezl::LzwStatus::Ok) if r.consumed_in + r.consumed_out > 0 => {}
            Ok(weezl::LzwStatus::Ok | weezl::LzwStatus::Done | weezl::LzwStatus::NoProgress) => {
                break
            }
            Err(_) => break,
        }
    }
    Ok(out)
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    let body = data.strip_prefix(b"<~").unwrap_or(data);
    for &c in body {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    out
}

/// The pages in order, each with its inherited attributes.
pub(super) struct Page<'a> {
    pub(super) id: ObjectId,
    pub(super) resources: Option<&'a Dictionary>,
    /// The visible area: left, bottom, right, top.
    pub(super) bbox: [f32; 4],
}

/// Deepest page tree walked up for inherited attributes.
const MAX_PARENTS: usize = 64;

pub(super) fn pages(doc: &Document) -> Vec<Page<'_>> {
    doc.page_iter()
        .map(|id| {
            let mut resources = None;
            let mut media = None;
            let mut crop = None;
            let mut node = doc.get_dictionary(id).ok();
            for _ in 0..MAX_PARENTS {
                let Some(d) = node else { break };
                if resources.is_none() {
                    resources = dict(doc, d.get(b"Resources").ok());
                }
                if media.is_none() {
                    media = rect(doc, d.get(b"MediaBox").ok());
                }
                if crop.is_none() {
                    crop = rect(doc, d.get(b"CropBox").ok());
                }
                node = dict(doc, d.get(b"Parent").ok());
            }
            Page {
                id,
                resources,
                bbox: crop.or(media).unwrap_or([0.0, 0.0, 595.0, 842.0]),
            }
        })
        .collect()
}

fn rect(doc: &Document, o: Option<&Object>) -> Option<[f32; 4]> {
    let a = deref(doc, o)?.as_array().ok()?;
    let n: Vec<f32> = a
        .iter()
        .filter_map(|x| deref(doc, Some(x)).and_then(super::font::number))
        .collect();
    let [x0, y0, x1, y1] = <[f32; 4]>::try_from(n).ok()?;
    let r = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// The page's content streams, decoded and concatenated.
pub(super) fn page_content(doc: &Document, page: ObjectId) -> Vec<u8> {
    let mut out = Vec::new();
    for id in doc.get_page_contents(page) {
        if let Ok(Object::Stream(s)) = doc.get_object(id) {
            if let Ok(data) = stream_data(s) {
                if (out.len() + data.len()) as u64 > MAX_STREAM_BYTES {
                    break;
                }
                out.extend_from_slice(&data);
                out.push(b'\n');
            }
        }
    }
    out
}
