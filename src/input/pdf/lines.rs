//! From positioned characters to the lines of one page: characters on one
//! baseline form a line, read left to right; a wide gap splits a line into
//! segments (table cells, or a letter-spaced heading); superscript marks
//! (footnote references) and doubled characters (simulated bold) are dropped;
//! a two-column page is read column by column.

use super::content::Glyph;

/// A run of characters on a line without a wide gap.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) text: String,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Baseline, from the top of the page.
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) segments: Vec<Segment>,
    /// Which column of a two-column stretch the line is in (0: the full width).
    pub(super) column: u8,
}

impl Line {
    pub(super) fn x0(&self) -> f32 {
        self.segments.first().map_or(0.0, |s| s.x0)
    }

    pub(super) fn x1(&self) -> f32 {
        self.segments.last().map_or(0.0, |s| s.x1)
    }

    /// The segments as one run of text: a gap between Chinese characters is
    /// layout (a letter-spaced heading), a gap between words is a space, and a
    /// gap much wider than the spacing of characters separates two cells (a tab).
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        for (k, s) in self.segments.iter().enumerate() {
            match k.checked_sub(1).map(|p| &self.segments[p]) {
                Some(p) if !letter_spaced(p, s, self.size) => {
                    out.push('\t');
                    out.push_str(&s.text);
                }
                _ => join_into(&mut out, &s.text),
            }
        }
        out
    }

    /// Whether two neighbouring segments are separate cells (see `letter_spaced`).
    pub(super) fn has_cells(&self) -> bool {
        self.segments
            .windows(2)
            .any(|w| !letter_spaced(&w[0], &w[1], self.size))
    }

    pub(super) fn chars(&self) -> usize {
        self.segments.iter().map(|s| s.text.chars().count()).sum()
    }
}

/// Append `next` to `out`, with a space only between two Latin words or numbers.
pub(super) fn join_into(out: &mut String, next: &str) {
    let a = out.chars().next_back();
    let b = next.chars().next();
    if let (Some(a), Some(b)) = (a, b) {
        if is_word_char(a) && is_word_char(b) {
            out.push(' ');
        }
    }
    out.push_str(next);
}

/// Append the next line of a paragraph: Chinese typesetting breaks a line
/// anywhere, inside a number too ("7" / "8.4%"), so only two Latin words get a space.
pub(super) fn join_line(out: &mut String, next: &str) {
    let a = out.chars().next_back();
    let b = next.chars().next();
    if let (Some(a), Some(b)) = (a, b) {
        if is_letter(a) && is_letter(b) {
            out.push(' ');
        }
    }
    out.push_str(next);
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x2E80
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && (c as u32) < 0x2E80)
}

/// Whether a character is wide (Chinese, full-width punctuation).
fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// A gap wider than this many font sizes splits a line into segments.
pub(super) const SEGMENT_GAP: f32 = 1.2;

/// A gap at least this many font sizes wide between two pieces of text that
/// are not a spaced-out character is a gap between cells, not letter-spacing.
pub(super) const CELL_GAP: f32 = 2.5;

/// Whether segment `b` follows `a` as part of the same text, spread out: the
/// gap is narrow, or one side is a single Chinese character (「一、综　　合」,
/// 「#粮　　食」). Otherwise the two are separate cells.
pub(super) fn letter_spaced(a: &Segment, b: &Segment, size: f32) -> bool {
    b.x0 - a.x1 < CELL_GAP * size || spaced_out(a, b)
}

/// Whether one of two neighbouring segments is a single Chinese character,
/// spaced out from the other: in a table row, the only pieces of one cell.
pub(super) fn spaced_out(a: &Segment, b: &Segment) -> bool {
    let lone = |s: &Segment| {
        let mut c = s.text.chars();
        matches!((c.next(), c.next()), (Some(c), None) if is_wide(c))
    };
    lone(a) || lone(b)
}

