use crate::diagnostic::Finding;
use crate::document::chars::LeadBytes;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Finds a quotation mark, title mark or bracket without its partner in the
    /// same paragraph: `“ ”` `‘ ’` `《 》` `（ ）` `【 】` `「 」` and ASCII `( )` `[ ]`.
    /// Each kind is matched on its own, so one missing mark is reported once and
    /// does not upset the others. A label shows the end (or start) of the sentence,
    /// where the partner most likely belongs.
    ///
    /// ## Why
    /// A lost closing quote or bracket makes the reader unsure where a quotation,
    /// a document title or an aside ends. A quotation running over several
    /// paragraphs opens each of them with `“` and closes only the last: an
    /// unmatched `“` at the start of a paragraph is that convention and is not
    /// reported, nor is a list marker such as `1）` or `a)`. A pair is matched
    /// across line and paragraph breaks where only short lines stand between its
    /// marks (`（PM` `2.5` `）`) and a quotation across paragraphs. A bracket
    /// pair of two widths (`(2023-2025年）`) is one finding, about the width.
    ///
    /// ## Example
    /// ```bad
    /// 制定了《海安市2021年农村户厕改造工作实施方案，分解落实改造任务。
    /// ```
    /// ```good
    /// 制定了《海安市2021年农村户厕改造工作实施方案》，分解落实改造任务。
    /// “我们要坚持人民至上。
    /// “我们要坚持生命至上。”
    /// 1）加强组织领导。
    /// ```
    pub struct UnbalancedPair {}
    code = "RL304", name = "unbalanced-pair", family = Typo, severity = Warning,
    summary = "a quotation mark, title mark or bracket without its partner in the paragraph",
}

impl Configurable for UnbalancedPair {
    type Options = crate::lints::NoOptions;
    fn new(_: crate::lints::NoOptions) -> Result<Self, String> {
        Ok(UnbalancedPair {})
    }
}

const PAIRS: [(char, char); 8] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('【', '】'),
    ('「', '」'),
    ('(', ')'),
    ('[', ']'),
];

/// Every mark of PAIRS is ASCII or starts with byte E2, E3 or EF: other
/// characters are stepped over without decoding them.
const MARK_STARTS: LeadBytes = LeadBytes::new(&[b'(', b')', b'[', b']', 0xE2, 0xE3, 0xEF]);

