//! OCR (optical character recognition, nhận dạng ký tự) of scanned pages: units often send
//! the signed and stamped paper as a scan, and a scanned copy of another entry must still be
//! caught (issue 14 item 8).
//!
//! Two programs do the work, each run as a child process with a time limit, an address-space
//! limit and its output capped, in a private temporary folder removed afterwards:
//! - `pdftoppm` (poppler) renders a PDF page to a 300 dpi grayscale PNG. Poppler is already
//!   what the benches compare against and CI installs it; the pure-Rust renderers (hayro) are
//!   young and would add a large dependency for pages that are only an image, and pdfium needs
//!   a prebuilt library we cannot fetch.
//! - `tesseract` 5 with the Vietnamese model (`vie`) reads the image and prints TSV: every
//!   word with its box and confidence. We call the binary rather than link libtesseract
//!   (leptess, tesseract-rs): linking needs the C++ headers and clang at build time, and a
//!   crash or a runaway allocation in the engine would take the whole batch down, where a
//!   child process can be killed and limited like any other untrusted work.
//!
//! This module knows nothing of layout: it returns words with pixel boxes ([`OcrImage`]);
//! the PDF reader turns them into lines, bands, page numbers and paragraphs.
//!
//! Without tesseract (or its Vietnamese data) the page stays "needs OCR" and the warning
//! says how to install it ([`Unavailable::message`]).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::lang::Lang;
use crate::normalize;

/// Rendering resolution: what Tesseract is trained for.
pub const DPI: u32 = 300;
/// Largest bitmap rendered, in pixels (an A4 page at 300 dpi is 8.7 M): a page box of
/// hostile size is rendered at a lower resolution instead.
const MAX_PIXELS: f64 = 40_000_000.0;
/// Time limits of the child processes, per page.
const RENDER_TIMEOUT: Duration = Duration::from_secs(60);
const RECOGNIZE_TIMEOUT: Duration = Duration::from_secs(120);
/// Address-space limit of each child (tesseract takes ~125 MB on an A4 page).
const CHILD_MEMORY: u64 = 1 << 30;
/// Largest TSV read back (a dense page is ~100 KB).
const MAX_TSV_BYTES: usize = 16 << 20;
/// Scanned pages read per file; the rest stay "needs OCR" (a 50-page scan takes minutes).
pub const MAX_PAGES_PER_FILE: usize = 60;
/// A page whose words Tesseract reads with a mean confidence below this is not trusted: its
/// text stays out and the page stays "needs OCR". Clean and noisy 300 dpi scans read at
/// 94–96 (tests/ocr.rs, benches/ocr-results.txt); a 40 dpi scan, whose text is garbled
/// ("Hũ và tên: Hình Thị Hea"), reads at 61–65.
pub const MIN_PAGE_CONFIDENCE: f32 = 75.0;
/// Words below this confidence that hold no letter or digit are specks, not text.
const SPECK_CONFIDENCE: f32 = 50.0;

/// The OCR engine found on this machine.
#[derive(Debug, Clone)]
pub struct Engine {
    tesseract: PathBuf,
    pdftoppm: Option<PathBuf>,
    /// "Tesseract 5.3.0 (vie)".
    pub name: String,
}

/// Why OCR cannot run here, and why one page could not be read: data in the document model
/// (a reader's warning carries them), worded in `src/vocab`.
pub use crate::model::{OcrError, OcrUnavailable as Unavailable};

impl Unavailable {
    /// What the council reads, with how to install what is missing.
    pub fn message(&self, lang: Lang) -> String {
        crate::vocab::ocr_unavailable(self, lang)
    }
}

impl OcrError {
    pub fn message(&self, lang: Lang) -> String {
        crate::vocab::ocr_error(self, lang)
    }
}

/// One word read from an image, its box in pixels from the image's top-left.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// NFC.
    pub text: String,
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
    /// 0–100.
    pub confidence: f32,
    /// Tesseract's block, paragraph and line numbers: words sharing all three are one line.
    pub block: u32,
    pub paragraph: u32,
    pub line: u32,
}

/// What OCR read from one image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrImage {
    pub width: u32,
    pub height: u32,
    /// Pixels per inch of the image (to turn boxes into points).
    pub dpi: f32,
    pub words: Vec<OcrWord>,
}

