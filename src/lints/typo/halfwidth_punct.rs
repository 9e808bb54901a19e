use crate::diagnostic::{Finding, Severity};
use crate::document::chars::LeadBytes;
use crate::document::markers::is_han;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use serde::Deserialize;

crate::declare_lint! {
    /// ## What it does
    /// Finds half-width (ASCII) punctuation `, ; : ? ! ( )` between Chinese
    /// characters, where Chinese text takes the full-width marks `，；：？！（）`.
    /// A number closing a Chinese clause counts as Chinese text (`增长5.2%;粮食`);
    /// the message says what stands on each side (数字「5.2%」与中文之间).
    /// Numbers and Latin text keep their ASCII punctuation: `3.44`, `1:1`, `1,234`,
    /// `16:06`, URLs and `字体:[ ]` are never reported.
    ///
    /// In the default `consistent` mode the document's own style decides, mark by
    /// mark: a report that uses ASCII commas throughout gets one summary note
    /// with the count, and only a stray ASCII mark in a full-width text is
    /// reported where it stands.
    ///
    /// ## Why
    /// GB/T 15834 puts full-width marks in Chinese text; a half-width comma in a
    /// full-width report is a slip from pasted or retyped text.
    ///
    /// ## Options
    /// `mode = "consistent"` (default), `"fullwidth"` (report every ASCII mark
    /// between Chinese characters) or `"off"`.
    ///
    /// ## Example
    /// ```bad
    /// 明确责任分工，把握时序节奏,推动规划稳步有序落地落实。加快新型研发机构建设，增强创新能力。
    /// ```
    /// ```good
    /// 明确责任分工，把握时序节奏，推动规划稳步有序落地落实。会议于16:06结束，增长3.44%。
    /// ```
    pub struct HalfwidthPunct { mode: Mode }
    code = "RL305", name = "halfwidth-punct", family = Typo, severity = Warning,
    summary = "ASCII , ; : ? ! ( ) between Chinese characters",
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Consistent,
    Fullwidth,
    Off,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    mode: Mode,
}

impl Configurable for HalfwidthPunct {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(HalfwidthPunct { mode: o.mode })
    }
}

/// The marks checked: (ASCII, full-width). Brackets count as one kind.
const MARKS: [(char, char); 6] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
];

/// Below this many uses a mark's own majority does not set a style.
const MIN_STYLE_USES: usize = 5;

/// The longest bracketed text looked at, in bytes.
const MAX_BRACKETED: usize = 300;

/// One ASCII mark (or bracket pair) in Chinese context.
struct Hit {
    kind: usize,
    span: Span,
    replacement: String,
    /// Both sides are unambiguously Chinese: the fix is safe.
    fixable: bool,
    /// Where the mark stands, for the message: 中文之间, 数字「5.2%」与中文之间 …
    place: String,
}

fn kind_of(c: char) -> Option<usize> {
    MARKS.iter().position(|&(a, _)| a == c)
}

/// A character that may stand on the Chinese side of a mark.
fn chinese_side(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || matches!(c, '“' | '”' | '《' | '》' | '）' | '（'))
}

/// The half-width marks, each one byte: the walk steps over whole characters and
/// stops only at these.
const HALF_MARKS: LeadBytes = LeadBytes::new(b",;:?!(");

fn hits(doc: &Document) -> Vec<Hit> {
    let text = &doc.text;
    // Numbering markers such as (一) are the numbering lints' business.
    let mut marker_spans: Vec<Span> = doc.markers.iter().map(|m| m.span).collect();
    marker_spans.sort_unstable();
    let in_marker = |at: usize| {
        let k = marker_spans.partition_point(|m| m.start <= at);
        k > 0 && marker_spans[k - 1].end > at
    };
    let mut out = Vec::new();
    // The marks are ASCII, so a byte scan finds them without decoding characters
    // (an ASCII byte is always a whole character).
    for i in HALF_MARKS.find_in(text) {
        let c = char::from(text.as_bytes()[i]);
        let Some(kind) = kind_of(c) else { continue };
        if doc.in_table_structure(i) {
            continue; // the comma between CSV cells
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + 1..].chars().next();
        if c == '(' {
            if let Some(h) = bracket(text, i, prev) {
                if !in_marker(i) {
                    out.push(h);
                }
            }
            continue;
        }
        let after_ok = match c {
            // A question or exclamation may end the line.
            '?' | '!' => {
                chinese_side(next) || next.is_none_or(|n| matches!(n, '\n' | '\r' | '"' | '”'))
            }
            _ => chinese_side(next),
        };
        // A number ends a Chinese clause too: 增长5.2%;粮食.
        let number_then_han = prev.is_some_and(|p| p.is_ascii_digit() || matches!(p, '%' | '％'))
            && next.is_some_and(is_han);
        if !((chinese_side(prev) || number_then_han) && after_ok) {
            continue;
        }
        let fixable = (prev.is_some_and(is_han) || number_then_han)
            && (next.is_some_and(is_han)
                || matches!(c, '?' | '!') && next.is_none_or(|n| matches!(n, '\n' | '\r')));
        out.push(Hit {
            kind,
            span: Span::new(i, i + 1),
            replacement: MARKS[kind].1.to_string(),
            fixable,
            place: place(text, i, prev, next),
        });
    }
    out
}

