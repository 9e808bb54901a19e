//! Markdown: lint the prose, not the markup. Code blocks, inline code, HTML
//! (comments included), link targets, images, front matter, heading hashes and
//! list bullets are blanked with spaces, byte for byte, so every offset still
//! points into the original file and findings land on the right line.
//!
//! Ordered-list numbers are blanked too: Markdown renumbers lists itself
//! (`1. 1. 1.` renders as 1, 2, 3), so the numbers in the source are not what the
//! reader sees. Numbering typed as text (`一、`, `（一）`) is kept and checked.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub fn mask(text: &str) -> String {
    let mut blank: Vec<Range<usize>> = Vec::new();
    // Content that stays visible inside a construct whose markup is blanked.
    let mut open: Vec<(Range<usize>, Vec<Range<usize>>, bool)> = Vec::new(); // (range, kept, keep_text)
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                blank.push(range)
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => blank.push(range),
            Event::Start(Tag::Image { .. }) => blank.push(range),
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Heading { .. }) => {
                open.push((range, Vec::new(), true))
            }
            Event::Start(Tag::Item) => open.push((range, Vec::new(), false)),
            Event::End(TagEnd::Link | TagEnd::Heading(_)) => {
                if let Some((outer, kept, _)) = open.pop() {
                    blank.extend(complement(outer, &kept));
                }
            }
            Event::End(TagEnd::Item) => {
                open.pop();
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => {
                for (_, kept, keep_text) in open.iter_mut() {
                    if *keep_text {
                        kept.push(range.clone());
                    }
                }
                // The first text of a list item ends its bullet or number.
                if let Some((item, kept, false)) = open.last_mut() {
                    if kept.is_empty() {
                        blank.push(item.start..range.start.max(item.start));
                        kept.push(range.clone());
                    }
                }
            }
            Event::Start(_) => {
                // A paragraph inside an item also ends the bullet.
                if let Some((item, kept, false)) = open.last_mut() {
                    if kept.is_empty() && range.start > item.start {
                        blank.push(item.start..range.start);
                        kept.push(range.clone());
                    }
                }
            }
            _ => {}
        }
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in blank {
        for b in &mut bytes[r.start.min(text.len())..r.end.min(text.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by spaces: still valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The parts of `outer` not covered by `kept` (sorted, within `outer`).
fn complement(outer: Range<usize>, kept: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = outer.start;
    for k in kept {
        if k.start > at {
            out.push(at..k.start.min(outer.end));
        }
        at = at.max(k.end);
    }
    if at < outer.end {
        out.push(at..outer.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn code_links_and_html_are_blanked_in_place() {
        let md = "# 一、总体情况\n\n正文见[附件](http://x.cn/a,b)。\n\n```\n二、二、 的的\n```\n\n<!-- 注释，，-->\n`代码，，`结束。\n";
        let m = mask(md);
        assert_eq!(m.len(), md.len());
        assert_eq!(m.lines().count(), md.lines().count());
        assert!(m.contains("一、总体情况"));
        assert!(!m.contains('#'));
        assert!(m.contains("正文见 附件"), "{m}");
        assert!(!m.contains("http"));
        assert!(!m.contains("二、二、"));
        assert!(!m.contains("注释"));
        assert!(!m.contains("代码"));
        assert!(m.contains("结束。"));
    }

    #[test]
    fn list_numbers_are_blanked_but_text_numbering_stays() {
        let md = "1. 甲项\n1. 乙项\n1. 丙项\n\n- （一）加强学习\n";
        let m = mask(md);
        assert!(!m.contains("1."), "{m:?}");
        assert!(m.contains("甲项") && m.contains("（一）加强学习"), "{m:?}");
    }
}
