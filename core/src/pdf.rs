//! PDF files for people to read, print and hand to someone: the plan, the
//! wallet card and the counselor report.
//!
//! A small layout of Steady's own (headings, paragraphs, lists, tables, a
//! bordered notice; words wrapped at spaces, pages broken between lines and
//! table rows) drawn with krilla, which embeds a subset of the font and writes
//! the tag tree. So the text is real text: `pdftotext` and screen readers read
//! it back, in the document's language, headings and tables as structure.
//! The fonts (DejaVu Sans, regular and bold: every Latin letter Spanish needs)
//! are built into the program; nothing is fetched.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use crate::error::{Error, Result};
use crate::settings::{Language, Paper};
use crate::words::phrase;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A piece of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: true,
        }
    }
}

/// A paragraph: runs of text, wrapped at spaces (a line break in what the
/// person wrote starts a new line).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    /// Secondary: smaller and grey (details, dates, notes).
    pub muted: bool,
    /// Set in from the left, with a bar (the plan's "if …, then …" steps).
    pub indent: bool,
}

impl Para {
    pub fn text(text: impl Into<String>) -> Self {
        Para::runs(vec![Run::plain(text)])
    }
    pub fn runs(runs: Vec<Run>) -> Self {
        Para {
            runs,
            ..Default::default()
        }
    }
    pub fn muted(text: impl Into<String>) -> Self {
        Para {
            muted: true,
            ..Para::text(text)
        }
    }
}

/// One part of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is the document's title; 2 and 3 its parts.
    Heading {
        level: u8,
        text: String,
    },
    Para(Para),
    /// A paragraph in a red border: where to call for help.
    Notice(Para),
    /// A bulleted list; each item one or more paragraphs.
    List(Vec<Vec<Para>>),
    /// A table: a head row (may be empty) and rows; with `row_heads`, each
    /// row's first cell names the row.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        row_heads: bool,
    },
}

/// A document to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfDoc {
    pub lang: Language,
    pub title: String,
    pub paper: Paper,
    /// Said at the foot of every page, beside its number (the report's date range).
    pub footer: String,
    pub blocks: Vec<Block>,
}

// Sizes in points, colors as Steady's print style.
const MARGIN: f32 = 54.0;
const FOOT: f32 = 28.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 9.5;
const LEADING: f32 = 1.38;
const INK: (u8, u8, u8) = (0x1f, 0x2a, 0x2e);
const MUTED: (u8, u8, u8) = (0x55, 0x63, 0x6a);
const ACCENT: (u8, u8, u8) = (0x1f, 0x6f, 0x6b);
const ALARM: (u8, u8, u8) = (0xb3, 0x26, 0x1e);

/// The two faces, for drawing (krilla) and measuring (rustybuzz, the shaper
/// krilla draws with, so measured and drawn widths agree).
struct Faces {
    fonts: [Font; 2],
    shapers: [rustybuzz::Face<'static>; 2],
}

impl Faces {
    fn load() -> Result<Faces> {
        let broken = || Error::Storage("the built-in font could not be read".into());
        let font = |bytes: &'static [u8]| Font::new(bytes.into(), 0).ok_or_else(broken);
        let shaper =
            |bytes: &'static [u8]| rustybuzz::Face::from_slice(bytes, 0).ok_or_else(broken);
        Ok(Faces {
            fonts: [font(REGULAR)?, font(BOLD)?],
            shapers: [shaper(REGULAR)?, shaper(BOLD)?],
        })
    }

    fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let face = &self.shapers[usize::from(bold)];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / f32::from(face.units_per_em() as u16)
    }
}

/// One drawn piece of text, in one weight and color, on one line.
#[derive(Debug, Clone)]
struct Piece {
    x: f32,
    text: String,
    bold: bool,
}

/// What a page holds, in reading order; `tag` is the tag group a piece of
/// text belongs to (`None`: page furniture, an artifact).
#[derive(Debug, Clone)]
enum Op {
    Text {
        baseline: f32,
        size: f32,
        color: (u8, u8, u8),
        pieces: Vec<Piece>,
        tag: Option<usize>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: (u8, u8, u8),
    },
    Frame {
        rect: (f32, f32, f32, f32),
        color: (u8, u8, u8),
        width: f32,
        /// Dashed: a line to cut along.
        dashed: bool,
    },
}

