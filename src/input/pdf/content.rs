//! A page's content stream read for its text: every shown character with its
//! position, size and advance on the page. Graphics are ignored except the
//! transformation matrix; form XObjects are entered (to a bounded depth);
//! text marked as an artifact (running headers, page numbers in tagged PDFs)
//! is dropped.

use super::font::{number, Code, Font};
use super::load::{deref, dict, stream_data};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// A shown character in page space, y measured downwards from the top of the page.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub(super) x: f32,
    /// Baseline.
    pub(super) y: f32,
    /// Advance along the line.
    pub(super) w: f32,
    /// Font size on the page.
    pub(super) size: f32,
    pub(super) c: char,
}

/// Deepest nesting of form XObjects entered.
const MAX_FORM_DEPTH: usize = 8;
/// Most operators interpreted on one page, forms included.
const MAX_OPERATIONS: usize = 2_000_000;
/// Most characters kept from one page.
pub(super) const MAX_PAGE_GLYPHS: usize = 500_000;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<ObjectId>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// The fonts met so far, by object (a document shares them across pages).
pub(super) type FontCache = HashMap<ObjectId, Font>;

struct Reader<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    /// Inline fonts (not indirect objects) get ids past any real object.
    inline_fonts: HashMap<*const Dictionary, ObjectId>,
    glyphs: Vec<Glyph>,
    operations: usize,
    top: f32,
    left: f32,
    codes: Vec<Code>,
}

/// The characters shown on a page.
pub(super) fn page_glyphs(
    doc: &Document,
    fonts: &mut FontCache,
    content: &[u8],
    resources: Option<&Dictionary>,
    bbox: [f32; 4],
) -> Vec<Glyph> {
    let mut r = Reader {
        doc,
        fonts,
        inline_fonts: HashMap::new(),
        glyphs: Vec::new(),
        operations: 0,
        top: bbox[3],
        left: bbox[0],
        codes: Vec::new(),
    };
    r.run(content, resources, IDENTITY, 0);
    r.glyphs
}

impl Reader<'_> {
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, ctm: Matrix, depth: usize) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut gs = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        // Marked-content nesting, and how many of those levels are artifacts.
        let mut marked: Vec<bool> = Vec::new();
        let fonts = resources.and_then(|r| dict(self.doc, r.get(b"Font").ok()));
        let xobjects = resources.and_then(|r| dict(self.doc, r.get(b"XObject").ok()));
        for op in &content.operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.glyphs.len() >= MAX_PAGE_GLYPHS {
                return;
            }
            let n = |k: usize| op.operands.get(k).and_then(number).unwrap_or(0.0);
            let artifact = marked.iter().any(|a| *a);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.size = n(1);
                    gs.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font_id(fonts, name));
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.scale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Object> = match op.operator.as_str() {
                        "TJ" => op
                            .operands
                            .first()
                            .and_then(|o| o.as_array().ok())
                            .map(|a| a.iter().collect())
                            .unwrap_or_default(),
                        _ => op.operands.last().into_iter().collect(),
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                self.show(bytes, &gs, &mut tm, artifact);
                            }
                            other => {
                                if let Some(adj) = number(other) {
                                    let tx = -adj / 1000.0 * gs.size * gs.scale;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "BMC" | "BDC" => {
                    let is_artifact = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .is_some_and(|n| n == b"Artifact");
                    if marked.len() < 1024 {
                        marked.push(is_artifact);
                    }
                }
                "EMC" => {
                    marked.pop();
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    let form = name
                        .and_then(|name| xobjects.and_then(|x| deref(self.doc, x.get(name).ok())))
                        .and_then(|o| o.as_stream().ok())
                        .filter(|s| {
                            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
                        });
                    if let Some(form) = form {
                        let matrix = deref(self.doc, form.dict.get(b"Matrix").ok())
                            .and_then(|o| o.as_array().ok())
                            .map(|a| a.iter().filter_map(number).collect::<Vec<f32>>())
                            .and_then(|v| <[f32; 6]>::try_from(v).ok())
                            .unwrap_or(IDENTITY);
                        let inner = dict(self.doc, form.dict.get(b"Resources").ok()).or(resources);
                        if let Ok(data) = stream_data(form) {
                            self.run(&data, inner, mul(&matrix, &gs.ctm), depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The cache key of the font named `name` in the resources.
    fn font_id(&mut self, fonts: Option<&Dictionary>, name: &[u8]) -> Option<ObjectId> {
        let entry = fonts?.get(name).ok()?;
        let (id, d) = match entry {
            Object::Reference(id) => (*id, dict(self.doc, Some(entry))?),
            Object::Dictionary(d) => {
                let next = (u32::MAX - self.inline_fonts.len() as u32, 0);
                let id = *self.inline_fonts.entry(d as *const _).or_insert(next);
                (id, d)
            }
            _ => return None,
        };
        if !self.fonts.contains_key(&id) {
            let font = Font::load(self.doc, d);
            self.fonts.insert(id, font);
        }
        Some(id)
    }

    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix, artifact: bool) {
        let Some(font) = gs.font.and_then(|id| self.fonts.get(&id)) else {
            return;
        };
        self.codes.clear();
        font.codes(bytes, &mut self.codes);
        for code in &self.codes {
            let trm = mul(
                &mul(&[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            let spacing = gs.char_spacing + if code.is_space { gs.word_spacing } else { 0.0 };
            let tx = (code.width * gs.size + spacing) * gs.scale;
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            // Advance in page space: the text-space advance through the matrices.
            // The box is never narrower than the glyph itself: a negative
            // character spacing that the next position adjusts back (glyphs
            // placed one by one) would otherwise make boxes that end before
            // they start, and gaps that are not on the page.
            let m = mul(tm, &gs.ctm);
            let glyph = code.width * gs.size * gs.scale;
            let w = tx.max(glyph) * (m[0] * m[0] + m[1] * m[1]).sqrt();
            if !artifact && size.is_finite() && trm[4].is_finite() && trm[5].is_finite() {
                if let Some(text) = &code.text {
                    let count = text.chars().count().max(1) as f32;
                    for (k, c) in text.chars().enumerate() {
                        if self.glyphs.len() >= MAX_PAGE_GLYPHS {
                            break;
                        }
                        self.glyphs.push(Glyph {
                            x: trm[4] - self.left + w / count * k as f32,
                            y: self.top - trm[5],
                            w: w / count,
                            size,
                            c,
                        });
                    }
                }
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}