impl Lint for UnbalancedPair {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Unmatched marks per paragraph: (paragraph, offset, kind, is_open).
        let mut loose: Vec<(usize, usize, usize, bool)> = Vec::new();
        let mut open: [Vec<usize>; 8] = Default::default();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for stack in open.iter_mut() {
                stack.clear();
            }
            // ASCII brackets count only in mostly-Chinese text; decided on first use.
            let mut ascii_cache: Option<bool> = None;
            let mut ascii = || *ascii_cache.get_or_insert_with(|| mostly_han(&p.text));
            for i in MARK_STARTS.find_in(&p.text) {
                let Some(c) = p.text.get(i..).and_then(|r| r.chars().next()) else {
                    continue;
                };
                if let Some(kind) = PAIRS.iter().position(|&(o, _)| o == c) {
                    if kind < 6 || ascii() {
                        open[kind].push(i);
                    }
                } else if let Some(kind) = PAIRS.iter().position(|&(_, cl)| cl == c) {
                    if (kind < 6 || ascii())
                        && open[kind].pop().is_none()
                        && !is_list_marker(&p.text, i)
                        && !is_apostrophe(&p.text, i, c)
                    {
                        loose.push((pi, i, kind, false));
                    }
                }
            }
            for (kind, stack) in open.iter().enumerate() {
                for &i in stack {
                    // A quotation continued in the next paragraph opens this one.
                    let continued = i == 0 && matches!(PAIRS[kind].0, '“' | '‘' | '「');
                    if !continued {
                        loose.push((pi, i, kind, true));
                    }
                }
            }
        }
        loose.sort_unstable();
        let mut paired = pair_across_short_lines(doc, &loose);
        // 「(2023-2025年）」: one pair of brackets in two widths, reported once.
        // The partner is the first unpaired closer of the other width after the
        // opener: one cursor per width moves only forward, so a paragraph of a
        // million lone openers stays linear.
        let closers = |kind: usize| -> Vec<usize> {
            (0..loose.len())
                .filter(|&b| !loose[b].3 && loose[b].2 == kind && !paired[b])
                .collect()
        };
        let (full_closers, ascii_closers) = (closers(3), closers(6));
        let mut cursor = [0usize; 2];
        for a in 0..loose.len() {
            let (pa, i, kind, is_open) = loose[a];
            if !is_open || paired[a] || !matches!(PAIRS[kind].0, '(' | '（') {
                continue;
            }
            let (list, at) = if PAIRS[kind].0 == '(' {
                (&full_closers, &mut cursor[0])
            } else {
                (&ascii_closers, &mut cursor[1])
            };
            while list.get(*at).is_some_and(|&b| b < a || paired[b]) {
                *at += 1;
            }
            let partner = list
                .get(*at)
                .copied()
                .filter(|&b| loose[b].0 == pa && loose[b].1 > i);
            if let Some(b) = partner {
                paired[a] = true;
                paired[b] = true;
                out.push(mixed_width(&doc.paragraphs[pa], i, loose[b].1, kind == 6));
            }
        }
        let mut k = 0;
        while k < loose.len() {
            let (pi, i, kind, is_open) = loose[k];
            let p = &doc.paragraphs[pi];
            k += 1;
            if paired[k - 1] || is_decoration(&p.text, i) {
                continue;
            }
            // Two closing quotes and no opening one: the first is turned the wrong way.
            if let Some(&(pj, j, kj, false)) = loose.get(k) {
                if !is_open && pj == pi && kj == kind && kind < 2 && !paired[k] {
                    out.push(reversed_quote(p, i, j, PAIRS[kind]));
                    k += 1;
                    continue;
                }
            }
            out.push(if is_open {
                unmatched_open(p, i, PAIRS[kind])
            } else {
                unmatched_close(p, i, PAIRS[kind])
            });
        }
    }
}

/// Lines this short around a mark are page furniture split over lines
/// ("【字号：" … "】"), not prose.
const SHORT_LINE: usize = 10;

/// An opener closed in a later paragraph (at most six on) because a line was
/// broken inside the pair: web page furniture over several short lines, a title
/// cut mid-line, a bracket around short lines of its own ("（PM" "2.5" "）"),
/// or a quotation that runs over paragraphs.
fn pair_across_short_lines(doc: &Document, loose: &[(usize, usize, usize, bool)]) -> Vec<bool> {
    let mut paired = vec![false; loose.len()];
    let short = |pi: usize| doc.paragraphs[pi].text.chars().nth(SHORT_LINE).is_none();
    // A line that stops mid-sentence: a title or quotation broken over two lines.
    let open_ended = |pi: usize| {
        doc.paragraphs[pi]
            .text
            .chars()
            .next_back()
            .is_some_and(|c| !crate::document::paragraphs::is_sentence_end(c))
    };
    for a in 0..loose.len() {
        let (pa, _, kind, is_open) = loose[a];
        if !is_open || paired[a] {
            continue;
        }
        // A partner lies in one of the next six paragraphs (`loose` is sorted by
        // paragraph): search only those, so a long paragraph stays linear.
        let from = a + 1 + loose[a + 1..].partition_point(|l| l.0 <= pa);
        let to = from + loose[from..].partition_point(|l| l.0 <= pa + 6);
        let partner = (from..to).find(|&b| {
            let (pb, _, kb, ob) = loose[b];
            let furniture = short(pa) && pb <= pa + 6 && (pa + 1..=pb).all(short);
            let broken = pb == pa + 1 && open_ended(pa);
            // Only short lines between: a bracket around a line of its own
            // ("（PM" "2.5" "）") or a footnote mark set on lines of its own.
            let interrupted = (pa + 1..pb).all(short);
            // A quotation may run over paragraphs: into the next one, or on
            // through paragraphs that each open with the mark.
            let mark = PAIRS[kind].0;
            let quotation = matches!(mark, '“' | '‘' | '「')
                && (pa + 1..pb).all(|pi| doc.paragraphs[pi].text.starts_with(mark));
            !paired[b]
                && !ob
                && kb == kind
                && pb > pa
                && (furniture || broken || interrupted || quotation)
        });
        if let Some(b) = partner {
            paired[a] = true;
            paired[b] = true;
        }
    }
    paired
}