/// The tag tree, built while laying out; leaves are added while drawing.
#[derive(Default)]
struct Tags {
    kinds: Vec<Option<TagKind>>,
    kids: Vec<Vec<Kid>>,
    roots: Vec<usize>,
}

enum Kid {
    Group(usize),
    Leaf(Identifier),
}

impl Tags {
    fn group(&mut self, parent: Option<usize>, kind: impl Into<TagKind>) -> usize {
        let id = self.kinds.len();
        self.kinds.push(Some(kind.into()));
        self.kids.push(Vec::new());
        match parent {
            Some(p) => self.kids[p].push(Kid::Group(id)),
            None => self.roots.push(id),
        }
        id
    }

    fn build(&mut self, id: usize) -> Option<TagGroup> {
        let kind = self.kinds[id].take()?;
        let kids = std::mem::take(&mut self.kids[id]);
        let children = kids
            .into_iter()
            .filter_map(|k| match k {
                Kid::Group(g) => self.build(g).map(Node::Group),
                Kid::Leaf(leaf) => Some(Node::Leaf(leaf)),
            })
            .collect::<Vec<_>>();
        (!children.is_empty()).then(|| TagGroup::with_children(kind, children))
    }

    fn tree(mut self, lang: &str) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
        for root in std::mem::take(&mut self.roots) {
            if let Some(group) = self.build(root) {
                tree.push(group);
            }
        }
        tree
    }
}

/// A word: the pieces between two spaces (a bold name and the comma after it
/// stay together).
#[derive(Debug, Default)]
struct Word {
    parts: Vec<(String, bool)>,
    width: f32,
    /// A line break the person typed comes before this word.
    newline: bool,
}

struct Layout<'f> {
    faces: &'f Faces,
    width: f32,
    height: f32,
    y: f32,
    pages: Vec<Vec<Op>>,
    tags: Tags,
}

impl<'f> Layout<'f> {
    fn new(faces: &'f Faces, paper: Paper) -> Self {
        let (width, height) = paper.size();
        Layout {
            faces,
            width,
            height,
            y: MARGIN,
            pages: vec![Vec::new()],
            tags: Tags::default(),
        }
    }

