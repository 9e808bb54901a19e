use crate::diagnostic::{Finding, Severity};
use crate::document::markers::is_han;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use serde::Deserialize;

crate::declare_lint! {
    /// ## What it does
    /// Finds a space inside Chinese running text: an ASCII space or a full-width
    /// space U+3000 between two Chinese characters in the middle of a sentence
    /// (`合作化的迅速 发展`). With `trailing = true`, trailing whitespace is noted
    /// once per document, at `info` severity, with the number of lines (off by
    /// default: harmless, and common in pasted and scanned text).
    ///
    /// Layout is not an error. Only a line that reads as prose counts: it has
    /// sentence punctuation and the space falls inside a sentence that ends with
    /// punctuation on the same line. So titles (`不负使命 勇担当`), name lists
    /// (`融媒体记者 李蓉 通讯员 高排林`), web furniture (`下载 打印 全屏`), photo
    /// credits (`本报记者 朱江 摄`), slogans in quotes (`“好客山东 好品山东”`) and a
    /// heading run into its text are left alone, and so is every space of a
    /// line of a whole page (500 characters or more) that puts a space between
    /// Chinese characters at least once per 1,000 of them (three times at
    /// least): there spaces are separators (a web page whose paragraph breaks
    /// were lost, headings and table cells joined by single spaces), not slips. Spaces next to Latin letters or
    /// digits are a style choice, reported only with `around-alnum = true`.
    ///
    /// ## Why
    /// A stray space in Chinese text is left over from deleting a word or from
    /// copying out of a PDF; it shows as a gap in the printed report.
    ///
    /// ## Options
    /// `around-alnum = true` also reports a space between a Chinese character and
    /// a Latin letter or digit inside a sentence.
    ///
    /// ## Example
    /// ```bad
    /// 五年内农业和手工业的合作化的迅速 发展，将为社会主义改造准备条件。
    /// ```
    /// ```good
    /// 融媒体记者 李蓉 通讯员 高排林
    /// 文化旅游深度融合，“好客山东 好品山东”更加响亮。
    /// ```
    pub struct StrayWhitespace { around_alnum: bool, trailing: bool }
    code = "RL307", name = "stray-whitespace", family = Typo, severity = Warning,
    summary = "a space inside Chinese running text (trailing whitespace on request)",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Options {
    around_alnum: bool,
    /// Also report trailing whitespace (one info note per document). Off by
    /// default: harmless, and common in pasted and scanned text.
    trailing: bool,
}

impl Configurable for StrayWhitespace {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(StrayWhitespace {
            around_alnum: o.around_alnum,
            trailing: o.trailing,
        })
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// Whether `s` holds a character of `is_space`, found with memchr.
fn has_space(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2(b' ', b'\t', b).is_some()
        || memchr::memmem::find(b, "\u{3000}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{a0}".as_bytes()).is_some()
}

fn clause_mark(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | ':' | '!' | '?'
    )
}

fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?')
}

impl StrayWhitespace {
    fn side_ok(&self, c: Option<char>) -> bool {
        c.is_some_and(|c| is_han(c) || self.around_alnum && c.is_ascii_alphanumeric())
    }

    /// Stray spaces in one line (`start` is its document offset).
    fn check_line(
        &self,
        doc: &Document,
        block_markers: &[Span],
        line: &str,
        start: usize,
        out: &mut Vec<Finding>,
    ) {
        let body = line.trim_start_matches(is_space);
        let lead = line.len() - body.len();
        if !has_space(body) {
            return; // findings are only ever at a space after the indentation
        }
        if !body.contains(sentence_end) && !body.contains('，') {
            return; // a title, a list of names, web furniture
        }
        // A heading run into its text ("一、标题 正文…"): the first clause after a
        // block marker is its title.
        let marker_end = block_markers
            .binary_search_by_key(&(start + lead), |s| s.start)
            .ok()
            .and_then(|k| block_markers.get(k))
            .map(|m| m.end.saturating_sub(start));
        // Quote and title-mark depth: a slogan in quotes keeps its spaces.
        let mut depth: i32 = 0;
        let mut clause_start = lead;
        let last_sentence_end = line.rfind(sentence_end);
        // One pass, no copy of the line: `prev` is the character before `c`.
        let mut prev: Option<char> = None;
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            match c {
                '“' | '《' | '「' | '『' | '‘' => depth += 1,
                '”' | '》' | '」' | '』' | '’' => depth = (depth - 1).max(0),
                _ if clause_mark(c) && marker_end.is_none_or(|e| i >= e) => {
                    clause_start = i + c.len_utf8();
                }
                _ => {}
            }
            if !is_space(c) || i < lead {
                prev = Some(c);
                continue;
            }
            // The whole run of spaces starting at `c`.
            let mut run = 1;
            let mut last = c;
            while let Some(&(_, d)) = iter.peek().filter(|&&(_, d)| is_space(d)) {
                iter.next();
                run += 1;
                last = d;
            }
            let next = iter.peek().map(|&(_, d)| d);
            let single = run == 1 && matches!(c, ' ' | '\u{3000}');
            let both_han = prev.is_some_and(is_han) && next.is_some_and(is_han);
            // The sentence must go on to its punctuation on this line.
            let ends_here = last_sentence_end.is_some_and(|e| e > i);
            let heading = marker_end.is_some() && clause_start == lead;
            // In a masked copy (Markdown) a blank may stand for a link or code.
            let written = doc.display_text().get(start + i..start + i + c.len_utf8())
                == line.get(i..i + c.len_utf8());
            if single
                && written
                && depth == 0
                && ends_here
                && !heading
                && self.side_ok(prev)
                && self.side_ok(next)
            {
                let span = Span::new(start + i, start + i + c.len_utf8());
                let what = if c == ' ' { "空格" } else { "全角空格" };
                let mut f = Finding::new(
                    &META,
                    span,
                    format!(
                        "句中多了一个{what}：「{}{}」",
                        prev.unwrap_or(' '),
                        next.unwrap_or(' ')
                    ),
                )
                .primary(format!("多余的{what}"))
                .help("删除这个空格");
                if both_han {
                    f = f.fix(span, "");
                }
                out.push(f);
            }
            prev = Some(last);
        }
    }
}