/// What stands on either side of the mark at `i`: 「中文之间」 only when both
/// neighbours are Chinese characters; a number is named (数字「5.2%」).
fn place(text: &str, i: usize, prev: Option<char>, next: Option<char>) -> String {
    let left = match prev {
        Some(c) if is_han(c) => "中文".to_owned(),
        Some(c) if c.is_ascii_digit() || matches!(c, '%' | '％') => {
            let before = &text[..i];
            let from = before
                .char_indices()
                .rev()
                .take(NUMBER_SHOWN)
                .take_while(|&(_, c)| c.is_ascii_digit() || matches!(c, '.' | '%' | '％'))
                .last()
                .map_or(i, |(b, _)| b);
            format!("数字「{}」", &text[from..i])
        }
        Some(c) => format!("「{c}」"),
        None => "行首".to_owned(),
    };
    match next {
        Some(c) if is_han(c) && left == "中文" => "中文之间".to_owned(),
        Some(c) if is_han(c) => format!("{left}与中文之间"),
        None | Some('\n' | '\r') => format!("{left}之后的行末"),
        Some(c) => format!("{left}与「{c}」之间"),
    }
}

/// At most this many characters of a number are quoted in a message.
const NUMBER_SHOWN: usize = 16;

/// `(` at `i` with its `)` on the same line, around Chinese text.
fn bracket(text: &str, i: usize, prev: Option<char>) -> Option<Hit> {
    // A bracketed aside is short: look a bounded way ahead, so that a text full
    // of unclosed brackets stays linear.
    let mut limit = (i + 1 + MAX_BRACKETED).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &text[i + 1..limit];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let close = rest[..line_end].find(')')?;
    let inner = &rest[..close];
    if inner.contains('(') || !inner.chars().any(is_han) {
        return None;
    }
    let end = i + 1 + close + 1;
    let next = text[end..].chars().next();
    if !(chinese_side(prev) || chinese_side(next)) {
        return None;
    }
    let latin = inner.chars().any(|c| c.is_ascii_alphanumeric());
    Some(Hit {
        kind: 5,
        span: Span::new(i, end),
        replacement: format!("（{inner}）"),
        fixable: !latin && prev.is_some_and(is_han),
        place: "中文之间".to_owned(),
    })
}

/// How often each full-width mark of `MARKS` occurs, in one pass: they all
/// start with the bytes EF BC, and EF is rare in Chinese text.
fn count_fullwidth(text: &str) -> [usize; 6] {
    let mut full = [0usize; 6];
    let bytes = text.as_bytes();
    // Every full-width mark of MARKS is EF BC xx (U+FF01–U+FF3F).
    for at in memchr::memchr_iter(0xEF, bytes) {
        if bytes.get(at + 1) != Some(&0xBC) {
            continue;
        }
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
            continue;
        };
        if let Some(k) = MARKS.iter().position(|&(_, f)| f == c) {
            full[k] += 1;
        }
    }
    full
}

fn name(kind: usize) -> &'static str {
    ["逗号", "分号", "冒号", "问号", "叹号", "括号"][kind]
}

fn per_occurrence(h: &Hit) -> Finding {
    let (a, f) = MARKS[h.kind];
    let (shown, want) = if h.kind == 5 {
        ("()".to_owned(), "（）".to_owned())
    } else {
        (a.to_string(), f.to_string())
    };
    let mut finding = Finding::new(
        &META,
        h.span,
        format!(
            "{}用了半角{}「{shown}」，应为全角「{want}」",
            h.place,
            name(h.kind)
        ),
    )
    .primary("半角标点")
    .help(format!("改为全角「{want}」"));
    if h.fixable {
        finding = finding.fix(h.span, h.replacement.clone());
    }
    finding
}

