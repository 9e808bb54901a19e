use crate::diagnostic::Finding;
use crate::document::chars::CharTable;
use crate::document::markers::is_han;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Finds a run of four or more characters written twice back to back:
    /// `业健康工作业健康工作`, `年歌咏大会年歌咏大会`. Wrapped lines are joined first,
    /// so a copy that continues on the next line is found too.
    ///
    /// ## Why
    /// OCR of two-column pages and careless copy-paste double whole phrases. Chinese
    /// does repeat two-character words on purpose (`研究研究`, `讨论讨论`) and
    /// repeats slogans separated by punctuation, says 一步一步, 走着走着 and 一个项目一个项目 (one by one), and
    /// repeats header cells across a table row; none is reported. Copies in two
    /// table cells, or a copy running over a cell boundary, are cells of a table
    /// (also a header with no numbers under it); a phrase doubled inside one
    /// cell is reported. Deleting the second copy is the fix.
    ///
    /// ## Example
    /// ```bad
    /// 市卫健系统庆祝新中国成立70周年歌咏大会年歌咏大会
    /// ```
    /// ```good
    /// 市卫健系统庆祝新中国成立70周年歌咏大会，大家研究研究、讨论讨论，一批又一批。
    /// ```
    pub struct RepeatedPhrase {}
    code = "RL302", name = "repeated-phrase", family = Typo, severity = Error,
    summary = "a phrase of four or more characters written twice back to back",
}

impl Configurable for RepeatedPhrase {
    type Options = crate::lints::NoOptions;
    fn new(_: crate::lints::NoOptions) -> Result<Self, String> {
        Ok(RepeatedPhrase {})
    }
}

/// The longest repeated unit looked for, in characters.
const MAX_UNIT: usize = 64;
const MIN_UNIT: usize = 4;