/// A line this long (in bytes, about 500 characters) holds a whole page.
const PAGE_LINE: usize = 1500;
/// Such a line needs this many spaces between Chinese characters, and one per
/// this many Chinese characters, before its spaces count as separators.
const SEPARATOR_MIN: usize = 3;
const SEPARATOR_PER: usize = 1000;

/// Whether a line is a page whose paragraph breaks were lost, its headings and
/// table cells joined by single spaces: long, and with a space between Chinese
/// characters often, where prose with a stray space has one in thousands.
fn spaces_separate(text: &str) -> bool {
    if text.len() < PAGE_LINE {
        return false;
    }
    let bytes = text.as_bytes();
    // Chinese characters are three bytes led by E3..E9 (U+3000..U+9FFF).
    let han = bytes
        .iter()
        .filter(|&&b| (0xE3..=0xE9).contains(&b))
        .count();
    let mut spaced = 0;
    for at in memchr::memchr_iter(b' ', bytes) {
        let prev = text[..at].chars().next_back();
        let next = text[at + 1..].chars().next();
        if prev.is_some_and(is_han) && next.is_some_and(is_han) {
            spaced += 1;
        }
    }
    for (at, _) in text.match_indices('\u{3000}') {
        let prev = text[..at].chars().next_back();
        let next = text[at + 3..].chars().next();
        if prev.is_some_and(is_han) && next.is_some_and(is_han) {
            spaced += 1;
        }
    }
    spaced >= SEPARATOR_MIN && spaced * SEPARATOR_PER >= han
}

impl Lint for StrayWhitespace {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // In Markdown two trailing spaces are a line break, not a slip.
        let markdown = crate::input::format_of(std::path::Path::new(&doc.name))
            == crate::input::Format::Markdown;
        // Block markers by start (one per paragraph, so starts are distinct).
        let mut block_markers: Vec<Span> = doc
            .markers
            .iter()
            .filter(|m| m.block)
            .map(|m| m.span)
            .collect();
        block_markers.sort_unstable();
        let mut trailing: Option<Span> = None;
        let mut trailing_lines = 0;
        let mut offset = 0;
        for raw in doc.text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\n', '\r']);
            let body = line.trim_end_matches(is_space);
            if self.trailing
                && !markdown
                && !body.trim_start_matches(is_space).is_empty()
                && body.len() < line.len()
            {
                trailing_lines += 1;
                trailing.get_or_insert(Span::new(offset + body.len(), offset + line.len()));
            }
            if !spaces_separate(line) {
                self.check_line(doc, &block_markers, line, offset, out);
            }
            offset += raw.len();
        }
        if let Some(span) = trailing {
            out.push(
                Finding::new(&META, span, format!("本文有 {trailing_lines} 行末尾带空白"))
                    .severity(Severity::Info)
                    .primary("行末空白")
                    .help("删除行末的空格和全角空格"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint() -> StrayWhitespace {
        StrayWhitespace {
            around_alnum: false,
            trailing: true,
        }
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(),
            &[
                "下载 打印 全屏 收藏\n",
                "融媒体记者 李蓉 通讯员 高排林\n",
                "不负使命 勇担当 砥砺前行 开新局\n",
                "同 心 抗 疫\n",
                "作政府工作报告。本报记者 韩卿立 摄\n",
                "文化旅游深度融合，“好客山东 好品山东”更加响亮。\n",
                "开展《奋斗百年路 启航新征程》专题党课。\n",
                "市卫健委2022年度工作总结与 2023年度工作计划\n",
                "　　各位代表：现在报告工作。\n",
                "一、深入改革经济体制和扩大对外开放 国民经济的长期稳定发展，既要靠坚持。\n",
            ],
            &[
                "五年内合作化的迅速 发展，将为社会主义改造准备条件。\n",
                "对非共产党人士的职权\u{3000}不够尊重，甚至歧视。\n",
                "控制贷款规模 和货币投放，调整贷款结构。\n",
                "完成全年任务。  \n",
            ],
        );
    }

    #[test]
    fn a_page_on_one_line_that_separates_with_spaces_has_no_stray_ones() {
        let page = "公示 时间：2019年 现将情况公示如下：医疗收入 同比 上升，药品收入 同比 下降。"
            .repeat(20);
        assert!(run(&lint(), &page).is_empty());
        let prose = format!(
            "{}合作化的迅速 发展，将为改造准备条件。",
            "全面推进各项工作。".repeat(200)
        );
        assert_eq!(run(&lint(), &prose).len(), 1);
    }

    #[test]
    fn trailing_whitespace_is_one_info_note() {
        let found = run(&lint(), "甲项完成。 \n乙项完成。\u{3000}\n丙项完成。\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].message.contains("2 行"));
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn one_space_between_han_is_deleted() {
        let found = run(&lint(), "合作化的迅速 发展，将为改造准备条件。\n");
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("")
        );
    }

    #[test]
    fn spaces_around_latin_are_a_style_choice_by_default() {
        let text = "开展 HPV 检测，覆盖全市。\n";
        assert!(run(&lint(), text).is_empty());
        let strict = StrayWhitespace {
            around_alnum: true,
            trailing: false,
        };
        assert_eq!(run(&strict, text).len(), 2);
    }
}