impl OcrImage {
    /// No word was found, or words were read with too little confidence to trust
    /// ([`MIN_PAGE_CONFIDENCE`]): the page stays "needs OCR" rather than count as empty or
    /// garbled text (a rule would then fail an entry for what OCR could not see).
    pub fn is_unreliable(&self) -> bool {
        self.words.is_empty() || self.confidence() < MIN_PAGE_CONFIDENCE
    }

    /// This image as an unclear page numbered `number` (no text, or its mean confidence).
    pub fn unclear(&self, number: usize) -> crate::model::UnclearPage {
        crate::model::UnclearPage {
            number,
            confidence: (!self.words.is_empty())
                .then(|| crate::model::ReadWarning::percent(self.confidence())),
        }
    }

    /// Mean word confidence, 0–100 (0 when no word was read).
    pub fn confidence(&self) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        self.words.iter().map(|w| w.confidence).sum::<f32>() / self.words.len() as f32
    }
}

/// The warning for scanned pages (or pictures) OCR read too unreliably to use.
pub fn unreliable_warning(pages: Vec<crate::model::UnclearPage>) -> crate::model::ReadWarning {
    crate::model::ReadWarning::OcrUnclear {
        pages,
        min: crate::model::ReadWarning::percent(MIN_PAGE_CONFIDENCE),
    }
}

/// The engine, looked for once per process.
pub fn engine() -> Result<&'static Engine, Unavailable> {
    static FOUND: OnceLock<Result<Engine, Unavailable>> = OnceLock::new();
    FOUND
        .get_or_init(find_engine)
        .as_ref()
        .map_err(Clone::clone)
}

fn find_engine() -> Result<Engine, Unavailable> {
    let tesseract = on_path("tesseract").ok_or(Unavailable::NoTesseract)?;
    let ask = |arg: &str| {
        let mut cmd = Command::new(&tesseract);
        cmd.arg(arg);
        run(cmd, "tesseract", Duration::from_secs(20), 1 << 16)
            .map(|o| String::from_utf8_lossy(&o).into_owned())
    };
    let version = ask("--version").map_err(|_| Unavailable::NoTesseract)?;
    let version = version
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let major: u32 = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.trim_start_matches('v').split('.').next())
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 4 {
        return Err(Unavailable::TooOld(version));
    }
    let langs = ask("--list-langs").map_err(|_| Unavailable::NoTesseract)?;
    if !langs.lines().any(|l| l.trim() == "vie") {
        return Err(Unavailable::NoVietnamese);
    }
    let number = version.split_whitespace().nth(1).unwrap_or("?");
    Ok(Engine {
        tesseract,
        pdftoppm: on_path("pdftoppm"),
        name: format!("Tesseract {} (vie)", number.trim_start_matches('v')),
    })
}

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// A private temporary folder (mode 0700, removed when dropped).
pub fn private_dir() -> Result<tempfile::TempDir, OcrError> {
    tempfile::Builder::new()
        .prefix("soloai-ocr-")
        .tempdir()
        .map_err(|e| OcrError::Io(crate::safe_fs::io_cause(&e)))
}

/// A page rendered to a grayscale PGM file in the private folder.
#[derive(Debug)]
pub struct Rendered {
    path: PathBuf,
    dpi: f32,
}

impl Rendered {
    /// Bytes of the rendered bitmap (one byte a pixel), as a file's memory budget counts it.
    pub fn pixels(&self) -> u64 {
        std::fs::metadata(&self.path).map_or(0, |m| m.len())
    }
}

impl Drop for Rendered {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Which edge band of a page to read again on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Top,
    Bottom,
}

/// Share of the page height read again at the top and at the bottom when the first reading
/// found no page number there (a little more than layout's 8 % band).
const EDGE_SHARE: f64 = 0.11;
/// Dark blobs smaller than this many pixels (at 300 dpi) are specks, cleared before an edge
/// band is read again: a lone "3" next to a speck reads "m3". A full stop at 13 pt is ~60.
const SPECK_PIXELS: usize = 40;