/// The page's lines in reading order.
pub(super) fn page_lines(mut glyphs: Vec<Glyph>, width: f32, height: f32) -> Vec<Line> {
    glyphs.retain(|g| {
        g.size >= 1.0
            && !g.c.is_control()
            && g.x > -g.size
            && g.x < width + g.size
            && g.y > 0.0
            && g.y < height + g.size
    });
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut clusters: Vec<Vec<Glyph>> = Vec::new();
    let mut rest = glyphs.into_iter().peekable();
    while let Some(first) = rest.next() {
        // A line's characters share a baseline within half a character.
        let tolerance = 0.45 * first.size;
        let mut line = vec![first];
        while let Some(g) = rest
            .next_if(|g| g.y - line[0].y <= tolerance.max(0.45 * g.size.min(line[0].size * 3.0)))
        {
            line.push(g);
        }
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        clusters.push(line);
    }
    let Some(gutter) = gutter(&clusters, width) else {
        return clusters
            .into_iter()
            .filter_map(|mut c| build_line(&mut c, 0))
            .collect();
    };
    // The columns run from the first line with text on both sides to the last;
    // between lines that cross the gutter (a title over both columns), the left
    // column is read before the right.
    let both = |c: &Vec<Glyph>| {
        let side = |left: bool| {
            c.iter()
                .filter(|g| (g.x < gutter) == left && !g.c.is_whitespace())
                .count()
        };
        side(true) >= 4 && side(false) >= 4
    };
    let first = clusters.iter().position(both).unwrap_or(0);
    let mut last = clusters.iter().rposition(both).unwrap_or(0);
    // The left column may run a few lines longer than the right one, at the
    // columns' line pitch.
    let pitch = median(
        clusters[first..=last]
            .windows(2)
            .map(|w| w[1][0].y - w[0][0].y)
            .collect(),
    );
    while let (Some(prev), Some(next)) = (clusters.get(last), clusters.get(last + 1)) {
        let left_only = next
            .iter()
            .all(|g| g.x + g.w <= gutter || g.c.is_whitespace());
        let (py, ny, size) = (prev[0].y, next[0].y, next[0].size);
        if !left_only || ny - py > 1.3 * pitch.max(size) {
            break;
        }
        last += 1;
    }
    let mut out = Vec::with_capacity(clusters.len());
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    for (k, mut c) in clusters.into_iter().enumerate() {
        if k < first || k > last || c.iter().any(|g| covers(g, gutter)) {
            out.append(&mut left);
            out.append(&mut right);
            out.extend(build_line(&mut c, 0));
            continue;
        }
        let (mut l, mut r): (Vec<Glyph>, Vec<Glyph>) = c.into_iter().partition(|g| g.x < gutter);
        left.extend(build_line(&mut l, 1));
        right.extend(build_line(&mut r, 2));
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

fn build_line(glyphs: &mut [Glyph], column: u8) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let visible: Vec<&Glyph> = glyphs.iter().filter(|g| !g.c.is_whitespace()).collect();
    let size = median(visible.iter().map(|g| g.size).collect());
    let base = median(
        visible
            .iter()
            .filter(|g| g.size >= 0.8 * size)
            .map(|g| g.y)
            .collect(),
    );
    let mut segments: Vec<Segment> = Vec::new();
    let mut last: Option<&Glyph> = None;
    let mut space = false;
    for g in glyphs.iter() {
        if g.c.is_whitespace() {
            space = true;
            continue;
        }
        // A superscript: smaller and raised (a footnote reference glued to a number).
        if g.size < 0.8 * size && base - g.y > 0.2 * size {
            continue;
        }
        if let Some(p) = last {
            // The same character drawn again almost on top of itself (simulated bold).
            if p.c == g.c && (g.x - p.x).abs() < 0.3 * size {
                continue;
            }
        }
        let gap = last.map_or(f32::INFINITY, |p| g.x - (p.x + p.w));
        match segments.last_mut() {
            Some(seg) if gap <= SEGMENT_GAP * size => {
                let p = last.map_or(' ', |p| p.c);
                let spaced = space || gap > 0.25 * size && !is_wide(p) && !is_wide(g.c);
                if spaced && !(is_wide(p) && is_wide(g.c)) {
                    seg.text.push(' ');
                }
                seg.text.push(g.c);
                seg.x1 = seg.x1.max(g.x + g.w);
            }
            _ => segments.push(Segment {
                x0: g.x,
                x1: g.x + g.w,
                text: g.c.to_string(),
            }),
        }
        last = Some(g);
        space = false;
    }
    (!segments.is_empty()).then_some(Line {
        y: base,
        size,
        segments,
        column,
    })
}

/// Whether a character's box reaches over `x`.
fn covers(g: &Glyph, x: f32) -> bool {
    !g.c.is_whitespace() && g.x <= x && g.x + g.w >= x
}

/// The x of a gutter between two columns of prose, if the page has one: most
/// lines leave it empty and have prose on both sides of it.
fn gutter(lines: &[Vec<Glyph>], width: f32) -> Option<f32> {
    if lines.len() < 6 {
        return None;
    }
    // The widest band of x with the most lines on both sides; its middle.
    let mut best: Option<(usize, f32, f32)> = None;
    let mut x = 0.3 * width;
    while x <= 0.7 * width {
        let mut crossing = 0;
        let mut both = 0;
        let (mut left_chars, mut right_chars) = (0, 0);
        for l in lines {
            if l.iter().any(|g| covers(g, x)) {
                crossing += 1;
                continue;
            }
            let left = l.iter().filter(|g| g.x < x && !g.c.is_whitespace()).count();
            let right = l
                .iter()
                .filter(|g| g.x >= x && !g.c.is_whitespace())
                .count();
            if left > 0 && right > 0 {
                both += 1;
                left_chars += left;
                right_chars += right;
            }
        }
        // Prose: the lines on both sides average at least eight characters.
        let prose = both > 0 && left_chars >= 8 * both && right_chars >= 8 * both;
        if prose && crossing * 5 <= lines.len() && both * 10 >= lines.len() * 3 && both >= 5 {
            match &mut best {
                Some((b, _, end)) if both == *b && *end + 2.5 >= x => *end = x,
                Some((b, ..)) if both <= *b => {}
                _ => best = Some((both, x, x)),
            }
        }
        x += 2.0;
    }
    best.map(|(_, start, end)| (start + end) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * size,
                y,
                w: size,
                size,
                c,
            })
            .collect()
    }

    #[test]
    fn a_superscript_footnote_mark_is_dropped() {
        let mut g = glyphs("常住人口1761.48万人", 50.0, 100.0, 10.0);
        // A small "1" raised above the baseline between 口 and 1761.
        g.push(Glyph {
            x: 89.0,
            y: 96.0,
            w: 3.0,
            size: 6.0,
            c: '1',
        });
        let lines = page_lines(g, 600.0, 800.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "常住人口1761.48万人");
    }

    #[test]
    fn doubled_characters_of_simulated_bold_are_dropped() {
        let mut g = glyphs("一、综合", 50.0, 100.0, 10.0);
        g.extend(glyphs("一、综合", 50.5, 100.0, 10.0));
        assert_eq!(page_lines(g, 600.0, 800.0)[0].text(), "一、综合");
    }

    #[test]
    fn wide_gaps_split_segments_and_chinese_joins_without_space() {
        let mut g = glyphs("一、综", 50.0, 100.0, 10.0);
        g.extend(glyphs("合", 120.0, 100.0, 10.0));
        let lines = page_lines(g, 600.0, 800.0);
        assert_eq!(lines[0].segments.len(), 2);
        assert_eq!(lines[0].text(), "一、综合");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut g = glyphs(
            "标题横跨两栏的一行文字标题横跨两栏的一行文字标题",
            50.0,
            50.0,
            10.0,
        );
        for k in 0..8 {
            let y = 100.0 + 14.0 * k as f32;
            g.extend(glyphs(&format!("左栏第{k}行的正文内容文字"), 50.0, y, 10.0));
            g.extend(glyphs(
                &format!("右栏第{k}行的正文内容文字"),
                320.0,
                y,
                10.0,
            ));
        }
        let lines = page_lines(g, 600.0, 800.0);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert!(texts[0].starts_with("标题"), "{texts:?}");
        assert!(texts[1].starts_with("左栏第0行"), "{texts:?}");
        assert!(texts[8].starts_with("左栏第7行"), "{texts:?}");
        assert!(texts[9].starts_with("右栏第0行"), "{texts:?}");
    }
}
