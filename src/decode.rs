//! Bytes -> text: BOM, UTF-8, UTF-16, GB18030, and binary detection.
//!
//! Order of trust: an explicit `--encoding`, then a BOM, then valid UTF-8, then
//! GB18030 (a superset of GBK and GB2312, the usual encodings of Chinese office
//! files). Detectors misjudge short texts, so no statistical guess is made.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// How a file's bytes were turned into text.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub bom: bool,
    /// Number of byte sequences that could not be decoded and were replaced by U+FFFD.
    pub malformed: usize,
    /// Byte offset in the decoded text of the first replacement character.
    pub first_malformed: Option<usize>,
    /// Where the text's lines are in the original file, when the input format
    /// knows better than the text's own lines (PDF pages, Word sections).
    pub places: Option<crate::input::location::SourceMap>,
}

/// Why a file was not decoded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// NUL bytes in the first 8 KiB and no UTF-16 BOM.
    Binary,
}

const BINARY_PROBE: usize = 8 * 1024;

/// Decode with an explicit encoding label (`--encoding gbk`).
pub fn decode_with(bytes: &[u8], label: &str) -> Option<Decoded> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    let (enc, bom_len) = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (enc, len),
        _ => (enc, 0),
    };
    Some(finish(bytes, enc, bom_len))
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Skip> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(bytes, enc, bom_len));
    }
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if probe.contains(&0) {
        return Err(Skip::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            bom: false,
            malformed: 0,
            first_malformed: None,
            places: None,
        });
    }
    let gb = finish(bytes, GB18030, 0);
    if gb.malformed == 0 {
        return Ok(gb);
    }
    // Neither decodes cleanly: keep whichever loses fewer sequences.
    let utf8 = finish(bytes, UTF_8, 0);
    Ok(if utf8.malformed <= gb.malformed {
        utf8
    } else {
        gb
    })
}

fn finish(bytes: &[u8], enc: &'static Encoding, bom_len: usize) -> Decoded {
    let body = &bytes[bom_len..];
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    let text = text.into_owned();
    let (malformed, first_malformed) = if had_errors {
        let first = text.find('\u{FFFD}');
        (text.matches('\u{FFFD}').count().max(1), first)
    } else {
        (0, None)
    };
    Decoded {
        text,
        encoding: enc,
        bom: bom_len > 0,
        malformed,
        first_malformed,
        places: None,
    }
}

/// Encode text back into the encoding it was read from (used by `--fix`).
/// Returns `None` when a character cannot be represented.
pub fn encode(text: &str, enc: &'static Encoding, bom: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if enc == UTF_16LE || enc == UTF_16BE {
        if bom {
            out.extend_from_slice(if enc == UTF_16LE {
                &[0xFF, 0xFE]
            } else {
                &[0xFE, 0xFF]
            });
        }
        for unit in text.encode_utf16() {
            let b = if enc == UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        return Some(out);
    }
    if bom && enc == UTF_8 {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let (bytes, _, unmappable) = enc.encode(text);
    if unmappable {
        return None;
    }
    out.extend_from_slice(&bytes);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("产妇数1462人，筛查率95.83%");
        let d = decode(&bytes).expect("text");
        assert_eq!(d.encoding, GB18030);
        assert_eq!(d.text, "产妇数1462人，筛查率95.83%");
        assert_eq!(d.malformed, 0);
    }

    #[test]
    fn bom_wins_and_is_stripped() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "一、总体".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).expect("text");
        assert_eq!(d.text, "一、总体");
        assert!(d.bom);
        assert_eq!(
            encode(&d.text, d.encoding, d.bom).as_deref(),
            Some(&bytes[..])
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00").err(), Some(Skip::Binary));
    }

    #[test]
    fn garbage_decodes_lossily_with_a_count() {
        let d = decode(&[0xE4, 0xB8, 0x80, 0xFF, 0xFE, 0x41]).expect("text");
        assert!(d.malformed > 0);
        assert!(d.first_malformed.is_some());
    }
}