impl Engine {
    /// Render page `page` (0-based) of the PDF at `pdf` (our own copy, in `dir`) to a
    /// grayscale image. `page_size` is the displayed size in points, to bound the bitmap.
    pub fn render_pdf_page(
        &self,
        dir: &Path,
        pdf: &Path,
        page: usize,
        page_size: (f32, f32),
    ) -> Result<Rendered, OcrError> {
        let pdftoppm = self
            .pdftoppm
            .as_ref()
            .ok_or(OcrError::Unavailable(Unavailable::NoRenderer))?;
        let dpi = render_dpi(page_size);
        let prefix = dir.join(format!("page-{}", page + 1));
        let n = (page + 1).to_string();
        let mut cmd = Command::new(pdftoppm);
        // -gray without -png writes PGM, which we can crop ourselves for the edge bands.
        cmd.args(["-r", &dpi.to_string(), "-gray", "-singlefile"])
            .args(["-f", &n, "-l", &n])
            .arg(pdf)
            .arg(&prefix);
        let rendered = Rendered {
            path: prefix.with_extension("pgm"),
            dpi: dpi as f32,
        };
        run(cmd, "pdftoppm", RENDER_TIMEOUT, 1 << 16)?;
        Ok(rendered)
    }

    /// Read a rendered page.
    pub fn read_rendered(&self, page: &Rendered) -> Result<OcrImage, OcrError> {
        self.read_image(&page.path, page.dpi)
    }

    /// Read one edge band of a rendered page again, on its own and with specks cleared:
    /// Tesseract's page layout drops a lone page number at the foot of a page as noise.
    /// Word boxes are in the whole page's pixels.
    pub fn read_edge(&self, page: &Rendered, edge: Edge) -> Result<OcrImage, OcrError> {
        let pgm =
            std::fs::read(&page.path).map_err(|e| OcrError::Io(crate::safe_fs::io_cause(&e)))?;
        let (width, height, pixels) = parse_pgm(&pgm).ok_or(OcrError::BadImage)?;
        let rows = ((height as f64 * EDGE_SHARE).ceil() as usize).clamp(1, height);
        let first = match edge {
            Edge::Top => 0,
            Edge::Bottom => height - rows,
        };
        let mut band = pixels[first * width..(first + rows) * width].to_vec();
        despeckle(&mut band, width, rows);
        let path = page.path.with_extension(match edge {
            Edge::Top => "top.pgm",
            Edge::Bottom => "bottom.pgm",
        });
        let mut file = format!("P5\n{width} {rows}\n255\n").into_bytes();
        file.extend_from_slice(&band);
        std::fs::write(&path, &file).map_err(|e| OcrError::Io(crate::safe_fs::io_cause(&e)))?;
        let read = self.read_with(&path, page.dpi, "6");
        let _ = std::fs::remove_file(&path);
        let mut image = read?;
        for w in &mut image.words {
            w.top += first as u32;
        }
        image.width = width as u32;
        image.height = height as u32;
        Ok(image)
    }

    /// Read an image file (PNG, JPEG, TIFF, PGM). `dpi` is its resolution when known (a
    /// Word picture's is not: 300 is assumed, which only scales the boxes).
    pub fn read_image(&self, image: &Path, dpi: f32) -> Result<OcrImage, OcrError> {
        self.read_with(image, dpi, "3")
    }

    fn read_with(&self, image: &Path, dpi: f32, psm: &str) -> Result<OcrImage, OcrError> {
        let mut cmd = Command::new(&self.tesseract);
        cmd.arg(image)
            .arg("stdout")
            .args(["-l", "vie", "--psm", psm])
            .args(["--dpi", &(dpi.round() as u32).to_string()])
            .arg("tsv")
            // One thread: screening already runs one file per core.
            .env("OMP_THREAD_LIMIT", "1");
        let tsv = run(cmd, "tesseract", RECOGNIZE_TIMEOUT, MAX_TSV_BYTES)?;
        let mut out = parse_tsv(&String::from_utf8_lossy(&tsv));
        out.dpi = dpi;
        Ok(out)
    }
}