impl Lint for HalfwidthPunct {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if self.mode == Mode::Off {
            return;
        }
        let hits = hits(doc);
        if self.mode == Mode::Fullwidth {
            out.extend(hits.iter().map(per_occurrence));
            return;
        }
        // Per mark: does the document write it half-width more often than full-width?
        let mut half = [0usize; 6];
        for h in &hits {
            half[h.kind] += 1;
        }
        let full = count_fullwidth(&doc.text);
        // A mark used a handful of times follows the document's overall style.
        let ascii_overall = half.iter().sum::<usize>() > full.iter().sum::<usize>();
        let ascii_style: Vec<bool> = (0..6)
            .map(|k| half[k] > full[k] && (half[k] >= MIN_STYLE_USES || ascii_overall))
            .collect();
        let mut first_ascii: Option<Span> = None;
        for h in &hits {
            if ascii_style[h.kind] {
                first_ascii.get_or_insert(h.span);
            } else {
                out.push(per_occurrence(h));
            }
        }
        if let Some(span) = first_ascii {
            let parts: Vec<String> = (0..6)
                .filter(|&k| ascii_style[k])
                .map(|k| {
                    let mark = if k == 5 {
                        "()".to_owned()
                    } else {
                        MARKS[k].0.to_string()
                    };
                    format!("{}「{mark}」{} 处", name(k), half[k])
                })
                .collect();
            let total: usize = (0..6).filter(|&k| ascii_style[k]).map(|k| half[k]).sum();
            out.push(
                Finding::new(
                    &META,
                    span,
                    format!(
                        "本文中文之间通篇使用半角标点（{}，共 {total} 处）",
                        parts.join("、")
                    ),
                )
                .severity(Severity::Info)
                .primary("第一处半角标点")
                .help("中文正文宜用全角标点「，；：？！（）」；如需统一，可设 mode = \"fullwidth\" 逐处列出并用 --fix 修正"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint(mode: Mode) -> HalfwidthPunct {
        HalfwidthPunct { mode }
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(Mode::Consistent),
            &[
                "增长3.44%，比例1:1，共1,234人。",
                "会议于16:06召开，网址http://www.gov.cn，字体:[ 大 中 小 ]。",
                "新冠病毒(COVID-19)疫苗接种，完成。",
                "分享到:\n分享到微信。",
                "一、总体情况\n(一)加强党建引领，强化建设。\n(二)全面加强疫情防控。\n",
            ],
            &[
                "明确责任分工，把握时序节奏,推动规划落实。推进建设，增强能力。",
                "新增长点;推动传统产业提质升级；促进发展；加快建设。",
                "表示诚挚的感谢!\n各位代表！我们要努力！",
                "对县(处)级以上领导干部（含）进行培训（轮训）。",
                "地区生产总值增长5.2%;粮食产量增长1.3%，达到历史新高；完成任务；推进建设。",
            ],
        );
    }

    #[test]
    fn an_ascii_document_gets_one_summary() {
        let found = run(
            &lint(Mode::Consistent),
            "坚持以党建为引领,以党的二十大为契机,深入贯彻,全面落实;推进建设。",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].message.contains("共 4 处"), "{}", found[0].message);
        let all = run(
            &lint(Mode::Fullwidth),
            "坚持以党建为引领,以党的二十大为契机,深入贯彻。",
        );
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("，")
        );
    }

    #[test]
    fn brackets_are_fixed_as_a_pair() {
        let found = run(&lint(Mode::Fullwidth), "医院(中医院)老年医学科。");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("（中医院）")
        );
    }

    #[test]
    fn the_message_names_the_neighbours() {
        let message = |text: &str| {
            let found = run(&lint(Mode::Fullwidth), text);
            assert_eq!(found.len(), 1, "{found:#?}");
            found[0].message.clone()
        };
        assert_eq!(
            message("地区生产总值增长5.2%;粮食产量增长。"),
            "数字「5.2%」与中文之间用了半角分号「;」，应为全角「；」"
        );
        assert_eq!(
            message("全年共接待120,其中外省游客。"),
            "数字「120」与中文之间用了半角逗号「,」，应为全角「，」"
        );
        assert_eq!(
            message("把握时序节奏,推动落实。"),
            "中文之间用了半角逗号「,」，应为全角「，」"
        );
        assert_eq!(
            message("表示诚挚的感谢!\n"),
            "中文之后的行末用了半角叹号「!」，应为全角「！」"
        );
        assert_eq!(
            message("学习《条例》,推动落实。"),
            "「》」与中文之间用了半角逗号「,」，应为全角「，」"
        );
    }

    #[test]
    fn off_reports_nothing() {
        assert!(run(&lint(Mode::Off), "节奏,推动").is_empty());
    }
}
