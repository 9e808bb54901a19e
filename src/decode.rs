//! Bytes -> text: BOM, UTF-16 without a BOM, UTF-8, then a legacy encoding
//! told by a maintained detector (chardetng: GBK/GB18030, Big5, …).
//!
//! Order of trust: an explicit `--encoding`, then a BOM, then UTF-16 whose NUL
//! bytes all fall on one side of the code units, then valid UTF-8, then the
//! detector's guess. GBK is decoded as GB18030 (its superset). Text that does
//! not decode cleanly keeps its replacement characters and is reported (RL001).

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

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
        return utf16_without_bom(bytes).ok_or(Skip::Binary);
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
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Only the encodings of Chinese text are candidates: a single-byte guess
    // (windows-1252) would decode anything, and turn a broken file into quiet
    // mojibake instead of a reported one.
    let legacy = if guess == BIG5 { BIG5 } else { GB18030 };
    let first = finish(bytes, legacy, 0);
    if first.malformed == 0 {
        return Ok(first);
    }
    // Nothing decodes cleanly: keep whichever loses the fewest sequences,
    // UTF-8 on a tie (a UTF-8 file with a few broken bytes), then the guess.
    let mut best = finish(bytes, UTF_8, 0);
    for d in [
        first,
        finish(bytes, if legacy == BIG5 { GB18030 } else { BIG5 }, 0),
    ] {
        if d.malformed < best.malformed {
            best = d;
        }
    }
    Ok(best)
}

/// Characters of a Chinese report: ASCII text, CJK ideographs and punctuation,
/// full-width forms.
fn is_report_char(c: char) -> bool {
    matches!(c, ' '..='~' | '\n' | '\r' | '\t')
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        || matches!(
            c,
            '\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{00B7}'
        )
}

/// UTF-16 without a byte order mark, read both ways round: the one whose text
/// decodes cleanly and is nearly all report characters (ASCII written as UTF-16
/// is where the NUL bytes come from). None for anything else: a binary file.
/// Whether the first bytes of a file already show that it is binary (NUL bytes,
/// no BOM, and read as UTF-16 in neither byte order they are not text), so the
/// rest of it need not be read. The decoder is told more may follow, so a
/// character cut at the end of the prefix is not an error.
pub fn binary_prefix(prefix: &[u8]) -> bool {
    let probe = &prefix[..prefix.len().min(BINARY_PROBE)];
    if Encoding::for_bom(probe).is_some() || !probe.contains(&0) {
        return false;
    }
    let reads_as_text = |enc: &'static Encoding| {
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(
            decoder
                .max_utf8_buffer_length(probe.len())
                .unwrap_or(probe.len() * 3),
        );
        let (_, _, had_errors) = decoder.decode_to_string(probe, &mut text, false);
        let total = text.chars().count();
        let good = text.chars().filter(|&c| is_report_char(c)).count();
        !had_errors && total > 0 && good * 10 >= total * 9
    };
    !reads_as_text(UTF_16LE) && !reads_as_text(UTF_16BE)
}

fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let probe = &bytes[..bytes.len().min(BINARY_PROBE) & !1];
    let score = |enc: &'static Encoding| -> Option<f64> {
        let (text, had_errors) = enc.decode_without_bom_handling(probe);
        let total = text.chars().count();
        if had_errors || total == 0 {
            return None;
        }
        let good = text.chars().filter(|&c| is_report_char(c)).count();
        Some(good as f64 / total as f64)
    };
    let (enc, s) = [UTF_16LE, UTF_16BE]
        .into_iter()
        .filter_map(|e| score(e).map(|s| (e, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (s >= 0.9)
        .then(|| finish(bytes, enc, 0))
        .filter(|d| d.malformed == 0)
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
    fn big5_is_read_as_big5_not_as_gb18030_mojibake() {
        let text = "一、工作情況\n本年度完成項目共計十二項，完成率百分之百。\n二、存在問題\n部分單位進度落後。\n";
        let (bytes, _, unmappable) = BIG5.encode(text);
        assert!(!unmappable);
        let d = decode(&bytes).expect("text");
        assert_eq!(d.encoding, BIG5);
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_without_a_bom_is_read() {
        let text = "一、总体情况\n完成率95.83%。\n";
        for (enc, unit) in [
            (UTF_16LE, u16::to_le_bytes as fn(u16) -> [u8; 2]),
            (UTF_16BE, u16::to_be_bytes),
        ] {
            let bytes: Vec<u8> = text.encode_utf16().flat_map(unit).collect();
            let d = decode(&bytes).expect("text");
            assert_eq!((d.encoding, d.text.as_str(), d.bom), (enc, text, false));
        }
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
