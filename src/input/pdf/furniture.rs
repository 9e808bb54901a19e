//! Running headers, footers and page numbers: lines in the top or bottom band
//! of a page that repeat on several pages (digits aside: "第3页" and "第4页"
//! repeat), and a first or last line that is nothing but a page number. They
//! are not part of the report's text: glued into a sentence they break it,
//! and a page number read as a number spoils arithmetic.

use super::lines::Line;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

pub(super) struct Page {
    pub(super) lines: Vec<Line>,
    pub(super) height: f32,
}

/// The top and bottom bands of a page, as a share of its height.
const BAND: f32 = 0.15;
/// Lines at each end of a page considered.
const EDGE_LINES: usize = 2;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let dash = r"[-—–－―~·•_\s]*";
    let open = r"[(（\[【]?";
    let close = r"[)）\]】]?";
    let n = r"(?:[0-9０-９]{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})";
    Regex::new(&format!(
        r"^{dash}{open}(?:第\s*{n}\s*页(?:\s*[,，/／]?\s*共\s*{n}\s*页)?|{n}(?:\s*[/／]\s*{n})?|共\s*{n}\s*页\s*第\s*{n}\s*页|(?i:page)\s*{n}(?:\s*(?i:of)\s*{n})?){close}{dash}$"
    ))
    .expect("page number pattern")
});

/// Whether a line's text is a page number ("— 3 —", "第3页 共10页", "- 4 -", "iv").
pub(super) fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

/// A line's text with digits and spaces left out, to find repeats.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Indices of the lines at the top (`top`) or bottom of a page within its band.
fn edge(page: &Page, top: bool) -> Vec<usize> {
    let n = page.lines.len();
    let ids: Vec<usize> = if top {
        (0..n.min(EDGE_LINES)).collect()
    } else {
        (n.saturating_sub(EDGE_LINES)..n).rev().collect()
    };
    ids.into_iter()
        .filter(|&i| {
            let y = page.lines[i].y;
            if top {
                y < BAND * page.height
            } else {
                y > (1.0 - BAND) * page.height
            }
        })
        .collect()
}

/// Remove running headers, footers and page numbers from every page.
pub(super) fn drop_running(pages: &mut [Page]) {
    // Where each repeated text stands: a running header keeps its place, a title
    // that repeats it lower on the first page does not.
    let mut seen: HashMap<(bool, String), Vec<f32>> = HashMap::new();
    for p in pages.iter() {
        for top in [true, false] {
            let mut keys: Vec<(String, f32)> = edge(p, top)
                .into_iter()
                .map(|i| (key(&p.lines[i].text()), p.lines[i].y))
                .collect();
            keys.sort_by(|a, b| a.0.cmp(&b.0));
            keys.dedup_by(|a, b| a.0 == b.0);
            for (k, y) in keys {
                seen.entry((top, k)).or_default().push(y);
            }
        }
    }
    let few = pages.len() <= 4;
    let running = |top: bool, line: &Line, text: &str| {
        seen.get(&(top, key(text))).is_some_and(|ys| {
            let mut ys = ys.clone();
            ys.sort_by(f32::total_cmp);
            let usual = ys[ys.len() / 2];
            let count = ys.len();
            (count >= 3 || few && count >= 2) && (line.y - usual).abs() <= line.size
        })
    };
    for p in pages.iter_mut() {
        let mut drop = vec![false; p.lines.len()];
        for top in [true, false] {
            for (rank, i) in edge(p, top).into_iter().enumerate() {
                let text = p.lines[i].text();
                // A page number only where it is the outermost line (or under a header).
                let number = is_page_number(&text) && (rank == 0 || drop_outer(&drop, i, top));
                if number || running(top, &p.lines[i], &text) {
                    drop[i] = true;
                }
            }
        }
        let mut k = 0;
        p.lines.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Whether every line outside line `i` (towards the page edge) is dropped.
fn drop_outer(drop: &[bool], i: usize, top: bool) -> bool {
    if top {
        drop[..i].iter().all(|d| *d)
    } else {
        drop[i + 1..].iter().all(|d| *d)
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::Segment;
    use super::*;

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for t in [
            "— 1 —",
            "—   12—",
            "- 3 -",
            "第 3 页",
            "第3页 共10页",
            "第3页，共10页",
            "3/10",
            "Page 2 of 9",
            "iv",
            "8",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in [
            "2023年",
            "第三章",
            "3.5%",
            "一、综合",
            "1.总体情况",
            "— 1 —正文",
        ] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn line(text: &str, y: f32) -> Line {
        Line {
            y,
            size: 10.0,
            segments: vec![Segment {
                x0: 50.0,
                x1: 50.0 + 10.0 * text.chars().count() as f32,
                text: text.to_owned(),
            }],
            column: 0,
        }
    }

    #[test]
    fn a_repeated_header_and_page_numbers_are_dropped() {
        let mut pages: Vec<Page> = (1..=4)
            .map(|n| Page {
                lines: vec![
                    line("某市卫生健康委员会2023年工作总结", 40.0),
                    line(&format!("正文第{n}页的内容。"), 200.0),
                    line("正文的最后一行。", 600.0),
                    line(&format!("— {n} —"), 780.0),
                ],
                height: 842.0,
            })
            .collect();
        drop_running(&mut pages);
        for (n, p) in pages.iter().enumerate() {
            let texts: Vec<String> = p.lines.iter().map(Line::text).collect();
            assert_eq!(
                texts,
                [
                    format!("正文第{}页的内容。", n + 1),
                    "正文的最后一行。".to_owned()
                ]
            );
        }
    }

    #[test]
    fn a_body_line_near_the_top_of_one_page_stays() {
        let mut pages = vec![Page {
            lines: vec![line("2023年工作总结", 60.0), line("正文。", 200.0)],
            height: 842.0,
        }];
        drop_running(&mut pages);
        assert_eq!(pages[0].lines.len(), 2);
    }
}
