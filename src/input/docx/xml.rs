//! A thin namespace-aware event stream over one XML part, read with a size limit.
//! Every part of the package is read through [`walk`], so the limit and the error
//! wording are the same everywhere.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::cell::Cell;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

/// The namespaces the extractor cares about; transitional and strict spellings alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    Word,
    Math,
    Compat,
    Rels,
    Other,
}

fn classify(ns: &ResolveResult) -> Ns {
    match ns {
        ResolveResult::Bound(n) => match n.as_ref() {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::Word,
            b"http://schemas.openxmlformats.org/officeDocument/2006/math"
            | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Compat,
            b"http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rels,
            _ => Ns::Other,
        },
        // Hand-made files sometimes use the usual prefixes without declaring them.
        ResolveResult::Unknown(p) => match p.as_slice() {
            b"w" => Ns::Word,
            b"m" => Ns::Math,
            b"mc" => Ns::Compat,
            _ => Ns::Other,
        },
        ResolveResult::Unbound => Ns::Other,
    }
}

/// An opening tag: its namespace, local name and attributes.
pub(super) struct Tag<'a> {
    pub ns: Ns,
    pub name: &'a [u8],
    start: &'a BytesStart<'a>,
}

impl Tag<'_> {
    /// The value of the attribute with this local name, whatever its prefix.
    pub fn attr(&self, local: &[u8]) -> Option<String> {
        self.start
            .attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local)
            .and_then(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
    }

    pub fn val(&self) -> Option<String> {
        self.attr(b"val")
    }

    /// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`).
    pub fn flag(&self) -> bool {
        !matches!(self.val().as_deref(), Some("0" | "false" | "off"))
    }
}

pub(super) enum Item<'a> {
    Open(Tag<'a>),
    Close(Ns, &'a [u8]),
    Text(&'a str),
}

/// A reader that fails once more than `left` bytes come out of it, whatever the
/// zip header claimed the size to be.
struct Limited<R> {
    inner: R,
    left: u64,
    over: Rc<Cell<bool>>,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => {
                    self.over.set(true);
                    Err(io::Error::other("size limit exceeded"))
                }
            };
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// Stream the events of XML part `part` to `f`. Empty elements come as an `Open`
/// followed by a `Close`; entity and character references come as text.
pub(super) fn walk<R: Read>(
    part: &str,
    input: R,
    limit: u64,
    mut f: impl FnMut(Item<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let over = Rc::new(Cell::new(false));
    let limited = Limited {
        inner: input,
        left: limit,
        over: Rc::clone(&over),
    };
    let mut reader = NsReader::from_reader(BufReader::with_capacity(64 * 1024, limited));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (ns, event) = match reader.read_resolved_event_into(&mut buf) {
            Ok((ns, event)) => (classify(&ns), event),
            Err(e) => {
                return Err(if over.get() {
                    crate::tr!("docx.part-too-large", part = part, mib = limit >> 20)
                } else if let quick_xml::Error::Io(io) = &e {
                    crate::tr!("docx.damaged", error = format!("{part}: {io}"))
                } else {
                    crate::tr!("docx.bad-xml", part = part, error = e)
                });
            }
        };
        match &event {
            Event::Start(s) | Event::Empty(s) => {
                let local = s.local_name();
                let name = local.as_ref();
                f(Item::Open(Tag { ns, name, start: s }))?;
                if matches!(event, Event::Empty(_)) {
                    f(Item::Close(ns, name))?;
                }
            }
            Event::End(e) => f(Item::Close(ns, e.local_name().as_ref()))?,
            Event::Text(t) => {
                if let Ok(s) = t.xml10_content() {
                    f(Item::Text(&s))?;
                }
            }
            Event::CData(t) => {
                if let Ok(s) = t.decode() {
                    f(Item::Text(&s))?;
                }
            }
            Event::GeneralRef(r) => {
                let ch = r.resolve_char_ref().ok().flatten();
                if let Some(c) = ch {
                    f(Item::Text(c.encode_utf8(&mut [0u8; 4])))?;
                } else if let Some(s) = r
                    .decode()
                    .ok()
                    .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
                {
                    f(Item::Text(s))?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