/// ASCII brackets are checked in Chinese text only, not in English notes.
fn mostly_han(text: &str) -> bool {
    let (han, other) = text.chars().fold((0usize, 0usize), |(h, o), c| {
        if crate::document::markers::is_han(c) {
            (h + 1, o)
        } else if c.is_ascii_alphabetic() {
            (h, o + 1)
        } else {
            (h, o)
        }
    });
    han > other
}

/// ’ as an apostrophe: ’99, Let’s.
fn is_apostrophe(text: &str, i: usize, c: char) -> bool {
    if c != '’' {
        return false;
    }
    let next = text[i + c.len_utf8()..].chars().next();
    let prev = text[..i].chars().next_back();
    next.is_some_and(|n| n.is_ascii_alphanumeric())
        && prev.is_none_or(|p| !p.is_ascii_alphanumeric() || p.is_ascii_alphabetic())
}

/// 》》点击进入专题《《: arrows made of doubled marks (doubled-punct looks at
/// doubled marks that have a partner).
fn is_decoration(text: &str, i: usize) -> bool {
    let Some(c) = text[i..].chars().next() else {
        return false;
    };
    let next = text[i + c.len_utf8()..].chars().next();
    let prev = text[..i].chars().next_back();
    next == Some(c) || prev == Some(c)
}

/// `1）`, `a)`, `一）` at the start of a paragraph or after a blank or punctuation.
fn is_list_marker(text: &str, close: usize) -> bool {
    let before = &text[..close];
    let label: String = before
        .chars()
        .rev()
        .take(4) // a label is at most three characters
        .take_while(|c| {
            c.is_ascii_alphanumeric()
                || c.is_numeric()
                || "一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩".contains(*c)
        })
        .collect();
    let n = label.chars().count();
    if n == 0 || n > 3 {
        return false;
    }
    let rest = &before[..before.len() - label.len()];
    rest.chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || !c.is_alphanumeric())
}

fn char_span(text: &str, i: usize) -> Span {
    Span::new(i, i + text[i..].chars().next().map_or(0, char::len_utf8))
}

/// The end of the sentence holding `i` (after its last mark), paragraph-local.
fn sentence_of(p: &Paragraph, i: usize) -> Span {
    // Sentences are in order: a binary search, not a scan per finding.
    let k = p.sentences.partition_point(|s| s.end <= i);
    p.sentences
        .get(k)
        .copied()
        .filter(|s| s.start <= i && i < s.end)
        .unwrap_or(Span::new(0, p.text.len()))
}

fn unmatched_open(p: &Paragraph, i: usize, (o, c): (char, char)) -> Finding {
    let sentence = sentence_of(p, i);
    let mut f = Finding::new(
        &META,
        p.doc_span(char_span(&p.text, i)),
        format!("「{o}」没有对应的「{c}」"),
    )
    .primary(format!("未闭合的「{o}」"))
    .help(format!(
        "在引用或标题结束处补上「{c}」，或删去多余的「{o}」"
    ));
    let last = p.text[..sentence.end]
        .char_indices()
        .next_back()
        .map(|(k, _)| k);
    if let Some(k) = last.filter(|&k| k > i) {
        f = f.label(
            p.doc_span(char_span(&p.text, k)),
            format!("「{c}」可能应在本句结束前"),
        );
    }
    f
}