impl Lint for RepeatedPhrase {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let chars = doc.char_table(pi);
            if chars.is_empty() {
                continue;
            }
            let repeats = tandem_repeats(chars, MIN_UNIT);
            if !repeats.is_empty() {
                // A line doubled by OCR doubles short pieces too: 线的线的.
                let short = short_repeats(chars, &repeats);
                for r in short.into_iter().chain(repeats) {
                    let f = finding(p, chars, r);
                    // Copies in two table cells, or a copy running across a cell
                    // boundary (a header repeated per column group), are cells
                    // of a table, not a phrase typed twice; a phrase doubled
                    // inside one cell is a typo like any other.
                    let whole = f.labels.first().map_or(f.span, |l| l.span.cover(f.span));
                    if !doc.crosses_cells(whole) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    pub start: usize,
    pub len: usize,
}

/// Back-to-back repeats with a unit of at least `min_unit` characters that look
/// accidental: not a power of a shorter unit, with enough Han characters, and not
/// a slogan repeated after punctuation.
pub fn tandem_repeats(chars: &CharTable, min_unit: usize) -> Vec<Repeat> {
    let n = chars.len();
    let same = |k: usize, len: usize| chars.same(k, k + len);
    let mut found: Vec<Repeat> = Vec::new();
    // The furthest end of the repeats found so far, by start.
    let mut ends: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for len in min_unit..=MAX_UNIT.min(n / 2) {
        // A window of `len` positions k with c[k] == c[k + len] is a tandem repeat.
        // Checking each window from its end lets a mismatch skip the whole window,
        // so ordinary text costs about n / len comparisons per length.
        let mut start = 0;
        while start + 2 * len <= n {
            if let Some(miss) = (start..start + len).rev().find(|&k| !same(k, len)) {
                start = miss + 1;
                continue;
            }
            let unit: Vec<char> = (start..start + len).map(|k| chars.at(k)).collect();
            // A longer period is reported only where no shorter one covers it.
            // Only repeats starting less than 2 × MAX_UNIT before can reach `start`.
            let covered = ends
                .range((start + 1).saturating_sub(2 * MAX_UNIT)..start + 2 * len)
                .any(|(_, &end)| start < end);
            if !covered && is_primitive(&unit) && looks_accidental(&unit) {
                found.push(Repeat { start, len });
                let end = ends.entry(start).or_insert(0);
                *end = (*end).max(start + 2 * len);
            }
            // Skip the rest of this periodic stretch: its windows are rotations.
            let mut k = start + len;
            while k + len < n && same(k, len) {
                k += 1;
            }
            start = k + 1;
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

/// Two Han characters that are not a word, repeated back to back ("线的线的"),
/// away from the longer repeats already found. Only asked in a doubled paragraph:
/// elsewhere ABAB is a reduplicated verb (研究研究).
fn short_repeats(chars: &CharTable, long: &[Repeat]) -> Vec<Repeat> {
    let c = |k: usize| chars.at(k);
    (0..chars.len().saturating_sub(3))
        .filter(|&k| {
            let (a, b) = (c(k), c(k + 1));
            // 一步一步, 走着走着: repetition as a figure of speech.
            a != b
                && a != '一'
                && b != '着'
                && is_han(a)
                && is_han(b)
                && c(k + 2) == a
                && c(k + 3) == b
                && !super::doubled_char::is_word(a, b)
                && !long
                    .iter()
                    .any(|r| r.start < k + 4 && k < r.start + 2 * r.len)
        })
        .map(|start| Repeat { start, len: 2 })
        .collect()
}

/// The longest unit read as distributive (一个项目 + two more characters).
const DISTRIBUTIVE_MAX: usize = 6;

/// Not a power of a shorter string ("研究研究" is a power of "研究").
fn is_primitive(unit: &[char]) -> bool {
    let n = unit.len();
    !(1..n).any(|p| n % p == 0 && (p..n).all(|k| unit[k] == unit[k - p]))
}

fn looks_accidental(unit: &[char]) -> bool {
    // 一个项目一个项目抓: 一 and a measure word repeated say "one by one".
    if unit.len() <= DISTRIBUTIVE_MAX
        && unit[0] == '一'
        && unit
            .get(1)
            .is_some_and(|&m| super::doubled_char::is_measure(m))
    {
        return false;
    }
    let han = unit.iter().filter(|&&c| is_han(c)).count();
    let punct = unit.iter().any(|&c| {
        matches!(
            c,
            '，' | '、' | '；' | '。' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
        )
    });
    if punct {
        // "同心抗疫，同心抗疫，" is a slogan said twice; a long pasted clause is not.
        return han >= 10;
    }
    han >= 3
}

fn finding(p: &Paragraph, chars: &CharTable, r: Repeat) -> Finding {
    let byte = |k: usize| chars.byte(k);
    let first = Span::new(byte(r.start), byte(r.start + r.len));
    let second = Span::new(first.end, byte(r.start + 2 * r.len));
    let unit = &p.text[first.start..first.end];
    Finding::new(
        &META,
        p.doc_span(second),
        format!("疑似重复的文字「{unit}{unit}」"),
    )
    .primary("重复的一份")
    .label(p.doc_span(first), "第一份")
    .help(format!("删去重复的「{unit}」"))
    .fix(p.doc_span(second), "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &RepeatedPhrase {},
            &[
                "一批又一批干部成长起来。",
                "这个问题要研究研究，学习学习，讨论讨论。",
                "看一看，左一左，一家一户。",
                "一条街道一条街道地整治，一家企业一家企业走访。",
                "同心抗疫，同心抗疫，同心抗疫！",
                "……………………",
                "2020202020202020",
            ],
            &[
                "年歌咏大会年歌咏大会",
                "市政府督查全市重点行业企业职市政府督查全市重点行业企业职业健康工作",
                "医务工作者医务工作者",
                "我们要加强医疗卫生医疗卫生服务体系建设，推动发展。",
            ],
        );
    }

    #[test]
    fn span_and_fix_cover_the_copies() {
        let text = "业健康工作业健康工作。";
        let found = run(&RepeatedPhrase {}, text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(
            fix.span,
            Span::new("业健康工作".len(), "业健康工作业健康工作".len())
        );
    }

    #[test]
    fn figures_of_repetition_in_a_doubled_paragraph_are_not_repeats() {
        let found = run(
            &RepeatedPhrase {},
            "年歌咏大会年歌咏大会，走着走着，一步一步向前。",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn cells_of_a_table_are_not_repeats_but_a_cell_typed_twice_is() {
        // A header row whose cells repeat, with no numbers under it (no table).
        let header = "合计\t\t公务用车\t公务用车\t接待费\n预算数\t决算数\t预算数\t决算数\n";
        assert!(run(&RepeatedPhrase {}, header).is_empty());
        // The same header above numbers (a table), and cells side by side.
        let table = format!("{header}1\t2\t3\t4\n5\t6\t7\t8\n");
        assert!(run(&RepeatedPhrase {}, &table).is_empty());
        let cell = "项目\t金额\n医疗卫生医疗卫生服务\t120\n公共卫生\t80\n";
        let found = run(&RepeatedPhrase {}, cell);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].message, "疑似重复的文字「医疗卫生医疗卫生」");
    }

    #[test]
    fn a_long_doubled_clause_is_one_finding() {
        let found = run(
            &RepeatedPhrase {},
            "副市长王薇深夜看望坚守副市长王薇深夜看望坚守",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }
}