    fn left(&self) -> f32 {
        MARGIN
    }
    fn right(&self) -> f32 {
        self.width - MARGIN
    }
    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOT
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Starts a new page unless `height` more fits on this one (or this
    /// page is still empty: something taller than a page goes where it can).
    /// Whether it started one.
    fn room(&mut self, height: f32) -> bool {
        let fresh = self.y + height > self.bottom() && self.y > MARGIN + 0.5;
        if fresh {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
        fresh
    }

    fn words(&self, runs: &[Run], size: f32) -> Vec<Word> {
        let mut out = Vec::new();
        let mut word = Word::default();
        let finish = |word: &mut Word, out: &mut Vec<Word>| {
            if !word.parts.is_empty() {
                word.width = word
                    .parts
                    .iter()
                    .map(|(t, b)| self.faces.width(t, *b, size))
                    .sum();
                out.push(std::mem::take(word));
            }
        };
        for run in runs {
            let mut piece = String::new();
            for c in run.text.chars() {
                if c == '\n' {
                    if !piece.is_empty() {
                        word.parts.push((std::mem::take(&mut piece), run.bold));
                    }
                    finish(&mut word, &mut out);
                    word.newline = true;
                } else if c.is_whitespace() {
                    if !piece.is_empty() {
                        word.parts.push((std::mem::take(&mut piece), run.bold));
                    }
                    // (an empty word keeps a line break that came before it)
                    finish(&mut word, &mut out);
                } else {
                    piece.push(c);
                }
            }
            if !piece.is_empty() {
                word.parts.push((piece, run.bold));
            }
        }
        finish(&mut word, &mut out);
        out
    }

    /// Breaks a word wider than a whole line into pieces that fit.
    fn split_long(&self, word: Word, size: f32, room: f32) -> Vec<Word> {
        let mut out = Vec::new();
        let mut current = Word {
            newline: word.newline,
            ..Default::default()
        };
        for (text, bold) in word.parts {
            let mut piece = String::new();
            for c in text.chars() {
                let mut next = piece.clone();
                next.push(c);
                let width = self.faces.width(&next, bold, size);
                if current.width + width > room && !(piece.is_empty() && current.parts.is_empty()) {
                    if !piece.is_empty() {
                        let w = self.faces.width(&piece, bold, size);
                        current.parts.push((std::mem::take(&mut piece), bold));
                        current.width += w;
                    }
                    out.push(std::mem::take(&mut current));
                    piece.push(c);
                } else {
                    piece = next;
                }
            }
            if !piece.is_empty() {
                current.width += self.faces.width(&piece, bold, size);
                current.parts.push((piece, bold));
            }
        }
        if !current.parts.is_empty() {
            out.push(current);
        }
        out
    }

    /// The lines of a paragraph `room` wide, each as pieces with their x
    /// offsets from the line's start.
    fn lines(&self, runs: &[Run], size: f32, room: f32) -> Vec<Vec<Piece>> {
        let space = self.faces.width(" ", false, size);
        let mut lines: Vec<Vec<Piece>> = Vec::new();
        let mut line: Vec<Piece> = Vec::new();
        let mut x = 0.0_f32;
        let mut words = Vec::new();
        for word in self.words(runs, size) {
            if word.width > room {
                words.extend(self.split_long(word, size, room));
            } else {
                words.push(word);
            }
        }
        for word in words {
            let starts_line = line.is_empty();
            let at = if starts_line { 0.0 } else { x + space };
            if !starts_line && (word.newline || at + word.width > room) {
                lines.push(std::mem::take(&mut line));
                x = 0.0;
            } else if !starts_line {
                // The space between words is written out, as text.
                if let Some(last) = line.last_mut() {
                    last.text.push(' ');
                }
                x = at;
            }
            for (text, bold) in word.parts {
                let width = self.faces.width(&text, bold, size);
                match line.last_mut() {
                    Some(last) if last.bold == bold => last.text.push_str(&text),
                    _ => line.push(Piece { x, text, bold }),
                }
                x += width;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Lays out a paragraph from `x`, `room` wide, in tag group `tag`.
    fn paragraph(
        &mut self,
        runs: &[Run],
        size: f32,
        color: (u8, u8, u8),
        x: f32,
        room: f32,
        tag: Option<usize>,
    ) {
        let leading = size * LEADING;
        for line in self.lines(runs, size, room) {
            self.room(leading);
            let pieces = line
                .into_iter()
                .map(|p| Piece { x: x + p.x, ..p })
                .collect();
            self.push(Op::Text {
                baseline: self.y + size,
                size,
                color,
                pieces,
                tag,
            });
            self.y += leading;
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let size = match level {
            1 => 19.0,
            2 => 14.0,
            _ => 12.0,
        };
        self.y += if level == 1 { 0.0 } else { size * 0.9 };
        // A heading stays with at least two lines of what follows it.
        self.room(size * LEADING + 2.0 * BODY * LEADING + 6.0);
        let level_tag = NonZeroU16::new(u16::from(level.max(1))).unwrap_or(NonZeroU16::MIN);
        let tag = self
            .tags
            .group(None, Tag::Hn(level_tag, Some(text.to_owned())));
        let color = if level <= 2 { ACCENT } else { INK };
        let runs = [Run::bold(text)];
        self.paragraph(
            &runs,
            size,
            color,
            self.left(),
            self.right() - self.left(),
            Some(tag),
        );
        if level == 2 {
            let y = self.y + 1.0;
            self.push(Op::Line {
                from: (self.left(), y),
                to: (self.right(), y),
                width: 1.5,
                color: ACCENT,
            });
            self.y += 5.0;
        }
        self.y += 3.0;
    }

    fn para(&mut self, para: &Para, x: f32, room: f32, parent: Option<usize>) {
        let tag = self.tags.group(parent, Tag::P);
        let (size, color) = if para.muted {
            (SMALL, MUTED)
        } else {
            (BODY, INK)
        };
        let (x, room) = if para.indent {
            (x + 10.0, room - 10.0)
        } else {
            (x, room)
        };
        let top = self.y;
        let first_page = self.pages.len();
        self.paragraph(&para.runs, size, color, x, room, Some(tag));
        if para.indent && self.pages.len() == first_page {
            self.push(Op::Line {
                from: (x - 7.0, top + 2.0),
                to: (x - 7.0, self.y - 2.0),
                width: 2.0,
                color: ACCENT,
            });
        }
        self.y += 3.0;
    }

    fn notice(&mut self, para: &Para) {
        let pad = 8.0;
        let room = self.right() - self.left() - 2.0 * pad;
        let lines = self.lines(&para.runs, BODY, room).len() as f32;
        let height = lines * BODY * LEADING + 2.0 * pad;
        self.room(height);
        let top = self.y;
        self.y += pad;
        let tag = self.tags.group(None, Tag::P);
        self.paragraph(&para.runs, BODY, INK, self.left() + pad, room, Some(tag));
        self.y = top + height;
        self.push(Op::Frame {
            rect: (self.left(), top, self.right() - self.left(), height),
            color: ALARM,
            width: 2.0,
            dashed: false,
        });
        self.y += 8.0;
    }

    fn list(&mut self, items: &[Vec<Para>]) {
        let list = self.tags.group(None, Tag::L(ListNumbering::Disc));
        let indent = 14.0;
        for item in items {
            let li = self.tags.group(Some(list), Tag::LI);
            let label = self.tags.group(Some(li), Tag::Lbl);
            let body = self.tags.group(Some(li), Tag::LBody);
            // An item's first two lines stay together (a lapse's day and what happened).
            let lines = if item.len() > 1 { 2.0 } else { 1.0 };
            self.room(lines * BODY * LEADING + 4.0);
            self.push(Op::Text {
                baseline: self.y + BODY,
                size: BODY,
                color: ACCENT,
                pieces: vec![Piece {
                    x: self.left() + 2.0,
                    text: "•".into(),
                    bold: true,
                }],
                tag: Some(label),
            });
            let room = self.right() - self.left() - indent;
            for para in item {
                self.para(para, self.left() + indent, room, Some(body));
            }
            self.y += 2.0;
        }
        self.y += 3.0;
    }

    /// Column widths that fit the page at a text size that lets every word
    /// fit its column whole (a wide table's text is set smaller, down to 6.5 pt).
    fn columns(&self, head: &[String], rows: &[Vec<String>], pad: f32) -> (Vec<f32>, f32) {
        let count = head
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let total = self.right() - self.left();
        let mut size = SMALL;
        loop {
            // The narrowest a column can be (its longest word) and the width
            // its longest cell would like.
            let mut least = vec![2.0 * pad; count];
            let mut most = vec![2.0 * pad; count];
            for (row, bold) in
                std::iter::once((head, true)).chain(rows.iter().map(|r| (&r[..], false)))
            {
                for (i, cell) in row.iter().enumerate() {
                    let word = cell
                        .split_whitespace()
                        .map(|w| self.faces.width(w, bold, size))
                        .fold(0.0, f32::max);
                    least[i] = least[i].max(word + 2.0 * pad);
                    most[i] = most[i].max(self.faces.width(cell, bold, size) + 2.0 * pad);
                }
            }
            let (low, high): (f32, f32) = (least.iter().sum(), most.iter().sum());
            if low > total && size > 6.5 {
                size -= 0.5;
                continue;
            }
            let widths = if high <= total {
                // Room for every cell on one line: share what is left alike.
                let extra = (total - high) / count as f32;
                most.iter().map(|w| w + extra).collect()
            } else if high > low {
                let share = ((total - low) / (high - low)).max(0.0);
                least
                    .iter()
                    .zip(&most)
                    .map(|(l, m)| l + (m - l) * share)
                    .collect()
            } else {
                least
            };
            return (widths, size);
        }
    }

    fn table(&mut self, head: &[String], rows: &[Vec<String>], row_heads: bool) {
        let pad = 4.0;
        let (widths, size) = self.columns(head, rows, pad);
        let grid = Grid {
            widths,
            size,
            pad,
            row_heads,
        };
        let table = self.tags.group(None, Tag::Table);
        if !head.is_empty() {
            let group = self.tags.group(Some(table), Tag::THead);
            let tr = self.tags.group(Some(group), Tag::TR);
            let laid = self.cells(head, &grid, true);
            self.room(grid.height(&laid) + 2.0 * BODY * LEADING);
            let tags = (0..laid.len())
                .map(|_| self.tags.group(Some(tr), Tag::TH(TableHeaderScope::Column)))
                .collect();
            self.place(laid, &grid, Some(tags), 1.0);
        }
        let body = self.tags.group(Some(table), Tag::TBody);
        for row in rows {
            let laid = self.cells(row, &grid, false);
            if self.room(grid.height(&laid)) && !head.is_empty() {
                // On a new page the head comes again, as page furniture (the
                // table's structure has it once).
                let again = self.cells(head, &grid, true);
                self.place(again, &grid, None, 1.0);
            }
            let tr = self.tags.group(Some(body), Tag::TR);
            let tags = (0..laid.len())
                .map(|i| {
                    if i == 0 && row_heads {
                        self.tags.group(Some(tr), Tag::TH(TableHeaderScope::Row))
                    } else {
                        self.tags.group(Some(tr), Tag::TD)
                    }
                })
                .collect();
            self.place(laid, &grid, Some(tags), 0.4);
        }
        self.y += 8.0;
    }

    /// A row's cells, each as lines in its column.
    fn cells(&self, cells: &[String], grid: &Grid, head: bool) -> Vec<Vec<Vec<Piece>>> {
        cells
            .iter()
            .zip(&grid.widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                let runs = [Run {
                    text: cell.clone(),
                    bold: head || (i == 0 && grid.row_heads),
                }];
                self.lines(&runs, grid.size, width - 2.0 * grid.pad)
            })
            .collect()
    }

    /// Places a row here (the page has room), each cell in its tag group
    /// (`None`: a repeated head, page furniture), with a rule under it.
    fn place(
        &mut self,
        laid: Vec<Vec<Vec<Piece>>>,
        grid: &Grid,
        tags: Option<Vec<usize>>,
        rule: f32,
    ) {
        let height = grid.height(&laid);
        let top = self.y + grid.pad;
        let leading = grid.size * LEADING;
        let mut x = self.left();
        for (i, lines) in laid.into_iter().enumerate() {
            let tag = tags.as_ref().and_then(|t| t.get(i).copied());
            let mut y = top;
            for line in lines {
                let pieces = line
                    .into_iter()
                    .map(|p| Piece {
                        x: x + grid.pad + p.x,
                        ..p
                    })
                    .collect();
                self.push(Op::Text {
                    baseline: y + grid.size,
                    size: grid.size,
                    color: INK,
                    pieces,
                    tag,
                });
                y += leading;
            }
            x += grid.widths.get(i).copied().unwrap_or(0.0);
        }
        self.y += height;
        let y = self.y;
        self.push(Op::Line {
            from: (self.left(), y),
            to: (self.right(), y),
            width: rule,
            color: if rule >= 1.0 {
                MUTED
            } else {
                (0xcc, 0xd3, 0xd6)
            },
        });
    }
}

/// A table's columns and text size.
struct Grid {
    widths: Vec<f32>,
    size: f32,
    pad: f32,
    row_heads: bool,
}

impl Grid {
    fn height(&self, laid: &[Vec<Vec<Piece>>]) -> f32 {
        let tall = laid.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
        tall * self.size * LEADING + 2.0 * self.pad
    }
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(color: (u8, u8, u8), width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        width,
        ..Default::default()
    }
}

fn draw_text(
    surface: &mut Surface,
    faces: &Faces,
    baseline: f32,
    size: f32,
    color: (u8, u8, u8),
    pieces: &[Piece],
) {
    surface.set_fill(Some(fill(color)));
    for piece in pieces {
        surface.draw_text(
            Point::from_xy(piece.x, baseline),
            faces.fonts[usize::from(piece.bold)].clone(),
            size,
            &piece.text,
            false,
            TextDirection::Auto,
        );
    }
}

/// Lays out and writes `doc`: the PDF file's bytes.
pub fn render(doc: &PdfDoc) -> Result<Vec<u8>> {
    let faces = Faces::load()?;
    let mut layout = Layout::new(&faces, doc.paper);
    layout.heading(1, &doc.title);
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => layout.heading(*level, text),
            Block::Para(para) => {
                let room = layout.right() - layout.left();
                layout.para(para, layout.left(), room, None);
            }
            Block::Notice(para) => layout.notice(para),
            Block::List(items) => layout.list(items),
            Block::Table {
                head,
                rows,
                row_heads,
            } => layout.table(head, rows, *row_heads),
        }
    }
    write(layout, &doc.title, doc.lang, doc.paper, &doc.footer)
}

/// One line on a side of a card.
#[derive(Debug, Clone, PartialEq)]
pub enum CardLine {
    Heading(String),
    Para(Vec<Run>),
    /// A numbered step ("When it gets hard").
    Step(String),
}

/// A card to cut out and fold once: two sides of a wallet card (3⅜ × 2⅛
/// inches, a bank card's size) side by side, under a title and a note.
#[derive(Debug, Clone, PartialEq)]
pub struct CardDoc {
    pub lang: Language,
    pub title: String,
    pub paper: Paper,
    /// How to cut and fold it.
    pub note: String,
    pub front: Vec<CardLine>,
    pub back: Vec<CardLine>,
}

const CARD_W: f32 = 243.0;
const CARD_H: f32 = 153.0;
const CARD_PAD: f32 = 9.0;

/// Lays out and writes a wallet card.
pub fn render_card(doc: &CardDoc) -> Result<Vec<u8>> {
    let faces = Faces::load()?;
    let mut layout = Layout::new(&faces, doc.paper);
    layout.heading(1, &doc.title);
    let room = layout.right() - layout.left();
    layout.para(&Para::text(&doc.note), layout.left(), room, None);
    layout.y += 10.0;
    let inner = CARD_W - 2.0 * CARD_PAD;
    let fits = |layout: &Layout, lines: &[CardLine], size: f32| {
        layout.card_height(lines, inner, size) <= CARD_H - 2.0 * CARD_PAD
    };
    // Each side as large as it fits (9.5 down to 5.5 pt); what still does not
    // fit is cut short.
    let mut sides = [doc.front.clone(), doc.back.clone()];
    let mut sizes = [9.5_f32; 2];
    for (side, size) in sides.iter_mut().zip(sizes.iter_mut()) {
        while *size > 5.5 && !fits(&layout, side, *size) {
            *size -= 0.25;
        }
        let mut longest = 120;
        while !fits(&layout, side, *size) && longest > 12 {
            longest -= 12;
            for line in side.iter_mut() {
                shorten(line, longest);
            }
        }
    }
    let [front, back] = sides;
    let top = layout.y;
    let left = layout.left();
    layout.card_side(&front, left, top, sizes[0]);
    layout.card_side(&back, left + CARD_W, top, sizes[1]);
    layout.push(Op::Frame {
        rect: (left, top, 2.0 * CARD_W, CARD_H),
        color: MUTED,
        width: 0.8,
        dashed: true,
    });
    // The fold.
    layout.push(Op::Line {
        from: (left + CARD_W, top),
        to: (left + CARD_W, top + CARD_H),
        width: 0.5,
        color: (0xcc, 0xd3, 0xd6),
    });
    layout.y = top + CARD_H;
    write(layout, &doc.title, doc.lang, doc.paper, "")
}

/// Cuts a line's text to `most` characters, with an ellipsis.
fn shorten(line: &mut CardLine, most: usize) {
    let cut = |text: &mut String| {
        if text.chars().count() > most {
            *text = text
                .chars()
                .take(most)
                .collect::<String>()
                .trim_end()
                .to_owned()
                + "…";
        }
    };
    match line {
        CardLine::Heading(_) => {}
        CardLine::Step(text) => cut(text),
        CardLine::Para(runs) => runs.iter_mut().for_each(|r| cut(&mut r.text)),
    }
}

impl Layout<'_> {
    fn card_height(&self, lines: &[CardLine], room: f32, size: f32) -> f32 {
        let leading = size * LEADING;
        lines
            .iter()
            .map(|line| match line {
                CardLine::Heading(text) => {
                    self.lines(&[Run::bold(text)], size, room).len() as f32 * leading + 2.0
                }
                CardLine::Para(runs) => self.lines(runs, size, room).len() as f32 * leading + 2.0,
                CardLine::Step(text) => {
                    self.lines(&[Run::plain(text)], size, room - 2.0 * size)
                        .len() as f32
                        * leading
                }
            })
            .sum()
    }

    fn card_side(&mut self, lines: &[CardLine], x: f32, top: f32, size: f32) {
        let room = CARD_W - 2.0 * CARD_PAD;
        let x = x + CARD_PAD;
        self.y = top + CARD_PAD;
        let side = self.tags.group(None, Tag::Div);
        let mut list = None;
        let mut step = 0;
        for line in lines {
            match line {
                CardLine::Heading(text) => {
                    list = None;
                    let level = NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN);
                    let tag = self
                        .tags
                        .group(Some(side), Tag::Hn(level, Some(text.clone())));
                    self.paragraph(&[Run::bold(text)], size, ACCENT, x, room, Some(tag));
                    self.y += 2.0;
                }
                CardLine::Para(runs) => {
                    list = None;
                    let tag = self.tags.group(Some(side), Tag::P);
                    self.paragraph(runs, size, INK, x, room, Some(tag));
                    self.y += 2.0;
                }
                CardLine::Step(text) => {
                    let l = *list.get_or_insert_with(|| {
                        step = 0;
                        self.tags.group(Some(side), Tag::L(ListNumbering::Decimal))
                    });
                    step += 1;
                    let li = self.tags.group(Some(l), Tag::LI);
                    let label = self.tags.group(Some(li), Tag::Lbl);
                    let body = self.tags.group(Some(li), Tag::LBody);
                    self.push(Op::Text {
                        baseline: self.y + size,
                        size,
                        color: ACCENT,
                        pieces: vec![Piece {
                            x,
                            text: format!("{step}."),
                            bold: true,
                        }],
                        tag: Some(label),
                    });
                    let indent = 2.0 * size;
                    self.paragraph(
                        &[Run::plain(text)],
                        size,
                        INK,
                        x + indent,
                        room - indent,
                        Some(body),
                    );
                }
            }
        }
    }
}

/// Draws what was laid out and writes the file.
fn write(
    layout: Layout,
    title: &str,
    lang: Language,
    paper: Paper,
    footer: &str,
) -> Result<Vec<u8>> {
    let faces = layout.faces;
    let Layout {
        pages, mut tags, ..
    } = layout;

    let code = if lang.is_spanish() { "es" } else { "en" };
    let mut document = Document::new_with(SerializeSettings {
        enable_tagging: true,
        ..Default::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(code.to_owned())
            .creator("Steady".to_owned()),
    );
    let (width, height) = paper.size();
    let count = pages.len();
    for (index, ops) in pages.into_iter().enumerate() {
        let settings = PageSettings::from_wh(width, height)
            .ok_or_else(|| Error::Storage("bad page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    baseline,
                    size,
                    color,
                    pieces,
                    tag,
                } => match tag {
                    Some(group) => {
                        for piece in pieces {
                            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                            draw_text(&mut surface, faces, baseline, size, color, &[piece]);
                            surface.end_tagged();
                            tags.kids[group].push(Kid::Leaf(id));
                        }
                    }
                    None => {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        draw_text(&mut surface, faces, baseline, size, color, &pieces);
                        surface.end_tagged();
                    }
                },
                Op::Line {
                    from,
                    to,
                    width,
                    color,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(from.0, from.1);
                    path.line_to(to.0, to.1);
                    if let Some(path) = path.finish() {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        surface.set_fill(None);
                        surface.set_stroke(Some(stroke(color, width)));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                        surface.end_tagged();
                    }
                }
                Op::Frame {
                    rect,
                    color,
                    width,
                    dashed,
                } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        surface.set_fill(None);
                        let mut line = stroke(color, width);
                        if dashed {
                            line.dash = Some(StrokeDash {
                                array: vec![4.0, 3.0],
                                offset: 0.0,
                            });
                        }
                        surface.set_stroke(Some(line));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                        surface.end_tagged();
                    }
                }
            }
        }
        // The foot of the page: the date range (or when it was made) and the page.
        let number = phrase(
            lang,
            "pdf.page",
            &[
                ("page", &(index + 1).to_string()),
                ("pages", &count.to_string()),
            ],
        );
        let baseline = height - MARGIN + 4.0;
        let right = width - MARGIN - faces.width(&number, false, SMALL);
        let mut pieces = vec![Piece {
            x: right,
            text: number,
            bold: false,
        }];
        if !footer.is_empty() {
            pieces.insert(
                0,
                Piece {
                    x: MARGIN,
                    text: footer.to_owned(),
                    bold: false,
                },
            );
        }
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Footer,
        )));
        draw_text(&mut surface, faces, baseline, SMALL, MUTED, &pieces);
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    document.set_tag_tree(tags.tree(code));
    document
        .finish()
        .map_err(|e| Error::Storage(format!("could not make the PDF: {e:?}")))
}
