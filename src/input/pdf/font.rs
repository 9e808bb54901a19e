//! Fonts as far as text extraction needs them: how the bytes of a shown string
//! split into character codes, what text each code is, and how far it advances.
//!
//! Order of trust for the text: the font's ToUnicode CMap; for composite
//! (Type0) fonts the predefined Chinese CMaps (UCS-2/UTF-16, GBK/GB2312); for
//! simple fonts their encoding with its `Differences`.

use super::cmap::{utf16, CMap};
use super::load::{deref, stream_data};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Predefined {
    /// Identity-H/V: codes are glyph ids; without a ToUnicode map the text is unknown.
    Identity,
    /// UniGB-UCS2-H, UniGB-UTF16-H and the other Uni… CMaps: codes are UTF-16.
    Utf16,
    /// GBK-EUC-H, GB-EUC-H, GBpc-EUC-H, GBK2K-H: codes are GBK bytes.
    Gbk,
}

#[derive(Debug)]
enum Kind {
    /// One byte per code.
    Simple { text: Box<[Option<String>; 256]> },
    /// One to four bytes per code.
    Composite { predefined: Predefined },
}

#[derive(Debug)]
pub(super) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Advance of each code in text space units (glyph width / 1000, or by the Type 3 matrix).
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// One character code of a shown string.
pub(super) struct Code {
    pub(super) text: Option<String>,
    /// Advance in text space, before the font size.
    pub(super) width: f32,
    /// A single-byte code 32: word spacing applies.
    pub(super) is_space: bool,
}

impl Font {
    pub(super) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| stream_data(s).ok())
            .map(|d| CMap::parse(&d))
            .filter(|m| !m.is_empty());
        if subtype == b"Type0" {
            return composite(doc, dict, to_unicode);
        }
        let scale = if subtype == b"Type3" {
            deref(doc, dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first().and_then(number))
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let mut text: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|_| None));
        let encoding = dict.get_font_encoding(doc).ok();
        for (b, slot) in text.iter_mut().enumerate() {
            let byte = [b as u8];
            *slot = encoding
                .as_ref()
                .and_then(|e| e.bytes_to_string(&byte).ok())
                .filter(|s| !s.is_empty() && !s.contains('\u{FFFD}'))
                .or_else(|| (b >= 32).then(|| char::from(b as u8).to_string()));
        }
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        let mut widths = HashMap::new();
        if let Some(ws) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
            for (k, w) in ws.iter().take(256).enumerate() {
                if let Some(w) = deref(doc, Some(w)).and_then(number) {
                    widths.insert(first + k as u32, w * scale);
                }
            }
        }
        let missing = deref(doc, dict.get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
            .filter(|w| *w > 0.0)
            .map_or(0.5, |w| w * scale);
        Font {
            kind: Kind::Simple { text },
            to_unicode,
            widths,
            default_width: missing,
        }
    }

    /// Split a shown string into codes.
    pub(super) fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let len = match (&self.kind, &self.to_unicode) {
                (Kind::Simple { .. }, _) => 1,
                (Kind::Composite { predefined }, map) => {
                    let default = match predefined {
                        Predefined::Gbk if rest[0] < 0x80 => 1,
                        _ => 2,
                    };
                    map.as_ref().map_or(default, |m| m.code_len(rest, default))
                }
            };
            let len = len.clamp(1, rest.len());
            let c = rest[..len]
                .iter()
                .fold(0u32, |a, &b| (a << 8) | u32::from(b));
            let text = self.text_of(len, c, &rest[..len]);
            let width = match self.widths.get(&c) {
                Some(w) => *w,
                None => self.fallback_width(text.as_deref()),
            };
            out.push(Code {
                is_space: len == 1 && c == 32,
                text,
                width,
            });
            i += len;
        }
    }

    fn text_of(&self, len: usize, c: u32, raw: &[u8]) -> Option<String> {
        if let Some(s) = self.to_unicode.as_ref().and_then(|m| m.lookup(len, c)) {
            return Some(s);
        }
        match &self.kind {
            Kind::Simple { text } => text[(c & 0xff) as usize].clone(),
            Kind::Composite { predefined } => match predefined {
                Predefined::Identity => None,
                Predefined::Utf16 => Some(utf16(raw).into_iter().collect()),
                Predefined::Gbk => {
                    let (s, _, bad) = encoding_rs::GBK.decode(raw);
                    (!bad).then(|| s.into_owned())
                }
            },
        }
    }

    /// A width for a code the font gives none: full width for CJK text.
    fn fallback_width(&self, text: Option<&str>) -> f32 {
        match &self.kind {
            Kind::Composite { .. } => {
                let wide = text
                    .and_then(|t| t.chars().next())
                    .is_none_or(|c| !c.is_ascii());
                if wide {
                    self.default_width
                } else {
                    self.default_width / 2.0
                }
            }
            Kind::Simple { .. } => self.default_width,
        }
    }
}

fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
    let encoding = dict.get(b"Encoding").ok();
    let name = encoding.and_then(|o| o.as_name().ok()).unwrap_or(b"");
    let predefined = if name.starts_with(b"Uni") {
        Predefined::Utf16
    } else if name.starts_with(b"GB") {
        Predefined::Gbk
    } else {
        Predefined::Identity
    };
    let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
        .and_then(|o| o.as_array().ok())
        .and_then(|a| deref(doc, a.first()))
        .and_then(|o| o.as_dict().ok());
    let mut widths = HashMap::new();
    let mut default_width = 1.0;
    if let Some(d) = descendant {
        if let Some(dw) = d.get(b"DW").ok().and_then(number) {
            default_width = dw / 1000.0;
        }
        // Identity-H: the code is the CID, so /W applies to codes directly. For the
        // predefined CMaps the CIDs are not known here: the defaults stand.
        if predefined == Predefined::Identity {
            if let Some(w) = deref(doc, d.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
                cid_widths(doc, w, &mut widths);
            }
        }
    }
    Font {
        kind: Kind::Composite { predefined },
        to_unicode,
        widths,
        default_width,
    }
}

/// Most CID widths read from one `/W` array.
const MAX_CID_WIDTHS: usize = 70_000;

/// `/W [c [w1 w2 …] c_first c_last w …]`.
fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_CID_WIDTHS {
        let Some(first) = number(&w[i]) else { break };
        let first = first as u32;
        match w.get(i + 1).and_then(|o| deref(doc, Some(o))) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(MAX_CID_WIDTHS) {
                    if let Some(v) = number(v) {
                        out.insert(first.saturating_add(k as u32), v / 1000.0);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) = (number(last), w.get(i + 2).and_then(number)) else {
                    break;
                };
                let last = (last as u32).min(first.saturating_add(MAX_CID_WIDTHS as u32));
                for c in first..=last {
                    out.insert(c, v / 1000.0);
                }
                i += 3;
            }
            None => break,
        }
    }
}

pub(super) fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r).filter(|r| r.is_finite()),
        _ => None,
    }
}