/// An opening bracket of one width closed by the other width.
fn mixed_width(p: &Paragraph, open: usize, close: usize, open_ascii: bool) -> Finding {
    let (o, c) = if open_ascii {
        ('(', '）')
    } else {
        ('（', ')')
    };
    let first = p.doc_span(char_span(&p.text, open));
    let second = p.doc_span(char_span(&p.text, close));
    let (wrong, fix_span) = if open_ascii { (o, first) } else { (c, second) };
    let right = if open_ascii { '（' } else { '）' };
    Finding::new(&META, first, format!("括号前后宽度不一：「{o}」与「{c}」"))
        .primary(format!("半角/全角的「{o}」"))
        .label(second, format!("与此处的「{c}」配对"))
        .help(format!("把「{wrong}」改为「{right}」，使一对括号同为全角"))
        .fix(fix_span, right.to_string())
}

fn reversed_quote(p: &Paragraph, i: usize, j: usize, (o, c): (char, char)) -> Finding {
    let first = p.doc_span(char_span(&p.text, i));
    Finding::new(&META, first, format!("引号方向错误：「{c}」应为「{o}」"))
        .primary(format!("应为「{o}」"))
        .label(
            p.doc_span(char_span(&p.text, j)),
            format!("与此处的「{c}」配对"),
        )
        .help(format!("把这个「{c}」改为「{o}」"))
        .fix(first, o.to_string())
}

fn unmatched_close(p: &Paragraph, i: usize, (o, c): (char, char)) -> Finding {
    let sentence = sentence_of(p, i);
    let mut f = Finding::new(
        &META,
        p.doc_span(char_span(&p.text, i)),
        format!("「{c}」没有对应的「{o}」"),
    )
    .primary(format!("多出的「{c}」"))
    .help(format!(
        "在引用或标题开始处补上「{o}」，或删去多余的「{c}」"
    ));
    if sentence.start < i {
        f = f.label(
            p.doc_span(char_span(&p.text, sentence.start)),
            format!("「{o}」可能应在本句开头之后"),
        );
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &UnbalancedPair {},
            &[
                "学习《“十四五”规划纲要》。",
                "“我们要坚持人民至上。\n“我们要坚持生命至上。”",
                "1）加强组织领导。\na) 推进项目。",
                "字体:[ ]【字号：大 中 小】",
                "（一）加强党建引领（试行）。",
                "下载\n【字号：\n加大\n减小\n】\n正文。",
                "》》点击图片进入专题《《",
                "关于印发《海安市农村户厕改造\n工作实施方案》的通知",
                "办好“中国’99昆明世界园艺博览会”。",
                "Text keeps furniture (\"下载\n打印\") as is.",
                "地级及以上城市细颗粒物（PM\n2.5\n）平均浓度下降。",
                "他说：“第一段话。\n第二段话。”",
            ],
            &[
                "制定了《实施方案，分解任务。",
                "他说：好的”。",
                "一个”五讲四美三热爱”的活动。",
                "推进（试点工作。",
                "完成任务】。",
                "“第一段。”“第二段。",
            ],
        );
    }

    #[test]
    fn a_reversed_quote_is_one_finding_with_a_fix() {
        let text = "汇合成一个”五讲四美三热爱”的活动。";
        let found = run(&UnbalancedPair {}, text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(fix.span.start, text.find('”').unwrap_or(0));
        assert_eq!(fix.replacement, "“");
    }

    #[test]
    fn a_pair_of_two_widths_is_one_finding() {
        let text = "居民生活用水(含污水处理费0.8元/吨）价格不变。";
        let found = run(&UnbalancedPair {}, text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("宽度"));
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(fix.replacement, "（");
    }

    #[test]
    fn the_label_points_at_the_sentence_end() {
        let text = "制定了《方案，分解任务。后来完成。";
        let found = run(&UnbalancedPair {}, text);
        assert_eq!(found.len(), 1);
        let label = &found[0].labels[0];
        assert_eq!(&text[label.span.start..label.span.end], "。");
        assert!(label.span.start < text.find("后来").unwrap_or(0));
    }
}