/// A binary 8-bit PGM (`P5`): width, height and the pixel rows.
fn parse_pgm(bytes: &[u8]) -> Option<(usize, usize, &[u8])> {
    let mut fields: Vec<usize> = Vec::with_capacity(3);
    let mut i = 2;
    if !bytes.starts_with(b"P5") {
        return None;
    }
    while fields.len() < 3 {
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b'#' {
            while *bytes.get(i)? != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while bytes.get(i)?.is_ascii_digit() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?.parse().ok()?);
    }
    let (width, height, max) = (fields[0], fields[1], fields[2]);
    if max > 255 {
        return None;
    }
    let data = bytes.get(i + 1..)?;
    let size = width.checked_mul(height)?;
    Some((width, height, data.get(..size)?))
}

/// Binarize (dark below 128) and clear dark blobs smaller than [`SPECK_PIXELS`]
/// (8-connected).
fn despeckle(pixels: &mut [u8], width: usize, height: usize) {
    for p in pixels.iter_mut() {
        *p = if *p < 128 { 0 } else { 255 };
    }
    let mut seen = vec![false; pixels.len()];
    let mut blob: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for start in 0..pixels.len() {
        if seen[start] || pixels[start] != 0 {
            continue;
        }
        blob.clear();
        stack.push(start);
        seen[start] = true;
        while let Some(i) = stack.pop() {
            blob.push(i);
            let (x, y) = (i % width, i / width);
            for dy in [-1i64, 0, 1] {
                for dx in [-1i64, 0, 1] {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= width as i64 || ny >= height as i64 {
                        continue;
                    }
                    let j = ny as usize * width + nx as usize;
                    if !seen[j] && pixels[j] == 0 {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        if blob.len() < SPECK_PIXELS {
            for &i in &blob {
                pixels[i] = 255;
            }
        }
    }
}

/// 300 dpi, or less for a page so large that the bitmap would pass [`MAX_PIXELS`].
fn render_dpi((width_pt, height_pt): (f32, f32)) -> u32 {
    let inches = (width_pt.abs().max(1.0) as f64 / 72.0) * (height_pt.abs().max(1.0) as f64 / 72.0);
    let fit = (MAX_PIXELS / inches).sqrt();
    (fit.floor() as u32).clamp(10, DPI)
}

/// Tesseract's TSV: `level page block par line word left top width height conf text`;
/// level 1 is the page (its box is the image size), level 5 a word.
pub fn parse_tsv(tsv: &str) -> OcrImage {
    let mut out = OcrImage::default();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 {
            continue;
        }
        let n = |i: usize| cols[i].trim().parse::<u32>().unwrap_or(0);
        match cols[0] {
            "1" => {
                out.width = n(8);
                out.height = n(9);
            }
            "5" => {
                let text = normalize::nfc(cols[11].trim());
                let confidence: f32 = cols[10].trim().parse().unwrap_or(-1.0);
                if text.is_empty() || confidence < 0.0 {
                    continue;
                }
                if confidence < SPECK_CONFIDENCE && !text.chars().any(char::is_alphanumeric) {
                    continue;
                }
                out.words.push(OcrWord {
                    text,
                    left: n(6),
                    top: n(7),
                    width: n(8),
                    height: n(9),
                    confidence: confidence.clamp(0.0, 100.0),
                    block: n(2),
                    paragraph: n(3),
                    line: n(4),
                });
            }
            _ => {}
        }
    }
    out
}

/// Run a child process with a time limit, an address-space limit ([`CHILD_MEMORY`]) and its
/// output capped at `max_output` bytes; its standard output on success.
fn run(
    mut cmd: Command,
    program: &'static str,
    timeout: Duration,
    max_output: usize,
) -> Result<Vec<u8>, OcrError> {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only setrlimit runs between fork and exec; it is async-signal-safe and touches
    // no memory of the parent.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: CHILD_MEMORY as libc::rlim_t,
                rlim_max: CHILD_MEMORY as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(|e| OcrError::NotStarted {
        program: program.into(),
        cause: crate::safe_fs::io_cause(&e),
    })?;
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let out_reader = std::thread::spawn(move || read_capped(stdout, max_output));
    let err_reader = std::thread::spawn(move || read_capped(stderr, 4096));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let (output, overflow) = out_reader.join().unwrap_or_default();
    let (errors, _) = err_reader.join().unwrap_or_default();
    let Some(status) = status else {
        return Err(OcrError::Timeout {
            program: program.into(),
            seconds: timeout.as_secs(),
        });
    };
    if !status.success() {
        let tail = String::from_utf8_lossy(&errors);
        let last = tail
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(match status.code() {
            Some(code) => OcrError::Failed {
                program: program.into(),
                code,
                said: last.trim().chars().take(200).collect(),
            },
            None => OcrError::Killed {
                program: program.into(),
            },
        });
    }
    if overflow {
        return Err(OcrError::TooMuchOutput {
            program: program.into(),
            limit: max_output,
        });
    }
    Ok(output)
}

/// Read a pipe to its end, keeping at most `cap` bytes (the rest is drained so the child
/// never blocks); whether anything was dropped.
fn read_capped(pipe: Option<impl Read>, cap: usize) -> (Vec<u8>, bool) {
    let Some(mut pipe) = pipe else {
        return (Vec::new(), false);
    };
    let mut kept = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let mut overflow = false;
    loop {
        match pipe.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = cap.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
                overflow |= n > room;
            }
        }
    }
    (kept, overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_boxes_and_confidence() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t\n\
                   4\t1\t1\t1\t1\t0\t1156\t239\t288\t62\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t1156\t239\t164\t62\t91.98\tCUO\u{323}\u{302}C\n\
                   5\t1\t1\t1\t1\t2\t1340\t252\t104\t38\t70.97\tTHỊ\n\
                   5\t1\t1\t1\t1\t3\t1500\t252\t10\t10\t20.0\t|\n\
                   5\t1\t1\t1\t1\t4\t1600\t252\t10\t10\t95.0\t \n";
        let img = parse_tsv(tsv);
        assert_eq!((img.width, img.height), (2481, 3508));
        assert_eq!(
            img.words.len(),
            2,
            "a low-confidence speck and a blank are dropped"
        );
        assert_eq!(img.words[0].text, "CUỘC", "NFC");
        assert_eq!(img.words[1].left, 1340);
        assert!((img.confidence() - 81.475).abs() < 0.01);
    }

    #[test]
    fn pgm_is_parsed_and_specks_cleared() {
        let mut file = b"P5\n# made by hand\n6 4\n255\n".to_vec();
        #[rustfmt::skip]
        let pixels: [u8; 24] = [
            0, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255,
        ];
        file.extend_from_slice(&pixels);
        let (w, h, data) = parse_pgm(&file).expect("PGM");
        assert_eq!((w, h, data.len()), (6, 4, 24));
        let mut band = data.to_vec();
        despeckle(&mut band, w, h);
        assert!(
            band.iter().all(|p| *p == 255),
            "a one-pixel speck is cleared"
        );
        let mut big = vec![255u8; 20 * 20];
        for y in 5..15 {
            for x in 5..15 {
                big[y * 20 + x] = 10;
            }
        }
        despeckle(&mut big, 20, 20);
        assert_eq!(
            big.iter().filter(|p| **p == 0).count(),
            100,
            "a 100-pixel blob stays"
        );
        assert!(parse_pgm(b"P6\n1 1\n255\n\0").is_none());
        assert!(parse_pgm(b"P5\n100 100\n255\n\0").is_none(), "short data");
    }

    #[test]
    fn huge_pages_render_at_a_lower_resolution() {
        assert_eq!(render_dpi((595.0, 842.0)), 300);
        let dpi = render_dpi((14_400.0, 14_400.0));
        assert!(dpi < 40, "{dpi}");
        assert_eq!(render_dpi((f32::MAX, f32::MAX)), 10);
    }

    #[test]
    fn a_child_past_its_time_is_killed() {
        let mut cmd = Command::new("sleep");
        cmd.arg("5");
        let started = Instant::now();
        let err = run(cmd, "sleep", Duration::from_millis(200), 100).unwrap_err();
        assert!(matches!(err, OcrError::Timeout { .. }));
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn a_child_past_its_memory_limit_fails_cleanly() {
        // python3 allocating 2 GiB under the 1 GiB address-space limit.
        if on_path("python3").is_none() {
            return;
        }
        let mut cmd = Command::new("python3");
        cmd.args(["-c", "x = bytearray(2 << 30)"]);
        let err = run(cmd, "python3", Duration::from_secs(20), 100).unwrap_err();
        assert!(
            matches!(err, OcrError::Failed { .. } | OcrError::Killed { .. }),
            "{err:?}"
        );
    }
}
