use crate::diagnostic::{Finding, Severity};
use crate::document::chars::LeadBytes;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Finds a punctuation mark typed twice (`，，` `。。` `、、` `；；` `：：` `《《`
    /// `》》` `““` `””`) and two different clause marks side by side (`，。` `。，`).
    /// `……` and `——` are single marks and are not reported; `！！` and `？？` may be
    /// deliberate emphasis and are only a warning.
    ///
    /// ## Why
    /// A doubled mark is a slip of the keyboard or an OCR artefact; readers notice it
    /// at once in a printed report. Removing the extra mark is always the right fix.
    /// A doubled bracket or quote without a partner in the paragraph (web page
    /// decorations such as `》》点击进入专题《《`) is left alone.
    ///
    /// ## Example
    /// ```bad
    /// 对照《《南通市集中隔离医学观察场所分类评估标准》开展评估。
    /// ```
    /// ```good
    /// 对照《南通市集中隔离医学观察场所分类评估标准》开展评估……
    /// ```
    pub struct DoubledPunct {}
    code = "RL303", name = "doubled-punct", family = Typo, severity = Error,
    summary = "a punctuation mark typed twice (，， 《《) or two clause marks side by side (，。)",
}

impl Configurable for DoubledPunct {
    type Options = crate::lints::NoOptions;
    fn new(_: crate::lints::NoOptions) -> Result<Self, String> {
        Ok(DoubledPunct {})
    }
}

/// Clause and sentence marks that never stand twice in a row.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：')
}

/// Paired marks: (opening, closing).
const PAIRS: &[(char, char)] = &[
    ('《', '》'),
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('【', '】'),
    ('「', '」'),
];

impl Lint for DoubledPunct {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for p in &doc.paragraphs {
            check_paragraph(p, out);
        }
    }
}

/// Every mark this lint reports begins with byte E2, E3 or EF (Han characters
/// begin with E4–E9): the walk stops only at characters that do.
const MARK_STARTS: LeadBytes = LeadBytes::new(&[0xE2, 0xE3, 0xEF]);

fn check_paragraph(p: &Paragraph, out: &mut Vec<Finding>) {
    let text = p.text.as_str();
    let char_at = |i: usize| text.get(i..).and_then(|r| r.chars().next());
    // Marks already read as part of a run or a pair are not read again.
    let mut resume = 0;
    for i in MARK_STARTS.find_in(text) {
        if i < resume {
            continue;
        }
        let Some(c) = char_at(i) else { break };
        let j = i + c.len_utf8();
        let Some(d) = char_at(j) else { break };
        let second = Span::new(j, j + d.len_utf8());
        resume = j;
        if c == d {
            // A run of the same mark: report it once.
            let mut end = second.end;
            let mut count = 2;
            while let Some(e) = char_at(end).filter(|&e| e == c) {
                end += e.len_utf8();
                count += 1;
            }
            resume = end;
            if let Some(f) = same_mark(p, text, c, Span::new(i, end), second, count) {
                out.push(f);
            }
        } else if is_clause_mark(c) && is_clause_mark(d) {
            let both = p.doc_span(Span::new(i, second.end));
            out.push(
                Finding::new(&META, both, format!("标点连用「{c}{d}」"))
                    .primary("两个标点相连")
                    .help(format!("保留其中一个：「{c}」或「{d}」"))
                    .severity(Severity::Warning),
            );
            resume = second.end;
        }
    }
}

/// A run of `count` copies of `c` at `run` (paragraph-local).
fn same_mark(
    p: &Paragraph,
    text: &str,
    c: char,
    run: Span,
    second: Span,
    count: usize,
) -> Option<Finding> {
    let shown: String = std::iter::repeat_n(c, count).collect();
    if is_clause_mark(c) {
        if c == '。' && count >= 3 {
            return Some(
                Finding::new(&META, p.doc_span(run), format!("用「{shown}」代替省略号"))
                    .primary("连续句号")
                    .help("省略号应写作「……」")
                    .severity(Severity::Warning),
            );
        }
    } else if matches!(c, '！' | '？') {
        return Some(
            Finding::new(&META, p.doc_span(run), format!("重复的标点「{shown}」"))
                .primary("重复")
                .help(format!("若非有意强调，只保留一个「{c}」"))
                .severity(Severity::Warning),
        );
    } else {
        let (open, close) = PAIRS.iter().copied().find(|&(o, cl)| o == c || cl == c)?;
        // Only a doubled mark that has a partner in the paragraph: decorations
        // such as "》》点击进入《《" stand alone.
        let has_partner = if c == open {
            text[run.end..].chars().find(|&x| x == open || x == close) == Some(close)
        } else {
            text[..run.start]
                .chars()
                .rev()
                .find(|&x| x == open || x == close)
                == Some(open)
        };
        if !has_partner || count > 2 {
            return None;
        }
    }
    let extra = if count == 2 { Some(second) } else { None };
    let mut f = Finding::new(&META, p.doc_span(run), format!("重复的标点「{shown}」"))
        .primary("重复")
        .help(format!("删去多余的「{c}」"));
    if let Some(extra) = extra {
        f = f.fix(p.doc_span(extra), "");
    } else {
        f = f.severity(Severity::Warning);
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &DoubledPunct {},
            &[
                "他说：“好。”然后走了。",
                "时间过得很快……转眼又是一年——新的一年。",
                "》》点击图片进入专题《《",
                "学习《〈中共中央关于党的百年奋斗重大成就和历史经验的决议〉辅导读本》。",
                "“‘三农’工作”",
            ],
            &[
                "工作，，成绩。",
                "坚守““疫情””一线",
                "对照《《标准》",
                "完成。。",
                "加强，。推进",
                "好！！",
            ],
        );
    }

    #[test]
    fn fix_removes_one_mark() {
        let text = "对照《《标准》开展";
        let found = run(&DoubledPunct {}, text);
        assert_eq!(found.len(), 1);
        let fix = found[0].fix.clone().expect("a fix");
        assert_eq!(&text[fix.span.start..fix.span.end], "《");
        assert_eq!(found[0].severity, Severity::Error);
    }

    #[test]
    fn runs_are_one_finding() {
        let found = run(&DoubledPunct {}, "等等。。。");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("省略号"));
        assert!(found[0].fix.is_none());
    }
}
